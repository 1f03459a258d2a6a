#include "ProvisioningPage.h"

#include "AsyncCall.h"
#include "Formatting.h"
#include "JobTableModel.h"
#include "store/JobChangeListener.h"
#include "workflows/Backend.h"
#include "workflows/ProvisioningWorkflow.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace sb {

ProvisioningPage::ProvisioningPage(Backend& backend, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_titleLabel(new QLabel(this)), m_errorLabel(new QLabel(this)),
      m_table(new QTableView(this)), m_model(new JobTableModel(this)), m_openButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("provisioningPage"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_errorLabel->hide();
    m_table->setObjectName(QStringLiteral("jobsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(JobTableModel::ServiceColumn, QHeaderView::Stretch);
    m_openButton->setObjectName(QStringLiteral("openJobButton"));

    auto* header = new QHBoxLayout;
    header->addWidget(m_titleLabel, 1);
    header->addWidget(m_openButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_table, 1);

    m_refreshTimer.setInterval(refreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ProvisioningPage::reload);
    if (JobChangeListener* changes = m_backend.jobChanges())
        connect(changes, &JobChangeListener::jobChanged, this, &ProvisioningPage::onJobChanged);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit openJobRequested(index.data(JobTableModel::JobIdRole).toLongLong());
    });
    connect(m_openButton, &QPushButton::clicked, this, [this] {
        if (const qint64 jobId = selectedJobId())
            emit openJobRequested(jobId);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ProvisioningPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProvisioningPage::updateButtons);
    retranslateUi();
    updateButtons();
}

void ProvisioningPage::retranslateUi()
{
    m_titleLabel->setText(tr("Provisioning Jobs"));
    m_openButton->setText(tr("&Open"));
    m_openButton->setToolTip(tr("Show the progress of the selected job, with View Logs and Retry."));
    m_errorLabel->setText(m_error ? Formatting::error(*m_error) : QString());
    m_model->retranslate();
}

void ProvisioningPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ProvisioningPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_refreshTimer.start();
    reload();
}

void ProvisioningPage::hideEvent(QHideEvent* event)
{
    m_refreshTimer.stop();
    QWidget::hideEvent(event);
}

qint64 ProvisioningPage::selectedJobId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(JobTableModel::JobIdRole).toLongLong();
}

void ProvisioningPage::updateButtons()
{
    m_openButton->setEnabled(selectedJobId() != 0);
}

void ProvisioningPage::onJobChanged()
{
    if (m_refreshTimer.isActive())
        reload(); // skipped while a refresh is running
}

void ProvisioningPage::reload()
{
    if (m_loading)
        return; // the previous refresh is still running
    m_loading = true;
    Database& db = m_backend.database();
    runAsync(
        this, m_backend.pool(), [&db] { return ProvisioningWorkflow(db).recentJobs(200); },
        [this](const Result<QList<JobSummary>>& result) {
            m_loading = false;
            if (result.ok()) {
                const qint64 selected = selectedJobId();
                m_error.reset();
                m_model->setJobs(result.value());
                const int row = m_model->rowOf(selected);
                if (selected != 0 && row >= 0)
                    m_table->selectRow(row);
            } else {
                m_error = result.error();
            }
            m_errorLabel->setVisible(m_error.has_value());
            m_errorLabel->setText(m_error ? Formatting::error(*m_error) : QString());
        });
}

} // namespace sb
