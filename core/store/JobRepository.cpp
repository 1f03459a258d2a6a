#include "JobRepository.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sb {
namespace {

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject objectFrom(const QVariant& value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

const QString jobColumns = QStringLiteral(
    "j.id, j.kind, j.service_id, j.customer_id, j.playbook, j.variables, j.status, j.attempt, j.lease_owner,"
    " j.lease_expires_ms, j.requested_by, j.created_ms, j.started_ms, j.finished_ms, j.error, j.deadline_ms");

ProvisioningJob jobFrom(const Sql& q)
{
    ProvisioningJob j;
    j.id = q.value(0).toLongLong();
    j.kind = q.value(1).toString();
    j.serviceId = q.value(2).toLongLong();
    j.customerId = q.value(3).toLongLong();
    j.playbook = q.value(4).toString();
    j.variables = objectFrom(q.value(5));
    j.status = enumFromCode(q.value(6).toString(), JobStatus::Queued);
    j.attempt = q.value(7).toInt();
    j.leaseOwner = q.value(8).toString();
    j.leaseExpiresMs = q.value(9).toLongLong();
    j.requestedBy = q.value(10).toString();
    j.createdMs = q.value(11).toLongLong();
    j.startedMs = q.value(12).toLongLong();
    j.finishedMs = q.value(13).toLongLong();
    j.error = q.value(14).toString();
    j.deadlineMs = q.value(15).toLongLong();
    return j;
}

} // namespace

// With PostgreSQL every job and task transition is announced on the channel "switchboard_jobs" (payload: the job
// id), inside the transaction that makes it, so listeners hear of it once it is committed. SQLite has no NOTIFY.
void JobRepository::notifyJob(qint64 jobId)
{
    if (m_db.dialect().sqlite)
        return;
    Sql(m_db, QStringLiteral("SELECT pg_notify('%1', CAST(:j AS TEXT))").arg(QLatin1String(notifyChannel)))
        .bind(QStringLiteral(":j"), jobId)
        .exec();
}

// One statement that also announces the change: the UPDATE and its NOTIFY commit together.
QString JobRepository::announced(const QString& update, const QString& jobIdColumn) const
{
    if (m_db.dialect().sqlite)
        return update;
    return QStringLiteral("WITH changed AS (%1 RETURNING %2 AS changed_job)"
                          " SELECT pg_notify('%3', CAST(changed_job AS TEXT)) FROM changed")
        .arg(update, jobIdColumn, QLatin1String(notifyChannel));
}

qint64 JobRepository::create(const ProvisioningJob& job)
{
    Sql q(m_db, QStringLiteral("INSERT INTO provisioning_jobs (kind, service_id, customer_id, playbook, variables, status,"
                               " attempt, requested_by, created_ms) VALUES (:k, :s, :c, :p, :v, :st, 1, :by, :t)"
                               " RETURNING id"));
    q.bind(QStringLiteral(":k"), job.kind)
        .bind(QStringLiteral(":s"), job.serviceId)
        .bind(QStringLiteral(":c"), job.customerId)
        .bind(QStringLiteral(":p"), job.playbook)
        .bind(QStringLiteral(":v"), compact(job.variables))
        .bind(QStringLiteral(":st"), toCode(JobStatus::Queued))
        .bind(QStringLiteral(":by"), job.requestedBy)
        .bind(QStringLiteral(":t"), Database::nowMs())
        .exec();
    const qint64 jobId = q.returnedId();
    for (const ProvisioningTask& task : job.tasks) {
        Sql(m_db, QStringLiteral("INSERT INTO provisioning_tasks (job_id, ordinal, label, label_args, action, params,"
                                 " rescue, timeout_ms, status) VALUES (:j, :o, :l, :la, :a, :p, :r, :t, :s)"))
            .bind(QStringLiteral(":j"), jobId)
            .bind(QStringLiteral(":o"), task.ordinal)
            .bind(QStringLiteral(":l"), task.label)
            .bind(QStringLiteral(":la"),
                  QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(task.labelArgs)).toJson(QJsonDocument::Compact)))
            .bind(QStringLiteral(":a"), task.action)
            .bind(QStringLiteral(":p"), compact(task.params))
            .bind(QStringLiteral(":r"), compact(task.rescue))
            .bind(QStringLiteral(":t"), task.timeoutMs)
            .bind(QStringLiteral(":s"), toCode(TaskStatus::Pending))
            .exec();
    }
    return jobId;
}

std::optional<ProvisioningJob> JobRepository::byId(qint64 id)
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM provisioning_jobs j WHERE j.id = :id").arg(jobColumns));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    ProvisioningJob job = jobFrom(q);
    job.tasks = tasks(id);
    return job;
}

QList<ProvisioningTask> JobRepository::tasks(qint64 jobId)
{
    Sql q(m_db, QStringLiteral("SELECT id, job_id, ordinal, label, label_args, action, params, rescue, timeout_ms, status,"
                               " started_ms, finished_ms, log, error FROM provisioning_tasks WHERE job_id = :j"
                               " ORDER BY ordinal"));
    q.bind(QStringLiteral(":j"), jobId).exec();
    QList<ProvisioningTask> result;
    while (q.next()) {
        ProvisioningTask t;
        t.id = q.value(0).toLongLong();
        t.jobId = q.value(1).toLongLong();
        t.ordinal = q.value(2).toInt();
        t.label = q.value(3).toString();
        for (const QJsonValue& arg : QJsonDocument::fromJson(q.value(4).toString().toUtf8()).array())
            t.labelArgs << arg.toString();
        t.action = q.value(5).toString();
        t.params = objectFrom(q.value(6));
        t.rescue = objectFrom(q.value(7));
        t.timeoutMs = q.value(8).toInt();
        t.status = enumFromCode(q.value(9).toString(), TaskStatus::Pending);
        t.startedMs = q.value(10).toLongLong();
        t.finishedMs = q.value(11).toLongLong();
        t.log = q.value(12).toString();
        t.error = q.value(13).toString();
        result << t;
    }
    return result;
}

QList<JobSummary> JobRepository::summaries(const QString& where, const QVariantMap& binds)
{
    Sql q(m_db, QStringLiteral("SELECT %1, (SELECT COUNT(*) FROM provisioning_tasks t WHERE t.job_id = j.id),"
                               " (SELECT COUNT(*) FROM provisioning_tasks t WHERE t.job_id = j.id AND t.status IN"
                               " ('done', 'skipped')), c.name, s.name FROM provisioning_jobs j"
                               " LEFT JOIN customers c ON c.id = j.customer_id"
                               " LEFT JOIN services s ON s.id = j.service_id %2")
                    .arg(jobColumns, where));
    for (auto it = binds.begin(); it != binds.end(); ++it)
        q.bind(it.key(), it.value());
    q.exec();
    QList<JobSummary> result;
    while (q.next()) {
        JobSummary summary;
        summary.job = jobFrom(q);
        summary.tasksTotal = q.value(16).toInt();
        summary.tasksDone = q.value(17).toInt();
        summary.customerName = q.value(18).toString();
        summary.serviceName = q.value(19).toString();
        result << summary;
    }
    return result;
}

QList<JobSummary> JobRepository::recent(int limit)
{
    return summaries(QStringLiteral("ORDER BY j.id DESC LIMIT :l"), {{QStringLiteral(":l"), limit}});
}

QList<JobSummary> JobRepository::forCustomer(qint64 customerId)
{
    return summaries(QStringLiteral("WHERE j.customer_id = :c ORDER BY j.id DESC"), {{QStringLiteral(":c"), customerId}});
}

std::optional<qint64> JobRepository::latestForService(qint64 serviceId)
{
    // Add-on jobs run against the service too, but they neither created it nor say how to undo it.
    Sql q(m_db, QStringLiteral("SELECT MAX(id) FROM provisioning_jobs WHERE service_id = :s AND kind <> 'addon'"));
    q.bind(QStringLiteral(":s"), serviceId).exec();
    if (!q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

std::optional<qint64> JobRepository::claimNext(const QString& owner, qint64 leaseMs, qint64 jobTimeoutMs, qint64 nowMs)
{
    Transaction tx(m_db);
    Sql pick(m_db, QStringLiteral("SELECT id FROM provisioning_jobs WHERE status = 'queued'"
                                  " OR (status = 'running' AND lease_expires_ms < :now) ORDER BY id LIMIT 1"
                                  "{{SKIP_LOCKED}}"));
    pick.bind(QStringLiteral(":now"), nowMs).exec();
    if (!pick.next())
        return std::nullopt;
    const qint64 id = pick.value(0).toLongLong();
    pick.query().finish();
    if (!claimJob(id, owner, leaseMs, jobTimeoutMs, nowMs))
        return std::nullopt;
    tx.commit();
    return id;
}

bool JobRepository::claimJob(qint64 jobId, const QString& owner, qint64 leaseMs, qint64 jobTimeoutMs, qint64 nowMs)
{
    Sql claim(m_db, QStringLiteral("UPDATE provisioning_jobs SET status = 'running', lease_owner = :owner,"
                                   " lease_expires_ms = :lease, started_ms = COALESCE(started_ms, :started),"
                                   " deadline_ms = COALESCE(deadline_ms, :deadline) WHERE id = :id"
                                   " AND (status = 'queued' OR (status = 'running' AND lease_expires_ms < :now))"));
    claim.bind(QStringLiteral(":owner"), owner)
        .bind(QStringLiteral(":lease"), nowMs + leaseMs)
        .bind(QStringLiteral(":started"), nowMs)
        .bind(QStringLiteral(":deadline"), nowMs + jobTimeoutMs)
        .bind(QStringLiteral(":id"), jobId)
        .bind(QStringLiteral(":now"), nowMs)
        .exec();
    if (claim.rowsAffected() != 1)
        return false;
    notifyJob(jobId);
    return true;
}

void JobRepository::handBack(qint64 jobId, const QString& owner)
{
    Transaction tx(m_db);
    Sql q(m_db, QStringLiteral("UPDATE provisioning_jobs SET status = 'queued', lease_owner = NULL,"
                               " lease_expires_ms = NULL WHERE id = :id AND lease_owner = :o AND status = 'running'"));
    q.bind(QStringLiteral(":id"), jobId).bind(QStringLiteral(":o"), owner).exec();
    if (q.rowsAffected() == 1)
        notifyJob(jobId);
    tx.commit();
}

bool JobRepository::renewLease(qint64 jobId, const QString& owner, qint64 untilMs)
{
    Sql q(m_db, QStringLiteral("UPDATE provisioning_jobs SET lease_expires_ms = :u WHERE id = :id AND lease_owner = :o"
                               " AND status = 'running'"));
    q.bind(QStringLiteral(":u"), untilMs).bind(QStringLiteral(":id"), jobId).bind(QStringLiteral(":o"), owner).exec();
    return q.rowsAffected() == 1;
}

static QString asLogLines(const QString& text)
{
    if (text.isEmpty())
        return QStringLiteral(""); // not a null string: that would bind NULL and make the whole log NULL
    if (text.endsWith(QLatin1Char('\n')))
        return text;
    return text + QLatin1Char('\n');
}

void JobRepository::markTaskRunning(qint64 taskId, qint64 nowMs, const QString& logText)
{
    Sql(m_db, announced(QStringLiteral("UPDATE provisioning_tasks SET status = 'running', started_ms = :t,"
                                       " finished_ms = NULL, error = NULL, log = log || :l WHERE id = :id"),
                        QStringLiteral("job_id")))
        .bind(QStringLiteral(":t"), nowMs)
        .bind(QStringLiteral(":l"), asLogLines(logText))
        .bind(QStringLiteral(":id"), taskId)
        .exec();
}

bool JobRepository::startTask(qint64 jobId, const QString& owner, qint64 leaseUntilMs, qint64 taskId, qint64 nowMs,
                              const QString& logText)
{
    if (m_db.dialect().sqlite) {
        if (!renewLease(jobId, owner, leaseUntilMs))
            return false;
        markTaskRunning(taskId, nowMs, logText);
        return true;
    }
    Sql q(m_db, QStringLiteral("WITH lease AS (UPDATE provisioning_jobs SET lease_expires_ms = :u WHERE id = :job"
                               " AND lease_owner = :o AND status = 'running' RETURNING id),"
                               " changed AS (UPDATE provisioning_tasks SET status = 'running', started_ms = :t,"
                               " finished_ms = NULL, error = NULL, log = log || :l"
                               " WHERE id = :id AND EXISTS (SELECT 1 FROM lease) RETURNING job_id)"
                               " SELECT pg_notify('%1', CAST(job_id AS TEXT)) FROM changed")
                    .arg(QLatin1String(notifyChannel)));
    q.bind(QStringLiteral(":u"), leaseUntilMs)
        .bind(QStringLiteral(":job"), jobId)
        .bind(QStringLiteral(":o"), owner)
        .bind(QStringLiteral(":t"), nowMs)
        .bind(QStringLiteral(":l"), asLogLines(logText))
        .bind(QStringLiteral(":id"), taskId)
        .exec();
    return q.next();
}

void JobRepository::markTaskDone(qint64 taskId, qint64 nowMs, const QString& logText)
{
    Sql(m_db, announced(QStringLiteral("UPDATE provisioning_tasks SET status = 'done', finished_ms = :t,"
                                       " log = log || :l WHERE id = :id"),
                        QStringLiteral("job_id")))
        .bind(QStringLiteral(":t"), nowMs)
        .bind(QStringLiteral(":l"), asLogLines(logText))
        .bind(QStringLiteral(":id"), taskId)
        .exec();
}

void JobRepository::markTaskFailed(qint64 taskId, qint64 nowMs, const UserMessage& error)
{
    Sql(m_db, announced(QStringLiteral("UPDATE provisioning_tasks SET status = 'failed', finished_ms = :t, error = :e"
                                       " WHERE id = :id"),
                        QStringLiteral("job_id")))
        .bind(QStringLiteral(":t"), nowMs)
        .bind(QStringLiteral(":e"), error.toJsonString())
        .bind(QStringLiteral(":id"), taskId)
        .exec();
}

void JobRepository::appendTaskLog(qint64 taskId, const QString& text)
{
    if (text.isEmpty())
        return;
    Sql(m_db, QStringLiteral("UPDATE provisioning_tasks SET log = log || :l WHERE id = :id"))
        .bind(QStringLiteral(":l"), asLogLines(text))
        .bind(QStringLiteral(":id"), taskId)
        .exec();
}

void JobRepository::finishJob(qint64 jobId, JobStatus status, const UserMessage& error, qint64 nowMs)
{
    Sql(m_db, announced(QStringLiteral("UPDATE provisioning_jobs SET status = :s, error = :e, finished_ms = :t,"
                                       " lease_owner = NULL, lease_expires_ms = NULL WHERE id = :id"),
                        QStringLiteral("id")))
        .bind(QStringLiteral(":s"), toCode(status))
        .bind(QStringLiteral(":e"), error.isEmpty() ? QVariant() : QVariant(error.toJsonString()))
        .bind(QStringLiteral(":t"), nowMs)
        .bind(QStringLiteral(":id"), jobId)
        .exec();
}

bool JobRepository::resetForRetry(qint64 jobId, const QString& requestedBy)
{
    Sql job(m_db, QStringLiteral("UPDATE provisioning_jobs SET status = 'queued', attempt = attempt + 1, error = NULL,"
                                 " finished_ms = NULL, deadline_ms = NULL, lease_owner = NULL, lease_expires_ms = NULL,"
                                 " requested_by = :by WHERE id = :id AND status = 'failed'"));
    job.bind(QStringLiteral(":by"), requestedBy).bind(QStringLiteral(":id"), jobId).exec();
    if (job.rowsAffected() != 1)
        return false;
    Sql(m_db, QStringLiteral("UPDATE provisioning_tasks SET status = 'pending', error = NULL, log = log || :l"
                             " WHERE job_id = :id AND status IN ('failed', 'running')"))
        .bind(QStringLiteral(":l"), QStringLiteral("--- retry requested by %1 ---\n").arg(requestedBy))
        .bind(QStringLiteral(":id"), jobId)
        .exec();
    notifyJob(jobId);
    return true;
}

} // namespace sb
