// An operator without products (no demo data): "No products available" with the seed's hints. Then a product
// whose inventory template has nothing free: "No inventory available" with its hints.

#include "AssignFlowDriver.h"
#include "AssignPlanDialog.h"
#include "CatalogPage.h"
#include "InventoryPicker.h"
#include "InventoryStep.h"
#include "MainWindow.h"
#include "ProductCardsView.h"
#include "UiTestSupport.h"
#include "store/CatalogRepository.h"
#include "store/CustomerRepository.h"
#include "store/InventoryRepository.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace sb;

class TestEmptyCatalog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void noProductsAvailable();
    void noInventoryAvailable();

private:
    test::MainWindowFixture m_ui;
};

void TestEmptyCatalog::initTestCase()
{
    QVERIFY2(m_ui.start(false), qPrintable(m_ui.errorText()));
}

void TestEmptyCatalog::cleanupTestCase()
{
    m_ui.reset();
}

void TestEmptyCatalog::noProductsAvailable()
{
    CatalogPage* catalog = m_ui.window().catalogPage();
    QTRY_VERIFY(!catalog->isLoading());
    auto* title = catalog->findChild<QLabel*>(QStringLiteral("noProductsLabel"));
    auto* hints = catalog->findChild<QLabel*>(QStringLiteral("noProductsHints"));
    QVERIFY(title && hints);
    QTRY_VERIFY(title->isVisible());
    QCOMPARE(title->text(), QStringLiteral("No products available"));
    QVERIFY(hints->text().contains(QStringLiteral("Toggle customer type (Individual vs Business)")));
    QVERIFY(hints->text().contains(QStringLiteral("Check product catalog has enabled products")));
    QVERIFY(hints->text().contains(QStringLiteral("Verify products match customer eligibility")));
    QVERIFY(catalog->cardsView()->cards().isEmpty());
}

void TestEmptyCatalog::noInventoryAvailable()
{
    Database& db = m_ui.backend().database();
    InventoryRepository(db).insertTemplate(QStringLiteral("CPE Modem"), QStringLiteral("Serial number"));
    Product product;
    product.slug = QStringLiteral("fiber-test");
    product.name = QStringLiteral("Fiber - Test");
    product.description = QStringLiteral("A product whose modems are all gone.");
    product.serviceType = ServiceType::Internet;
    product.customerTypes = {CustomerType::Individual};
    product.monthlyCost = Money::fromMajor(30, QStringLiteral("GBP"));
    product.inventoryItemsList = {QStringLiteral("CPE Modem")};
    product.provisioningPlay = QStringLiteral("internet_plan");
    CatalogRepository(db).insert(product);
    Customer customer;
    customer.name = QStringLiteral("Nadia Test");
    customer.email = QStringLiteral("nadia@example.com");
    customer.phone = QStringLiteral("+44 7700 555000");
    CustomerRepository(db).insert(customer);

    m_ui.window().catalogPage()->reload();
    test::AssignFlowDriver driver(m_ui.window());
    AssignPlanDialog* dialog = driver.openAssign(QStringLiteral("fiber-test"));
    QVERIFY(dialog);
    QVERIFY(!m_ui.window().catalogPage()->findChild<QLabel*>(QStringLiteral("noProductsLabel"))->isVisible());
    driver.chooseCustomer(dialog, QStringLiteral("Nadia"));
    driver.clickNext(dialog);
    InventoryPicker* modem = dialog->inventoryStep()->picker(QStringLiteral("CPE Modem"));
    QVERIFY(modem);
    auto* empty = dialog->findChild<QLabel*>(QStringLiteral("noInventoryLabel_CPE_Modem"));
    QVERIFY(empty);
    QTRY_VERIFY(empty->isVisible());
    QCOMPARE(empty->text(), QStringLiteral("No inventory available"));
    QVERIFY(!modem->comboBox()->isEnabled());
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("nextButton"))->isEnabled());
    dialog->reject();
}

QTEST_MAIN(TestEmptyCatalog)
#include "tst_emptycatalog.moc"
