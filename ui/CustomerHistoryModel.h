#pragma once

#include "store/JobRepository.h"

#include <QAbstractTableModel>

namespace sb {

// A customer's provisioning jobs, newest first, for the Provisioning history tab of the Customers page.
class CustomerHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ProvisionIdColumn,
        KindColumn,
        ServiceColumn,
        StatusColumn,
        AttemptColumn,
        CreatedColumn,
        FinishedColumn,
        RequestedByColumn,
        ErrorColumn,
        ColumnCount
    };
    static constexpr int JobIdRole = Qt::UserRole + 1;

    explicit CustomerHistoryModel(QObject* parent = nullptr);

    void setJobs(const QList<JobSummary>& jobs);
    const QList<JobSummary>& jobs() const { return m_jobs; }
    void retranslate();
    static QString kindName(const QString& kind); // "Assign plan", "Add-on"... in the current language

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<JobSummary> m_jobs;
};

} // namespace sb
