#pragma once

#include "store/JobRepository.h"

#include <QAbstractTableModel>

namespace sb {

// Provisioning jobs as rows for the Provisioning page.
class JobTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ProvisionIdColumn,
        CustomerColumn,
        ServiceColumn,
        StatusColumn,
        ProgressColumn,
        CreatedColumn,
        ColumnCount
    };
    static constexpr int JobIdRole = Qt::UserRole + 1;

    explicit JobTableModel(QObject* parent = nullptr);

    // Keeps rows (and so the view's selection) when the same jobs come back with new states.
    void setJobs(const QList<JobSummary>& jobs);
    const QList<JobSummary>& jobs() const { return m_jobs; }
    int rowOf(qint64 jobId) const;
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<JobSummary> m_jobs;
};

} // namespace sb
