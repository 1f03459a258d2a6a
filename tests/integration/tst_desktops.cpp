// Two desktops and two workers on one PostgreSQL database: two real main windows (separate processes, each signed
// in as its own staff user) assign mobile plans at the same time, reaching for the same free SIM cards and numbers,
// while two switchboard-worker processes provision them. Nothing may be handed out twice, every plan must end
// active, and the audit log must name the clerk who assigned it.
#include "IntegrationSupport.h"

#include "workflows/StaffWorkflow.h"

#include <QTest>

using namespace sb;
using namespace integration;

class TestDesktops : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(TestDatabase::isPostgres(), "SWITCHBOARD_TEST_PG must name the PostgreSQL server of the test");
    }

    void twoDesktopsTwoWorkers();
};

static QStringList individualCustomers(Database& db, int count)
{
    const auto ids = guarded([&] {
        Sql q(db, QStringLiteral("SELECT id FROM customers WHERE type = 'individual' AND status = 'active'"
                                 " ORDER BY id LIMIT %1")
                      .arg(count));
        q.exec();
        QStringList out;
        while (q.next())
            out << q.value(0).toString();
        return out;
    });
    return ids ? ids.value() : QStringList();
}

void TestDesktops::twoDesktopsTwoWorkers()
{
    constexpr int plansPerDesktop = 4;
    TestDatabase test;
    QVERIFY(test.ok());
    Database& db = test.db();
    QTemporaryDir dir;
    SimulatorProcess simulator;
    QVERIFY(simulator.start(20));
    QVERIFY(simulator.writeSettings(dir.filePath(QStringLiteral("config"))));

    StaffWorkflow staff(db);
    const QString password = QStringLiteral("counter-password-1");
    QVERIFY(staff.addUser(Actor(), QStringLiteral("admin"), QStringLiteral("Admin"), Role::Administrator, password).ok());
    const Actor admin = staff.authenticate(QStringLiteral("admin"), password).value();
    QVERIFY(staff.addUser(admin, QStringLiteral("anna"), QStringLiteral("Anna"), Role::Staff, password).ok());
    QVERIFY(staff.addUser(admin, QStringLiteral("bruno"), QStringLiteral("Bruno"), Role::Staff, password).ok());

    const QStringList customers = individualCustomers(db, 2 * plansPerDesktop);
    QCOMPARE(customers.size(), 2 * plansPerDesktop);
    const int freeSimsBefore =
        scalar(db, QStringLiteral("SELECT COUNT(*) FROM inventory_items i JOIN inventory_templates t"
                                  " ON t.id = i.template_id WHERE t.name = 'SIM Card' AND i.status IN ('New', 'In Stock')"));

    QProcess workers[2];
    for (QProcess& worker : workers) {
        worker.setProcessEnvironment(workerEnvironment(dir));
        worker.start(QStringLiteral(SWITCHBOARD_WORKER), workerArguments(test.url(), 2, 5000));
        QVERIFY(worker.waitForStarted(10000));
    }

    const QStringList logins{QStringLiteral("anna"), QStringLiteral("bruno")};
    QProcess desktops[2];
    for (int i = 0; i < 2; ++i) {
        QProcessEnvironment env = workerEnvironment(dir);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("SB_DESKTOP_DB"), test.url());
        env.insert(QStringLiteral("SB_DESKTOP_LOGIN"), logins.at(i));
        env.insert(QStringLiteral("SB_DESKTOP_PASSWORD"), password);
        env.insert(QStringLiteral("SB_DESKTOP_CUSTOMERS"), customers.mid(i * plansPerDesktop, plansPerDesktop).join(QLatin1Char(',')));
        desktops[i].setProcessEnvironment(env);
        desktops[i].setProcessChannelMode(QProcess::MergedChannels);
        desktops[i].start(QStringLiteral(DESKTOP_CLIENT), {});
        QVERIFY(desktops[i].waitForStarted(10000));
    }
    QByteArray outputs[2];
    for (int i = 0; i < 2; ++i) {
        const bool finished = desktops[i].waitForFinished(240000);
        outputs[i] = desktops[i].readAll();
        QVERIFY2(finished && desktops[i].exitCode() == 0, outputs[i].constData());
        QCOMPARE(outputs[i].count("ASSIGNED customer="), plansPerDesktop);
        qInfo("desktop %s: %lld reservation(s) lost to the other desktop", qPrintable(logins.at(i)),
              static_cast<long long>(outputs[i].count("TAKEN FIRST BY ANOTHER DESKTOP")));
    }
    QVERIFY(waitForIdle(db, 60000));
    for (QProcess& worker : workers) {
        worker.terminate();
        QVERIFY(worker.waitForFinished(20000));
        QCOMPARE(worker.exitCode(), 0);
    }

    // Every plan provisioned, every job done once.
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM services WHERE status = 'active'")), 2 * plansPerDesktop);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM provisioning_jobs WHERE status = 'succeeded'")),
             2 * plansPerDesktop);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM provisioning_jobs WHERE status <> 'succeeded'")), 0);
    // Each service holds exactly one SIM card and one number, and no item is held by two services.
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM inventory_items WHERE status = 'Assigned'")),
             4 * plansPerDesktop);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM (SELECT service_id FROM inventory_items"
                                       " WHERE status = 'Assigned' GROUP BY service_id HAVING COUNT(*) <> 2) odd")),
             0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(DISTINCT i.service_id) FROM inventory_items i JOIN services s"
                                       " ON s.id = i.service_id WHERE i.status = 'Assigned'")),
             2 * plansPerDesktop);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM inventory_items WHERE reserved_by IS NOT NULL")), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM inventory_items i JOIN inventory_templates t"
                                       " ON t.id = i.template_id WHERE t.name = 'SIM Card' AND i.status IN ('New', 'In Stock')")),
             freeSimsBefore - 2 * plansPerDesktop);
    // The audit log names the clerk at each counter.
    for (const QString& login : logins)
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'assign_plan' AND staff_login = '%1'")
                                .arg(login)),
                 plansPerDesktop);
}

QTEST_MAIN(TestDesktops)
#include "tst_desktops.moc"
