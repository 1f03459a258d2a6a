#pragma once

#include "domain/UserMessage.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableView;

namespace sb {

class Backend;
class JobTableModel;

// Provisioning jobs, refreshed every 2 s while visible. Double-click, Enter or Open reopens a job's progress.
class ProvisioningPage : public QWidget
{
    Q_OBJECT

public:
    static constexpr int refreshIntervalMs = 2000;

    explicit ProvisioningPage(Backend& backend, QWidget* parent = nullptr);

    void reload();
    JobTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    qint64 selectedJobId() const;

signals:
    void openJobRequested(qint64 jobId);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void retranslateUi();
    void updateButtons();
    void onJobChanged(); // PostgreSQL NOTIFY: refresh now when visible, not at the next tick

    Backend& m_backend;
    QLabel* m_titleLabel;
    QLabel* m_errorLabel;
    QTableView* m_table;
    JobTableModel* m_model;
    QPushButton* m_openButton;
    QTimer m_refreshTimer;
    std::optional<Error> m_error;
    bool m_loading = false;
};

} // namespace sb
