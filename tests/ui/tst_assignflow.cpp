// The whole assign-plan flow of seed 000 through the real main window: catalog, customer search, inventory
// pickers (reserved in the database), auto-renew, review, Confirm & Provision, progress, success.

#include "AssignFlowDriver.h"
#include "AssignPlanDialog.h"
#include "CustomersPage.h"
#include "InventoryPicker.h"
#include "InventoryStep.h"
#include "MainWindow.h"
#include "ProvisioningProgressDialog.h"
#include "UiTestSupport.h"
#include "store/InventoryRepository.h"
#include "store/ServiceRepository.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>

using namespace sb;

class TestAssignFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void assignMobilePlan();

private:
    test::MainWindowFixture m_ui;
};

void TestAssignFlow::initTestCase()
{
    QVERIFY2(m_ui.start(), qPrintable(m_ui.errorText()));
}

void TestAssignFlow::cleanupTestCase()
{
    m_ui.reset();
}

void TestAssignFlow::assignMobilePlan()
{
    Database& db = m_ui.backend().database();
    test::AssignFlowDriver driver(m_ui.window());
    AssignPlanDialog* dialog = driver.openAssign(QStringLiteral("mobile-20gb"));
    QVERIFY(dialog);
    QVERIFY(dialog->isModal() || dialog->windowModality() != Qt::NonModal);

    // Step 2: search by part of the name, pick the customer.
    driver.chooseCustomer(dialog, QStringLiteral("John Smi"));
    if (QTest::currentTestFailed())
        return;
    const Customer customer = *dialog->draft().customer;
    QCOMPARE(customer.name, QStringLiteral("John Smith"));
    driver.clickNext(dialog);

    // Step 3: one required picker per template; the picked items are reserved for this dialog in the database.
    InventoryStep* inventory = dialog->inventoryStep();
    QVERIFY(inventory);
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(inventory));
    QCOMPARE(inventory->pickers().size(), 2);
    InventoryPicker* sim = inventory->picker(QStringLiteral("SIM Card"));
    InventoryPicker* number = inventory->picker(QStringLiteral("Mobile Number"));
    QVERIFY(sim && number);
    QCOMPARE(dialog->findChild<QPushButton*>(QStringLiteral("nextButton"))->isEnabled(), false);
    driver.pickItem(sim);
    driver.pickItem(number);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(sim->comboBox()->currentText().startsWith(sim->reservedItem()->reference + QStringLiteral(" - ICCID: ")));
    auto* simCountdown = dialog->findChild<QLabel*>(QStringLiteral("reservationLabel_SIM_Card"));
    QVERIFY(simCountdown);
    QTRY_VERIFY(simCountdown->text().startsWith(QStringLiteral("Reserved for 1")));
    const InventoryItem simItem = *sim->reservedItem();
    const InventoryItem numberItem = *number->reservedItem();
    InventoryRepository repository(db);
    for (const qint64 id : {simItem.id, numberItem.id}) {
        const auto stored = repository.byId(id);
        QVERIFY(stored);
        QCOMPARE(stored->reservedBy, dialog->reservationHolder());
        QVERIFY(stored->reservedUntilMs > Database::nowMs());
        QCOMPARE(stored->effectiveStatus(Database::nowMs()), InventoryStatus::Reserved);
    }
    driver.clickNext(dialog);

    // Step 4: auto-renewal, with the seed's sentence; Yes moves on to the review.
    auto* question = dialog->findChild<QLabel*>(QStringLiteral("autoRenewQuestion"));
    QVERIFY(question && question->isVisible());
    QCOMPARE(question->text(), QStringLiteral("Would you like to enable auto-renewal for this service?"));
    auto* yes = dialog->findChild<QPushButton*>(QStringLiteral("autoRenewYesButton"));
    QTest::mouseClick(yes, Qt::LeftButton);

    // Step 5: the review shows every selection.
    auto text = [dialog](const char* name) {
        auto* label = dialog->findChild<QLabel*>(QString::fromLatin1(name));
        return label ? label->text() : QStringLiteral("<missing %1>").arg(QString::fromLatin1(name));
    };
    QCOMPARE(text("reviewCustomerValue"), QStringLiteral("John Smith (ID: %1)").arg(customer.id));
    QCOMPARE(text("reviewProductValue"), QStringLiteral("Mobile - 20GB Plan"));
    QVERIFY(text("reviewInventoryValue").contains(QStringLiteral("SIM Card: %1 (ICCID: ").arg(simItem.reference)));
    QVERIFY(text("reviewInventoryValue").contains(QStringLiteral("Mobile Number: %1").arg(numberItem.identifier)));
    QCOMPARE(text("reviewSetupFeeValue"), QStringLiteral("£0.00"));
    QCOMPARE(text("reviewMonthlyCostValue"), QStringLiteral("£15.00"));
    QCOMPARE(text("reviewAutoRenewValue"), QStringLiteral("Yes"));
    auto* confirm = dialog->findChild<QPushButton*>(QStringLiteral("confirmButton"));
    QVERIFY(confirm->isVisible() && confirm->isEnabled());
    QCOMPARE(test::shownText(confirm->text()), QStringLiteral("Confirm & Provision"));
    QTest::mouseClick(confirm, Qt::LeftButton);

    // Steps 6 and 7: progress, then the success panel.
    ProvisioningProgressDialog* progress = nullptr;
    QTRY_VERIFY((progress = test::visibleProgressDialog(m_ui.window())) != nullptr);
    auto* successPanel = progress->findChild<QWidget*>(QStringLiteral("successPanel"));
    auto* progressLabel = progress->findChild<QLabel*>(QStringLiteral("progressLabel"));
    auto* tasks = progress->findChild<QListWidget*>(QStringLiteral("taskList"));
    QVERIFY(successPanel && progressLabel && tasks);
    QTRY_VERIFY_WITH_TIMEOUT(successPanel->isVisible(), 30000);
    QTRY_VERIFY(!progress->findChild<QLabel*>(QStringLiteral("serviceNameValue"))->text().isEmpty());
    QCOMPARE(progressLabel->text(), QStringLiteral("Progress: 7 of 7 tasks completed"));
    QCOMPARE(tasks->count(), 7);
    QCOMPARE(tasks->item(0)->text(), QStringLiteral("✓ Validating customer account"));
    QCOMPARE(progress->findChild<QProgressBar*>(QStringLiteral("progressBar"))->value(), 7);
    QCOMPARE(progress->findChild<QLabel*>(QStringLiteral("successLabel"))->text(),
             QStringLiteral("Service successfully provisioned for John Smith"));
    QCOMPARE(progress->findChild<QLabel*>(QStringLiteral("serviceStatusValue"))->text(), QStringLiteral("Active"));
    QCOMPARE(progress->findChild<QLabel*>(QStringLiteral("serviceNameValue"))->text(),
             QStringLiteral("Mobile - %1").arg(numberItem.identifier));
    const qint64 serviceId = progress->findChild<QLabel*>(QStringLiteral("serviceIdValue"))->text().toLongLong();
    QVERIFY(serviceId > 0);
    QVERIFY(!progress->isPolling());

    // The database agrees: the service is active and both items are assigned to it.
    const auto service = ServiceRepository(db).byId(serviceId);
    QVERIFY(service);
    QCOMPARE(service->status, ServiceStatus::Active);
    QCOMPARE(service->customerId, customer.id);
    QVERIFY(service->autoRenew);
    for (const qint64 id : {simItem.id, numberItem.id}) {
        const auto stored = repository.byId(id);
        QCOMPARE(stored->status, InventoryStatus::Assigned);
        QCOMPARE(stored->serviceId, serviceId);
    }

    // View Service lands on the customer page with the service highlighted.
    QTest::mouseClick(progress->findChild<QPushButton*>(QStringLiteral("viewServiceButton")), Qt::LeftButton);
    QTRY_COMPARE(m_ui.window().currentPage(), MainWindow::Page::Customers);
    CustomersPage* customers = m_ui.window().customersPage();
    QTRY_VERIFY(customers->details().has_value() && !customers->isLoading());
    QCOMPARE(customers->details()->customer.id, customer.id);
    QTRY_COMPARE(customers->highlightedServiceId(), serviceId);
}

QTEST_MAIN(TestAssignFlow)
#include "tst_assignflow.moc"
