// Seed 000, "Provisioning for Business Customers", through the real main window: after auto-renewal a business
// order asks "Select Installation Site:", "Billing Contact:", "Technical Contact:" and the configured custom fields
// (a required Purchase Order Number blocks until it is filled); the review shows them and the service row keeps them.

#include "AssignFlowDriver.h"
#include "AssignPlanDialog.h"
#include "AutoRenewStep.h"
#include "BusinessDetailsStep.h"
#include "InventoryPicker.h"
#include "InventoryStep.h"
#include "MainWindow.h"
#include "ProvisioningProgressDialog.h"
#include "ReviewStep.h"
#include "CatalogPage.h"
#include "CustomersPage.h"
#include "ProductCard.h"
#include "ProductCardsView.h"
#include "store/InventoryRepository.h"
#include "UiTestSupport.h"
#include "store/CustomFieldRepository.h"
#include "store/CustomerRepository.h"
#include "store/ServiceRepository.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

using namespace sb;

class TestBusinessFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void businessDetailsRequiredShownAndStored();
    void internetForExistingBusinessCustomerFromTheCustomerPage();
    void customerWithoutSiteIsTold();
    void individualCustomerSkipsTheStep();
    void submitRejectionIsShown(); // last: it adds a required field

private:
    Database& db() { return m_ui.backend().database(); }
    // Customer, inventory, auto-renew Yes: the dialog at its business step.
    AssignPlanDialog* openAtBusinessStep(const QString& customerName);
    QString labelText(QWidget* parent, const char* name);

    test::MainWindowFixture m_ui;
    Customer m_company;
    Customer m_noSites;
    Site m_london;
    Site m_leeds;
    Contact m_jane;
    Contact m_bob;
};

void TestBusinessFlow::initTestCase()
{
    QVERIFY2(m_ui.startBackend(), qPrintable(m_ui.errorText()));
    CustomerRepository customers(db());
    m_company.type = CustomerType::Business;
    m_company.name = QStringLiteral("Quayside Shipping Ltd");
    m_company.email = QStringLiteral("office@quayside.example");
    m_company.phone = QStringLiteral("+44 20 7946 8801");
    m_company.id = customers.insert(m_company);
    m_london = Site{0, m_company.id, QStringLiteral("London Office"), QStringLiteral("123 Main St")};
    m_london.id = customers.insertSite(m_london);
    m_leeds = Site{0, m_company.id, QStringLiteral("Leeds Depot"), QStringLiteral("9 Canal Rd")};
    m_leeds.id = customers.insertSite(m_leeds);
    m_jane = Contact{0,
                     m_company.id,
                     QStringLiteral("billing"),
                     QStringLiteral("Jane Doe"),
                     QStringLiteral("jane@quayside.example"),
                     QString()};
    m_bob = Contact{0,
                    m_company.id,
                    QStringLiteral("technical"),
                    QStringLiteral("Bob Smith"),
                    QStringLiteral("bob@quayside.example"),
                    QString()};
    // The technical contact first: the defaults follow the role, not the order.
    m_bob.id = customers.insertContact(m_bob);
    m_jane.id = customers.insertContact(m_jane);

    m_noSites.type = CustomerType::Business;
    m_noSites.name = QStringLiteral("Baredesk Consulting");
    m_noSites.email = QStringLiteral("hello@baredesk.example");
    m_noSites.id = customers.insert(m_noSites);
    customers.insertContact(Contact{0, m_noSites.id, QStringLiteral("billing"), QStringLiteral("Ann Bare"),
                                    QStringLiteral("ann@baredesk.example"), QString()});

    // A date field for this product only, next to the demo's PO number, cost centre and account number.
    CustomFieldDefinition installDate;
    installDate.key = QStringLiteral("install_date");
    installDate.label = QStringLiteral("Installation Date");
    installDate.type = CustomFieldDefinition::Type::Date;
    installDate.productSlug = QStringLiteral("mobile-business-50gb");
    installDate.sortOrder = 10;
    CustomFieldRepository(db()).insert(installDate);

    QVERIFY2(m_ui.showWindow(), qPrintable(m_ui.errorText()));
}

void TestBusinessFlow::cleanupTestCase()
{
    m_ui.reset();
}

void TestBusinessFlow::cleanup()
{
    for (auto* dialog : m_ui.window().findChildren<QDialog*>())
        if (dialog->isVisible())
            dialog->close();
    QTRY_VERIFY(test::visibleAssignDialog(m_ui.window()) == nullptr);
}

QString TestBusinessFlow::labelText(QWidget* parent, const char* name)
{
    auto* label = parent->findChild<QLabel*>(QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("<missing %1>").arg(QString::fromLatin1(name));
}

AssignPlanDialog* TestBusinessFlow::openAtBusinessStep(const QString& customerName)
{
    test::AssignFlowDriver driver(m_ui.window());
    AssignPlanDialog* dialog = driver.openAssign(QStringLiteral("mobile-business-50gb"), CustomerType::Business);
    if (!dialog)
        return nullptr;
    driver.chooseCustomer(dialog, customerName);
    if (QTest::currentTestFailed())
        return nullptr;
    driver.clickNext(dialog);
    if (InventoryStep* inventory = dialog->inventoryStep()) {
        for (InventoryPicker* picker : inventory->pickers())
            driver.pickItem(picker);
        driver.clickNext(dialog);
    }
    if (QTest::currentTestFailed() || dialog->currentStep() != dialog->autoRenewStep())
        return nullptr;
    QTest::mouseClick(dialog->autoRenewStep()->yesButton(), Qt::LeftButton);
    return dialog->currentStep() == dialog->businessStep() ? dialog : nullptr;
}

void TestBusinessFlow::businessDetailsRequiredShownAndStored()
{
    AssignPlanDialog* dialog = openAtBusinessStep(QStringLiteral("Quayside Ship"));
    QVERIFY(dialog);
    BusinessDetailsStep* step = dialog->businessStep();
    QTRY_VERIFY(!step->isLoading());
    QCOMPARE(labelText(dialog, "stepLabel"), QStringLiteral("Step 4 of 5: Business Details"));

    // The seed's form: site, contacts (defaults by role), then the custom fields with the required one marked.
    QCOMPARE(test::shownText(labelText(dialog, "siteLabel")), QStringLiteral("Select Installation Site:"));
    QCOMPARE(test::shownText(labelText(dialog, "billingContactLabel")), QStringLiteral("Billing Contact:"));
    QCOMPARE(test::shownText(labelText(dialog, "technicalContactLabel")), QStringLiteral("Technical Contact:"));
    QComboBox* site = step->siteCombo();
    QCOMPARE(site->count(), 2);
    QCOMPARE(site->itemText(0), QStringLiteral("London Office - 123 Main St"));
    QCOMPARE(site->itemText(1), QStringLiteral("Leeds Depot - 9 Canal Rd"));
    QCOMPARE(step->billingCombo()->currentText(), QStringLiteral("Jane Doe - <jane@quayside.example>"));
    QCOMPARE(step->technicalCombo()->currentText(), QStringLiteral("Bob Smith - <bob@quayside.example>"));
    QCOMPARE(step->fieldLabel(QStringLiteral("po_number"))->text(), QStringLiteral("Purchase Order Number: *"));
    QCOMPARE(step->fieldLabel(QStringLiteral("cost_centre"))->text(), QStringLiteral("Cost Centre:"));
    QCOMPARE(step->fieldLabel(QStringLiteral("account_number"))->text(), QStringLiteral("Account Number:"));
    QCOMPARE(step->fieldLabel(QStringLiteral("install_date"))->text(), QStringLiteral("Installation Date:"));
    QVERIFY(qobject_cast<QLineEdit*>(step->fieldEditor(QStringLiteral("po_number"))));
    auto* date = qobject_cast<QDateEdit*>(step->fieldEditor(QStringLiteral("install_date")));
    QVERIFY(date && date->calendarPopup());
    QCOMPARE(date->text(), QStringLiteral("Not set"));
    auto* note = dialog->findChild<QLabel*>(QStringLiteral("requiredNote"));
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), QStringLiteral("* required"));
    auto* next = dialog->findChild<QPushButton*>(QStringLiteral("nextButton"));
    QCOMPARE(test::shownText(next->text()), QStringLiteral("Continue"));

    // The required PO number is missing: Continue is disabled and the step says why.
    auto* status = dialog->findChild<QLabel*>(QStringLiteral("businessStatusLabel"));
    QVERIFY(!next->isEnabled());
    QVERIFY(status->isVisible());
    QCOMPARE(status->text(),
             QStringLiteral("Purchase Order Number is required for this order. Enter it and continue."));

    // Filled in as a person does: the second site, letters refused in the account number, a date from the calendar.
    site->setFocus();
    QTest::keyClick(site, Qt::Key_Down);
    QCOMPARE(site->currentIndex(), 1);
    auto* account = qobject_cast<QLineEdit*>(step->fieldEditor(QStringLiteral("account_number")));
    QTest::keyClicks(account, QStringLiteral("40ab17"));
    QCOMPARE(account->text(), QStringLiteral("4017"));
    date->setDate(QDate(2026, 3, 31));
    auto* po = qobject_cast<QLineEdit*>(step->fieldEditor(QStringLiteral("po_number")));
    QTest::keyClicks(po, QStringLiteral("PO-2025-001234"));
    QVERIFY(next->isEnabled());
    QVERIFY(!status->isVisible());
    QTest::mouseClick(next, Qt::LeftButton);

    // The review shows site, contacts and every field (label: value).
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(dialog->reviewStep()));
    QCOMPARE(labelText(dialog, "reviewSiteValue"), QStringLiteral("Leeds Depot - 9 Canal Rd"));
    QCOMPARE(labelText(dialog, "reviewBillingContactValue"), QStringLiteral("Jane Doe - <jane@quayside.example>"));
    QCOMPARE(labelText(dialog, "reviewTechnicalContactValue"), QStringLiteral("Bob Smith - <bob@quayside.example>"));
    const QString fields = labelText(dialog, "reviewCustomFieldsValue");
    QVERIFY2(fields.contains(QStringLiteral("Purchase Order Number: PO-2025-001234")), qPrintable(fields));
    QVERIFY2(fields.contains(QStringLiteral("Account Number: 4017")), qPrintable(fields));
    QVERIFY2(fields.contains(QStringLiteral("Cost Centre: —")), qPrintable(fields));
    QVERIFY2(fields.contains(QStringLiteral("Installation Date: ") +
                             QLocale().toString(QDate(2026, 3, 31), QLocale::ShortFormat)),
             qPrintable(fields));

    auto* confirm = dialog->findChild<QPushButton*>(QStringLiteral("confirmButton"));
    QTRY_VERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    ProvisioningProgressDialog* progress = nullptr;
    QTRY_VERIFY((progress = test::visibleProgressDialog(m_ui.window())) != nullptr);
    auto* success = progress->findChild<QWidget*>(QStringLiteral("successPanel"));
    QTRY_VERIFY_WITH_TIMEOUT(success->isVisible() || progress->isFinished(), 30000);
    QVERIFY2(success->isVisible(), qPrintable(progress->errorText()));
    QVERIFY(!progress->findChild<QLabel*>(QStringLiteral("balanceValue"))->isVisible()); // add-ons only

    // The services row keeps the site, both contacts and the custom fields.
    const auto service = ServiceRepository(db()).byId(progress->job()->serviceId);
    QVERIFY(service);
    QCOMPARE(service->customerId, m_company.id);
    QCOMPARE(service->business.siteId, m_leeds.id);
    QCOMPARE(service->business.billingContactId, m_jane.id);
    QCOMPARE(service->business.technicalContactId, m_bob.id);
    QCOMPARE(service->business.customFields.value(QStringLiteral("po_number")), QStringLiteral("PO-2025-001234"));
    QCOMPARE(service->business.customFields.value(QStringLiteral("account_number")), QStringLiteral("4017"));
    QCOMPARE(service->business.customFields.value(QStringLiteral("install_date")), QStringLiteral("2026-03-31"));
    QVERIFY(!service->business.customFields.contains(QStringLiteral("cost_centre")));
    progress->close();
}

// Seed 000, Workflow 2: Customers → the customer → Services tab → Add Service → an internet plan → the
// installation site → a CPE modem from the inventory → provisioned.
void TestBusinessFlow::internetForExistingBusinessCustomerFromTheCustomerPage()
{
    MainWindow& window = m_ui.window();
    window.showPage(MainWindow::Page::Customers);
    CustomersPage* page = window.customersPage();
    page->showCustomer(m_company.id);
    QTRY_VERIFY(!page->isLoading() && page->details() && page->details()->customer.id == m_company.id);
    auto* tabs = page->findChild<QTabWidget*>(QStringLiteral("customerTabs"));
    QCOMPARE(tabs->currentWidget(), page->findChild<QWidget*>(QStringLiteral("customerServicesTab")));
    auto* addService = page->findChild<QPushButton*>(QStringLiteral("addServiceButton"));
    QTRY_VERIFY(addService->isVisible() && addService->isEnabled());
    QTest::mouseClick(addService, Qt::LeftButton);

    // The catalog opens for this customer: business plans only, the customer named above the cards.
    QCOMPARE(window.currentPage(), MainWindow::Page::Catalog);
    CatalogPage* catalog = window.catalogPage();
    QTRY_VERIFY(!catalog->isLoading());
    QVERIFY(catalog->findChild<QToolButton*>(QStringLiteral("businessButton"))->isChecked());
    ProductCard* card = nullptr;
    QTRY_VERIFY((card = catalog->cardsView()->card(QStringLiteral("fiber-business-1g"))) != nullptr);
    QVERIFY(catalog->cardsView()->card(QStringLiteral("iptv-essentials")) == nullptr); // individuals only
    catalog->cardsView()->reveal(card);
    QTRY_VERIFY(card->assignButton()->isVisible());
    QTest::mouseClick(card->assignButton(), Qt::LeftButton);

    // The customer is known: the dialog starts at the CPE modem.
    AssignPlanDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = test::visibleAssignDialog(window)) != nullptr);
    QVERIFY(dialog->customerStep() == nullptr);
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(dialog->inventoryStep()));
    InventoryPicker* modem = dialog->inventoryStep()->picker(QStringLiteral("CPE Modem"));
    QVERIFY(modem);
    test::AssignFlowDriver driver(window);
    driver.pickItem(modem);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(modem->reservedItem());
    const qint64 modemId = modem->reservedItem()->id;
    driver.clickNext(dialog);
    QTest::mouseClick(dialog->autoRenewStep()->yesButton(), Qt::LeftButton);

    // Installation site (the London office) and the PO number.
    BusinessDetailsStep* step = dialog->businessStep();
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(step));
    QTRY_VERIFY(!step->isLoading());
    QCOMPARE(step->siteCombo()->currentText(), QStringLiteral("London Office - 123 Main St"));
    QTest::keyClicks(qobject_cast<QLineEdit*>(step->fieldEditor(QStringLiteral("po_number"))), QStringLiteral("PO-2026-0042"));
    auto* next = dialog->findChild<QPushButton*>(QStringLiteral("nextButton"));
    QTRY_VERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(dialog->reviewStep()));
    QCOMPARE(labelText(dialog, "reviewSiteValue"), QStringLiteral("London Office - 123 Main St"));

    auto* confirm = dialog->findChild<QPushButton*>(QStringLiteral("confirmButton"));
    QTRY_VERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    ProvisioningProgressDialog* progress = nullptr;
    QTRY_VERIFY((progress = test::visibleProgressDialog(window)) != nullptr);
    auto* success = progress->findChild<QWidget*>(QStringLiteral("successPanel"));
    QTRY_VERIFY_WITH_TIMEOUT(success->isVisible() || progress->isFinished(), 30000);
    QVERIFY2(success->isVisible(), qPrintable(progress->errorText()));

    // Active, at the London office, with the modem assigned to it.
    const auto service = ServiceRepository(db()).byId(progress->job()->serviceId);
    QVERIFY(service);
    QCOMPARE(service->status, ServiceStatus::Active);
    QCOMPARE(service->customerId, m_company.id);
    QCOMPARE(service->business.siteId, m_london.id);
    QCOMPARE(service->business.customFields.value(QStringLiteral("po_number")), QStringLiteral("PO-2026-0042"));
    const auto modemItem = InventoryRepository(db()).byId(modemId);
    QVERIFY(modemItem);
    QCOMPARE(modemItem->serviceId, service->id);
    QCOMPARE(modemItem->status, InventoryStatus::Assigned);
    progress->close();
    QTest::mouseClick(catalog->findChild<QPushButton*>(QStringLiteral("clearPresetCustomerButton")), Qt::LeftButton);
}

void TestBusinessFlow::customerWithoutSiteIsTold()
{
    AssignPlanDialog* dialog = openAtBusinessStep(QStringLiteral("Baredesk"));
    QVERIFY(dialog);
    BusinessDetailsStep* step = dialog->businessStep();
    QTRY_VERIFY(!step->isLoading());
    QVERIFY(!step->siteCombo()->isEnabled());
    QCOMPARE(step->siteCombo()->count(), 0);
    QVERIFY(step->problemTexts().contains(
        QStringLiteral("Baredesk Consulting has no installation site. Add a site on the customer page first.")));
    QVERIFY(
        labelText(dialog, "businessStatusLabel").contains(QStringLiteral("Add a site on the customer page first.")));
    // Even with a PO number the order cannot go on without a site.
    QTest::keyClicks(qobject_cast<QLineEdit*>(step->fieldEditor(QStringLiteral("po_number"))), QStringLiteral("PO-1"));
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("nextButton"))->isEnabled());
}

void TestBusinessFlow::individualCustomerSkipsTheStep()
{
    test::AssignFlowDriver driver(m_ui.window());
    AssignPlanDialog* dialog = driver.openAssign(QStringLiteral("mobile-unlimited"));
    QVERIFY(dialog);
    driver.fillToReview(dialog, QStringLiteral("John Smi"));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!dialog->steps().contains(dialog->businessStep()));
    QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("reviewSiteValue"))->isVisible());
    QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("reviewCustomFieldsValue"))->isVisible());
    QVERIFY(dialog->draft().business.isEmpty());
}

void TestBusinessFlow::submitRejectionIsShown()
{
    AssignPlanDialog* dialog = openAtBusinessStep(QStringLiteral("Quayside Ship"));
    QVERIFY(dialog);
    BusinessDetailsStep* step = dialog->businessStep();
    QTRY_VERIFY(!step->isLoading());
    QTest::keyClicks(qobject_cast<QLineEdit*>(step->fieldEditor(QStringLiteral("po_number"))), QStringLiteral("PO-77"));
    test::AssignFlowDriver(m_ui.window()).clickNext(dialog);
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(dialog->reviewStep()));

    // Meanwhile an administrator makes another field required: the submit checks again and refuses, in the dialog.
    CustomFieldDefinition contract;
    contract.key = QStringLiteral("contract_ref");
    contract.label = QStringLiteral("Contract Reference");
    contract.required = true;
    contract.sortOrder = 20;
    CustomFieldRepository(db()).insert(contract);
    const int servicesBefore = int(ServiceRepository(db()).forCustomer(m_company.id).size());
    auto* confirm = dialog->findChild<QPushButton*>(QStringLiteral("confirmButton"));
    QTest::mouseClick(confirm, Qt::LeftButton);
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("assignErrorLabel"));
    QTRY_VERIFY(!dialog->isSubmitting() && error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("Contract Reference is required for this order. Enter it and continue."));
    QVERIFY(dialog->isVisible());
    QVERIFY(confirm->isEnabled());
    QCOMPARE(int(ServiceRepository(db()).forCustomer(m_company.id).size()), servicesBefore);
}

QTEST_MAIN(TestBusinessFlow)
#include "tst_businessflow.moc"
