// The Customers, Services and Provisioning pages around an order placed through the core workflow: search with
// "Customer not found", the customer's details and services, the jobs table and reopening a job's progress.

#include "CatalogPage.h"
#include "CustomerSearchCombo.h"
#include "CustomersPage.h"
#include "JobTableModel.h"
#include "MainWindow.h"
#include "ProvisioningPage.h"
#include "ProvisioningProgressDialog.h"
#include "ServiceTableModel.h"
#include "ServicesPage.h"
#include "UiTestSupport.h"
#include "store/CatalogRepository.h"
#include "store/InventoryRepository.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/ProvisioningWorkflow.h"

#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

using namespace sb;

class TestPages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void statusBarShowsDatabase();
    void customerSearchAndDetails();
    void globalSearchOpensCustomer();
    void servicesPageListsTheService();
    void provisioningPageReopensJob();

private:
    test::MainWindowFixture m_ui;
    AssignResult m_order;
    Customer m_customer;
};

void TestPages::initTestCase()
{
    QVERIFY2(m_ui.startBackend(), qPrintable(m_ui.errorText()));
    Database& db = m_ui.backend().database();

    // An order placed the way the CLI would, so the pages have something to show.
    AssignPlanWorkflow workflow(db);
    const auto customers = workflow.searchCustomers(QStringLiteral("johnsmith@example.com"));
    QVERIFY(customers.ok() && !customers->isEmpty());
    m_customer = customers->first();
    const auto product = CatalogRepository(db).bySlug(QStringLiteral("mobile-20gb"));
    QVERIFY(product);
    AssignRequest request;
    request.customerId = m_customer.id;
    request.productId = product->id;
    request.reservationHolder = QStringLiteral("test-pages");
    for (const QString& templateName : product->inventoryItemsList) {
        const auto items = workflow.availableItems(templateName, request.reservationHolder);
        QVERIFY(items.ok() && !items->isEmpty());
        QVERIFY(workflow.reserve(items->first().id, request.reservationHolder).ok());
        request.items.insert(templateName, items->first().id);
    }
    const auto submitted = workflow.submit(request, m_ui.backend().session());
    QVERIFY2(submitted.ok(), qPrintable(submitted.error().message.englishText()));
    m_order = submitted.value();

    QVERIFY2(m_ui.showWindow(), qPrintable(m_ui.errorText()));
}

void TestPages::cleanupTestCase()
{
    m_ui.reset();
}

void TestPages::statusBarShowsDatabase()
{
    auto* database = m_ui.window().statusBar()->findChild<QLabel*>(QStringLiteral("databaseStatusLabel"));
    auto* worker = m_ui.window().statusBar()->findChild<QLabel*>(QStringLiteral("workerStatusLabel"));
    QVERIFY(database && worker);
    const DatabaseUrl& url = m_ui.backend().database().url();
    QCOMPARE(database->text(), QStringLiteral("Database: %1").arg(QFileInfo(url.path).fileName()));
    QCOMPARE(database->toolTip(), url.toDisplayString());
    QVERIFY(worker->text().contains(QStringLiteral("simulator")));
}

void TestPages::customerSearchAndDetails()
{
    m_ui.window().showPage(MainWindow::Page::Customers);
    CustomersPage* page = m_ui.window().customersPage();
    auto* search = page->findChild<QLineEdit*>(QStringLiteral("customerPageSearch"));
    auto* results = page->findChild<QListWidget*>(QStringLiteral("customerResultsList"));
    QVERIFY(search && results);

    QTest::keyClicks(search, QStringLiteral("nobody-at-all"));
    QTRY_COMPARE(results->count(), 5); // the hints, then "Create customer …"
    QCOMPARE(results->item(0)->text(), QStringLiteral("Customer not found"));

    search->clear();
    QTest::keyClicks(search, QString::number(m_customer.id)); // by customer ID
    QTRY_VERIFY(results->count() > 0 && results->item(0)->text().startsWith(QStringLiteral("John Smith (ID: ")));
    results->setCurrentRow(0);
    QTRY_VERIFY(page->details().has_value() && !page->isLoading());
    QCOMPARE(page->details()->customer.id, m_customer.id);
    QCOMPARE(page->findChild<QLabel*>(QStringLiteral("customerEmailValue"))->text(), m_customer.email);
    QCOMPARE(page->findChild<QLabel*>(QStringLiteral("customerTypeValue"))->text(), QStringLiteral("Individual"));
    auto* services = page->findChild<QTableView*>(QStringLiteral("customerServicesTable"));
    QTRY_COMPARE(services->model()->rowCount(), 1);
    QCOMPARE(services->model()->index(0, ServiceTableModel::IdColumn).data().toString(),
             QString::number(m_order.serviceId));

    // "Add Service" presets the catalog for this customer.
    QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("addServiceButton")), Qt::LeftButton);
    QCOMPARE(m_ui.window().currentPage(), MainWindow::Page::Catalog);
    QVERIFY(m_ui.window().catalogPage()->presetCustomer().has_value());
    QCOMPARE(m_ui.window().catalogPage()->presetCustomer()->id, m_customer.id);
    m_ui.window().catalogPage()->setPresetCustomer(std::nullopt);
}

void TestPages::globalSearchOpensCustomer()
{
    CustomerSearchCombo* global = m_ui.window().globalSearch();
    QCOMPARE(global->objectName(), QStringLiteral("globalCustomerSearch"));
    QTest::keyClicks(global->lineEdit(), QStringLiteral("+44 7700 100000")); // by phone
    QTRY_VERIFY(global->resultsList()->isVisible() && !global->isSearching());
    QVERIFY(global->resultsList()->item(0)->text().startsWith(QStringLiteral("John Smith")));
    QTest::keyClick(global->lineEdit(), Qt::Key_Return);
    QCOMPARE(m_ui.window().currentPage(), MainWindow::Page::Customers);
    QTRY_VERIFY(m_ui.window().customersPage()->details() &&
                m_ui.window().customersPage()->details()->customer.id == m_customer.id);
    QVERIFY(global->lineEdit()->text().isEmpty());
}

void TestPages::servicesPageListsTheService()
{
    m_ui.window().showPage(MainWindow::Page::Services);
    ServiceTableModel* model = m_ui.window().servicesPage()->model();
    QTRY_VERIFY(model->rowOf(m_order.serviceId) >= 0);
    auto* table = m_ui.window().servicesPage()->findChild<QTableView*>(QStringLiteral("servicesTable"));
    const QModelIndex index = model->index(model->rowOf(m_order.serviceId), ServiceTableModel::NameColumn);
    table->setCurrentIndex(index);
    emit table->activated(index); // what a double-click or Enter does
    QCOMPARE(m_ui.window().currentPage(), MainWindow::Page::Customers);
    QTRY_COMPARE(m_ui.window().customersPage()->highlightedServiceId(), m_order.serviceId);
}

void TestPages::provisioningPageReopensJob()
{
    m_ui.window().showPage(MainWindow::Page::Provisioning);
    ProvisioningPage* page = m_ui.window().provisioningPage();
    QTRY_VERIFY(page->model()->rowOf(m_order.jobId) >= 0);
    // Refreshed while visible: the job's final state shows up without clicking anything.
    QTRY_VERIFY_WITH_TIMEOUT(
        page->model()->index(page->model()->rowOf(m_order.jobId), JobTableModel::StatusColumn).data().toString() ==
            displayName(JobStatus::Succeeded),
        30000);
    const int row = page->model()->rowOf(m_order.jobId);
    QCOMPARE(page->model()->index(row, JobTableModel::CustomerColumn).data().toString(), QStringLiteral("John Smith"));
    QCOMPARE(page->model()->index(row, JobTableModel::ProgressColumn).data().toString(), QStringLiteral("7/7"));
    auto* open = page->findChild<QPushButton*>(QStringLiteral("openJobButton"));
    QVERIFY(!open->isEnabled() || page->selectedJobId() != 0);
    page->table()->selectRow(row);
    QVERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    ProvisioningProgressDialog* progress = nullptr;
    QTRY_VERIFY((progress = test::visibleProgressDialog(m_ui.window())) != nullptr);
    QCOMPARE(progress->jobId(), m_order.jobId);
    QTRY_VERIFY(progress->findChild<QWidget*>(QStringLiteral("successPanel"))->isVisible());
    progress->close();
}

QTEST_MAIN(TestPages)
#include "tst_pages.moc"
