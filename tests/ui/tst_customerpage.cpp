// The Customers page's tabs (Services with Add-ons, Sites & Contacts, Provisioning history) for a demo business
// customer with an order, and Create Customer reached from "Customer not found" (the search combo and the page).

#include "AddSiteDialog.h"
#include "CatalogPage.h"
#include "CreateCustomerDialog.h"
#include "CustomerHistoryModel.h"
#include "CustomerSearchCombo.h"
#include "CustomersPage.h"
#include "JobLogDialog.h"
#include "MainWindow.h"
#include "ServiceTableModel.h"
#include "UiTestSupport.h"
#include "store/CatalogRepository.h"
#include "store/CustomerRepository.h"
#include "store/JobRepository.h"
#include "store/ServiceRepository.h"
#include "workflows/AssignPlanWorkflow.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace sb;

class TestCustomerPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tabsShowTheBusinessCustomer();
    void addSiteWritesAndLists();
    void historyOpensJobLog();
    void addonsButtonFollowsTheSelectedService();
    void comboCreatesAndChoosesCustomer();
    void invalidEmailShownInDialog();
    void pageNotFoundOffersCreate();

private:
    CustomersPage* openBusinessCustomer();
    Database& db() { return m_ui.backend().database(); }
    template <typename T> T* child(QWidget* parent, const char* name)
    {
        return parent->findChild<T*>(QString::fromLatin1(name));
    }

    test::MainWindowFixture m_ui;
    Customer m_business;
    AssignResult m_order;
};

void TestCustomerPage::initTestCase()
{
    QVERIFY2(m_ui.startBackend(), qPrintable(m_ui.errorText()));
    CustomerRepository customers(db());
    for (qint64 id = 1; id < 40 && m_business.id == 0; ++id) {
        const auto customer = customers.byId(id);
        if (customer && customer->type == CustomerType::Business && !customers.sites(id).isEmpty())
            m_business = *customer;
    }
    QVERIFY(m_business.id != 0);

    // A business mobile order with its site, contacts and PO number, so every tab has something to show.
    AssignPlanWorkflow workflow(db());
    const auto product = CatalogRepository(db()).bySlug(QStringLiteral("mobile-unlimited"));
    QVERIFY(product);
    AssignRequest request;
    request.customerId = m_business.id;
    request.productId = product->id;
    request.reservationHolder = QStringLiteral("test-customer-page");
    for (const QString& templateName : product->inventoryItemsList) {
        const auto items = workflow.availableItems(templateName, request.reservationHolder);
        QVERIFY(items.ok() && !items->isEmpty());
        QVERIFY(workflow.reserve(items->first().id, request.reservationHolder).ok());
        request.items.insert(templateName, items->first().id);
    }
    const QList<Contact> contacts = customers.contacts(m_business.id);
    request.business.siteId = customers.sites(m_business.id).first().id;
    for (const Contact& contact : contacts) {
        if (contact.role == QLatin1String("billing"))
            request.business.billingContactId = contact.id;
        else
            request.business.technicalContactId = contact.id;
    }
    request.business.customFields.insert(QStringLiteral("po_number"), QStringLiteral("PO-4711"));
    const auto submitted = workflow.submit(request, m_ui.backend().session());
    QVERIFY2(submitted.ok(), qPrintable(submitted.error().message.englishText()));
    m_order = submitted.value();
    // The embedded worker provisions it on the simulator.
    QTRY_VERIFY_WITH_TIMEOUT(JobRepository(db()).byId(m_order.jobId)->status == JobStatus::Succeeded, 60000);
    QCOMPARE(ServiceRepository(db()).byId(m_order.serviceId)->status, ServiceStatus::Active);

    QVERIFY2(m_ui.showWindow(), qPrintable(m_ui.errorText()));
}

void TestCustomerPage::cleanupTestCase()
{
    m_ui.reset();
}

CustomersPage* TestCustomerPage::openBusinessCustomer()
{
    m_ui.window().showPage(MainWindow::Page::Customers);
    CustomersPage* page = m_ui.window().customersPage();
    page->showService(m_order.serviceId);
    if (!QTest::qWaitFor([page] { return page->details() && !page->isLoading(); }, 10000))
        return nullptr;
    return page->details()->customer.id == m_business.id ? page : nullptr;
}

void TestCustomerPage::tabsShowTheBusinessCustomer()
{
    CustomersPage* page = openBusinessCustomer();
    QVERIFY(page);
    auto* tabs = child<QTabWidget>(page, "customerTabs");
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(tabs->tabText(0), QStringLiteral("&Services (1)"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Sites && Con&tacts"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("Provisioning &History"));
    QCOMPARE(child<QLabel>(page, "customerTypeValue")->text(), QStringLiteral("Business"));
    QCOMPARE(child<QLabel>(page, "customerPaymentValue")->text(), QStringLiteral("Card"));

    auto* services = child<QTableView>(page, "customerServicesTable");
    QCOMPARE(services->model()->rowCount(), 1);
    QCOMPARE(page->highlightedServiceId(), m_order.serviceId);
    QVERIFY(child<QLabel>(page, "serviceAddonsCaption")->text().startsWith(QStringLiteral("No add-ons on ")));

    auto* sites = child<QTableWidget>(page, "customerSitesTable");
    auto* contacts = child<QTableWidget>(page, "customerContactsTable");
    const QList<Site> storedSites = CustomerRepository(db()).sites(m_business.id);
    QCOMPARE(sites->rowCount(), int(storedSites.size()));
    QCOMPARE(sites->item(0, 0)->text(), storedSites.first().name);
    QCOMPARE(sites->item(0, 1)->text(), storedSites.first().address);
    QCOMPARE(contacts->rowCount(), 2);
    QCOMPARE(contacts->item(0, 0)->text(), QStringLiteral("Billing"));
    QCOMPARE(contacts->item(1, 0)->text(), QStringLiteral("Technical"));
    QCOMPARE(contacts->item(0, 1)->text(), QStringLiteral("Jane Doe"));

    auto* history = child<QTableView>(page, "customerHistoryTable");
    QTRY_COMPARE(history->model()->rowCount(), 1);
    const QAbstractItemModel* model = history->model();
    QCOMPARE(model->index(0, CustomerHistoryModel::ProvisionIdColumn).data().toString(), QString::number(m_order.jobId));
    QCOMPARE(model->index(0, CustomerHistoryModel::KindColumn).data().toString(), QStringLiteral("Assign plan"));
    QCOMPARE(model->index(0, CustomerHistoryModel::StatusColumn).data().toString(), QStringLiteral("Succeeded"));
    QCOMPARE(model->index(0, CustomerHistoryModel::AttemptColumn).data().toString(), QStringLiteral("1"));
    QVERIFY(!model->index(0, CustomerHistoryModel::ServiceColumn).data().toString().isEmpty());
    QVERIFY(!model->index(0, CustomerHistoryModel::FinishedColumn).data().toString().isEmpty());
}

void TestCustomerPage::addSiteWritesAndLists()
{
    CustomersPage* page = openBusinessCustomer();
    QVERIFY(page);
    page->showTab(CustomersPage::Tab::SitesAndContacts);
    auto* sites = child<QTableWidget>(page, "customerSitesTable");
    const int before = sites->rowCount();

    QTest::mouseClick(child<QPushButton>(page, "addSiteButton"), Qt::LeftButton);
    AddSiteDialog* dialog = page->findChild<AddSiteDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // Without a name the dialog says what to do and stays open.
    QTest::mouseClick(child<QPushButton>(dialog, "addSiteConfirmButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>(dialog, "addSiteProblems")->isVisible());
    QVERIFY(child<QLabel>(dialog, "addSiteProblems")->text().startsWith(QStringLiteral("Enter a name for the site")));
    QVERIFY(dialog->isVisible());

    QTest::keyClicks(child<QLineEdit>(dialog, "siteNameEdit"), QStringLiteral("Riverside Depot"));
    QTest::keyClicks(child<QLineEdit>(dialog, "siteAddressEdit"), QStringLiteral("7 Quay Road"));
    QTest::keyClick(child<QLineEdit>(dialog, "siteAddressEdit"), Qt::Key_Return); // the default button
    QTRY_COMPARE(sites->rowCount(), before + 1);
    QCOMPARE(sites->item(before, 0)->text(), QStringLiteral("Riverside Depot"));
    const QList<Site> stored = CustomerRepository(db()).sites(m_business.id);
    QCOMPARE(stored.size(), before + 1);
    QCOMPARE(stored.last().name, QStringLiteral("Riverside Depot"));
    QCOMPARE(stored.last().address, QStringLiteral("7 Quay Road"));
}

void TestCustomerPage::historyOpensJobLog()
{
    CustomersPage* page = openBusinessCustomer();
    QVERIFY(page);
    page->showTab(CustomersPage::Tab::History);
    auto* history = child<QTableView>(page, "customerHistoryTable");
    QTRY_COMPARE(history->model()->rowCount(), 1);
    QTRY_VERIFY(history->isVisible());
    // Keyboard: the row, then Enter.
    history->setFocus();
    history->setCurrentIndex(history->model()->index(0, 0));
    QTest::keyClick(history, Qt::Key_Return);
    JobLogDialog* log = nullptr;
    QTRY_VERIFY((log = page->findChild<JobLogDialog*>()) != nullptr && log->isVisible());
    QVERIFY2(log->logText().contains(QStringLiteral("Configuring OCS account")), qPrintable(log->logText()));
    log->close();
    QTRY_VERIFY(page->findChild<JobLogDialog*>() == nullptr);
    // Mouse: a double-click on the row.
    const QRect cellRect = history->visualRect(history->model()->index(0, 1));
    QTest::mouseClick(history->viewport(), Qt::LeftButton, {}, cellRect.center());
    QTest::mouseDClick(history->viewport(), Qt::LeftButton, {}, cellRect.center());
    QTRY_VERIFY((log = page->findChild<JobLogDialog*>()) != nullptr && log->isVisible());
    QTest::qWait(100);
    QCOMPARE(page->findChildren<JobLogDialog*>().size(), 1); // one log, not one per signal
    log->close();
    QTRY_VERIFY(page->findChild<JobLogDialog*>() == nullptr);
}

void TestCustomerPage::addonsButtonFollowsTheSelectedService()
{
    CustomersPage* page = openBusinessCustomer();
    QVERIFY(page);
    page->showTab(CustomersPage::Tab::Services);
    auto* addons = child<QPushButton>(page, "addonsButton");
    auto* services = child<QTableView>(page, "customerServicesTable");
    QCOMPARE(page->highlightedServiceId(), m_order.serviceId);
    QVERIFY(addons->isEnabled()); // an active mobile service: the 5GB Data Boost fits it

    QSignalSpy requested(page, &CustomersPage::addonsRequested);
    QTest::mouseClick(addons, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().at(0).value<Customer>().id, m_business.id);
    QCOMPARE(requested.first().at(1).value<Service>().id, m_order.serviceId);
    // The main window takes it from there (MainWindow::addonsFor); whatever it opened is closed again.
    QTest::qWait(50);
    for (QDialog* opened : m_ui.window().findChildren<QDialog*>())
        if (opened->isVisible() && opened->parent() == &m_ui.window())
            opened->reject();

    // Nothing selected, or a service that is not active: no add-ons.
    page = openBusinessCustomer();
    QVERIFY(page);
    services->clearSelection();
    QVERIFY(!addons->isEnabled());
    ServiceRepository(db()).setStatus(m_order.serviceId, ServiceStatus::Suspended, QStringLiteral("test"));
    page->showCustomer(m_business.id, m_order.serviceId);
    QTRY_VERIFY(!page->isLoading() && page->highlightedServiceId() == m_order.serviceId &&
                page->details()->services.first().status == ServiceStatus::Suspended);
    QVERIFY(!addons->isEnabled());
    ServiceRepository(db()).setStatus(m_order.serviceId, ServiceStatus::Active, QStringLiteral("test"));
}

void TestCustomerPage::comboCreatesAndChoosesCustomer()
{
    CustomerSearchCombo combo(m_ui.backend());
    combo.resize(400, 30);
    combo.show();
    QVERIFY(QTest::qWaitForWindowExposed(&combo));
    QSignalSpy chosen(&combo, &CustomerSearchCombo::customerChosen);
    QTest::keyClicks(combo.lineEdit(), QStringLiteral("Zelda Quintanilha"));
    QListWidget* results = combo.resultsList();
    QTRY_VERIFY(results->isVisible() && !combo.isSearching() && results->count() == 5);
    QCOMPARE(results->item(0)->text(), QStringLiteral("Customer not found"));
    QCOMPARE(results->item(4)->text(), QStringLiteral("Create customer \"Zelda Quintanilha\"…"));

    // Keyboard only: Down reaches the row, Enter opens the dialog with the name filled in.
    QTest::keyClick(combo.lineEdit(), Qt::Key_Down);
    QTest::keyClick(combo.lineEdit(), Qt::Key_Return);
    CreateCustomerDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = combo.findChild<CreateCustomerDialog*>()) != nullptr && dialog->isVisible());
    QCOMPARE(child<QLineEdit>(dialog, "newCustomerNameEdit")->text(), QStringLiteral("Zelda Quintanilha"));
    QVERIFY(dialog->createButton()->isEnabled());
    QTest::keyClicks(child<QLineEdit>(dialog, "newCustomerEmailEdit"), QStringLiteral("zelia@example.org"));
    QTest::mouseClick(dialog->createButton(), Qt::LeftButton);

    QTRY_COMPARE(chosen.count(), 1);
    QVERIFY(combo.customer());
    QCOMPARE(combo.customer()->name, QStringLiteral("Zelda Quintanilha"));
    QVERIFY(combo.customer()->id > 0);
    const auto stored = CustomerRepository(db()).byEmail(QStringLiteral("zelia@example.org"));
    QVERIFY(stored);
    QCOMPARE(stored->id, combo.customer()->id);
    QVERIFY(combo.lineEdit()->text().startsWith(QStringLiteral("Zelda Quintanilha (ID: ")));

    // A phone number typed into the search goes into the phone field.
    combo.clear();
    QTest::keyClicks(combo.lineEdit(), QStringLiteral("+351 912 000 111"));
    QTRY_VERIFY(results->isVisible() && !combo.isSearching() && results->count() == 5);
    CreateCustomerDialog* second = combo.openCreateCustomer();
    QCOMPARE(child<QLineEdit>(second, "newCustomerPhoneEdit")->text(), QStringLiteral("+351 912 000 111"));
    QVERIFY(child<QLineEdit>(second, "newCustomerNameEdit")->text().isEmpty());
    QVERIFY(!second->createButton()->isEnabled()); // the name is required
    second->reject();
}

void TestCustomerPage::invalidEmailShownInDialog()
{
    m_ui.window().showPage(MainWindow::Page::Customers);
    CustomersPage* page = m_ui.window().customersPage();
    const qint64 before = CustomerRepository(db()).count();
    QTest::mouseClick(child<QPushButton>(page, "newCustomerButton"), Qt::LeftButton);
    CreateCustomerDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = page->findChild<CreateCustomerDialog*>()) != nullptr && dialog->isVisible());
    QVERIFY(!dialog->createButton()->isEnabled());

    // A business: the site and contact fields appear.
    auto* type = child<QComboBox>(dialog, "newCustomerTypeCombo");
    type->setCurrentIndex(1);
    QVERIFY(child<QWidget>(dialog, "newCustomerSiteGroup")->isVisible());
    QTest::keyClicks(child<QLineEdit>(dialog, "newCustomerNameEdit"), QStringLiteral("Quay Fisheries"));
    QTest::keyClicks(child<QLineEdit>(dialog, "newCustomerEmailEdit"), QStringLiteral("office@quay"));
    QTest::keyClicks(child<QLineEdit>(dialog, "billingContactEmailEdit"), QStringLiteral("accounts@quay.example"));
    QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
    auto* problems = child<QLabel>(dialog, "createCustomerProblems");
    QVERIFY(problems->isVisible());
    QCOMPARE(dialog->shownProblems(),
             QStringList({QStringLiteral("The email address \"office@quay\" is not valid. Enter it as "
                                         "name@example.com, or leave it empty."),
                          QStringLiteral("Enter the billing contact's name.")}));
    QVERIFY(problems->text().contains(QStringLiteral("Enter the billing contact's name.")));
    QVERIFY(dialog->isVisible());
    QCOMPARE(CustomerRepository(db()).count(), before);

    child<QLineEdit>(dialog, "newCustomerEmailEdit")->setText(QStringLiteral("office@quay.example"));
    QTest::keyClicks(child<QLineEdit>(dialog, "billingContactNameEdit"), QStringLiteral("Ines Prata"));
    QTest::keyClicks(child<QLineEdit>(dialog, "newSiteNameEdit"), QStringLiteral("Harbour"));
    QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
    QTRY_VERIFY(page->findChild<CreateCustomerDialog*>() == nullptr);
    QCOMPARE(CustomerRepository(db()).count(), before + 1);
    // The page shows the new customer with the site and contact from the dialog.
    QTRY_VERIFY(page->details() && page->details()->customer.name == QStringLiteral("Quay Fisheries") &&
                !page->isLoading());
    QCOMPARE(page->details()->sites.size(), 1);
    QCOMPARE(page->details()->contacts.size(), 1);
    QCOMPARE(page->details()->contacts.first().name, QStringLiteral("Ines Prata"));
    QCOMPARE(child<QTableWidget>(page, "customerSitesTable")->rowCount(), 1);
}

void TestCustomerPage::pageNotFoundOffersCreate()
{
    m_ui.window().showPage(MainWindow::Page::Customers);
    CustomersPage* page = m_ui.window().customersPage();
    auto* search = child<QLineEdit>(page, "customerPageSearch");
    auto* results = child<QListWidget>(page, "customerResultsList");
    search->clear();
    QTest::keyClicks(search, QStringLiteral("nobody@nowhere.example"));
    QTRY_COMPARE(results->count(), 5);
    QCOMPARE(results->item(4)->text(), QStringLiteral("Create customer \"nobody@nowhere.example\"…"));
    QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, results->visualItemRect(results->item(4)).center());
    CreateCustomerDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = page->findChild<CreateCustomerDialog*>()) != nullptr && dialog->isVisible());
    QCOMPARE(page->findChildren<CreateCustomerDialog*>().size(), 1);
    QCOMPARE(child<QLineEdit>(dialog, "newCustomerEmailEdit")->text(), QStringLiteral("nobody@nowhere.example"));
    dialog->reject();
    QTRY_VERIFY(page->findChild<CreateCustomerDialog*>() == nullptr);
}

QTEST_MAIN(TestCustomerPage)
#include "tst_customerpage.moc"
