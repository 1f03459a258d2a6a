#pragma once

#include "Database.h"
#include "domain/QueueStats.h"

namespace sb {

// The queue monitor's reads. Each is bounded so it stays cheap on a table of 100,000 jobs: the counts read the
// (status, id) index only, and the per-minute and duration reads start from the jobs that finished since a
// given time (index on finished_ms) or are running (status index).
class QueueStatsRepository
{
public:
    explicit QueueStatsRepository(Database& db) : m_db(db) {}

    QueueCounts countsByStatus();
    // Jobs finished at or after sinceMs, per wall-clock minute (minuteStartMs is a multiple of one minute).
    QList<ThroughputBucket> finishedPerMinute(qint64 sinceMs);
    // Done tasks that finished at or after sinceMs, of jobs that finished since then or are still running.
    QList<TaskDurationSample> taskDurations(qint64 sinceMs);

    enum class Read { Counts, FinishedPerMinute, TaskDurations };
    // The engine's query plan for one of the reads (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL), one line
    // per step: how a test checks that the reads use the indexes.
    QStringList queryPlan(Read read);

private:
    static QString sqlOf(Read read);
    static Sql& bindWindow(Sql& query, Read read, qint64 sinceMs);
    Database& m_db;
};

} // namespace sb
