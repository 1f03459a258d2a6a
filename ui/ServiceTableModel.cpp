#include "ServiceTableModel.h"

#include "Formatting.h"

#include <QColor>
#include <QLocale>

namespace sb {

ServiceTableModel::ServiceTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ServiceTableModel::setServices(const QList<Service>& services)
{
    beginResetModel();
    m_services = services;
    endResetModel();
}

int ServiceTableModel::rowOf(qint64 serviceId) const
{
    for (int row = 0; row < m_services.size(); ++row)
        if (m_services.at(row).id == serviceId)
            return row;
    return -1;
}

void ServiceTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_services.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ServiceTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_services.size());
}

int ServiceTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServiceTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Service& service = m_services.at(index.row());
    if (role == ServiceIdRole)
        return service.id;
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == IdColumn || index.column() == MonthlyCostColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        if (service.status == ServiceStatus::Active)
            return QColor(0x1b, 0x7f, 0x3b);
        if (service.status == ServiceStatus::ProvisioningFailed)
            return QColor(0xb3, 0x26, 0x1e);
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case IdColumn:
        return QString::number(service.id);
    case NameColumn:
        return service.name;
    case ProductColumn:
        return service.productName;
    case StatusColumn:
        return displayName(service.status);
    case AutoRenewColumn:
        return Formatting::yesNo(service.autoRenew);
    case MonthlyCostColumn:
        return service.monthlyCost.format(QLocale());
    case CreatedColumn:
        return Formatting::dateTime(service.createdMs);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ServiceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case IdColumn:
        return tr("Service ID");
    case NameColumn:
        return tr("Name");
    case ProductColumn:
        return tr("Product");
    case StatusColumn:
        return tr("Status");
    case AutoRenewColumn:
        return tr("Auto-Renew");
    case MonthlyCostColumn:
        return tr("Monthly Cost");
    case CreatedColumn:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace sb
