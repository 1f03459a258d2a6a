#include "SubscriptionTableModel.h"

#include "Formatting.h"

namespace sb {

SubscriptionTableModel::SubscriptionTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void SubscriptionTableModel::setSubscriptions(const QList<Subscription>& subscriptions)
{
    beginResetModel();
    m_subscriptions = subscriptions;
    endResetModel();
}

int SubscriptionTableModel::rowOf(qint64 subscriptionId) const
{
    for (int row = 0; row < m_subscriptions.size(); ++row)
        if (m_subscriptions.at(row).id == subscriptionId)
            return row;
    return -1;
}

void SubscriptionTableModel::updateSubscription(const Subscription& subscription)
{
    const int row = rowOf(subscription.id);
    if (row < 0)
        return;
    m_subscriptions[row] = subscription;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SubscriptionTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_subscriptions.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int SubscriptionTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_subscriptions.size());
}

int SubscriptionTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SubscriptionTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Subscription& subscription = m_subscriptions.at(index.row());
    if (role == SubscriptionIdRole)
        return subscription.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case NumberColumn:
        return subscription.number;
    case CustomerColumn: {
        Customer customer;
        customer.id = subscription.customerId;
        customer.name = subscription.customerName;
        return Formatting::customer(customer);
    }
    case StateColumn:
        return displayName(subscription.state);
    case PaymentColumn:
        return displayName(subscription.paymentType);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SubscriptionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NumberColumn:
        return tr("Subscription");
    case CustomerColumn:
        return tr("Customer");
    case StateColumn:
        return tr("Life Cycle State");
    case PaymentColumn:
        return tr("Payment");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace sb
