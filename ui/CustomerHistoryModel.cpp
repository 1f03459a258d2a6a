#include "CustomerHistoryModel.h"

#include "Formatting.h"

#include <QColor>

namespace sb {

CustomerHistoryModel::CustomerHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void CustomerHistoryModel::setJobs(const QList<JobSummary>& jobs)
{
    beginResetModel();
    m_jobs = jobs;
    endResetModel();
}

void CustomerHistoryModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_jobs.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString CustomerHistoryModel::kindName(const QString& kind)
{
    if (kind == QLatin1String("assign_plan"))
        return tr("Assign plan");
    if (kind == QLatin1String("addon"))
        return tr("Add-on");
    if (kind == QLatin1String("cancel_service"))
        return tr("Cancel service");
    if (kind == QLatin1String("amend_bundle"))
        return tr("Amend bundle");
    return kind;
}

int CustomerHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int CustomerHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProvisioningJob& job = m_jobs.at(index.row()).job;
    if (role == JobIdRole)
        return job.id;
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == ProvisionIdColumn || index.column() == AttemptColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        if (job.status == JobStatus::Succeeded)
            return QColor(0x1b, 0x7f, 0x3b);
        if (job.status == JobStatus::Failed)
            return QColor(0xb3, 0x26, 0x1e);
        return {};
    }
    const QString error = job.error.isEmpty() ? QString() : UserMessage::fromJsonString(job.error).text();
    if (role == Qt::ToolTipRole && index.column() == ErrorColumn)
        return error.isEmpty() ? QVariant() : QVariant(error);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case ProvisionIdColumn:
        return QString::number(job.id);
    case KindColumn:
        return kindName(job.kind);
    case ServiceColumn:
        return m_jobs.at(index.row()).serviceName;
    case StatusColumn:
        return displayName(job.status);
    case AttemptColumn:
        return QString::number(job.attempt);
    case CreatedColumn:
        return Formatting::dateTime(job.createdMs);
    case FinishedColumn:
        return Formatting::dateTime(job.finishedMs);
    case RequestedByColumn:
        return job.requestedBy;
    case ErrorColumn:
        return error;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CustomerHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ProvisionIdColumn:
        return tr("Provision ID");
    case KindColumn:
        return tr("Kind");
    case ServiceColumn:
        return tr("Service");
    case StatusColumn:
        return tr("Status");
    case AttemptColumn:
        return tr("Attempt");
    case CreatedColumn:
        return tr("Created");
    case FinishedColumn:
        return tr("Finished");
    case RequestedByColumn:
        return tr("Requested by");
    case ErrorColumn:
        return tr("Error");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace sb
