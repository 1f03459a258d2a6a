#include "TestDatabase.h"

#include "store/CatalogRepository.h"
#include "store/InventoryRepository.h"
#include "store/JobRepository.h"
#include "store/ServiceRepository.h"
#include "workflows/AssignPlanWorkflow.h"

#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace sb;

class TestAssignWorkflow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_test;

    Database& db() { return m_test->db(); }
    Product productBySlug(const QString& slug) { return *CatalogRepository(db()).bySlug(slug); }

    qint64 countRows(const QString& table)
    {
        QSqlQuery q(db().connection());
        q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table);
        q.next();
        return q.value(0).toLongLong();
    }

    qint64 firstFree(const QString& templateName, const QString& holder = {})
    {
        return AssignPlanWorkflow(db()).availableItems(templateName, holder)->first().id;
    }

    static Actor tester() { return Actor(QStringLiteral("tester"), Role::Staff); }

    AssignRequest mobileRequest(const QString& holder, qint64 customerId = 1)
    {
        AssignPlanWorkflow workflow(db());
        AssignRequest request;
        request.customerId = customerId;
        request.productId = productBySlug(QStringLiteral("mobile-20gb")).id;
        request.reservationHolder = holder;
        for (const QString& t : {QStringLiteral("SIM Card"), QStringLiteral("Mobile Number")}) {
            const qint64 id = firstFree(t, holder);
            workflow.reserve(id, holder);
            request.items.insert(t, id);
        }
        return request;
    }

private slots:
    void init()
    {
        m_test = std::make_unique<TestDatabase>();
        QVERIFY(m_test->ok());
    }

    void cleanup() { m_test.reset(); }

    void catalogFilters_data()
    {
        QTest::addColumn<int>("category");
        QTest::addColumn<int>("customerType");
        QTest::addColumn<QString>("mustContain");
        QTest::addColumn<QString>("mustNotContain");
        QTest::newRow("individual plans") << 0 << 0 << "mobile-20gb" << "mobile-business-50gb";
        QTest::newRow("business plans") << 0 << 1 << "fiber-business-1g" << "mobile-20gb";
        QTest::newRow("disabled never shows") << 0 << 0 << "fiber-100" << "mobile-legacy-2gb";
        QTest::newRow("add-ons are not plans") << 0 << 0 << "iptv-premium" << "addon-data-5gb";
        QTest::newRow("individual add-ons") << 1 << 0 << "addon-data-5gb" << "addon-static-ip";
    }

    void catalogFilters()
    {
        QFETCH(int, category);
        QFETCH(int, customerType);
        QFETCH(QString, mustContain);
        QFETCH(QString, mustNotContain);
        const auto products = AssignPlanWorkflow(db()).catalog(category ? ProductCategory::Addon : ProductCategory::ServicePlan,
                                                               customerType ? CustomerType::Business : CustomerType::Individual);
        QVERIFY(products.ok());
        QStringList slugs;
        for (const Product& p : *products)
            slugs << p.slug;
        QVERIFY2(slugs.contains(mustContain), qPrintable(slugs.join(',')));
        QVERIFY2(!slugs.contains(mustNotContain), qPrintable(slugs.join(',')));
    }

    void catalogHasEveryServiceType()
    {
        const QList<Product> all = CatalogRepository(db()).allProducts();
        QVERIFY(all.size() >= 16);
        QSet<ServiceType> types;
        QSet<QString> templates;
        for (const Product& p : all) {
            types.insert(p.serviceType);
            for (const QString& t : p.inventoryItemsList)
                templates.insert(t);
        }
        QCOMPARE(types.size(), 4);
        for (const char* t : {"SIM Card", "Mobile Number", "CPE Modem", "Set-top Box", "SIP DID"})
            QVERIFY2(templates.contains(QString::fromLatin1(t)), t);
    }

    void customerSearch_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expectedName");
        QTest::newRow("name prefix") << "John" << "John Smith";
        QTest::newRow("lower case") << "john sm" << "John Smith";
        QTest::newRow("second word") << "Enterprises" << "Johnson Enterprises";
        QTest::newRow("customer id") << "1" << "John Smith";
        QTest::newRow("id with hash") << "#4" << "Johnson Enterprises";
        QTest::newRow("email") << "johnsmith@example" << "John Smith";
        QTest::newRow("phone spaced") << "+44 7700 100000" << "John Smith";
        QTest::newRow("phone compact") << "447700100000" << "John Smith";
        QTest::newRow("phone without prefix") << "7700 100 000" << "John Smith";
    }

    void customerSearch()
    {
        QFETCH(QString, text);
        QFETCH(QString, expectedName);
        const auto found = AssignPlanWorkflow(db()).searchCustomers(text);
        QVERIFY(found.ok());
        QStringList names;
        for (const Customer& c : *found)
            names << c.name;
        QVERIFY2(names.contains(expectedName), qPrintable(text + QStringLiteral(" -> ") + names.join(',')));
    }

    void customerSearchNothing()
    {
        const auto found = AssignPlanWorkflow(db()).searchCustomers(QStringLiteral("Zyxwv"));
        QVERIFY(found.ok());
        QVERIFY(found->isEmpty());
    }

    void availableItemsOnlyNewOrInStock()
    {
        const auto items = AssignPlanWorkflow(db()).availableItems(QStringLiteral("SIM Card"), {});
        QVERIFY(items.ok());
        QVERIFY(!items->isEmpty());
        const int all = InventoryRepository(db()).list(QStringLiteral("SIM Card")).size();
        QVERIFY(items->size() < all); // the demo has Faulty and Returned items too
        for (const InventoryItem& item : *items)
            QVERIFY(item.status == InventoryStatus::New || item.status == InventoryStatus::InStock);
    }

    void reservationIsExclusive()
    {
        AssignPlanWorkflow workflow(db());
        const qint64 item = firstFree(QStringLiteral("SIM Card"));
        QVERIFY(workflow.reserve(item, QStringLiteral("desk-a")).ok());
        const auto second = workflow.reserve(item, QStringLiteral("desk-b"));
        QVERIFY(!second.ok());
        QVERIFY(second.error().text().contains(QLatin1String("no longer available")));
        // Desk B no longer sees it; desk A still does (its own hold).
        auto idsFor = [&](const QString& holder) {
            QList<qint64> ids;
            const auto items = workflow.availableItems(QStringLiteral("SIM Card"), holder);
            for (const InventoryItem& i : items.value())
                ids << i.id;
            return ids;
        };
        QVERIFY(!idsFor(QStringLiteral("desk-b")).contains(item));
        QVERIFY(idsFor(QStringLiteral("desk-a")).contains(item));
        QVERIFY(workflow.reserve(item, QStringLiteral("desk-a")).ok()); // renewing one's own hold is fine
        QVERIFY(workflow.release(item, QStringLiteral("desk-a")).ok());
        QVERIFY(workflow.reserve(item, QStringLiteral("desk-b")).ok());
    }

    void reservationDefaultsToFifteenMinutes()
    {
        const qint64 before = Database::nowMs();
        const auto reservation = AssignPlanWorkflow(db()).reserve(firstFree(QStringLiteral("SIM Card")), QStringLiteral("a"));
        QVERIFY(reservation.ok());
        QVERIFY(reservation->expiresMs >= before + 15 * 60 * 1000);
        QVERIFY(reservation->expiresMs <= Database::nowMs() + 15 * 60 * 1000);
    }

    void reservationExpires()
    {
        AssignPlanWorkflow workflow(db());
        const qint64 item = firstFree(QStringLiteral("SIM Card"));
        QVERIFY(workflow.reserve(item, QStringLiteral("desk-a"), 50).ok());
        QVERIFY(!workflow.reserve(item, QStringLiteral("desk-b")).ok());
        QThread::msleep(80);
        QVERIFY(workflow.reserve(item, QStringLiteral("desk-b")).ok());
        // and the sweeper returns expired holds to stock
        QVERIFY(workflow.reserve(firstFree(QStringLiteral("CPE Modem")), QStringLiteral("desk-c"), 1).ok());
        QThread::msleep(5);
        QVERIFY(InventoryRepository(db()).sweepExpired(Database::nowMs()) >= 1);
    }

    void submitCreatesServiceAndJob()
    {
        AssignPlanWorkflow workflow(db());
        const AssignRequest request = mobileRequest(QStringLiteral("flow-1"));
        const auto result = workflow.submit(request, tester());
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().text()));
        const auto service = ServiceRepository(db()).byId(result->serviceId);
        QVERIFY(service);
        QCOMPARE(service->status, ServiceStatus::PendingProvisioning);
        QCOMPARE(service->monthlyCost.minorUnits, 1500);
        QVERIFY(service->autoRenew);
        QVERIFY(service->name.startsWith(QLatin1String("Mobile - +44 7700 ")));
        for (qint64 itemId : request.items) {
            const auto item = InventoryRepository(db()).byId(itemId);
            QCOMPARE(item->status, InventoryStatus::Reserved);
            QCOMPARE(item->serviceId, result->serviceId);
        }
        const auto job = JobRepository(db()).byId(result->jobId);
        QVERIFY(job);
        QCOMPARE(job->status, JobStatus::Queued);
        QCOMPARE(job->tasks.size(), 7);
        QCOMPARE(job->tasks.first().label, QStringLiteral("Validating customer account"));
        QVERIFY(job->tasks.at(1).displayLabel().startsWith(QLatin1String("Assigning SIM Card (ICCID: 8944")));
        QCOMPARE(job->tasks.last().label, QStringLiteral("Sending welcome email"));
        for (const ProvisioningTask& t : job->tasks)
            QCOMPARE(t.status, TaskStatus::Pending);
        QCOMPARE(countRows(QStringLiteral("audit_log")), 1);
    }

    void rejectedSubmitChangesNothing_data()
    {
        QTest::addColumn<QString>("breakage");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing SIM") << "missing" << "is required";
        QTest::newRow("item of the wrong template") << "wrong-template" << "is not a";
        QTest::newRow("item taken by another desk") << "taken" << "no longer available";
        QTest::newRow("business-only product") << "ineligible" << "only available to business";
        QTest::newRow("unknown customer") << "no-customer" << "Customer not found";
    }

    void rejectedSubmitChangesNothing()
    {
        QFETCH(QString, breakage);
        QFETCH(QString, message);
        AssignPlanWorkflow workflow(db());
        AssignRequest request = mobileRequest(QStringLiteral("flow-x"));
        if (breakage == QLatin1String("missing"))
            request.items.remove(QStringLiteral("SIM Card"));
        else if (breakage == QLatin1String("wrong-template"))
            request.items[QStringLiteral("SIM Card")] = request.items.value(QStringLiteral("Mobile Number"));
        else if (breakage == QLatin1String("taken")) {
            workflow.release(request.items.value(QStringLiteral("Mobile Number")), QStringLiteral("flow-x"));
            QVERIFY(workflow.reserve(request.items.value(QStringLiteral("Mobile Number")), QStringLiteral("other")).ok());
        } else if (breakage == QLatin1String("ineligible"))
            request.productId = productBySlug(QStringLiteral("mobile-business-50gb")).id;
        else if (breakage == QLatin1String("no-customer"))
            request.customerId = 999999;
        const qint64 services = countRows(QStringLiteral("services"));
        const qint64 jobs = countRows(QStringLiteral("provisioning_jobs"));
        const qint64 audit = countRows(QStringLiteral("audit_log"));
        const auto result = workflow.submit(request, tester());
        QVERIFY(!result.ok());
        QVERIFY2(result.error().text().contains(message), qPrintable(result.error().text()));
        QCOMPARE(countRows(QStringLiteral("services")), services);
        QCOMPARE(countRows(QStringLiteral("provisioning_jobs")), jobs);
        QCOMPARE(countRows(QStringLiteral("audit_log")), audit);
        QSqlQuery q(db().connection());
        q.exec(QStringLiteral("SELECT COUNT(*) FROM inventory_items WHERE service_id IS NOT NULL"));
        q.next();
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void itemCannotGoToTwoServices()
    {
        AssignPlanWorkflow workflow(db());
        const AssignRequest first = mobileRequest(QStringLiteral("flow-1"));
        QVERIFY(workflow.submit(first, tester()).ok());
        AssignRequest second = mobileRequest(QStringLiteral("flow-2"), 2);
        second.items[QStringLiteral("SIM Card")] = first.items.value(QStringLiteral("SIM Card"));
        const auto result = workflow.submit(second, tester());
        QVERIFY(!result.ok());
        QVERIFY(result.error().text().contains(QLatin1String("no longer available")));
    }

    void eligibilityCheck()
    {
        AssignPlanWorkflow workflow(db());
        const qint64 business = productBySlug(QStringLiteral("fiber-business-1g")).id;
        const Status individual = workflow.checkEligibility(business, 1);
        QVERIFY(!individual.ok());
        QVERIFY(individual.error.text().contains(QLatin1String("John Smith")));
        QVERIFY(workflow.checkEligibility(business, 4).ok()); // Johnson Enterprises
    }
};

QTEST_GUILESS_MAIN(TestAssignWorkflow)
#include "tst_assignworkflow.moc"
