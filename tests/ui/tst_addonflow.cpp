// Seed 000, "Adding Add-ons to Existing Service" and workflow 3, through the real main window: the catalog's add-on
// card or "Add-ons" next to a service, "Which service should receive this add-on?" when the customer has several,
// the payment method check, Confirm & Provision, and the balance read back after the embedded simulator ran it.

#include "AddonPickerDialog.h"
#include "AddonTargetStep.h"
#include "AssignFlowDriver.h"
#include "AssignPlanDialog.h"
#include "AutoRenewStep.h"
#include "CatalogPage.h"
#include "CustomersPage.h"
#include "MainWindow.h"
#include "ProductCard.h"
#include "ProductCardsView.h"
#include "ProvisioningProgressDialog.h"
#include "ReviewStep.h"
#include "UiTestSupport.h"
#include "store/CatalogRepository.h"
#include "store/CustomerRepository.h"
#include "store/JobRepository.h"
#include "store/ServiceAddonRepository.h"
#include "store/ServiceRepository.h"
#include "workflows/AssignPlanWorkflow.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace sb;

class TestAddonFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void severalServicesPromptAndProvision();
    void noPaymentMethodDisablesConfirm();
    void oneServiceIsChosenWithoutCombo();
    void addonsNextToServiceOpensPicker();
    void recurringAddonAsksAutoRenew();

private:
    Database& db() { return m_ui.backend().database(); }
    Customer addCustomer(const QString& name, const QString& phone, const QString& paymentMethod);
    // A mobile plan ordered in core and provisioned by the embedded worker: the service, active.
    Service activeMobileService(const Customer& customer);
    AssignPlanDialog* openAddonFromCatalog(const QString& slug);
    QString labelText(QWidget* parent, const char* name);

    test::MainWindowFixture m_ui;
    Customer m_twoServices;
    Customer m_noPayment;
    Customer m_oneService;
    QList<Service> m_twoServicesList;
    Service m_noPaymentService;
    Service m_oneServiceService;
};

Customer TestAddonFlow::addCustomer(const QString& name, const QString& phone, const QString& paymentMethod)
{
    Customer customer;
    customer.name = name;
    customer.email = name.toLower().replace(QLatin1Char(' '), QLatin1Char('.')) + QStringLiteral("@example.org");
    customer.phone = phone;
    customer.paymentMethod = paymentMethod;
    customer.id = CustomerRepository(db()).insert(customer);
    return customer;
}

Service TestAddonFlow::activeMobileService(const Customer& customer)
{
    AssignPlanWorkflow workflow(db());
    const auto product = CatalogRepository(db()).bySlug(QStringLiteral("mobile-20gb"));
    if (!product)
        return {};
    AssignRequest request;
    request.customerId = customer.id;
    request.productId = product->id;
    request.reservationHolder = QStringLiteral("tst_addonflow");
    for (const QString& templateName : product->inventoryItemsList) {
        const auto items = workflow.availableItems(templateName, request.reservationHolder);
        if (!items.ok() || items->isEmpty() || !workflow.reserve(items->first().id, request.reservationHolder).ok())
            return {};
        request.items.insert(templateName, items->first().id);
    }
    const auto submitted = workflow.submit(request, m_ui.backend().session());
    if (!submitted.ok())
        return {};
    const qint64 jobId = submitted->jobId;
    if (!QTest::qWaitFor([&] { return JobRepository(db()).byId(jobId)->status == JobStatus::Succeeded; }, 60000))
        return {};
    const auto service = ServiceRepository(db()).byId(submitted->serviceId);
    return service && service->status == ServiceStatus::Active ? *service : Service{};
}

void TestAddonFlow::initTestCase()
{
    QVERIFY2(m_ui.startBackend(), qPrintable(m_ui.errorText()));
    m_twoServices =
        addCustomer(QStringLiteral("Ada Boostwell"), QStringLiteral("+44 7700 811001"), QStringLiteral("card"));
    m_noPayment = addCustomer(QStringLiteral("Nora Nopayne"), QStringLiteral("+44 7700 811002"), QString());
    m_oneService =
        addCustomer(QStringLiteral("Olive Onlyline"), QStringLiteral("+44 7700 811003"), QStringLiteral("card"));
    for (int i = 0; i < 2; ++i) {
        const Service service = activeMobileService(m_twoServices);
        QVERIFY(service.id != 0);
        m_twoServicesList << service;
    }
    m_noPaymentService = activeMobileService(m_noPayment);
    m_oneServiceService = activeMobileService(m_oneService);
    QVERIFY(m_noPaymentService.id != 0 && m_oneServiceService.id != 0);
    QVERIFY2(m_ui.showWindow(), qPrintable(m_ui.errorText()));
}

void TestAddonFlow::cleanupTestCase()
{
    m_ui.reset();
}

void TestAddonFlow::cleanup()
{
    // A failed check leaves its dialog open; the next test starts without it.
    for (auto* dialog : m_ui.window().findChildren<QDialog*>())
        if (dialog->isVisible())
            dialog->close();
    QTRY_VERIFY(test::visibleAssignDialog(m_ui.window()) == nullptr);
}

QString TestAddonFlow::labelText(QWidget* parent, const char* name)
{
    auto* label = parent->findChild<QLabel*>(QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("<missing %1>").arg(QString::fromLatin1(name));
}

AssignPlanDialog* TestAddonFlow::openAddonFromCatalog(const QString& slug)
{
    m_ui.window().showPage(MainWindow::Page::Catalog);
    CatalogPage* catalog = m_ui.window().catalogPage();
    QTest::mouseClick(catalog->findChild<QToolButton*>(QStringLiteral("addonsButton")), Qt::LeftButton);
    QTest::mouseClick(catalog->findChild<QToolButton*>(QStringLiteral("individualButton")), Qt::LeftButton);
    ProductCard* card = nullptr;
    if (!QTest::qWaitFor([&] { return !catalog->isLoading() && (card = catalog->cardsView()->card(slug)) != nullptr; }))
        return nullptr;
    catalog->cardsView()->reveal(card);
    if (!QTest::qWaitFor([card] { return card->assignButton()->isVisible(); }))
        return nullptr;
    QTest::mouseClick(card->assignButton(), Qt::LeftButton);
    AssignPlanDialog* dialog = nullptr;
    return QTest::qWaitFor([&] { return (dialog = test::visibleAssignDialog(m_ui.window())) != nullptr; }) ? dialog
                                                                                                           : nullptr;
}

void TestAddonFlow::severalServicesPromptAndProvision()
{
    AssignPlanDialog* dialog = openAddonFromCatalog(QStringLiteral("addon-data-5gb"));
    QVERIFY(dialog);
    QVERIFY(dialog->isAddon());
    test::AssignFlowDriver driver(m_ui.window());
    driver.chooseCustomer(dialog, QStringLiteral("Ada Boostwell"));
    if (QTest::currentTestFailed())
        return;
    driver.clickNext(dialog);

    // "Which service should receive this add-on?" with both mobile services in the combo.
    AddonTargetStep* target = dialog->addonTargetStep();
    QVERIFY(target);
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(target));
    QTRY_VERIFY(!target->isLoading());
    QCOMPARE(labelText(dialog, "addonQuestionLabel"), QStringLiteral("Which service should receive this add-on?"));
    QComboBox* combo = target->serviceCombo();
    QVERIFY(combo->isVisible());
    QCOMPARE(combo->count(), 2);
    QStringList expected;
    for (const Service& service : std::as_const(m_twoServicesList))
        expected << QStringLiteral("%1 (ID: %2)").arg(service.name).arg(service.id);
    QStringList shown{combo->itemText(0), combo->itemText(1)};
    QStringList sortedShown = shown;
    sortedShown.sort();
    expected.sort();
    QCOMPARE(sortedShown, expected);
    for (const QString& text : std::as_const(shown))
        QVERIFY2(text.startsWith(QStringLiteral("Mobile - +44 7700 ")), qPrintable(text));
    QVERIFY(labelText(dialog, "addonServicesList").contains(shown.at(1)));
    auto* next = dialog->findChild<QPushButton*>(QStringLiteral("nextButton"));
    QCOMPARE(test::shownText(next->text()), QStringLiteral("Continue"));

    // The second service, chosen with the keyboard.
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentIndex(), 1);
    const qint64 chosenId = combo->currentData().toLongLong();
    const qint64 otherId = combo->itemData(0).toLongLong();
    QCOMPARE(dialog->draft().targetService->id, chosenId);
    driver.clickNext(dialog);

    // A one-time add-on without inventory: straight to the review.
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(dialog->reviewStep()));
    QCOMPARE(labelText(dialog, "reviewAddonForValue"), shown.at(1));
    QCOMPARE(labelText(dialog, "reviewProductValue"), QStringLiteral("5GB Data Boost"));
    QCOMPARE(labelText(dialog, "reviewSetupFeeValue"), QStringLiteral("£5.00"));
    QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("reviewAutoRenewValue"))->isVisible());
    QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("reviewMonthlyCostValue"))->isVisible()); // one-time
    QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("assignErrorLabel"))->isVisible());

    const int servicesBefore = int(ServiceRepository(db()).forCustomer(m_twoServices.id).size());
    auto* confirm = dialog->findChild<QPushButton*>(QStringLiteral("confirmButton"));
    QTRY_VERIFY(confirm->isVisible() && confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);

    // The progress dialog follows the add-on's job; the success panel shows the balance read back from the OCS.
    ProvisioningProgressDialog* progress = nullptr;
    QTRY_VERIFY((progress = test::visibleProgressDialog(m_ui.window())) != nullptr);
    auto* successPanel = progress->findChild<QWidget*>(QStringLiteral("successPanel"));
    QTRY_VERIFY_WITH_TIMEOUT(
        successPanel->isVisible() || progress->findChild<QWidget*>(QStringLiteral("failurePanel"))->isVisible(), 30000);
    QVERIFY2(successPanel->isVisible(), qPrintable(progress->errorText()));
    auto* balance = progress->findChild<QLabel*>(QStringLiteral("balanceValue"));
    QVERIFY(balance);
    QTRY_VERIFY(balance->isVisible() && !balance->text().isEmpty());

    // The database agrees: no new service, the add-on is on the chosen service, with the balance shown.
    QCOMPARE(int(ServiceRepository(db()).forCustomer(m_twoServices.id).size()), servicesBefore);
    const QList<AddonPurchase> addons = ServiceAddonRepository(db()).forService(chosenId);
    QCOMPARE(addons.size(), 1);
    QCOMPARE(addons.first().status, QStringLiteral("active"));
    QCOMPARE(addons.first().jobId, progress->jobId());
    QVERIFY(ServiceAddonRepository(db()).forService(otherId).isEmpty());
    QVERIFY2(!addons.first().balance.isEmpty(), "the balance was not read back");
    QCOMPARE(balance->text(), addons.first().balance);
    QCOMPARE(labelText(progress, "balanceValue"), addons.first().balance);
    QCOMPARE(labelText(progress, "successLabel"),
             QStringLiteral("5GB Data Boost successfully added for Ada Boostwell"));
    QCOMPARE(labelText(progress, "serviceIdValue"), QString::number(chosenId));
    progress->close();
}

void TestAddonFlow::noPaymentMethodDisablesConfirm()
{
    AssignPlanDialog* dialog = openAddonFromCatalog(QStringLiteral("addon-data-5gb"));
    QVERIFY(dialog);
    test::AssignFlowDriver driver(m_ui.window());
    driver.chooseCustomer(dialog, QStringLiteral("Nora Nopayne"));
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(!dialog->isCheckingPayment());
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("assignErrorLabel"));
    const QString message = QStringLiteral("Nora Nopayne has no valid payment method on file. Add a payment method to "
                                           "the customer before buying 5GB Data Boost.");
    QTRY_VERIFY(error->isVisible());
    QCOMPARE(error->text(), message);
    driver.clickNext(dialog);
    QTRY_VERIFY(dialog->addonTargetStep()->isReady());
    driver.clickNext(dialog);
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(dialog->reviewStep()));
    QCOMPARE(error->text(), message);
    QVERIFY(error->isVisible());
    auto* confirm = dialog->findChild<QPushButton*>(QStringLiteral("confirmButton"));
    QVERIFY(confirm->isVisible());
    QVERIFY(!confirm->isEnabled());
    QVERIFY(ServiceAddonRepository(db()).forService(m_noPaymentService.id).isEmpty());
}

void TestAddonFlow::oneServiceIsChosenWithoutCombo()
{
    AssignPlanDialog* dialog = openAddonFromCatalog(QStringLiteral("addon-data-5gb"));
    QVERIFY(dialog);
    test::AssignFlowDriver driver(m_ui.window());
    driver.chooseCustomer(dialog, QStringLiteral("Olive Onlyline"));
    if (QTest::currentTestFailed())
        return;
    driver.clickNext(dialog);
    AddonTargetStep* target = dialog->addonTargetStep();
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(target));
    QTRY_VERIFY(target->isReady());
    const QString serviceText = QStringLiteral("%1 (ID: %2)").arg(m_oneServiceService.name).arg(m_oneServiceService.id);
    QVERIFY(!target->serviceCombo()->isVisible());
    QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("addonQuestionLabel"))->isVisible());
    auto* chosen = dialog->findChild<QLabel*>(QStringLiteral("addonTargetLabel"));
    QVERIFY(chosen->isVisible());
    QCOMPARE(chosen->text(), QStringLiteral("Add-on for: ") + serviceText);
    driver.clickNext(dialog);
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(dialog->reviewStep()));
    QCOMPARE(labelText(dialog, "reviewAddonForValue"), serviceText);
    QTRY_VERIFY(dialog->findChild<QPushButton*>(QStringLiteral("confirmButton"))->isEnabled());
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QTRY_VERIFY(test::visibleAssignDialog(m_ui.window()) == nullptr);
}

void TestAddonFlow::addonsNextToServiceOpensPicker()
{
    // Workflow 3: the customer's Services tab, "Add-ons" next to the mobile service, "5GB Data Boost".
    m_ui.window().showPage(MainWindow::Page::Customers);
    CustomersPage* page = m_ui.window().customersPage();
    page->showService(m_oneServiceService.id);
    QTRY_VERIFY(page->details() && !page->isLoading() && page->highlightedServiceId() == m_oneServiceService.id);
    auto* addonsButton = page->findChild<QPushButton*>(QStringLiteral("addonsButton"));
    QVERIFY(addonsButton);
    QTRY_VERIFY(addonsButton->isEnabled());
    QTest::mouseClick(addonsButton, Qt::LeftButton);

    AddonPickerDialog* picker = nullptr;
    QTRY_VERIFY((picker = m_ui.window().findChild<AddonPickerDialog*>()) != nullptr && picker->isVisible());
    QTRY_VERIFY(!picker->isLoading());
    QStringList names;
    for (const Product& addon : picker->addons())
        names << addon.slug;
    QVERIFY2(names.contains(QStringLiteral("addon-data-5gb")), qPrintable(names.join(QLatin1Char(','))));
    QVERIFY(!names.contains(QStringLiteral("addon-extra-stb"))); // IPTV
    QVERIFY(!names.contains(QStringLiteral("addon-static-ip"))); // internet, business only
    QTableWidget* table = picker->table();
    QVERIFY(picker->chooseAddon(QStringLiteral("addon-data-5gb")));
    const int row = table->currentRow();
    QCOMPARE(table->item(row, 0)->text(), QStringLiteral("5GB Data Boost"));
    QCOMPARE(table->item(row, 1)->text(), QStringLiteral("£5.00"));
    QCOMPARE(table->item(row, 2)->text(), QStringLiteral("One-time"));
    QCOMPARE(table->item(row, 3)->text(), QStringLiteral("5 GB extra data, right away."));
    QTest::mouseClick(picker->findChild<QPushButton*>(QStringLiteral("continueButton")), Qt::LeftButton);

    // The add-on dialog knows the customer and the service: it opens at the review.
    AssignPlanDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = test::visibleAssignDialog(m_ui.window())) != nullptr);
    QVERIFY(dialog->customerStep() == nullptr && dialog->addonTargetStep() == nullptr);
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(dialog->reviewStep()));
    const QString serviceText = QStringLiteral("%1 (ID: %2)").arg(m_oneServiceService.name).arg(m_oneServiceService.id);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Add-on — 5GB Data Boost"));
    QCOMPARE(labelText(dialog, "reviewAddonForValue"), serviceText);
    QCOMPARE(labelText(dialog, "reviewCustomerValue"), QStringLiteral("Olive Onlyline (ID: %1)").arg(m_oneService.id));
    QTRY_VERIFY(dialog->findChild<QPushButton*>(QStringLiteral("confirmButton"))->isEnabled());
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QTRY_VERIFY(test::visibleAssignDialog(m_ui.window()) == nullptr);
}

void TestAddonFlow::recurringAddonAsksAutoRenew()
{
    m_ui.window().addonsFor(m_oneService, m_oneServiceService);
    AddonPickerDialog* picker = nullptr;
    QTRY_VERIFY((picker = m_ui.window().findChild<AddonPickerDialog*>()) != nullptr && !picker->isLoading());
    QVERIFY(picker->chooseAddon(QStringLiteral("addon-roaming-eu")));
    QCOMPARE(picker->table()->item(picker->table()->currentRow(), 1)->text(), QStringLiteral("£7.00 / month"));
    QCOMPARE(picker->table()->item(picker->table()->currentRow(), 2)->text(), QStringLiteral("Monthly"));
    QTest::mouseClick(picker->findChild<QPushButton*>(QStringLiteral("continueButton")), Qt::LeftButton);

    // A monthly add-on keeps the auto-renewal question; it needs no inventory and the service is known.
    AssignPlanDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = test::visibleAssignDialog(m_ui.window())) != nullptr);
    QCOMPARE(dialog->steps().size(), 2);
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(dialog->autoRenewStep()));
    QCOMPARE(labelText(dialog, "stepLabel"), QStringLiteral("Step 1 of 2: Auto-Renewal"));
    QTest::mouseClick(dialog->autoRenewStep()->yesButton(), Qt::LeftButton);
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(dialog->reviewStep()));
    QCOMPARE(labelText(dialog, "reviewAutoRenewValue"), QStringLiteral("Yes"));
    QCOMPARE(labelText(dialog, "reviewMonthlyCostValue"), QStringLiteral("£7.00"));
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("reviewMonthlyCostValue"))->isVisible());

    // The answer is stored with the add-on.
    auto* confirm = dialog->findChild<QPushButton*>(QStringLiteral("confirmButton"));
    QTRY_VERIFY(confirm->isVisible() && confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    ProvisioningProgressDialog* progress = nullptr;
    QTRY_VERIFY((progress = test::visibleProgressDialog(m_ui.window())) != nullptr);
    const QList<AddonPurchase> addons = ServiceAddonRepository(db()).forService(m_oneServiceService.id);
    QVERIFY(!addons.isEmpty());
    QCOMPARE(addons.first().productName, QStringLiteral("Roaming Pack - Europe"));
    QCOMPARE(addons.first().autoRenew, true);
    QTRY_VERIFY_WITH_TIMEOUT(progress->findChild<QWidget*>(QStringLiteral("successPanel"))->isVisible(), 30000);
    progress->close();
}

QTEST_MAIN(TestAddonFlow)
#include "tst_addonflow.moc"
