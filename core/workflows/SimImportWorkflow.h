#pragma once

#include "SimBatchFile.h"
#include "security/Actor.h"
#include "store/Database.h"

namespace sb {

struct SimImportSummary
{
    int imported = 0;
    QString batch;          // the header's Batch value
    QString keyCheck;       // check value of the transport key the keys are sealed under
    bool opcSealed = false; // OPc derived from OP and stored sealed; otherwise derived at provisioning
};

// SIM batch import (switchboard-ctl inventory import-sims): each card becomes a "SIM Card" item (New) with its
// IMSI and its keys sealed under the batch's transport key (see SimKeys). Ki and OPc exist in clear only in memory,
// to derive OPc; nothing of the file is written unless every row is right, and then in one transaction.
class SimImportWorkflow
{
public:
    explicit SimImportWorkflow(Database& db) : m_db(db) {}

    // opHex: the operator's OP (32 hex digits) to derive OPc now; empty = derive at provisioning from [sim] op.
    Result<SimImportSummary> importBatch(const Actor& actor, const SimBatch& batch, const QString& transportKeyFile,
                                         const QString& opHex);

private:
    Database& m_db;
};

} // namespace sb
