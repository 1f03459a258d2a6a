// Eight desktops' worth of clerks reserve and assign from one template of 1,000 items on PostgreSQL at once:
// nothing is held or assigned twice, and every attempt either succeeds or gets the picker's refusal.
#include "IntegrationSupport.h"

#include "store/DemoSeeder.h"
#include "store/InventoryRepository.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <memory>
#include <vector>

using namespace sb;

class TestContention : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(TestDatabase::isPostgres(), "SWITCHBOARD_TEST_PG must name the PostgreSQL server of the test");
    }

    void eightProcessesNeverShareAnItem()
    {
        constexpr int processes = 8;
        constexpr int attempts = 500;
        constexpr int items = 1000;
        TestDatabase test(false);
        QVERIFY(test.ok());
        Database& db = test.db();
        DemoSize size;
        size.customers = 10;
        size.setTopBoxes = 0;
        QVERIFY(DemoSeeder(db).seed(size).ok());
        const QString templateName = QStringLiteral("Set-top Box");
        QVERIFY(guardedStatus([&] {
            InventoryRepository inventory(db);
            const qint64 templateId = *inventory.templateId(templateName);
            Transaction tx(db);
            for (int i = 1; i <= items; ++i) {
                InventoryItem item;
                item.reference = QStringLiteral("CT-%1").arg(i, 5, 10, QLatin1Char('0'));
                item.identifier = QStringLiteral("CT4K-%1").arg(500000 + i);
                item.status = InventoryStatus::InStock;
                inventory.insertItem(templateId, item);
            }
            tx.commit();
        }).ok());
        const qint64 productId = CatalogRepository(db).bySlug(QStringLiteral("iptv-essentials"))->id;

        std::vector<std::unique_ptr<QProcess>> clients;
        for (int i = 0; i < processes; ++i) {
            auto client = std::make_unique<QProcess>();
            client->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            client->start(QStringLiteral(CONTENTION_CLIENT),
                          {QStringLiteral("--db"), test.url(), QStringLiteral("--template"), templateName,
                           QStringLiteral("--product"), QString::number(productId), QStringLiteral("--customer"),
                           QStringLiteral("1"), QStringLiteral("--holder"), QStringLiteral("clerk-%1").arg(i + 1),
                           QStringLiteral("--attempts"), QString::number(attempts)});
            clients.push_back(std::move(client));
        }
        int submitted = 0, released = 0, refused = 0;
        QSet<qint64> assignedItems;
        QHash<qint64, qint64> itemOfService;
        for (auto& client : clients) {
            QVERIFY2(client->waitForFinished(100000), "a contention client did not finish in 100 s");
            QCOMPARE(client->exitCode(), 0);
            const QJsonObject report = QJsonDocument::fromJson(client->readAllStandardOutput()).object();
            QVERIFY2(report.value(QLatin1String("errors")).toArray().isEmpty(),
                     QJsonDocument(report.value(QLatin1String("errors")).toArray()).toJson().constData());
            QCOMPARE(report.value(QLatin1String("stolen")).toInt(), 0);
            const int mine = report.value(QLatin1String("submitted")).toInt();
            const int returned = report.value(QLatin1String("released")).toInt();
            const int none = report.value(QLatin1String("none_available")).toInt();
            const int taken = report.value(QLatin1String("taken")).toInt();
            QCOMPARE(mine + returned + none + taken, attempts);
            submitted += mine;
            released += returned;
            refused += none + taken;
            for (const QJsonValue& entry : report.value(QLatin1String("services")).toArray()) {
                const qint64 item = entry[QLatin1String("item")].toInteger();
                QVERIFY2(!assignedItems.contains(item), "one item was assigned to two orders");
                assignedItems.insert(item);
                itemOfService.insert(entry[QLatin1String("service")].toInteger(), item);
            }
        }
        qInfo("%d orders submitted, %d reservations released, %d refusals", submitted, released, refused);
        QCOMPARE(submitted + released + refused, processes * attempts);
        QVERIFY(submitted > 0 && submitted <= items);
        QCOMPARE(itemOfService.size(), submitted);

        // The database agrees: one item per service, one service per item, one job per service.
        using integration::scalar;
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM inventory_items WHERE service_id IS NOT NULL")),
                 submitted);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM (SELECT service_id FROM inventory_items WHERE"
                                           " service_id IS NOT NULL GROUP BY service_id HAVING COUNT(*) > 1) AS x")),
                 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM services")), submitted);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM provisioning_jobs")), submitted);
        InventoryRepository inventory(db);
        for (auto it = itemOfService.cbegin(); it != itemOfService.cend(); ++it) {
            const auto item = inventory.byId(it.value());
            QVERIFY(item);
            QCOMPARE(item->serviceId, it.key());
            QCOMPARE(item->status, InventoryStatus::Reserved);
        }
        // Nothing is left held: every reservation was submitted or released.
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM inventory_items WHERE reserved_by IS NOT NULL")), 0);
    }
};

QTEST_GUILESS_MAIN(TestContention)
#include "tst_contention.moc"
