#pragma once

#include "domain/Enums.h"
#include "network/ElementEndpoint.h"
#include "store/Database.h"

#include <atomic>
#include <optional>

namespace sb {

struct RunnerSettings
{
    qint64 jobTimeoutMs = 5 * 60 * 1000; // the seed's "typically 5 minutes"
    qint64 leaseMs = 60 * 1000;
};

// Runs a job's tasks in order, writing each transition to the database before and after the work, so a
// crash at any instant leaves a job another worker can take over once the lease expires. A failed task
// runs its rescue action and fails the job; Retry resumes at the failed task (actions are idempotent).
class ProvisioningRunner
{
public:
    ProvisioningRunner(Database& db, NetworkEndpoints endpoints, QString workerId, RunnerSettings settings = {});

    // Claims the next queued job (or one whose lease expired) and runs it. Returns its id, or nothing.
    std::optional<qint64> runNext();
    // Claims this job and runs it (switchboard-ctl assign --wait). Nothing when another worker has it.
    std::optional<JobStatus> runJob(qint64 jobId);
    JobStatus runClaimed(qint64 jobId);
    // When the flag is set, the job is handed back to the queue between two tasks.
    void setStopFlag(const std::atomic<bool>* flag) { m_stopFlag = flag; }

private:
    Database& m_db;
    NetworkEndpoints m_endpoints;
    QString m_workerId;
    RunnerSettings m_settings;
    const std::atomic<bool>* m_stopFlag = nullptr;
};

} // namespace sb
