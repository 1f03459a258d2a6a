#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"
#include "security/Actor.h"
#include "store/Database.h"
#include "store/JobRepository.h"

namespace sb {

// Reading jobs for the progress dialog and the Provisioning page, and Retry.
class ProvisioningWorkflow
{
public:
    explicit ProvisioningWorkflow(Database& db) : m_db(db) {}

    Result<ProvisioningJob> job(qint64 jobId);
    Result<QList<JobSummary>> recentJobs(int limit = 200);
    Result<QList<JobSummary>> jobsForCustomer(qint64 customerId);
    // Requeues a failed job; it resumes at the failed task. The actor needs Permission::RetryProvisioning.
    Status retry(qint64 jobId, const Actor& actor);

private:
    Database& m_db;
};

} // namespace sb
