#include "ProvisioningProgressDialog.h"

#include "AsyncCall.h"
#include "DetailLabels.h"
#include "Formatting.h"
#include "JobLogDialog.h"
#include "store/JobChangeListener.h"
#include "workflows/AddonWorkflow.h"
#include "workflows/Backend.h"
#include "workflows/ProvisioningWorkflow.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb {
namespace {

QColor colorFor(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Done:
    case TaskStatus::Skipped:
        return QColor(0x1b, 0x7f, 0x3b);
    case TaskStatus::Running:
        return QColor(0x0b, 0x57, 0xd0);
    case TaskStatus::Failed:
        return QColor(0xb3, 0x26, 0x1e);
    case TaskStatus::Pending:
        break;
    }
    return {};
}

} // namespace

ProvisioningProgressDialog::ProvisioningProgressDialog(Backend& backend, qint64 jobId, QWidget* parent)
    : QDialog(parent), m_backend(backend), m_jobId(jobId), m_headerLabel(new QLabel(this)),
      m_taskList(new QListWidget(this)), m_progressLabel(new QLabel(this)), m_progressBar(new QProgressBar(this)),
      m_loadErrorLabel(new QLabel(this)), m_successPanel(new QWidget(this)), m_successLabel(captionLabel(this)),
      m_serviceIdCaption(captionLabel(this)), m_serviceIdValue(valueLabel(this, QStringLiteral("serviceIdValue"))),
      m_serviceNameCaption(captionLabel(this)), m_serviceNameValue(valueLabel(this, QStringLiteral("serviceNameValue"))),
      m_serviceStatusCaption(captionLabel(this)),
      m_serviceStatusValue(valueLabel(this, QStringLiteral("serviceStatusValue"))),
      m_balanceCaption(captionLabel(this)), m_balanceValue(valueLabel(this, QStringLiteral("balanceValue"))),
      m_failurePanel(new QWidget(this)),
      m_failureErrorLabel(captionLabel(this)), m_failureExplanationLabel(new QLabel(this)),
      m_provisionIdCaption(captionLabel(this)), m_provisionIdValue(valueLabel(this, QStringLiteral("provisionIdValue"))),
      m_viewServiceButton(new QPushButton(this)), m_viewLogsButton(new QPushButton(this)),
      m_retryButton(new QPushButton(this)), m_closeButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("provisioningProgressDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setMinimumSize(600, 460);

    QFont headerFont = m_headerLabel->font();
    headerFont.setBold(true);
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.3);
    m_headerLabel->setFont(headerFont);
    m_taskList->setObjectName(QStringLiteral("taskList"));
    m_taskList->setSelectionMode(QAbstractItemView::NoSelection);
    m_taskList->setFocusPolicy(Qt::NoFocus);
    m_taskList->setSpacing(2);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setTextVisible(false);
    m_loadErrorLabel->setObjectName(QStringLiteral("loadErrorLabel"));
    m_loadErrorLabel->setWordWrap(true);
    m_loadErrorLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_loadErrorLabel->hide();

    m_successPanel->setObjectName(QStringLiteral("successPanel"));
    m_successLabel->setObjectName(QStringLiteral("successLabel"));
    m_successLabel->setWordWrap(true);
    m_successLabel->setStyleSheet(QStringLiteral("color: #1b7f3b;"));
    auto* successForm = new QFormLayout;
    m_successForm = successForm;
    successForm->addRow(m_serviceIdCaption, m_serviceIdValue);
    successForm->addRow(m_serviceNameCaption, m_serviceNameValue);
    successForm->addRow(m_serviceStatusCaption, m_serviceStatusValue);
    successForm->addRow(m_balanceCaption, m_balanceValue);
    m_balanceValue->setWordWrap(true);
    successForm->setRowVisible(m_balanceValue, false); // add-ons only
    auto* successLayout = new QVBoxLayout(m_successPanel);
    successLayout->setContentsMargins(0, 0, 0, 0);
    successLayout->addWidget(m_successLabel);
    successLayout->addLayout(successForm);
    m_successPanel->hide();

    m_failurePanel->setObjectName(QStringLiteral("failurePanel"));
    m_failureErrorLabel->setObjectName(QStringLiteral("failureErrorLabel"));
    m_failureErrorLabel->setWordWrap(true);
    m_failureErrorLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_failureErrorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_failureExplanationLabel->setObjectName(QStringLiteral("failureExplanationLabel"));
    m_failureExplanationLabel->setWordWrap(true);
    auto* failureForm = new QFormLayout;
    failureForm->addRow(m_provisionIdCaption, m_provisionIdValue);
    auto* failureLayout = new QVBoxLayout(m_failurePanel);
    failureLayout->setContentsMargins(0, 0, 0, 0);
    failureLayout->addWidget(m_failureErrorLabel);
    failureLayout->addWidget(m_failureExplanationLabel);
    failureLayout->addLayout(failureForm);
    m_failurePanel->hide();

    m_viewServiceButton->setObjectName(QStringLiteral("viewServiceButton"));
    m_viewLogsButton->setObjectName(QStringLiteral("viewLogsButton"));
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    for (QPushButton* button : {m_viewServiceButton, m_viewLogsButton, m_retryButton, m_closeButton})
        button->setAutoDefault(false);
    m_viewServiceButton->hide();
    m_viewLogsButton->hide();
    m_retryButton->hide();
    connect(m_viewServiceButton, &QPushButton::clicked, this, [this] {
        if (m_job)
            emit viewServiceRequested(m_job->serviceId);
        accept();
    });
    connect(m_viewLogsButton, &QPushButton::clicked, this, &ProvisioningProgressDialog::viewLogs);
    connect(m_retryButton, &QPushButton::clicked, this, &ProvisioningProgressDialog::retry);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::accept);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_viewServiceButton);
    buttons->addWidget(m_viewLogsButton);
    buttons->addWidget(m_retryButton);
    buttons->addWidget(m_closeButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_headerLabel);
    layout->addWidget(m_taskList, 1);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_loadErrorLabel);
    layout->addWidget(m_successPanel);
    layout->addWidget(m_failurePanel);
    layout->addLayout(buttons);

    m_pollTimer.setInterval(pollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &ProvisioningProgressDialog::poll);
    if (JobChangeListener* changes = m_backend.jobChanges())
        connect(changes, &JobChangeListener::jobChanged, this, &ProvisioningProgressDialog::onJobChanged);
    retranslateUi();
    m_pollTimer.start();
    poll();
}

void ProvisioningProgressDialog::retranslateUi()
{
    setWindowTitle(tr("Provisioning Progress"));
    const QString serviceName =
        m_job ? m_job->variables.value(QStringLiteral("service")).toObject().value(QStringLiteral("name")).toString()
              : QString();
    m_headerLabel->setText(serviceName.isEmpty() ? tr("Provisioning") : tr("Provisioning %1").arg(serviceName));
    m_serviceIdCaption->setText(tr("Service ID:"));
    m_serviceNameCaption->setText(tr("Service Name:"));
    m_serviceStatusCaption->setText(tr("Status:"));
    m_balanceCaption->setText(tr("Balance now:"));
    m_failureExplanationLabel->setText(tr("The service record has been created but provisioning did not complete. "
                                          "Please review the error and retry."));
    m_provisionIdCaption->setText(tr("Provision ID:"));
    m_viewServiceButton->setText(tr("&View Service"));
    m_viewLogsButton->setText(tr("View &Logs"));
    m_retryButton->setText(m_retrying ? tr("Retrying…") : tr("&Retry"));
    m_closeButton->setText(tr("Close"));
    m_closeButton->setToolTip(isFinished() ? QString()
                                           : tr("Provisioning continues in the background. Reopen it from the "
                                                "Provisioning page."));
    updateTasks();
    updatePanels();
}

void ProvisioningProgressDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

bool ProvisioningProgressDialog::isFinished() const
{
    return m_job && (m_job->status == JobStatus::Succeeded || m_job->status == JobStatus::Failed);
}

void ProvisioningProgressDialog::poll()
{
    if (m_pollInFlight)
        return; // the previous read is still running: skip this tick
    m_pollInFlight = true;
    Database& db = m_backend.database();
    const qint64 jobId = m_jobId;
    runAsync(
        this, m_backend.pool(), [&db, jobId] { return ProvisioningWorkflow(db).job(jobId); },
        [this](const Result<ProvisioningJob>& result) {
            m_pollInFlight = false;
            if (!result.ok()) {
                m_loadError = result.error();
                updatePanels();
                return;
            }
            m_loadError.reset();
            showJob(result.value());
        });
}

void ProvisioningProgressDialog::onJobChanged(qint64 jobId)
{
    if (jobId == m_jobId)
        poll();
}

void ProvisioningProgressDialog::showJob(const ProvisioningJob& job)
{
    const bool wasFinished = isFinished();
    m_job = job;
    if (isFinished()) {
        m_pollTimer.stop();
        if (job.status == JobStatus::Succeeded && !wasFinished) {
            loadService(job.serviceId);
            loadAddon();
        }
    }
    retranslateUi();
}

void ProvisioningProgressDialog::loadService(qint64 serviceId)
{
    Database& db = m_backend.database();
    runAsync(
        this, m_backend.pool(), [&db, serviceId] { return CustomerWorkflow(db).service(serviceId); },
        [this](const Result<ServiceDetails>& result) {
            if (result.ok())
                m_service = result.value();
            else
                m_loadError = result.error();
            updatePanels();
        });
}

void ProvisioningProgressDialog::loadAddon()
{
    Database& db = m_backend.database();
    const qint64 jobId = m_jobId;
    runAsync(
        this, m_backend.pool(), [&db, jobId] { return AddonWorkflow(db).purchaseOfJob(jobId); },
        [this](const Result<std::optional<AddonPurchase>>& result) {
            if (result.ok())
                m_addon = result.value();
            else
                m_loadError = result.error();
            updatePanels();
        });
}

void ProvisioningProgressDialog::updateTasks()
{
    if (!m_job) {
        m_progressLabel->setText(tr("Loading provisioning tasks…"));
        return;
    }
    const QList<ProvisioningTask>& tasks = m_job->tasks;
    while (m_taskList->count() > tasks.size())
        delete m_taskList->takeItem(m_taskList->count() - 1);
    for (int i = 0; i < tasks.size(); ++i) {
        const ProvisioningTask& task = tasks.at(i);
        if (i >= m_taskList->count())
            new QListWidgetItem(m_taskList);
        QListWidgetItem* item = m_taskList->item(i);
        QString text = Formatting::taskSymbol(task.status) + QLatin1Char(' ') + task.displayLabel();
        if (task.status == TaskStatus::Running)
            text = tr("%1 (in progress...)").arg(text);
        item->setText(text);
        item->setToolTip(displayName(task.status));
        item->setData(Qt::UserRole, toCode(task.status));
        item->setForeground(colorFor(task.status).isValid() ? QBrush(colorFor(task.status)) : QBrush());
    }
    const int done = m_job->completedTasks();
    const int total = int(tasks.size());
    m_progressLabel->setText(tr("Progress: %1 of %2 tasks completed").arg(done).arg(total));
    m_progressBar->setRange(0, qMax(total, 1));
    m_progressBar->setValue(done);
}

QString ProvisioningProgressDialog::errorText() const
{
    if (!m_job)
        return {};
    for (const ProvisioningTask& task : m_job->tasks) {
        if (task.status == TaskStatus::Failed && !task.error.isEmpty()) {
            const QString text = UserMessage::fromJsonString(task.error).text();
            if (!text.isEmpty())
                return text;
        }
    }
    const QString jobError = UserMessage::fromJsonString(m_job->error).text();
    return jobError.isEmpty() ? tr("Provisioning stopped without a reason. Open the logs for details.") : jobError;
}

void ProvisioningProgressDialog::updatePanels()
{
    const bool succeeded = m_job && m_job->status == JobStatus::Succeeded;
    const bool failed = m_job && m_job->status == JobStatus::Failed && !m_retrying;
    const std::optional<Error> problem = m_actionError ? m_actionError : m_loadError;
    m_loadErrorLabel->setVisible(problem.has_value());
    m_loadErrorLabel->setText(problem ? Formatting::error(*problem) : QString());

    m_successPanel->setVisible(succeeded);
    m_viewServiceButton->setVisible(succeeded);
    if (succeeded) {
        const QString customer = m_service ? m_service->customer.name : QString();
        if (m_addon)
            m_successLabel->setText(customer.isEmpty()
                                        ? tr("%1 successfully added").arg(m_addon->productName)
                                        : tr("%1 successfully added for %2").arg(m_addon->productName, customer));
        else
            m_successLabel->setText(customer.isEmpty() ? tr("Service successfully provisioned")
                                                       : tr("Service successfully provisioned for %1").arg(customer));
        m_serviceIdValue->setText(QString::number(m_job->serviceId));
        m_serviceNameValue->setText(m_service ? m_service->service.name : QString());
        m_serviceStatusValue->setText(m_service ? displayName(m_service->service.status) : QString());
        // An add-on's playbook reads the service's balances back from the OCS once it has added its own.
        m_balanceValue->setText(!m_addon ? QString()
                                : m_addon->balance.isEmpty() ? tr("Not read back from the OCS")
                                                             : m_addon->balance);
    }
    m_successForm->setRowVisible(m_balanceValue, succeeded && m_addon.has_value());

    m_failurePanel->setVisible(failed);
    m_viewLogsButton->setVisible(failed || succeeded);
    m_retryButton->setVisible(failed || m_retrying);
    m_retryButton->setEnabled(!m_retrying && m_backend.session().can(Permission::RetryProvisioning));
    if (failed) {
        m_failureErrorLabel->setText(tr("Error: %1").arg(errorText()));
        m_provisionIdValue->setText(QString::number(m_job->id));
    }
    if (succeeded)
        m_viewServiceButton->setDefault(true);
    else if (failed)
        m_retryButton->setDefault(true);
    else
        m_closeButton->setDefault(true);
}

void ProvisioningProgressDialog::retry()
{
    if (m_retrying)
        return;
    m_retrying = true;
    m_actionError.reset();
    retranslateUi();
    Database& db = m_backend.database();
    const qint64 jobId = m_jobId;
    const Actor staff = m_backend.session();
    runAsync(
        this, m_backend.pool(), [&db, jobId, staff] { return ProvisioningWorkflow(db).retry(jobId, staff); },
        [this](const Status& status) {
            if (!status.ok()) {
                m_retrying = false;
                m_actionError = status.error;
                retranslateUi();
                return;
            }
            // The job is queued again: show it as such until the next poll reads the real state.
            if (m_job)
                m_job->status = JobStatus::Queued;
            m_retrying = false;
            m_service.reset();
            m_addon.reset();
            retranslateUi();
            m_pollTimer.start();
            poll();
        });
}

void ProvisioningProgressDialog::viewLogs()
{
    if (!m_job)
        return;
    auto* dialog = new JobLogDialog(*m_job, this);
    dialog->open();
}

} // namespace sb
