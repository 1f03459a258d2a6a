#include "JobTableModel.h"

#include "Formatting.h"

#include <QColor>

namespace sb {
namespace {

bool sameRows(const QList<JobSummary>& a, const QList<JobSummary>& b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i)
        if (a.at(i).job.id != b.at(i).job.id)
            return false;
    return true;
}

} // namespace

JobTableModel::JobTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void JobTableModel::setJobs(const QList<JobSummary>& jobs)
{
    if (sameRows(m_jobs, jobs)) {
        m_jobs = jobs;
        if (!m_jobs.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_jobs = jobs;
    endResetModel();
}

int JobTableModel::rowOf(qint64 jobId) const
{
    for (int row = 0; row < m_jobs.size(); ++row)
        if (m_jobs.at(row).job.id == jobId)
            return row;
    return -1;
}

void JobTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_jobs.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int JobTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobSummary& summary = m_jobs.at(index.row());
    if (role == JobIdRole)
        return summary.job.id;
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == ProvisionIdColumn || index.column() == ProgressColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        if (summary.job.status == JobStatus::Succeeded)
            return QColor(0x1b, 0x7f, 0x3b);
        if (summary.job.status == JobStatus::Failed)
            return QColor(0xb3, 0x26, 0x1e);
        return {};
    }
    if (role == Qt::ToolTipRole && summary.job.status == JobStatus::Failed)
        return UserMessage::fromJsonString(summary.job.error).text();
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case ProvisionIdColumn:
        return QString::number(summary.job.id);
    case CustomerColumn:
        return summary.customerName;
    case ServiceColumn:
        return summary.serviceName;
    case StatusColumn:
        return displayName(summary.job.status);
    case ProgressColumn:
        return tr("%1/%2").arg(summary.tasksDone).arg(summary.tasksTotal);
    case CreatedColumn:
        return Formatting::dateTime(summary.job.createdMs);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ProvisionIdColumn:
        return tr("Provision ID");
    case CustomerColumn:
        return tr("Customer");
    case ServiceColumn:
        return tr("Service");
    case StatusColumn:
        return tr("Status");
    case ProgressColumn:
        return tr("Progress");
    case CreatedColumn:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace sb
