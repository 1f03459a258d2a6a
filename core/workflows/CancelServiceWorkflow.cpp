#include "CancelServiceWorkflow.h"

#include "store/AuditRepository.h"
#include "store/JobRepository.h"
#include "store/ServiceRepository.h"

#include <QCoreApplication>
#include <QHash>

namespace sb {
namespace {

[[noreturn]] void reject(UserMessage message)
{
    throw StoreException(Error{std::move(message), {}});
}

const char* const GenericUndoLabel = QT_TRANSLATE_NOOP("Playbook", "Undoing: %1");

// The label of the task that runs a rescue action; it takes the arguments of the task it undoes.
QString undoLabel(const QString& rescueAction)
{
    static const QHash<QString, const char*> labels{
        {QStringLiteral("radius.delete_user"), QT_TRANSLATE_NOOP("Playbook", "Removing RADIUS user (%1)")},
        {QStringLiteral("sip.delete_subscriber"), QT_TRANSLATE_NOOP("Playbook", "Removing SIP subscriber (%1)")},
        {QStringLiteral("ocs.remove_account"), QT_TRANSLATE_NOOP("Playbook", "Removing OCS account")},
        {QStringLiteral("hss.delete_subscriber"), QT_TRANSLATE_NOOP("Playbook", "Deactivating SIM in HLR/HSS (IMSI: %1)")},
        {QStringLiteral("iptv.deactivate"), QT_TRANSLATE_NOOP("Playbook", "Deactivating set-top box on IPTV middleware")},
    };
    return QString::fromUtf8(labels.value(rescueAction, GenericUndoLabel));
}

QList<ProvisioningTask> cancelTasks(const ProvisioningJob& provisioned, qint64 serviceId)
{
    QList<ProvisioningTask> tasks;
    for (auto it = provisioned.tasks.crbegin(); it != provisioned.tasks.crend(); ++it) {
        if (it->status != TaskStatus::Done || it->rescue.isEmpty())
            continue; // a failed task already ran its rescue; a pending one changed nothing
        const QString action = it->rescue.value(QStringLiteral("action")).toString();
        ProvisioningTask task;
        task.ordinal = tasks.size() + 1;
        task.label = undoLabel(action);
        task.labelArgs = task.label == QLatin1String(GenericUndoLabel) ? QStringList{action} : it->labelArgs;
        task.action = action;
        task.params = it->rescue.value(QStringLiteral("params")).toObject();
        task.timeoutMs = it->timeoutMs;
        tasks << task;
    }
    ProvisioningTask last;
    last.ordinal = tasks.size() + 1;
    last.label = QString::fromUtf8(QT_TRANSLATE_NOOP("Playbook", "Cancelling service record"));
    last.action = QStringLiteral("service.cancel");
    last.params = QJsonObject{{QStringLiteral("service_id"), serviceId}};
    last.timeoutMs = 15000;
    tasks << last;
    return tasks;
}

} // namespace

Result<qint64> CancelServiceWorkflow::cancelService(qint64 serviceId, const Actor& actor)
{
    return guarded([&] { return queueInTransaction(serviceId, actor); });
}

qint64 CancelServiceWorkflow::queueInTransaction(qint64 serviceId, const Actor& actor)
{
    actor.enforce(Permission::CancelService);
    Transaction tx(m_db);
    const auto service = ServiceRepository(m_db).byId(serviceId);
    if (!service)
        reject(UserMessage("CancelService", QT_TRANSLATE_NOOP("CancelService", "Service %1 does not exist. Check the number in the Services list."),
                           {QString::number(serviceId)}));
    if (service->status == ServiceStatus::Cancelled)
        reject(UserMessage("CancelService", QT_TRANSLATE_NOOP("CancelService", "Service %1 is already cancelled."),
                           {service->name}));

    JobRepository jobs(m_db);
    ProvisioningJob job;
    job.kind = QLatin1String(JobKind);
    job.serviceId = service->id;
    job.customerId = service->customerId;
    job.requestedBy = actor.login();
    QList<ProvisioningTask> undo;
    if (const auto latestId = jobs.latestForService(service->id)) {
        const ProvisioningJob latest = *jobs.byId(*latestId);
        if (latest.status == JobStatus::Queued || latest.status == JobStatus::Running)
            reject(UserMessage("CancelService",
                               QT_TRANSLATE_NOOP("CancelService", "Service %1 is being provisioned (provision ID %2). Wait until it finishes, then cancel it."),
                               {service->name, QString::number(latest.id)}));
        if (latest.kind == job.kind)
            reject(UserMessage("CancelService",
                               QT_TRANSLATE_NOOP("CancelService", "Cancelling service %1 failed earlier (provision ID %2). Retry that provisioning job instead."),
                               {service->name, QString::number(latest.id)}));
        job.playbook = latest.playbook;
        job.variables = latest.variables;
        job.tasks = cancelTasks(latest, service->id);
    } else {
        job.tasks = cancelTasks(ProvisioningJob{}, service->id);
    }
    const qint64 jobId = jobs.create(job);
    AuditRepository(m_db).record(actor.login(), QStringLiteral("cancel_service"), QStringLiteral("service"), service->id,
                                 QStringLiteral("job=%1").arg(jobId));
    tx.commit();
    return jobId;
}

} // namespace sb
