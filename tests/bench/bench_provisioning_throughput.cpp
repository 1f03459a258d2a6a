// Provisioning throughput of the worker pool on PostgreSQL: N queued jobs, the built-in simulator answering every
// element call after a fixed latency, 1/2/4/8 workers (threads of one WorkerPool, each with its own connection,
// claiming with FOR UPDATE SKIP LOCKED). Prints jobs/s next to the ideal workers / (calls per job x latency).
// Never passes or fails.
//
//   bench_provisioning_throughput --db postgresql://user@host:port/db [--jobs 10000] [--latency-ms 20]
//                                 [--workers 1,2,4,8]
// The database is migrated and its provisioning tables are emptied before each round.
#include "network/NetworkSimulator.h"
#include "network/SimulatorThread.h"
#include "provisioning/WorkerPool.h"
#include "store/DemoSeeder.h"
#include "store/JobRepository.h"
#include "store/Migrations.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace sb;

namespace {

// Two element calls per job: an OCS account (APIerSv1.SetAccount) and an IPTV device (POST /iptv/devices), plus the
// database-only validation of the customer.
ProvisioningJob benchJob(int n, qint64 customerId)
{
    ProvisioningJob job;
    job.kind = QStringLiteral("bench");
    job.customerId = customerId;
    job.playbook = QStringLiteral("bench");
    job.requestedBy = QStringLiteral("bench");
    auto task = [](int ordinal, const char* label, const char* action, QJsonObject params) {
        ProvisioningTask t;
        t.ordinal = ordinal;
        t.label = QString::fromLatin1(label);
        t.action = QString::fromLatin1(action);
        t.params = std::move(params);
        t.timeoutMs = 30000;
        return t;
    };
    const QString account = QStringLiteral("bench-%1").arg(n);
    job.tasks << task(1, "Validating customer account", "customer.validate",
                      {{QStringLiteral("customer_id"), customerId}})
              << task(2, "Configuring OCS account", "ocs.set_account",
                      {{QStringLiteral("tenant"), QStringLiteral("cgrates.org")}, {QStringLiteral("account"), account},
                       {QStringLiteral("balances"), QJsonArray()}})
              << task(3, "Activating IPTV", "iptv.activate",
                      {{QStringLiteral("serial"), QStringLiteral("BENCH-%1").arg(n)},
                       {QStringLiteral("account"), account},
                       {QStringLiteral("packages"), QJsonArray{QStringLiteral("basic")}}});
    return job;
}

int countSucceeded(Database& db)
{
    Sql q(db, QStringLiteral("SELECT COUNT(*) FROM provisioning_jobs WHERE status IN ('succeeded', 'failed')"));
    q.exec();
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char* name, const QString& fallback) {
        const int index = args.indexOf(QLatin1String(name));
        return index > 0 && index + 1 < args.size() ? args.at(index + 1) : fallback;
    };
    const auto url = DatabaseUrl::parse(option("--db", {}));
    if (!url || url->isSqlite()) {
        std::fprintf(stderr, "usage: bench_provisioning_throughput --db postgresql://... [--jobs N] [--latency-ms MS]"
                             " [--workers 1,2,4,8]\n");
        return 2;
    }
    const int jobCount = option("--jobs", QStringLiteral("10000")).toInt();
    const int latencyMs = option("--latency-ms", QStringLiteral("20")).toInt();
    QList<int> workerCounts;
    for (const QString& w : option("--workers", QStringLiteral("1,2,4,8")).split(QLatin1Char(',')))
        workerCounts << w.toInt();

    Database db(*url);
    if (Status migrated = Migrations::migrate(db); !migrated) {
        std::fprintf(stderr, "%s\n", qPrintable(migrated.error.detail));
        return 1;
    }
    DemoSeeder seeder(db);
    if (seeder.isEmpty()) {
        DemoSize size;
        size.customers = 10;
        seeder.seed(size);
    }
    const qint64 customerId = 1;

    SimulatorThread simulator;
    if (!simulator.start())
        return 1;
    QTemporaryDir dir;
    NetworkEndpoints endpoints = NetworkEndpoints::forSimulator(simulator.baseUrl());
    endpoints.outboxDir = dir.filePath(QStringLiteral("outbox"));
    endpoints.standinDir = dir.filePath(QStringLiteral("elements"));

    std::printf("jobs %d, simulator latency %d ms per call, PostgreSQL %s\n", jobCount, latencyMs,
                qPrintable(url->toDisplayString()));
    std::printf("%8s %8s %10s %10s %12s %10s %8s\n", "workers", "jobs", "seconds", "jobs/s", "calls/job", "ideal/s",
                "of ideal");
    for (const int workers : workerCounts) {
        try {
            Sql::run(db, QStringLiteral("DELETE FROM provisioning_tasks"));
            Sql::run(db, QStringLiteral("DELETE FROM provisioning_jobs"));
            JobRepository jobs(db);
            Transaction tx(db);
            for (int n = 0; n < jobCount; ++n)
                jobs.create(benchJob(n, customerId));
            tx.commit();
        } catch (const StoreException& e) {
            std::fprintf(stderr, "%s\n", qPrintable(e.error().detail));
            return 1;
        }
        simulator.simulator()->reset();
        simulator.simulator()->setLatencyMs(latencyMs);

        WorkerPool pool(db, endpoints, RunnerSettings{}, workers, QStringLiteral("bench"));
        QElapsedTimer clock;
        clock.start();
        pool.start();
        int finished = 0;
        while ((finished = countSucceeded(db)) < jobCount)
            QThread::msleep(50);
        const double seconds = clock.elapsed() / 1000.0;
        pool.stop();
        int calls = 0;
        const QJsonObject requests = simulator.simulator()->state().value(QLatin1String("requests")).toObject();
        for (auto it = requests.begin(); it != requests.end(); ++it)
            calls += it.value().toInt();
        const double callsPerJob = double(calls) / jobCount;
        const double rate = jobCount / seconds;
        const double ideal = workers / (callsPerJob * latencyMs / 1000.0);
        std::printf("%8d %8d %10.1f %10.1f %12.2f %10.1f %7.0f%%\n", workers, jobCount, seconds, rate, callsPerJob,
                    ideal, 100.0 * rate / ideal);
        std::fflush(stdout);
    }
    return 0;
}
