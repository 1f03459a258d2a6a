#include "CustomersPage.h"

#include "AsyncCall.h"
#include "CustomerSearcher.h"
#include "DetailLabels.h"
#include "Formatting.h"
#include "ServiceTableModel.h"
#include "workflows/Backend.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace sb {
CustomersPage::CustomersPage(Backend& backend, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_searcher(new CustomerSearcher(backend, this)),
      m_titleLabel(new QLabel(this)), m_searchEdit(new QLineEdit(this)), m_resultsList(new QListWidget(this)),
      m_detailStack(new QStackedWidget(this)), m_placeholderLabel(new QLabel(this)), m_detailsPanel(new QWidget(this)),
      m_nameLabel(new QLabel(this)), m_typeCaption(captionLabel(this)), m_typeValue(valueLabel(this, QStringLiteral("customerTypeValue"), true)),
      m_emailCaption(captionLabel(this)), m_emailValue(valueLabel(this, QStringLiteral("customerEmailValue"), true)), m_phoneCaption(captionLabel(this)),
      m_phoneValue(valueLabel(this, QStringLiteral("customerPhoneValue"), true)), m_sitesCaption(captionLabel(this)),
      m_sitesValue(valueLabel(this, QStringLiteral("customerSitesValue"), true)), m_contactsCaption(captionLabel(this)),
      m_contactsValue(valueLabel(this, QStringLiteral("customerContactsValue"), true)), m_servicesCaption(captionLabel(this)),
      m_servicesTable(new QTableView(this)), m_servicesModel(new ServiceTableModel(this)),
      m_assignButton(new QPushButton(this)), m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("customersPage"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_searchEdit->setObjectName(QStringLiteral("customerPageSearch"));
    m_searchEdit->setClearButtonEnabled(true);
    m_resultsList->setObjectName(QStringLiteral("customerResultsList"));
    m_resultsList->setMinimumWidth(260);
    m_placeholderLabel->setAlignment(Qt::AlignCenter);
    m_placeholderLabel->setWordWrap(true);
    m_placeholderLabel->setForegroundRole(QPalette::PlaceholderText);
    m_nameLabel->setObjectName(QStringLiteral("customerNameLabel"));
    QFont nameFont = m_nameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.25);
    nameFont.setBold(true);
    m_nameLabel->setFont(nameFont);
    m_nameLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_servicesTable->setObjectName(QStringLiteral("customerServicesTable"));
    m_servicesTable->setModel(m_servicesModel);
    m_servicesTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_servicesTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_servicesTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_servicesTable->verticalHeader()->hide();
    // Every column as wide as its text (scroll sideways when the window is narrow); never cut a value.
    m_servicesTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_servicesTable->horizontalHeader()->setStretchLastSection(true);
    m_servicesTable->setWordWrap(false);
    m_servicesTable->setAlternatingRowColors(true);
    m_assignButton->setObjectName(QStringLiteral("addServiceButton"));
    m_errorLabel->setObjectName(QStringLiteral("customersErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_errorLabel->hide();

    auto* form = new QFormLayout;
    form->addRow(m_typeCaption, m_typeValue);
    form->addRow(m_emailCaption, m_emailValue);
    form->addRow(m_phoneCaption, m_phoneValue);
    form->addRow(m_sitesCaption, m_sitesValue);
    form->addRow(m_contactsCaption, m_contactsValue);
    auto* servicesHeader = new QHBoxLayout;
    servicesHeader->addWidget(m_servicesCaption);
    servicesHeader->addStretch(1);
    servicesHeader->addWidget(m_assignButton);
    auto* detailsLayout = new QVBoxLayout(m_detailsPanel);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_nameLabel);
    detailsLayout->addLayout(form);
    detailsLayout->addSpacing(8);
    detailsLayout->addLayout(servicesHeader);
    detailsLayout->addWidget(m_servicesTable, 1);
    m_detailStack->addWidget(m_placeholderLabel);
    m_detailStack->addWidget(m_detailsPanel);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_searchEdit);
    leftLayout->addWidget(m_resultsList, 1);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_detailStack);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 880});

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(splitter, 1);

    connect(m_searchEdit, &QLineEdit::textEdited, m_searcher, &CustomerSearcher::setQuery);
    connect(m_searchEdit, &QLineEdit::returnPressed, this, [this] { m_searcher->searchNow(m_searchEdit->text()); });
    connect(m_searcher, &CustomerSearcher::resultsReady, this, &CustomersPage::showResults);
    connect(m_searcher, &CustomerSearcher::searchFailed, this,
            [this](const QString&, const Error& error) { showError(error); });
    connect(m_resultsList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_results.size())
            showCustomer(m_results.at(row).id);
    });
    connect(m_assignButton, &QPushButton::clicked, this, [this] {
        if (m_details)
            emit assignPlanRequested(m_details->customer);
    });
    setTabOrder(m_searchEdit, m_resultsList);
    setTabOrder(m_resultsList, m_assignButton);
    setTabOrder(m_assignButton, m_servicesTable);
    retranslateUi();
}

void CustomersPage::retranslateUi()
{
    m_titleLabel->setText(tr("Customers"));
    m_searchEdit->setPlaceholderText(tr("Search by name, customer ID, email or phone"));
    m_placeholderLabel->setText(tr("Search for a customer, then pick them from the list to see their details and "
                                   "services."));
    m_typeCaption->setText(tr("Type:"));
    m_emailCaption->setText(tr("Email:"));
    m_phoneCaption->setText(tr("Phone:"));
    m_sitesCaption->setText(tr("Sites:"));
    m_contactsCaption->setText(tr("Contacts:"));
    m_servicesCaption->setText(tr("Services"));
    m_assignButton->setText(tr("&Add Service"));
    m_assignButton->setToolTip(tr("Assign a plan from the catalog to this customer."));
    m_errorLabel->setText(m_error ? Formatting::error(*m_error) : QString());
    m_servicesModel->retranslate();
    fillResults();
    fillDetails();
}

void CustomersPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CustomersPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_details) // services may have changed while the page was hidden
        showCustomer(m_details->customer.id, highlightedServiceId());
}

void CustomersPage::setAssignAllowed(bool allowed)
{
    m_assignButton->setEnabled(allowed);
}

void CustomersPage::search(const QString& text)
{
    m_searchEdit->setText(text);
    m_searcher->searchNow(text);
}

void CustomersPage::showResults(const QString& query, const QList<Customer>& customers)
{
    m_query = query;
    m_results = customers;
    m_error.reset();
    m_errorLabel->hide();
    fillResults();
}

void CustomersPage::fillResults()
{
    const QSignalBlocker blocker(m_resultsList);
    m_resultsList->clear();
    if (m_results.isEmpty() && !m_query.trimmed().isEmpty()) {
        const QStringList lines{tr("Customer not found"), tr("• Create customer first"),
                                tr("• Try different search terms (ID, email, phone)"), tr("• Check for typos")};
        for (const QString& line : lines) {
            auto* item = new QListWidgetItem(line, m_resultsList);
            item->setFlags(Qt::ItemIsEnabled);
        }
        return;
    }
    for (const Customer& customer : std::as_const(m_results)) {
        auto* item = new QListWidgetItem(Formatting::customer(customer), m_resultsList);
        item->setToolTip(
            QStringList{displayName(customer.type), customer.email, customer.phone}.join(QLatin1Char('\n')));
        if (m_details && m_details->customer.id == customer.id)
            m_resultsList->setCurrentItem(item);
    }
}

void CustomersPage::showCustomer(qint64 customerId, qint64 highlightServiceId)
{
    const quint64 sequence = ++m_detailSequence;
    ++m_loading;
    Database& db = m_backend.database();
    runAsync(
        this, m_backend.pool(), [&db, customerId] { return CustomerWorkflow(db).customer(customerId); },
        [this, sequence, highlightServiceId](const Result<CustomerDetails>& result) {
            --m_loading;
            if (sequence != m_detailSequence)
                return;
            if (result.ok())
                showDetails(result.value(), highlightServiceId);
            else
                showError(result.error());
        });
}

void CustomersPage::showService(qint64 serviceId)
{
    ++m_loading;
    const quint64 sequence = ++m_detailSequence;
    Database& db = m_backend.database();
    runAsync(
        this, m_backend.pool(), [&db, serviceId] { return CustomerWorkflow(db).service(serviceId); },
        [this, sequence, serviceId](const Result<ServiceDetails>& result) {
            --m_loading;
            if (sequence != m_detailSequence)
                return;
            if (!result.ok()) {
                showError(result.error());
                return;
            }
            const Customer& customer = result->customer;
            const bool listed = std::any_of(m_results.cbegin(), m_results.cend(),
                                            [&customer](const Customer& c) { return c.id == customer.id; });
            if (!listed) {
                m_query = customer.name;
                m_searchEdit->setText(customer.name);
                m_results = {customer};
            }
            showCustomer(customer.id, serviceId);
        });
}

void CustomersPage::showDetails(const CustomerDetails& details, qint64 highlightServiceId)
{
    m_details = details;
    m_error.reset();
    m_errorLabel->hide();
    m_servicesModel->setServices(details.services);
    fillResults();
    fillDetails();
    m_detailStack->setCurrentWidget(m_detailsPanel);
    const int row = m_servicesModel->rowOf(highlightServiceId);
    if (row >= 0) {
        m_servicesTable->selectRow(row);
        m_servicesTable->scrollTo(m_servicesModel->index(row, 0));
    }
}

void CustomersPage::fillDetails()
{
    if (!m_details)
        return;
    const Customer& customer = m_details->customer;
    m_nameLabel->setText(Formatting::customer(customer));
    m_typeValue->setText(displayName(customer.type));
    m_emailValue->setText(customer.email);
    m_phoneValue->setText(customer.phone);
    QStringList sites;
    for (const Site& site : m_details->sites)
        sites << tr("%1 - %2").arg(site.name, site.address);
    m_sitesValue->setText(sites.isEmpty() ? tr("None") : sites.join(QLatin1Char('\n')));
    QStringList contacts;
    for (const Contact& contact : m_details->contacts) {
        const QString role = contact.role == QLatin1String("billing")     ? tr("Billing")
                             : contact.role == QLatin1String("technical") ? tr("Technical")
                                                                          : contact.role;
        contacts << tr("%1: %2 <%3>").arg(role, contact.name, contact.email);
    }
    m_contactsValue->setText(contacts.isEmpty() ? tr("None") : contacts.join(QLatin1Char('\n')));
    m_servicesCaption->setText(tr("Services (%n)", nullptr, int(m_details->services.size())));
}

qint64 CustomersPage::highlightedServiceId() const
{
    const QModelIndexList rows = m_servicesTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return rows.first().data(ServiceTableModel::ServiceIdRole).toLongLong();
}

void CustomersPage::showError(const Error& error)
{
    m_error = error;
    m_errorLabel->setText(Formatting::error(error));
    m_errorLabel->show();
}

} // namespace sb
