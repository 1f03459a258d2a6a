#pragma once

#include "Database.h"
#include "domain/Entities.h"

#include <optional>

namespace sb {

struct JobSummary
{
    ProvisioningJob job; // without tasks
    int tasksTotal = 0;
    int tasksDone = 0;
    QString customerName;
    QString serviceName;
};

// Provisioning jobs and their tasks. Every transition is written before and after the work it describes,
// so another worker can pick the job up after a crash.
class JobRepository
{
public:
    static constexpr const char* notifyChannel = "switchboard_jobs"; // PostgreSQL NOTIFY channel, payload: job id

    explicit JobRepository(Database& db) : m_db(db) {}

    qint64 create(const ProvisioningJob& job); // with its tasks; call inside a transaction
    std::optional<ProvisioningJob> byId(qint64 id);
    QList<ProvisioningTask> tasks(qint64 jobId);
    QList<JobSummary> recent(int limit = 200);
    QList<JobSummary> forCustomer(qint64 customerId);
    std::optional<qint64> latestForService(qint64 serviceId); // the latest job of the service itself (not add-ons)

    // Takes the oldest queued job, or a running one whose lease expired. Returns its id.
    std::optional<qint64> claimNext(const QString& owner, qint64 leaseMs, qint64 jobTimeoutMs, qint64 nowMs);
    // A worker that stops cleanly returns its job to the queue; the next worker resumes at the unfinished task.
    void handBack(qint64 jobId, const QString& owner);
    // Claims one given job if it is queued (or its lease expired).
    bool claimJob(qint64 jobId, const QString& owner, qint64 leaseMs, qint64 jobTimeoutMs, qint64 nowMs);
    bool renewLease(qint64 jobId, const QString& owner, qint64 untilMs);

    // Renews the owner's lease and marks the task running (with logText), in one round trip on PostgreSQL.
    // False when the job is no longer this owner's: another worker took it over after the lease expired.
    bool startTask(qint64 jobId, const QString& owner, qint64 leaseUntilMs, qint64 taskId, qint64 nowMs,
                   const QString& logText);
    // Both append logText to the task's log in the same statement (one round trip per transition).
    void markTaskRunning(qint64 taskId, qint64 nowMs, const QString& logText = {});
    void markTaskDone(qint64 taskId, qint64 nowMs, const QString& logText = {});
    void markTaskFailed(qint64 taskId, qint64 nowMs, const UserMessage& error);
    void appendTaskLog(qint64 taskId, const QString& text);
    void finishJob(qint64 jobId, JobStatus status, const UserMessage& error, qint64 nowMs);
    // A failed job goes back to the queue; its failed task will run again, done tasks are kept.
    // Call inside a transaction.
    bool resetForRetry(qint64 jobId, const QString& requestedBy);

private:
    void notifyJob(qint64 jobId);
    QString announced(const QString& update, const QString& jobIdColumn) const;
    QList<JobSummary> summaries(const QString& where, const QVariantMap& binds);
    Database& m_db;
};

} // namespace sb
