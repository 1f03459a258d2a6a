#pragma once

#include "domain/UserMessage.h"

#include <QList>
#include <QMap>
#include <QStringList>

namespace sb {

// A SIM vendor's batch file (".out" style), as delivered with a card order:
//
//   * comment lines start with '*'
//   Batch          : SB-2026-001       <- header "Name : value" lines before var_out
//   Quantity       : 2
//   Transport_key  : 1                 <- index of the transport key at the vendor
//   Key_check      : 5A3B1C            <- optional: check value (KCV) of that key
//   Ki_cipher      : AES-128-ECB       <- optional: AES-128-ECB (default) or AES-128-CBC (with Ki_iv, default zero)
//   var_out: ICCID/IMSI/KI/PIN1/PUK1   <- the columns of the rows below; ICCID, IMSI and KI are required
//   8944000000000100001 234150000100001 <32 hex digits: Ki encrypted under the transport key> 1234 12345678
//
// Parsing checks the shape of every row; any problem names its line, and the whole file is refused.
struct SimBatchRow
{
    int line = 0;
    QString iccid;
    QString imsi;
    QByteArray kiEncrypted; // 16 bytes, as in the file
};

struct SimBatch
{
    QMap<QString, QString> header; // keys in lower case ("batch", "quantity", "transport_key", …)
    QStringList columns;           // upper case, from var_out
    QList<SimBatchRow> rows;

    QString value(const char* key) const { return header.value(QLatin1String(key)); }
};

namespace SimBatchFile {
Result<SimBatch> parse(const QByteArray& content);
Result<SimBatch> read(const QString& path);
} // namespace SimBatchFile

} // namespace sb
