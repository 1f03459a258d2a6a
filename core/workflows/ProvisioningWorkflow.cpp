#include "ProvisioningWorkflow.h"

#include "domain/AddonRules.h"
#include "store/AuditRepository.h"
#include "store/ServiceAddonRepository.h"

#include <QCoreApplication>

namespace sb {

Result<ProvisioningJob> ProvisioningWorkflow::job(qint64 jobId)
{
    return guarded([&] {
        const auto found = JobRepository(m_db).byId(jobId);
        if (!found)
            throw StoreException(Error{UserMessage("Provisioning", QT_TRANSLATE_NOOP("Provisioning", "Provision ID %1 does not exist. Check the number in the Provisioning list."),
                                                   {QString::number(jobId)}),
                                       {}});
        return *found;
    });
}

Result<QList<JobSummary>> ProvisioningWorkflow::recentJobs(int limit)
{
    return guarded([&] { return JobRepository(m_db).recent(limit); });
}

Result<QList<JobSummary>> ProvisioningWorkflow::jobsForCustomer(qint64 customerId)
{
    return guarded([&] { return JobRepository(m_db).forCustomer(customerId); });
}

Status ProvisioningWorkflow::retry(qint64 jobId, const Actor& actor)
{
    return guardedStatus([&] {
        actor.enforce(Permission::RetryProvisioning);
        const QString requestedBy = actor.login();
        Transaction tx(m_db);
        JobRepository jobs(m_db);
        const auto found = jobs.byId(jobId);
        if (!found)
            throw StoreException(Error{UserMessage("Provisioning", QT_TRANSLATE_NOOP("Provisioning", "Provision ID %1 does not exist. Check the number in the Provisioning list."),
                                                   {QString::number(jobId)}),
                                       {}});
        if (!jobs.resetForRetry(jobId, requestedBy))
            throw StoreException(Error{UserMessage("Provisioning",
                                                   QT_TRANSLATE_NOOP("Provisioning", "Provision ID %1 has not failed (it is %2), so there is nothing to retry."),
                                                   {QString::number(jobId), displayName(found->status)}),
                                       {}});
        if (found->kind == QLatin1String(AddonRules::jobKind))
            ServiceAddonRepository(m_db).setStatusOfJob(jobId, QLatin1String(AddonPurchase::Pending));
        AuditRepository(m_db).record(requestedBy, QStringLiteral("retry_provisioning"), QStringLiteral("job"), jobId);
        tx.commit();
    });
}

} // namespace sb
