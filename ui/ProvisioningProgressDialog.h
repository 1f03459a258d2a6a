#pragma once

#include "domain/AddonPurchase.h"
#include "domain/Entities.h"
#include "domain/UserMessage.h"
#include "workflows/CustomerWorkflow.h"

#include <QDialog>
#include <QTimer>

#include <optional>

class QFormLayout;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace sb {

class Backend;

// Steps 6 and 7 of the seed: the job's tasks with ✓ ⟳ ⏺ ✗, "Progress: N of M tasks completed", polled every
// 0.2 s off the GUI thread; then the success panel (View Service, Close) or the failure panel (View Logs,
// Retry, Close).
class ProvisioningProgressDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int pollIntervalMs = 200;

    ProvisioningProgressDialog(Backend& backend, qint64 jobId, QWidget* parent = nullptr);

    qint64 jobId() const { return m_jobId; }
    std::optional<ProvisioningJob> job() const { return m_job; }
    bool isPolling() const { return m_pollTimer.isActive() || m_pollInFlight; }
    bool isFinished() const;
    QString errorText() const; // the failure panel's error, in the current language

signals:
    void viewServiceRequested(qint64 serviceId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void poll();
    void onJobChanged(qint64 jobId); // PostgreSQL NOTIFY: poll now instead of at the next tick
    void showJob(const ProvisioningJob& job);
    void loadService(qint64 serviceId);
    void loadAddon(); // the add-on this job bought, if any, with the balance read back after provisioning
    void updateTasks();
    void updatePanels();
    void retry();
    void viewLogs();

    Backend& m_backend;
    qint64 m_jobId;
    std::optional<ProvisioningJob> m_job;
    std::optional<ServiceDetails> m_service;
    std::optional<AddonPurchase> m_addon;
    std::optional<Error> m_loadError;   // reading the job failed
    std::optional<Error> m_actionError; // Retry was refused
    QTimer m_pollTimer;
    bool m_pollInFlight = false;
    bool m_retrying = false;

    QLabel* m_headerLabel;
    QListWidget* m_taskList;
    QLabel* m_progressLabel;
    QProgressBar* m_progressBar;
    QLabel* m_loadErrorLabel;
    QWidget* m_successPanel;
    QLabel* m_successLabel;
    QLabel* m_serviceIdCaption;
    QLabel* m_serviceIdValue;
    QLabel* m_serviceNameCaption;
    QLabel* m_serviceNameValue;
    QLabel* m_serviceStatusCaption;
    QLabel* m_serviceStatusValue;
    QFormLayout* m_successForm = nullptr;
    QLabel* m_balanceCaption;
    QLabel* m_balanceValue;
    QWidget* m_failurePanel;
    QLabel* m_failureErrorLabel;
    QLabel* m_failureExplanationLabel;
    QLabel* m_provisionIdCaption;
    QLabel* m_provisionIdValue;
    QPushButton* m_viewServiceButton;
    QPushButton* m_viewLogsButton;
    QPushButton* m_retryButton;
    QPushButton* m_closeButton;
};

} // namespace sb
