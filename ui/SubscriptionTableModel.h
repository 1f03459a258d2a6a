#pragma once

#include "domain/Bundle.h"

#include <QAbstractTableModel>

namespace sb {

// Subscriptions as rows: the results of the Subscriptions page's search.
class SubscriptionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NumberColumn, CustomerColumn, StateColumn, PaymentColumn, ColumnCount };
    static constexpr int SubscriptionIdRole = Qt::UserRole + 1;

    explicit SubscriptionTableModel(QObject* parent = nullptr);

    void setSubscriptions(const QList<Subscription>& subscriptions);
    const QList<Subscription>& subscriptions() const { return m_subscriptions; }
    int rowOf(qint64 subscriptionId) const;                    // -1 when absent
    void updateSubscription(const Subscription& subscription); // a reloaded row keeps its place
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Subscription> m_subscriptions;
};

} // namespace sb
