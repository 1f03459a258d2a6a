#pragma once

#include "store/Database.h"

namespace sb {

// Carries out the scheduled subscription actions that are due. Called by the provisioning workers (the
// embedded one of the GUI and switchboard-worker); several runners on one database never run an action twice.
class ScheduledActionRunner
{
public:
    explicit ScheduledActionRunner(Database& db) : m_db(db) {}

    // Runs every action due at nowMs (0: now). Returns how many were carried out or failed.
    int runDue(qint64 nowMs = 0);

private:
    Database& m_db;
};

} // namespace sb
