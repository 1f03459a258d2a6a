#include "ServicesPage.h"

#include "AsyncCall.h"
#include "Formatting.h"
#include "ServiceTableModel.h"
#include "VerifyServiceDialog.h"
#include "workflows/Backend.h"
#include "workflows/CustomerWorkflow.h"

#include <QEvent>
#include <QHeaderView>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace sb {

ServicesPage::ServicesPage(Backend& backend, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_titleLabel(new QLabel(this)), m_errorLabel(new QLabel(this)),
      m_table(new QTableView(this)), m_verifyButton(new QPushButton(this)), m_model(new ServiceTableModel(this))
{
    setObjectName(QStringLiteral("servicesPage"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_errorLabel->hide();
    m_table->setObjectName(QStringLiteral("servicesTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ServiceTableModel::NameColumn, QHeaderView::Stretch);

    m_verifyButton->setObjectName(QStringLiteral("verifyServiceButton"));
    m_verifyButton->setEnabled(false);
    connect(m_verifyButton, &QPushButton::clicked, this, &ServicesPage::verifySelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_verifyButton->setEnabled(m_table->selectionModel()->hasSelection()); });
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(m_titleLabel, 1);
    titleRow->addWidget(m_verifyButton);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(titleRow);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_table, 1);

    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit serviceActivated(index.data(ServiceTableModel::ServiceIdRole).toLongLong());
    });
    connect(&backend, &Backend::jobFinished, this, [this] {
        if (isVisible())
            reload();
    });
    retranslateUi();
}

void ServicesPage::retranslateUi()
{
    m_titleLabel->setText(tr("Recent Services"));
    m_table->setToolTip(tr("Double-click a service to open it on its customer's page."));
    m_verifyButton->setText(tr("Verify Service"));
    m_verifyButton->setToolTip(tr("Read the selected service back from the network elements and compare."));
    m_errorLabel->setText(m_error ? Formatting::error(*m_error) : QString());
    m_model->retranslate();
}

void ServicesPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ServicesPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload();
}

void ServicesPage::reload()
{
    if (m_loading)
        return;
    m_loading = true;
    Database& db = m_backend.database();
    runAsync(
        this, m_backend.pool(), [&db] { return CustomerWorkflow(db).recentServices(200); },
        [this](const Result<QList<Service>>& result) {
            m_loading = false;
            if (result.ok()) {
                m_error.reset();
                m_model->setServices(result.value());
            } else {
                m_error = result.error();
            }
            m_errorLabel->setVisible(m_error.has_value());
            retranslateUi();
        });
}

void ServicesPage::verifySelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    auto* dialog = VerifyServiceDialog::create(m_backend, rows.first().data(ServiceTableModel::ServiceIdRole).toLongLong(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace sb
