// SIGTERM: a worker finishes the task it is running, hands the job back to the queue and exits 0; another worker
// resumes the job at its first unfinished task. And the NOTIFY that pushes progress to the desktops.
#include "IntegrationSupport.h"

#include "store/JobChangeListener.h"
#include "store/JobRepository.h"
#include "store/ServiceRepository.h"

#include <QSignalSpy>
#include <QTest>

using namespace sb;
using namespace integration;

class TestHandBack : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(TestDatabase::isPostgres(), "SWITCHBOARD_TEST_PG must name the PostgreSQL server of the test");
    }

    void sigtermHandsTheJobBack()
    {
        TestDatabase test;
        QVERIFY(test.ok());
        Database& db = test.db();
        QTemporaryDir dir;
        SimulatorProcess simulator;
        QVERIFY(simulator.start(300)); // a mobile plan runs for a few seconds
        QVERIFY(simulator.writeSettings(dir.filePath(QStringLiteral("config"))));
        const QList<qint64> queued = queueJobs(db, 1);
        QCOMPARE(queued.size(), 1);
        const qint64 jobId = queued.first();

        JobChangeListener listener(db);
        QSignalSpy changes(&listener, &JobChangeListener::jobChanged);
        listener.start();
        QTRY_VERIFY_WITH_TIMEOUT(listener.isListening(), 10000);

        QProcess first;
        first.setProcessEnvironment(workerEnvironment(dir));
        first.start(QStringLiteral(SWITCHBOARD_WORKER), workerArguments(test.url(), 1, 3000));
        QVERIFY(first.waitForStarted(10000));
        const QString doneTasks =
            QStringLiteral("SELECT COUNT(*) FROM provisioning_tasks WHERE job_id = %1 AND status = 'done'").arg(jobId);
        QTRY_VERIFY_WITH_TIMEOUT(scalar(db, doneTasks) >= 2, 30000);
        first.terminate(); // SIGTERM
        QVERIFY(first.waitForFinished(20000));
        QCOMPARE(first.exitStatus(), QProcess::NormalExit);
        QCOMPARE(first.exitCode(), 0);

        ProvisioningJob job = *JobRepository(db).byId(jobId);
        QCOMPARE(job.status, JobStatus::Queued);
        QCOMPARE(job.leaseOwner, QString());
        QCOMPARE(job.leaseExpiresMs, 0);
        const int doneBefore = job.completedTasks();
        QVERIFY(doneBefore >= 2 && doneBefore < job.tasks.size());
        for (const ProvisioningTask& task : job.tasks)
            QVERIFY(task.status == TaskStatus::Done || task.status == TaskStatus::Pending);
        // every transition was pushed to the listener
        QTRY_VERIFY_WITH_TIMEOUT(changes.size() >= 2 * doneBefore + 2, 5000);
        for (const QList<QVariant>& signal : std::as_const(changes))
            QCOMPARE(signal.value(0).toLongLong(), jobId);
        const qsizetype heardBefore = changes.size();

        QProcess second;
        second.setProcessEnvironment(workerEnvironment(dir));
        second.start(QStringLiteral(SWITCHBOARD_WORKER), workerArguments(test.url(), 1, 3000));
        QVERIFY(second.waitForStarted(10000));
        QVERIFY(waitForIdle(db, 60000));
        second.terminate();
        QVERIFY(second.waitForFinished(20000));
        QCOMPARE(second.exitCode(), 0);

        job = *JobRepository(db).byId(jobId);
        QCOMPARE(job.status, JobStatus::Succeeded);
        QCOMPARE(job.completedTasks(), job.tasks.size());
        // the tasks done by the first worker did not run again
        for (int i = 0; i < doneBefore; ++i)
            QCOMPARE(job.tasks.at(i).log.count(QStringLiteral("attempt ")), 1);
        QCOMPARE(ServiceRepository(db).byId(job.serviceId)->status, ServiceStatus::Active);
        QTRY_VERIFY_WITH_TIMEOUT(changes.size() > heardBefore, 5000);
        listener.stop();
    }
};

QTEST_GUILESS_MAIN(TestHandBack)
#include "tst_handback.moc"
