#include "ProvisioningRunner.h"

#include "ProvisioningActions.h"
#include "domain/AddonRules.h"
#include "store/JobRepository.h"
#include "store/ServiceAddonRepository.h"
#include "store/ServiceRepository.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>

namespace sb {

ProvisioningRunner::ProvisioningRunner(Database& db, NetworkEndpoints endpoints, QString workerId,
                                       RunnerSettings settings)
    : m_db(db), m_endpoints(std::move(endpoints)), m_workerId(std::move(workerId)), m_settings(settings)
{
}

std::optional<qint64> ProvisioningRunner::runNext()
{
    const auto claimed =
        JobRepository(m_db).claimNext(m_workerId, m_settings.leaseMs, m_settings.jobTimeoutMs, Database::nowMs());
    if (claimed)
        runClaimed(*claimed);
    return claimed;
}

std::optional<JobStatus> ProvisioningRunner::runJob(qint64 jobId)
{
    if (!JobRepository(m_db).claimJob(jobId, m_workerId, m_settings.leaseMs, m_settings.jobTimeoutMs, Database::nowMs()))
        return std::nullopt;
    return runClaimed(jobId);
}

JobStatus ProvisioningRunner::runClaimed(qint64 jobId)
{
    JobRepository jobs(m_db);
    const auto loaded = jobs.byId(jobId);
    if (!loaded)
        return JobStatus::Failed;
    const ProvisioningJob& job = *loaded;

    auto failJob = [&](const ProvisioningTask& task, const Error& error) {
        const qint64 now = Database::nowMs();
        jobs.markTaskFailed(task.id, now, error.message);
        if (!error.detail.isEmpty())
            jobs.appendTaskLog(task.id, QStringLiteral("error: ") + error.detail);
        jobs.appendTaskLog(task.id, QStringLiteral("failed: ") + error.message.englishText());
        if (!task.rescue.isEmpty()) {
            if (const auto rescue = ProvisioningActions::find(task.rescue.value(QStringLiteral("action")).toString())) {
                ActionContext context{m_db, m_endpoints, job, 30000, {}};
                const Status undone = (*rescue)(context, task.rescue.value(QStringLiteral("params")).toObject());
                jobs.appendTaskLog(task.id, QStringLiteral("rescue %1: %2\n%3")
                                                .arg(task.rescue.value(QStringLiteral("action")).toString(),
                                                     undone ? QStringLiteral("done") : undone.error.message.englishText(),
                                                     context.log));
            }
        }
        // A failed add-on leaves the service it was bought for as it is: only the add-on failed.
        if (job.kind == QLatin1String(AddonRules::jobKind))
            ServiceAddonRepository(m_db).setStatusOfJob(job.id, QLatin1String(AddonPurchase::Failed));
        else
            ServiceRepository(m_db).setStatus(job.serviceId, ServiceStatus::ProvisioningFailed, job.requestedBy);
        jobs.finishJob(job.id, JobStatus::Failed, error.message, Database::nowMs());
        return JobStatus::Failed;
    };

    for (const ProvisioningTask& task : job.tasks) {
        if (task.status == TaskStatus::Done || task.status == TaskStatus::Skipped)
            continue;
        if (m_stopFlag && m_stopFlag->load()) {
            jobs.handBack(job.id, m_workerId);
            return JobStatus::Queued;
        }
        const qint64 now = Database::nowMs();
        const qint64 remaining = job.deadlineMs > 0 ? job.deadlineMs - now : m_settings.jobTimeoutMs;
        if (remaining <= 0)
            return failJob(task, Error{UserMessage("Provisioning",
                                                   QT_TRANSLATE_NOOP("Provisioning", "Provisioning timed out after %1 seconds. Check the provisioning logs for the step that hung and that the OCS and network systems are online, then retry."),
                                                   {QString::number(m_settings.jobTimeoutMs / 1000)}),
                                       {}});
        const QString maskedParams =
            QString::fromUtf8(QJsonDocument(task.params).toJson(QJsonDocument::Compact))
                .replace(QRegularExpression(QStringLiteral("\"(ki|opc|ki_enc|opc_enc|password)\":\"[^\"]*\"")),
                         QStringLiteral("\"\\1\":\"***\""));
        if (!jobs.startTask(job.id, m_workerId, now + m_settings.leaseMs, task.id, now,
                            QStringLiteral("attempt %1 on %2: %3 %4")
                                .arg(job.attempt)
                                .arg(m_workerId, task.action, maskedParams)))
            return JobStatus::Queued; // the lease expired and another worker took the job over: it resumes there
        const auto action = ProvisioningActions::find(task.action);
        if (!action)
            return failJob(task, Error{UserMessage("Provisioning",
                                                   QT_TRANSLATE_NOOP("Provisioning", "The playbook asks for the unknown action \"%1\". Correct the playbook \"%2\"."),
                                                   {task.action, job.playbook}),
                                       {}});
        ActionContext context{m_db, m_endpoints, job, static_cast<int>(qMin<qint64>(task.timeoutMs, remaining)), {}};
        Status outcome;
        try {
            outcome = (*action)(context, task.params);
        } catch (const StoreException& e) {
            outcome = Status(e.error());
        }
        if (!outcome) {
            jobs.appendTaskLog(task.id, context.log);
            return failJob(task, outcome.error);
        }
        jobs.markTaskDone(task.id, Database::nowMs(), context.log);
    }
    jobs.finishJob(job.id, JobStatus::Succeeded, {}, Database::nowMs());
    return JobStatus::Succeeded;
}

} // namespace sb
