#include "Entities.h"

#include "UserMessage.h"

namespace sb {

InventoryStatus InventoryItem::effectiveStatus(qint64 nowMs) const
{
    const bool liveReservation = !reservedBy.isEmpty() && reservedUntilMs > nowMs;
    if (liveReservation && (status == InventoryStatus::New || status == InventoryStatus::InStock))
        return InventoryStatus::Reserved;
    return status;
}

QString ProvisioningTask::displayLabel() const
{
    const QByteArray source = label.toUtf8();
    return UserMessage("Playbook", source.constData(), labelArgs).text();
}

int ProvisioningJob::completedTasks() const
{
    int done = 0;
    for (const ProvisioningTask& task : tasks)
        if (task.status == TaskStatus::Done || task.status == TaskStatus::Skipped)
            ++done;
    return done;
}

} // namespace sb
