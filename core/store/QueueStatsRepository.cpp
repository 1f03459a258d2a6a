#include "QueueStatsRepository.h"

#include <QSqlError>
#include <QSqlQuery>

namespace sb {

QString QueueStatsRepository::sqlOf(Read read)
{
    switch (read) {
    case Read::Counts:
        return QStringLiteral("SELECT status, COUNT(*) FROM provisioning_jobs GROUP BY status");
    case Read::FinishedPerMinute:
        // Only finished jobs have finished_ms (a retry clears it), so the status is counted, not filtered: a filter
        // on status would tempt SQLite into the status index and a walk over every job that ever succeeded.
        return QStringLiteral("SELECT finished_ms / 60000, SUM(CASE WHEN status = 'succeeded' THEN 1 ELSE 0 END),"
                              " SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) FROM provisioning_jobs"
                              " WHERE finished_ms >= :since GROUP BY finished_ms / 60000");
    case Read::TaskDurations: {
        // Two index-driven halves: jobs finished in the window (finished_ms) and running jobs (status). A running job
        // has no finished_ms, so no task is counted twice. CROSS JOIN keeps SQLite from starting at the tasks, which
        // have no time index (PostgreSQL reads it as a plain join).
        const QString tasksOfJobs = QStringLiteral(
            "SELECT t.action, t.finished_ms - t.started_ms FROM provisioning_jobs j CROSS JOIN provisioning_tasks t"
            " WHERE %1 AND t.job_id = j.id AND t.status = 'done' AND t.started_ms IS NOT NULL"
            " AND t.finished_ms >= %2");
        return tasksOfJobs.arg(QStringLiteral("j.finished_ms >= :since"), QStringLiteral(":taskSince")) +
               QStringLiteral(" UNION ALL ") +
               tasksOfJobs.arg(QStringLiteral("j.status = 'running'"), QStringLiteral(":runningTaskSince"));
    }
    }
    return {};
}

Sql& QueueStatsRepository::bindWindow(Sql& query, Read read, qint64 sinceMs)
{
    if (read == Read::FinishedPerMinute || read == Read::TaskDurations)
        query.bind(QStringLiteral(":since"), sinceMs);
    if (read == Read::TaskDurations)
        query.bind(QStringLiteral(":taskSince"), sinceMs).bind(QStringLiteral(":runningTaskSince"), sinceMs);
    return query;
}

QueueCounts QueueStatsRepository::countsByStatus()
{
    Sql q(m_db, sqlOf(Read::Counts));
    q.exec();
    QueueCounts counts;
    while (q.next()) {
        const QString status = q.value(0).toString();
        const int count = q.value(1).toInt();
        if (status == QLatin1String("queued"))
            counts.queued = count;
        else if (status == QLatin1String("running"))
            counts.running = count;
        else if (status == QLatin1String("succeeded"))
            counts.succeeded = count;
        else if (status == QLatin1String("failed"))
            counts.failed = count;
    }
    return counts;
}

QList<ThroughputBucket> QueueStatsRepository::finishedPerMinute(qint64 sinceMs)
{
    Sql q(m_db, sqlOf(Read::FinishedPerMinute));
    bindWindow(q, Read::FinishedPerMinute, sinceMs).exec();
    QList<ThroughputBucket> result;
    while (q.next())
        result.append(ThroughputBucket{q.value(0).toLongLong() * QueueStats::minuteMs, q.value(1).toInt(),
                                       q.value(2).toInt()});
    return result;
}

QList<TaskDurationSample> QueueStatsRepository::taskDurations(qint64 sinceMs)
{
    Sql q(m_db, sqlOf(Read::TaskDurations));
    bindWindow(q, Read::TaskDurations, sinceMs).exec();
    QList<TaskDurationSample> result;
    while (q.next())
        result.append(TaskDurationSample{QueueStats::elementOf(q.value(0).toString()), q.value(1).toLongLong()});
    return result;
}

QStringList QueueStatsRepository::queryPlan(Read read)
{
    // The window as a literal: the plan of the statement as it runs, without asking PostgreSQL to prepare EXPLAIN.
    QString text = sqlOf(read);
    const QString since = QString::number(Database::nowMs() - QueueStats::minuteMs);
    for (const char* name : {":runningTaskSince", ":taskSince", ":since"})
        text.replace(QLatin1String(name), since);
    // Not prepared: PostgreSQL's PREPARE does not take EXPLAIN.
    const bool sqlite = m_db.dialect().sqlite;
    text.prepend(sqlite ? QStringLiteral("EXPLAIN QUERY PLAN ") : QStringLiteral("EXPLAIN "));
    QSqlQuery q(m_db.connection());
    if (!q.exec(text))
        throw StoreException(storeError(QT_TRANSLATE_NOOP("Store", "run a query"),
                                        q.lastError().text() + QStringLiteral(" in: ") + text));
    const int detailColumn = sqlite ? 3 : 0; // SQLite: id, parent, notused, detail
    QStringList lines;
    while (q.next())
        lines << q.value(detailColumn).toString();
    return lines;
}

} // namespace sb
