#include "Entities.h"

#include <QCoreApplication>

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
    QString text = QCoreApplication::translate("Playbook", source.constData());
    for (const QString& arg : labelArgs)
        text = text.arg(arg);
    return text;
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
