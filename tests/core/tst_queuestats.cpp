// The queue monitor's numbers: jobs and tasks written through the job repository with known times, then the
// snapshot read back: counts by status, jobs finished per minute, and task duration percentiles per network element.
#include "TestDatabase.h"

#include "store/JobRepository.h"
#include "store/QueueStatsRepository.h"
#include "workflows/QueueMonitorWorkflow.h"

#include <QElapsedTimer>
#include <QTest>

#include <cstdlib>

using namespace sb;

namespace {

// 30 s into a minute, so "the current minute" is unambiguous.
constexpr qint64 now = 1'800'000'000'000 / QueueStats::minuteMs * QueueStats::minuteMs + 30'000;
constexpr qint64 minute = QueueStats::minuteMs;

} // namespace

class TestQueueStats : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_test;
    Database& db() { return m_test->db(); }

    // A queued job with one task per action.
    qint64 queueJob(const QStringList& actions)
    {
        ProvisioningJob job;
        job.kind = QStringLiteral("assign");
        job.playbook = QStringLiteral("mobile_plan");
        job.requestedBy = QStringLiteral("tester");
        for (int i = 0; i < actions.size(); ++i) {
            ProvisioningTask task;
            task.ordinal = i + 1;
            task.label = QStringLiteral("Task %1").arg(i + 1);
            task.action = actions.at(i);
            job.tasks << task;
        }
        Transaction tx(db());
        const qint64 id = JobRepository(db()).create(job);
        tx.commit();
        return id;
    }

    // Claims the job at startMs and runs its tasks back to back, each taking its duration; a negative duration
    // leaves the task failed after that long. The job then finishes with `status` unless it is Running.
    void runJob(qint64 jobId, qint64 startMs, const QList<qint64>& durations, JobStatus status)
    {
        JobRepository jobs(db());
        QVERIFY(jobs.claimJob(jobId, QStringLiteral("worker-1"), 60'000, 300'000, startMs));
        const QList<ProvisioningTask> tasks = jobs.tasks(jobId);
        qint64 at = startMs;
        for (int i = 0; i < durations.size() && i < tasks.size(); ++i) {
            jobs.markTaskRunning(tasks.at(i).id, at);
            at += std::abs(durations.at(i));
            if (durations.at(i) >= 0)
                jobs.markTaskDone(tasks.at(i).id, at);
            else
                jobs.markTaskFailed(tasks.at(i).id, at, UserMessage("Test", "failed"));
        }
        if (status != JobStatus::Running)
            jobs.finishJob(jobId, status, {}, at);
    }

    // Finishes a one-task job at finishedMs.
    void finishedJob(qint64 finishedMs, JobStatus status)
    {
        runJob(queueJob({QStringLiteral("service.activate")}), finishedMs - 10, {10}, status);
    }

private slots:
    void init()
    {
        m_test = std::make_unique<TestDatabase>(false);
        QVERIFY(m_test->ok());
    }

    void cleanup() { m_test.reset(); }

    void percentilesAreNearestRank()
    {
        QList<qint64> values;
        for (int i = 1; i <= 100; ++i)
            values << i * 10;
        QCOMPARE(QueueStats::percentile(values, 50), qint64(500));
        QCOMPARE(QueueStats::percentile(values, 90), qint64(900));
        QCOMPARE(QueueStats::percentile(values, 99), qint64(990));
        QCOMPARE(QueueStats::percentile({7}, 99), qint64(7));
        QCOMPARE(QueueStats::percentile({}, 50), qint64(0));
        QCOMPARE(QueueStats::percentile({1, 2, 3, 4}, 50), qint64(2));
        QCOMPARE(QueueStats::elementOf(QStringLiteral("hss.create_subscriber")), QStringLiteral("hss"));
        QCOMPARE(QueueStats::elementOf(QStringLiteral("inventory.assign")), QStringLiteral("inventory"));
    }

    void countsJobsByStatus()
    {
        for (int i = 0; i < 3; ++i)
            queueJob({QStringLiteral("ocs.set_account")});
        for (int i = 0; i < 2; ++i)
            runJob(queueJob({QStringLiteral("ocs.set_account"), QStringLiteral("mail.welcome")}), now - 5000, {100},
                   JobStatus::Running);
        for (int i = 0; i < 4; ++i)
            finishedJob(now - i * minute, JobStatus::Succeeded);
        finishedJob(now - 2 * minute, JobStatus::Failed);

        const auto snapshot = QueueMonitorWorkflow(db()).snapshot(now);
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.error().detail));
        QCOMPARE(snapshot->counts, (QueueCounts{3, 2, 4, 1}));
        QCOMPARE(snapshot->takenMs, now);
    }

    void bucketsJobsPerFinishedMinute()
    {
        finishedJob(now, JobStatus::Succeeded);               // this minute
        finishedJob(now - 29'000, JobStatus::Succeeded);      // its first second
        finishedJob(now - 1000, JobStatus::Failed);           // this minute
        finishedJob(now - 2 * minute, JobStatus::Succeeded);  // two minutes ago
        finishedJob(now - 29 * minute, JobStatus::Failed);    // the oldest minute of the window
        finishedJob(now - 31 * minute, JobStatus::Succeeded); // before the window
        finishedJob(now - 40 * minute, JobStatus::Failed);    // long before

        const auto snapshot = QueueMonitorWorkflow(db()).snapshot(now, 30);
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.error().detail));
        const QList<ThroughputBucket>& buckets = snapshot->throughput;
        QCOMPARE(buckets.size(), 30);
        QCOMPARE(buckets.constLast().minuteStartMs, now - 30'000);
        QCOMPARE(buckets.constFirst().minuteStartMs, now - 30'000 - 29 * minute);
        QCOMPARE(buckets.constLast().succeeded, 2);
        QCOMPARE(buckets.constLast().failed, 1);
        QCOMPARE(buckets.at(27).succeeded, 1);
        QCOMPARE(buckets.at(27).failed, 0);
        QCOMPARE(buckets.constFirst().failed, 1);
        int total = 0;
        for (const ThroughputBucket& bucket : buckets)
            total += bucket.succeeded + bucket.failed;
        QCOMPARE(total, 5);
        QCOMPARE(snapshot->counts, (QueueCounts{0, 0, 4, 3}));
    }

    void durationPercentilesPerElement()
    {
        // Ten finished jobs: OCS took 100..1000 ms, the HSS 50 ms each, the welcome mail failed (not counted).
        for (int i = 1; i <= 10; ++i)
            runJob(queueJob({QStringLiteral("ocs.set_account"), QStringLiteral("hss.create_subscriber"),
                             QStringLiteral("mail.welcome")}),
                   now - 5 * minute + i * 1000, {i * 100, 50, -20}, i == 10 ? JobStatus::Failed : JobStatus::Succeeded);
        // A running job: its done inventory task counts, the running one does not have a duration yet.
        runJob(queueJob({QStringLiteral("inventory.assign"), QStringLiteral("radius.create_user")}), now - 2000,
               {400}, JobStatus::Running);
        // Tasks of a job that finished before the duration window are left out.
        runJob(queueJob({QStringLiteral("ocs.set_account")}), now - 20 * minute, {90'000}, JobStatus::Succeeded);

        const auto snapshot = QueueMonitorWorkflow(db()).snapshot(now, 30, 15);
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.error().detail));
        QCOMPARE(snapshot->durationWindowMinutes, 15);
        const QList<ElementDurations>& durations = snapshot->durations;
        QCOMPARE(durations.size(), 3);
        QCOMPARE(durations.at(0).element, QStringLiteral("hss"));
        QCOMPARE(durations.at(0).samples, 10);
        QCOMPARE(durations.at(0).p50Ms, qint64(50));
        QCOMPARE(durations.at(0).p99Ms, qint64(50));
        QCOMPARE(durations.at(1).element, QStringLiteral("inventory"));
        QCOMPARE(durations.at(1).samples, 1);
        QCOMPARE(durations.at(1).p90Ms, qint64(400));
        QCOMPARE(durations.at(2).element, QStringLiteral("ocs"));
        QCOMPARE(durations.at(2).samples, 10);
        QCOMPARE(durations.at(2).p50Ms, qint64(500));
        QCOMPARE(durations.at(2).p90Ms, qint64(900));
        QCOMPARE(durations.at(2).p99Ms, qint64(1000));
    }

    // The reads walk indexes, not the whole table, so a busy queue of 100,000 jobs stays cheap to watch.
    void readsUseTheIndexes()
    {
        if (TestDatabase::isPostgres())
            return; // PostgreSQL's planner chooses by table statistics; the plan text is checked on SQLite
        QueueStatsRepository stats(db());
        const QString counts = stats.queryPlan(QueueStatsRepository::Read::Counts).join(QLatin1Char('\n'));
        QVERIFY2(counts.contains(QLatin1String("COVERING INDEX provisioning_jobs_status")), qPrintable(counts));
        const QString perMinute =
            stats.queryPlan(QueueStatsRepository::Read::FinishedPerMinute).join(QLatin1Char('\n'));
        QVERIFY2(perMinute.contains(QLatin1String("INDEX provisioning_jobs_finished")), qPrintable(perMinute));
        QVERIFY2(!perMinute.contains(QLatin1String("SCAN provisioning_jobs")) ||
                     perMinute.contains(QLatin1String("USING INDEX provisioning_jobs_finished")),
                 qPrintable(perMinute));
        const QString durations = stats.queryPlan(QueueStatsRepository::Read::TaskDurations).join(QLatin1Char('\n'));
        QVERIFY2(durations.contains(QLatin1String("INDEX provisioning_jobs_finished")), qPrintable(durations));
        QVERIFY2(durations.contains(QLatin1String("INDEX provisioning_jobs_status")), qPrintable(durations));
        QVERIFY2(!durations.contains(QLatin1String("SCAN t")) && !durations.contains(QLatin1String("SCAN j")),
                 qPrintable(durations));
    }

    // 100,000 jobs of which 600 finished in the last ten minutes: the snapshot sees exactly those.
    void aHundredThousandJobs()
    {
        const qint64 dayAgo = now - 24 * 60 * minute;
        {
            Transaction tx(db());
            Sql::run(db(), QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)"
                                          " INSERT INTO provisioning_jobs (kind, playbook, variables, status, created_ms,"
                                          " started_ms, finished_ms) SELECT 'assign', 'mobile_plan', '{}',"
                                          " CASE WHEN i % 50 = 0 THEN 'failed' ELSE 'succeeded' END, %1 + i, %1 + i,"
                                          " CASE WHEN i > 99400 THEN %2 - (100000 - i) * 1000 ELSE %1 + i END FROM n")
                                   .arg(dayAgo)
                                   .arg(now));
            tx.commit();
        }
        QElapsedTimer timer;
        timer.start();
        const auto snapshot = QueueMonitorWorkflow(db()).snapshot(now, 30);
        qInfo("snapshot of 100,000 jobs: %lld ms", timer.elapsed());
        QueueStatsRepository stats(db());
        for (const auto read : {QueueStatsRepository::Read::FinishedPerMinute, QueueStatsRepository::Read::TaskDurations})
            qInfo("plan:\n%s", qPrintable(stats.queryPlan(read).join(QLatin1Char('\n'))));
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.error().detail));
        QCOMPARE(snapshot->counts, (QueueCounts{0, 0, 98000, 2000}));
        int succeeded = 0;
        int failed = 0;
        for (const ThroughputBucket& bucket : snapshot->throughput) {
            succeeded += bucket.succeeded;
            failed += bucket.failed;
        }
        QCOMPARE(succeeded + failed, 600);
        QCOMPARE(failed, 12);
    }
};

QTEST_GUILESS_MAIN(TestQueueStats)
#include "tst_queuestats.moc"
