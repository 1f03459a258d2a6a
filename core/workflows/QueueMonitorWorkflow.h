#pragma once

#include "domain/QueueStats.h"
#include "domain/UserMessage.h"
#include "store/Database.h"

namespace sb {

// The provisioning queue monitor's snapshot: counts by status, throughput per minute and task duration
// percentiles per network element. Read-only; any signed-in user may look.
class QueueMonitorWorkflow
{
public:
    static constexpr int defaultWindowMinutes = 30;
    static constexpr int defaultDurationWindowMinutes = 15;

    explicit QueueMonitorWorkflow(Database& db) : m_db(db) {}

    Result<QueueSnapshot> snapshot(qint64 nowMs, int windowMinutes = defaultWindowMinutes,
                                   int durationWindowMinutes = defaultDurationWindowMinutes);
    Result<QueueSnapshot> snapshot() { return snapshot(Database::nowMs()); }

private:
    Database& m_db;
};

} // namespace sb
