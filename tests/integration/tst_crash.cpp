// Workers killed with SIGKILL at random points of running jobs, twenty times: another worker takes every job
// over once its lease expires and finishes it, and nothing ends half-done or done twice.
#include "IntegrationSupport.h"

#include "store/InventoryRepository.h"
#include "store/JobRepository.h"
#include "store/ServiceRepository.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace sb;
using namespace integration;

class TestCrash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(TestDatabase::isPostgres(), "SWITCHBOARD_TEST_PG must name the PostgreSQL server of the test");
    }

    void killedWorkersLeaveNothingHalfDone()
    {
        constexpr int kills = 20;
        constexpr int leaseMs = 1500;
        TestDatabase test;
        QVERIFY(test.ok());
        Database& db = test.db();
        QTemporaryDir dir;
        SimulatorProcess simulator;
        QVERIFY(simulator.start(80));
        QVERIFY(simulator.writeSettings(dir.filePath(QStringLiteral("config"))));
        QList<qint64> jobIds = queueJobs(db, 16);
        QVERIFY2(jobIds.size() >= 12, "could not queue the jobs");

        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("random seed %u", seed);
        QRandomGenerator random(seed);
        QElapsedTimer clock;
        clock.start();
        int killedWhileBusy = 0;
        for (int round = 0; round < kills && clock.elapsed() < 70000; ++round) {
            if (scalar(db, QStringLiteral("SELECT COUNT(*) FROM provisioning_jobs WHERE status = 'queued'")) == 0)
                jobIds += queueJobs(db, 3); // keep the workers busy until the last kill
            QProcess worker;
            worker.setProcessEnvironment(workerEnvironment(dir));
            worker.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            worker.start(QStringLiteral(SWITCHBOARD_WORKER), workerArguments(test.url(), 2, leaseMs));
            QVERIFY(worker.waitForStarted(10000));
            QThread::msleep(random.bounded(250, 1200));
            if (scalar(db, QStringLiteral("SELECT COUNT(*) FROM provisioning_tasks WHERE status = 'running'")) > 0)
                ++killedWhileBusy;
            worker.kill(); // SIGKILL: no handing back, leases stay until they expire
            QVERIFY(worker.waitForFinished(10000));
        }
        qInfo("%d kills hit a running task; %lld jobs queued", killedWhileBusy, static_cast<long long>(jobIds.size()));
        QVERIFY2(killedWhileBusy >= kills / 2, "the kills should land in the middle of running jobs");

        QProcess survivor;
        survivor.setProcessEnvironment(workerEnvironment(dir));
        survivor.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        survivor.start(QStringLiteral(SWITCHBOARD_WORKER), workerArguments(test.url(), 2, leaseMs));
        QVERIFY(survivor.waitForStarted(10000));
        QVERIFY2(waitForIdle(db, 60000), "the surviving worker did not finish every job within a minute");
        survivor.terminate();
        QVERIFY(survivor.waitForFinished(15000));
        QCOMPARE(survivor.exitStatus(), QProcess::NormalExit);
        QCOMPARE(survivor.exitCode(), 0);

        // Every job succeeded with every task done once; every service is active with its items assigned.
        JobRepository jobs(db);
        int expectedBalances = 0, expectedSubscribers = 0;
        QSet<qint64> items;
        for (const qint64 jobId : std::as_const(jobIds)) {
            const ProvisioningJob job = *jobs.byId(jobId);
            QVERIFY2(job.status == JobStatus::Succeeded,
                     qPrintable(QStringLiteral("job %1 is %2: %3").arg(jobId).arg(toCode(job.status), job.error)));
            QCOMPARE(job.leaseOwner, QString());
            for (const ProvisioningTask& task : job.tasks) {
                QCOMPARE(task.status, TaskStatus::Done);
                if (task.action == QLatin1String("hss.create_subscriber"))
                    ++expectedSubscribers;
                if (task.action == QLatin1String("ocs.set_account"))
                    for (const QJsonValue& balance : task.params.value(QLatin1String("balances")).toArray())
                        if (balance[QLatin1String("value")].toVariant().toDouble() > 0)
                            ++expectedBalances;
            }
            const Service service = *ServiceRepository(db).byId(job.serviceId);
            QCOMPARE(service.status, ServiceStatus::Active);
            const QList<InventoryItem> picked = InventoryRepository(db).forService(job.serviceId);
            QVERIFY(!picked.isEmpty());
            for (const InventoryItem& item : picked) {
                QCOMPARE(item.status, InventoryStatus::Assigned);
                QVERIFY2(!items.contains(item.id), "an item is assigned to two services");
                items.insert(item.id);
            }
        }
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM provisioning_jobs WHERE status <> 'succeeded'")), 0);
        // The calls that are not idempotent ran once per job, whatever the kills interrupted.
        QCOMPARE(simulator.requestCount(QStringLiteral("APIerSv1.AddBalance")), expectedBalances);
        QCOMPARE(simulator.requestCount(QStringLiteral("PUT /subscriber/")), expectedSubscribers);
        QCOMPARE(simulator.requestCount(QStringLiteral("PUT /auc/")), expectedSubscribers);
        // Nothing was left held by the reservations of the queued orders.
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM inventory_items WHERE reserved_by IS NOT NULL"
                                           " AND status IN ('New', 'In Stock') AND reserved_by LIKE 'queue-%'")),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
