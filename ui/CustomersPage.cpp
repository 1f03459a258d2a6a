#include "CustomersPage.h"

#include "AddContactDialog.h"
#include "AddSiteDialog.h"
#include "AsyncCall.h"
#include "CreateCustomerDialog.h"
#include "CustomerHistoryModel.h"
#include "CustomerSearcher.h"
#include "DetailLabels.h"
#include "Formatting.h"
#include "JobLogDialog.h"
#include "ServiceTableModel.h"
#include "workflows/Backend.h"
#include "workflows/ProvisioningWorkflow.h"

#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sb {
namespace {

constexpr int createCustomerRole = Qt::UserRole + 7; // the "Create customer…" row of the results list

void prepareTable(QAbstractItemView* view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    auto* table = qobject_cast<QTableView*>(view);
    table->verticalHeader()->hide();
    table->setWordWrap(false);
    // Every column as wide as its text (scroll sideways when the window is narrow); never cut a value.
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
}

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

QString contactRole(const QString& role)
{
    if (role == CustomerRules::billingRole)
        return CustomersPage::tr("Billing");
    if (role == CustomerRules::technicalRole)
        return CustomersPage::tr("Technical");
    return role;
}

QString addonStatus(const QString& status)
{
    if (status == QLatin1String(AddonPurchase::Active))
        return CustomersPage::tr("Active");
    if (status == QLatin1String(AddonPurchase::Failed))
        return CustomersPage::tr("Failed");
    if (status == QLatin1String(AddonPurchase::Pending))
        return CustomersPage::tr("Pending");
    return status;
}

} // namespace

CustomersPage::CustomersPage(Backend& backend, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_searcher(new CustomerSearcher(backend, this)),
      m_titleLabel(new QLabel(this)), m_searchEdit(new QLineEdit(this)), m_resultsList(new QListWidget(this)),
      m_newCustomerButton(new QPushButton(this)), m_detailStack(new QStackedWidget(this)),
      m_placeholderLabel(new QLabel(this)), m_detailsPanel(new QWidget(this)), m_nameLabel(new QLabel(this)),
      m_typeCaption(captionLabel(this)), m_typeValue(valueLabel(this, QStringLiteral("customerTypeValue"), true)),
      m_emailCaption(captionLabel(this)), m_emailValue(valueLabel(this, QStringLiteral("customerEmailValue"), true)),
      m_phoneCaption(captionLabel(this)), m_phoneValue(valueLabel(this, QStringLiteral("customerPhoneValue"), true)),
      m_paymentCaption(captionLabel(this)),
      m_paymentValue(valueLabel(this, QStringLiteral("customerPaymentValue"), true)), m_tabs(new QTabWidget(this)),
      m_servicesTab(new QWidget(this)), m_servicesTable(new QTableView(this)),
      m_servicesModel(new ServiceTableModel(this)), m_assignButton(new QPushButton(this)),
      m_addonsButton(new QPushButton(this)), m_addonsCaption(captionLabel(this)), m_addonsTable(new QTableWidget(this)),
      m_sitesTab(new QWidget(this)), m_sitesCaption(captionLabel(this)), m_addSiteButton(new QPushButton(this)),
      m_sitesTable(new QTableWidget(this)), m_contactsCaption(captionLabel(this)),
      m_addContactButton(new QPushButton(this)), m_contactsTable(new QTableWidget(this)),
      m_historyTab(new QWidget(this)), m_historyHint(new QLabel(this)), m_historyTable(new QTableView(this)),
      m_historyModel(new CustomerHistoryModel(this)), m_errorLabel(new QLabel(this))
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
    m_newCustomerButton->setObjectName(QStringLiteral("newCustomerButton"));
    m_placeholderLabel->setAlignment(Qt::AlignCenter);
    m_placeholderLabel->setWordWrap(true);
    m_placeholderLabel->setForegroundRole(QPalette::PlaceholderText);
    m_nameLabel->setObjectName(QStringLiteral("customerNameLabel"));
    QFont nameFont = m_nameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.25);
    nameFont.setBold(true);
    m_nameLabel->setFont(nameFont);
    m_nameLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs->setObjectName(QStringLiteral("customerTabs"));
    m_errorLabel->setObjectName(QStringLiteral("customersErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_errorLabel->hide();

    buildServicesTab();
    buildSitesTab();
    buildHistoryTab();
    m_tabs->addTab(m_servicesTab, QString());
    m_tabs->addTab(m_sitesTab, QString());
    m_tabs->addTab(m_historyTab, QString());

    auto* form = new QFormLayout;
    form->addRow(m_typeCaption, m_typeValue);
    form->addRow(m_emailCaption, m_emailValue);
    form->addRow(m_phoneCaption, m_phoneValue);
    form->addRow(m_paymentCaption, m_paymentValue);
    auto* detailsLayout = new QVBoxLayout(m_detailsPanel);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_nameLabel);
    detailsLayout->addLayout(form);
    detailsLayout->addSpacing(4);
    detailsLayout->addWidget(m_tabs, 1);
    m_detailStack->addWidget(m_placeholderLabel);
    m_detailStack->addWidget(m_detailsPanel);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_searchEdit);
    leftLayout->addWidget(m_resultsList, 1);
    leftLayout->addWidget(m_newCustomerButton);
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
    connect(m_resultsList, &QListWidget::itemActivated, this, &CustomersPage::resultActivated);
    connect(m_resultsList, &QListWidget::itemClicked, this, &CustomersPage::resultActivated);
    connect(m_newCustomerButton, &QPushButton::clicked, this, [this] { openCreateCustomer(); });

    setTabOrder(m_searchEdit, m_resultsList);
    setTabOrder(m_resultsList, m_newCustomerButton);
    setTabOrder(m_newCustomerButton, m_tabs);
    setTabOrder(m_tabs, m_assignButton);
    setTabOrder(m_assignButton, m_addonsButton);
    setTabOrder(m_addonsButton, m_servicesTable);
    setTabOrder(m_servicesTable, m_addonsTable);
    setTabOrder(m_addSiteButton, m_sitesTable);
    setTabOrder(m_sitesTable, m_addContactButton);
    setTabOrder(m_addContactButton, m_contactsTable);
    retranslateUi();
    updateButtons();
}

void CustomersPage::buildServicesTab()
{
    m_servicesTab->setObjectName(QStringLiteral("customerServicesTab"));
    m_servicesTable->setObjectName(QStringLiteral("customerServicesTable"));
    m_servicesTable->setModel(m_servicesModel);
    prepareTable(m_servicesTable);
    m_assignButton->setObjectName(QStringLiteral("addServiceButton"));
    m_addonsButton->setObjectName(QStringLiteral("addonsButton"));
    m_addonsCaption->setObjectName(QStringLiteral("serviceAddonsCaption"));
    m_addonsTable->setObjectName(QStringLiteral("serviceAddonsTable"));
    m_addonsTable->setColumnCount(5);
    prepareTable(m_addonsTable);
    m_addonsTable->setMaximumHeight(150);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_assignButton);
    buttons->addWidget(m_addonsButton);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(m_servicesTab);
    layout->addLayout(buttons);
    layout->addWidget(m_servicesTable, 1);
    layout->addWidget(m_addonsCaption);
    layout->addWidget(m_addonsTable);

    connect(m_assignButton, &QPushButton::clicked, this, [this] {
        if (m_details)
            emit assignPlanRequested(m_details->customer);
    });
    connect(m_addonsButton, &QPushButton::clicked, this, [this] {
        const std::optional<Service> service = selectedService();
        if (m_details && service)
            emit addonsRequested(m_details->customer, *service);
    });
    connect(m_servicesTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        fillAddons();
        updateButtons();
    });
}

void CustomersPage::buildSitesTab()
{
    m_sitesTab->setObjectName(QStringLiteral("customerSitesTab"));
    m_addSiteButton->setObjectName(QStringLiteral("addSiteButton"));
    m_addContactButton->setObjectName(QStringLiteral("addContactButton"));
    m_sitesTable->setObjectName(QStringLiteral("customerSitesTable"));
    m_sitesTable->setColumnCount(2);
    prepareTable(m_sitesTable);
    m_contactsTable->setObjectName(QStringLiteral("customerContactsTable"));
    m_contactsTable->setColumnCount(4);
    prepareTable(m_contactsTable);

    auto* sitesHeader = new QHBoxLayout;
    sitesHeader->addWidget(m_sitesCaption);
    sitesHeader->addStretch(1);
    sitesHeader->addWidget(m_addSiteButton);
    auto* contactsHeader = new QHBoxLayout;
    contactsHeader->addWidget(m_contactsCaption);
    contactsHeader->addStretch(1);
    contactsHeader->addWidget(m_addContactButton);
    auto* layout = new QVBoxLayout(m_sitesTab);
    layout->addLayout(sitesHeader);
    layout->addWidget(m_sitesTable, 1);
    layout->addSpacing(6);
    layout->addLayout(contactsHeader);
    layout->addWidget(m_contactsTable, 1);

    connect(m_addSiteButton, &QPushButton::clicked, this, [this] { openAddSite(); });
    connect(m_addContactButton, &QPushButton::clicked, this, [this] { openAddContact(); });
}

void CustomersPage::buildHistoryTab()
{
    m_historyTab->setObjectName(QStringLiteral("customerHistoryTab"));
    m_historyTable->setObjectName(QStringLiteral("customerHistoryTable"));
    m_historyTable->setModel(m_historyModel);
    prepareTable(m_historyTable);
    m_historyHint->setWordWrap(true);
    m_historyHint->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(m_historyTab);
    layout->addWidget(m_historyHint);
    layout->addWidget(m_historyTable, 1);
    auto open = [this](const QModelIndex& index) {
        if (index.isValid())
            openJobLog(index.data(CustomerHistoryModel::JobIdRole).toLongLong());
    };
    // Double-click and Enter both activate a row (a single click too, where the platform's style says so).
    connect(m_historyTable, &QTableView::activated, this, open);
}

void CustomersPage::retranslateUi()
{
    m_titleLabel->setText(tr("Customers"));
    m_searchEdit->setPlaceholderText(tr("Search by name, customer ID, email or phone"));
    m_newCustomerButton->setText(tr("&New Customer…"));
    m_newCustomerButton->setToolTip(tr("Create a customer (individual or business)."));
    m_placeholderLabel->setText(tr("Search for a customer, then pick them from the list to see their details and "
                                   "services."));
    m_typeCaption->setText(tr("Type:"));
    m_emailCaption->setText(tr("Email:"));
    m_phoneCaption->setText(tr("Phone:"));
    m_paymentCaption->setText(tr("Payment method:"));
    m_assignButton->setText(tr("&Add Service"));
    m_assignButton->setToolTip(tr("Assign a plan from the catalog to this customer."));
    m_addonsButton->setText(tr("Add-&ons…"));
    m_addonsButton->setToolTip(tr("Buy an add-on, such as a data boost, for the selected active service."));
    m_addonsTable->setHorizontalHeaderLabels(
        {tr("Add-on"), tr("Status"), tr("Monthly Cost"), tr("Balance"), tr("Bought")});
    m_sitesCaption->setText(tr("Sites"));
    m_addSiteButton->setText(tr("Add S&ite…"));
    m_sitesTable->setHorizontalHeaderLabels({tr("Name"), tr("Address")});
    m_contactsCaption->setText(tr("Contacts"));
    m_addContactButton->setText(tr("Add &Contact…"));
    m_contactsTable->setHorizontalHeaderLabels({tr("Role"), tr("Name"), tr("Email"), tr("Phone")});
    m_historyHint->setText(tr("Every provisioning job of this customer, newest first. Double-click a job (or press "
                              "Enter) to see its log."));
    m_tabs->setTabText(int(Tab::Services), tr("&Services"));
    m_tabs->setTabText(int(Tab::SitesAndContacts), tr("Sites && Con&tacts"));
    m_tabs->setTabText(int(Tab::History), tr("Provisioning &History"));
    m_errorLabel->setText(m_error ? Formatting::error(*m_error) : QString());
    m_servicesModel->retranslate();
    m_historyModel->retranslate();
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
    m_assignAllowed = allowed;
    updateButtons();
}

void CustomersPage::setCustomerEditAllowed(bool allowed)
{
    m_editAllowed = allowed;
    updateButtons();
    fillResults();
}

void CustomersPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void CustomersPage::updateButtons()
{
    m_assignButton->setEnabled(m_assignAllowed);
    m_newCustomerButton->setEnabled(m_editAllowed);
    m_addSiteButton->setEnabled(m_editAllowed && m_details.has_value());
    m_addContactButton->setEnabled(m_editAllowed && m_details.has_value());
    const std::optional<Service> service = selectedService();
    // Add-ons go onto an active main service of a type that has add-ons (AddonWorkflow checks the same again).
    const bool addonsPossible = service && service->status == ServiceStatus::Active && service->parentServiceId == 0 &&
                                m_details->addonServiceTypes.contains(service->serviceType);
    m_addonsButton->setEnabled(m_assignAllowed && addonsPossible);
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
        if (m_editAllowed) {
            auto* create = new QListWidgetItem(tr("Create customer \"%1\"…").arg(m_query.trimmed()), m_resultsList);
            create->setData(createCustomerRole, true);
            create->setForeground(palette().brush(QPalette::Link));
            create->setToolTip(tr("Opens Create Customer with what you typed filled in."));
            QFont bold = create->font();
            bold.setBold(true);
            create->setFont(bold);
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

void CustomersPage::resultActivated(QListWidgetItem* item)
{
    if (item && item->data(createCustomerRole).toBool() && !m_createDialog)
        openCreateCustomer(m_query);
}

CreateCustomerDialog* CustomersPage::openCreateCustomer(const QString& typedText)
{
    auto* dialog = new CreateCustomerDialog(m_backend, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->prefill(typedText);
    connect(dialog, &CreateCustomerDialog::customerCreated, this, &CustomersPage::showCreatedCustomer);
    m_createDialog = dialog;
    dialog->open();
    return dialog;
}

void CustomersPage::showCreatedCustomer(const Customer& customer)
{
    m_query = customer.name;
    m_searchEdit->setText(customer.name);
    m_results = {customer};
    m_details.reset();
    fillResults();
    showCustomer(customer.id);
    emit customerCreated(customer);
}

AddSiteDialog* CustomersPage::openAddSite()
{
    if (!m_details)
        return nullptr;
    auto* dialog = new AddSiteDialog(m_backend, m_details->customer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddSiteDialog::siteAdded, this,
            [this](const Site& site) { showCustomer(site.customerId, highlightedServiceId()); });
    dialog->open();
    return dialog;
}

AddContactDialog* CustomersPage::openAddContact()
{
    if (!m_details)
        return nullptr;
    auto* dialog = new AddContactDialog(m_backend, m_details->customer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddContactDialog::contactAdded, this,
            [this](const Contact& contact) { showCustomer(contact.customerId, highlightedServiceId()); });
    dialog->open();
    return dialog;
}

void CustomersPage::openJobLog(qint64 jobId)
{
    ++m_loading;
    Database& db = m_backend.database();
    runAsync(
        this, m_backend.pool(), [&db, jobId] { return ProvisioningWorkflow(db).job(jobId); },
        [this](const Result<ProvisioningJob>& result) {
            --m_loading;
            if (!result.ok()) {
                showError(result.error());
                return;
            }
            auto* dialog = new JobLogDialog(result.value(), this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
}

void CustomersPage::showCustomer(qint64 customerId, qint64 highlightServiceId)
{
    if (!m_details || m_details->customer.id != customerId)
        m_historyModel->setJobs({}); // not another customer's jobs while this one's are on their way
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
    loadHistory(customerId, sequence);
}

void CustomersPage::loadHistory(qint64 customerId, quint64 sequence)
{
    ++m_loading;
    Database& db = m_backend.database();
    runAsync(
        this, m_backend.pool(), [&db, customerId] { return CustomerWorkflow(db).provisioningHistory(customerId); },
        [this, sequence](const Result<QList<JobSummary>>& result) {
            --m_loading;
            if (sequence != m_detailSequence)
                return;
            if (result.ok())
                m_historyModel->setJobs(result.value());
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
            showTab(Tab::Services);
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
    fillAddons();
    updateButtons();
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
    QString payment = customer.paymentMethod == CustomerRules::cardPayment          ? tr("Card")
                      : customer.paymentMethod == CustomerRules::directDebitPayment ? tr("Direct debit")
                      : customer.paymentMethod.isEmpty()                            ? tr("None")
                                                                                    : customer.paymentMethod;
    if (!customer.paymentMethod.isEmpty() && customer.paymentMethodValidUntilMs != 0) {
        const QString until =
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(customer.paymentMethodValidUntilMs).date(),
                               QLocale::ShortFormat);
        payment = customer.hasValidPaymentMethod(QDateTime::currentMSecsSinceEpoch())
                      ? tr("%1 (valid until %2)").arg(payment, until)
                      : tr("%1 (expired on %2)").arg(payment, until);
    }
    m_paymentValue->setText(payment);
    m_tabs->setTabText(int(Tab::Services), tr("&Services (%n)", nullptr, int(m_details->services.size())));
    fillSitesAndContacts();
    fillAddons();
}

void CustomersPage::fillSitesAndContacts()
{
    m_sitesTable->setRowCount(int(m_details->sites.size()));
    for (int row = 0; row < m_details->sites.size(); ++row) {
        const Site& site = m_details->sites.at(row);
        m_sitesTable->setItem(row, 0, cell(site.name));
        m_sitesTable->setItem(row, 1, cell(site.address));
    }
    m_contactsTable->setRowCount(int(m_details->contacts.size()));
    for (int row = 0; row < m_details->contacts.size(); ++row) {
        const Contact& contact = m_details->contacts.at(row);
        m_contactsTable->setItem(row, 0, cell(contactRole(contact.role)));
        m_contactsTable->setItem(row, 1, cell(contact.name));
        m_contactsTable->setItem(row, 2, cell(contact.email));
        m_contactsTable->setItem(row, 3, cell(contact.phone));
    }
    m_sitesCaption->setText(tr("Sites (%n)", nullptr, int(m_details->sites.size())));
    m_contactsCaption->setText(tr("Contacts (%n)", nullptr, int(m_details->contacts.size())));
}

void CustomersPage::fillAddons()
{
    const std::optional<Service> service = selectedService();
    const QList<AddonPurchase> addons = service && m_details ? m_details->addons.value(service->id) : QList<AddonPurchase>{};
    if (!service)
        m_addonsCaption->setText(tr("Select a service to see its add-ons."));
    else if (addons.isEmpty())
        m_addonsCaption->setText(tr("No add-ons on %1.").arg(service->name));
    else
        m_addonsCaption->setText(tr("Add-ons on %1:").arg(service->name));
    m_addonsTable->setVisible(!addons.isEmpty());
    m_addonsTable->setRowCount(int(addons.size()));
    for (int row = 0; row < addons.size(); ++row) {
        const AddonPurchase& addon = addons.at(row);
        m_addonsTable->setItem(row, 0, cell(addon.productName));
        m_addonsTable->setItem(row, 1, cell(addonStatus(addon.status)));
        m_addonsTable->setItem(row, 2, cell(addon.monthlyCost.format(QLocale())));
        m_addonsTable->setItem(row, 3, cell(addon.balance));
        m_addonsTable->setItem(row, 4, cell(Formatting::dateTime(addon.createdMs)));
    }
}

std::optional<Service> CustomersPage::selectedService() const
{
    if (!m_details)
        return std::nullopt;
    const qint64 id = highlightedServiceId();
    for (const Service& service : m_details->services)
        if (service.id == id)
            return service;
    return std::nullopt;
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
