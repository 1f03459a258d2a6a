// The assign-plan dialog's rules: Cancel releases every reservation, changing a pick releases the previous
// item, an expired reservation is dropped, an ineligible customer blocks Next, and the customer step is skipped
// when the customer is known.

#include "AssignFlowDriver.h"
#include "AssignPlanDialog.h"
#include "CatalogPage.h"
#include "CustomerSearchCombo.h"
#include "InventoryPicker.h"
#include "InventoryStep.h"
#include "MainWindow.h"
#include "SelectCustomerStep.h"
#include "UiTestSupport.h"
#include "store/CustomerRepository.h"
#include "store/InventoryRepository.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

using namespace sb;

class TestAssignDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void cancelReleasesReservations();
    void changingPickReleasesPrevious();
    void expiredReservationIsDropped();
    void ineligibleCustomerBlocksNext();
    void customerNotFoundShowsHints();
    void presetCustomerSkipsSearch();
    void escapeClosesAndReleases();

private:
    bool isHeldBy(qint64 itemId, const QString& holder);

    test::MainWindowFixture m_ui;
};

void TestAssignDialog::initTestCase()
{
    QVERIFY2(m_ui.start(), qPrintable(m_ui.errorText()));
}

void TestAssignDialog::cleanupTestCase()
{
    m_ui.reset();
}

void TestAssignDialog::cleanup()
{
    if (AssignPlanDialog* dialog = test::visibleAssignDialog(m_ui.window()))
        dialog->reject();
    QTRY_VERIFY(test::visibleAssignDialog(m_ui.window()) == nullptr);
    m_ui.window().catalogPage()->setPresetCustomer(std::nullopt);
}

bool TestAssignDialog::isHeldBy(qint64 itemId, const QString& holder)
{
    const auto item = InventoryRepository(m_ui.backend().database()).byId(itemId);
    return item && item->reservedBy == holder && item->reservedUntilMs > Database::nowMs();
}

void TestAssignDialog::cancelReleasesReservations()
{
    test::AssignFlowDriver driver(m_ui.window());
    AssignPlanDialog* dialog = driver.openAtInventory(QStringLiteral("mobile-5gb"), QStringLiteral("Ana"));
    QVERIFY(dialog);
    InventoryStep* inventory = dialog->inventoryStep();
    QVERIFY(inventory);
    for (InventoryPicker* picker : inventory->pickers())
        driver.pickItem(picker);
    if (QTest::currentTestFailed())
        return;
    const QString holder = dialog->reservationHolder();
    QList<qint64> ids;
    for (InventoryPicker* picker : inventory->pickers())
        ids << picker->reservedItem()->id;
    for (const qint64 id : ids)
        QVERIFY(isHeldBy(id, holder));

    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QTRY_VERIFY(test::visibleAssignDialog(m_ui.window()) == nullptr);
    for (const qint64 id : ids) {
        QTRY_VERIFY(!isHeldBy(id, holder));
        const auto item = InventoryRepository(m_ui.backend().database()).byId(id);
        QVERIFY(item->status == InventoryStatus::New || item->status == InventoryStatus::InStock);
    }
}

void TestAssignDialog::changingPickReleasesPrevious()
{
    test::AssignFlowDriver driver(m_ui.window());
    AssignPlanDialog* dialog = driver.openAtInventory(QStringLiteral("mobile-5gb"), QStringLiteral("Ana"));
    QVERIFY(dialog);
    InventoryPicker* sim = dialog->inventoryStep()->picker(QStringLiteral("SIM Card"));
    QVERIFY(sim);
    driver.pickItem(sim);
    if (QTest::currentTestFailed())
        return;
    const qint64 first = sim->reservedItem()->id;
    driver.pickItem(sim); // one entry further down
    QTRY_VERIFY(sim->reservedItem() && sim->reservedItem()->id != first);
    const qint64 second = sim->reservedItem()->id;
    QTRY_VERIFY(!isHeldBy(first, dialog->reservationHolder()));
    QVERIFY(isHeldBy(second, dialog->reservationHolder()));
    // Next stays disabled until the number is reserved too.
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("nextButton"))->isEnabled());
}

void TestAssignDialog::expiredReservationIsDropped()
{
    test::AssignFlowDriver driver(m_ui.window());
    AssignPlanDialog* dialog = driver.openAssign(QStringLiteral("mobile-5gb"));
    QVERIFY(dialog);
    dialog->setReservationDurationMs(1500);
    driver.chooseCustomer(dialog, QStringLiteral("Ana"));
    driver.clickNext(dialog);
    InventoryStep* inventory = dialog->inventoryStep();
    for (InventoryPicker* picker : inventory->pickers())
        driver.pickItem(picker);
    if (QTest::currentTestFailed())
        return;
    auto* next = dialog->findChild<QPushButton*>(QStringLiteral("nextButton"));
    QVERIFY(next->isEnabled());
    auto* label = dialog->findChild<QLabel*>(QStringLiteral("reservationLabel_SIM_Card"));
    QVERIFY(label->text().startsWith(QStringLiteral("Reserved for 00:0")));
    QTRY_VERIFY_WITH_TIMEOUT(!inventory->picker(QStringLiteral("SIM Card"))->reservedItem(), 5000);
    QTRY_VERIFY(label->text().contains(QStringLiteral("has expired")));
    QVERIFY(!next->isEnabled());
    // The list was reloaded and the picker can be used again.
    QTRY_VERIFY(inventory->picker(QStringLiteral("SIM Card"))->comboBox()->isEnabled());
    QCOMPARE(inventory->picker(QStringLiteral("SIM Card"))->comboBox()->currentIndex(), 0);
}

void TestAssignDialog::ineligibleCustomerBlocksNext()
{
    test::AssignFlowDriver driver(m_ui.window());
    AssignPlanDialog* dialog = driver.openAssign(QStringLiteral("mobile-business-50gb"), CustomerType::Business);
    QVERIFY(dialog);
    SelectCustomerStep* step = dialog->customerStep();
    auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("customerSearchEdit"));
    auto* results = dialog->findChild<QListWidget*>(QStringLiteral("customerSearchResults"));
    QTest::keyClicks(edit, QStringLiteral("John Smi"));
    QTRY_VERIFY(results->isVisible() && results->count() > 0 && !step->searchCombo()->isSearching());
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(step->customer());
    QCOMPARE(step->customer()->type, CustomerType::Individual);
    QTRY_VERIFY(!step->isChecking());
    QVERIFY(!step->isReady());
    auto* reason = dialog->findChild<QLabel*>(QStringLiteral("eligibilityLabel"));
    QVERIFY(!reason->text().isEmpty());
    QVERIFY2(!reason->text().startsWith(QStringLiteral("✓")), qPrintable(reason->text()));
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("nextButton"))->isEnabled());
}

void TestAssignDialog::customerNotFoundShowsHints()
{
    test::AssignFlowDriver driver(m_ui.window());
    AssignPlanDialog* dialog = driver.openAssign(QStringLiteral("mobile-5gb"));
    QVERIFY(dialog);
    auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("customerSearchEdit"));
    auto* results = dialog->findChild<QListWidget*>(QStringLiteral("customerSearchResults"));
    QTest::keyClicks(edit, QStringLiteral("Zzyzx Nobody"));
    QTRY_VERIFY(results->isVisible() && results->count() == 5);
    QCOMPARE(results->item(0)->text(), QStringLiteral("Customer not found"));
    QCOMPARE(results->item(1)->text(), QStringLiteral("• Create customer first"));
    QCOMPARE(results->item(2)->text(), QStringLiteral("• Try different search terms (ID, email, phone)"));
    QCOMPARE(results->item(3)->text(), QStringLiteral("• Check for typos"));
    QCOMPARE(results->item(4)->text(), QStringLiteral("Create customer \"Zzyzx Nobody\"…")); // Down, Enter
    QVERIFY(!(results->item(0)->flags() & Qt::ItemIsSelectable));
    QTest::keyClick(edit, Qt::Key_Return); // nothing to pick
    QVERIFY(!dialog->customerStep()->customer());
    QTest::keyClick(edit, Qt::Key_Escape); // closes the list, not the dialog
    QVERIFY(!results->isVisible());
    QVERIFY(dialog->isVisible());
}

void TestAssignDialog::presetCustomerSkipsSearch()
{
    const auto customers = CustomerRepository(m_ui.backend().database()).search(QStringLiteral("John Smith"));
    QVERIFY(!customers.isEmpty());
    m_ui.window().assignPlanFor(customers.first());
    test::AssignFlowDriver driver(m_ui.window());
    // The catalog follows the customer's type, and the dialog starts at the inventory step.
    AssignPlanDialog* dialog = driver.openAssign(QStringLiteral("fiber-100"));
    QVERIFY(dialog);
    QVERIFY(dialog->customerStep() == nullptr);
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(dialog->inventoryStep()));
    QCOMPARE(dialog->draft().customer->id, customers.first().id);
    QCOMPARE(dialog->inventoryStep()->pickers().size(), 1);
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("backButton"))->isEnabled());
}

void TestAssignDialog::escapeClosesAndReleases()
{
    test::AssignFlowDriver driver(m_ui.window());
    AssignPlanDialog* dialog = driver.openAtInventory(QStringLiteral("mobile-5gb"), QStringLiteral("Ana"));
    QVERIFY(dialog);
    InventoryPicker* sim = dialog->inventoryStep()->picker(QStringLiteral("SIM Card"));
    driver.pickItem(sim);
    if (QTest::currentTestFailed())
        return;
    const qint64 id = sim->reservedItem()->id;
    const QString holder = dialog->reservationHolder();
    QTest::keyClick(sim->comboBox(), Qt::Key_Escape);
    QTRY_VERIFY(test::visibleAssignDialog(m_ui.window()) == nullptr);
    QTRY_VERIFY(!isHeldBy(id, holder));
}

QTEST_MAIN(TestAssignDialog)
#include "tst_assigndialog.moc"
