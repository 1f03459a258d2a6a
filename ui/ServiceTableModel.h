#pragma once

#include "domain/Entities.h"

#include <QAbstractTableModel>

namespace sb {

// Services as rows: the customer page's services table and the Services page.
class ServiceTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        NameColumn,
        ProductColumn,
        StatusColumn,
        AutoRenewColumn,
        MonthlyCostColumn,
        CreatedColumn,
        ColumnCount
    };
    static constexpr int ServiceIdRole = Qt::UserRole + 1;

    explicit ServiceTableModel(QObject* parent = nullptr);

    void setServices(const QList<Service>& services);
    const QList<Service>& services() const { return m_services; }
    int rowOf(qint64 serviceId) const; // -1 when absent
    void retranslate();                // the language changed: headers and cells are read again

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Service> m_services;
};

} // namespace sb
