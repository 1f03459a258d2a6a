// switchboard-worker: the headless provisioning worker of a shared database. Any number of them, on any number of
// hosts, claim queued jobs (FOR UPDATE SKIP LOCKED on PostgreSQL), hold a lease renewed by heartbeats, take over
// jobs whose lease expired, and on SIGTERM/SIGINT finish each job's current task and hand the job back.
#include "network/ElementEndpoint.h"
#include "network/SettingsFile.h"
#include "provisioning/WorkerPool.h"
#include "workflows/Backend.h"
#include "workflows/ScheduledActionRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace {

std::atomic<bool> g_stopRequested{false};

void onStopSignal(int)
{
    g_stopRequested = true;
}

class Worker
{
    Q_DECLARE_TR_FUNCTIONS(Worker)
};

bool numberOption(const QCommandLineParser& parser, const QString& name, qint64 minimum, qint64 maximum, qint64* out,
                  QTextStream& err)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        err << Worker::tr("--%1 must be a whole number from %2 to %3, not \"%4\".")
                   .arg(name)
                   .arg(minimum)
                   .arg(maximum)
                   .arg(parser.value(name))
            << '\n';
        return false;
    }
    *out = value;
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Switchboard"));
    QCoreApplication::setApplicationName(QStringLiteral("Switchboard")); // same settings as the GUI and the CLI
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(Worker::tr("Runs provisioning jobs from a shared Switchboard database."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("db"), Worker::tr("The database URL (default: the embedded SQLite file)."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("config"),
                      Worker::tr("The settings file (INI, as the GUI's Settings dialog writes it) with the network "
                                 "elements and, without --db, the database (default: the user's settings)."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("concurrency"), Worker::tr("How many jobs run at once (default 1)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("lease-ms"),
                      Worker::tr("How long a job stays claimed without a heartbeat, in milliseconds (default 60000)."),
                      QStringLiteral("MS")});
    parser.process(app);

    qint64 concurrency = 1;
    sb::RunnerSettings runner;
    if (!numberOption(parser, QStringLiteral("concurrency"), 1, 256, &concurrency, err) ||
        !numberOption(parser, QStringLiteral("lease-ms"), 300, 24 * 3600 * 1000, &runner.leaseMs, err))
        return 2;

    const QString configFile = parser.value(QStringLiteral("config"));
    const sb::Result<std::shared_ptr<QSettings>> settings = sb::SettingsFile::open(configFile);
    if (!settings) {
        err << settings.error().text() << '\n';
        return 2;
    }

    sb::BackendOptions options;
    options.databaseUrl = parser.value(QStringLiteral("db"));
    if (options.databaseUrl.isEmpty() && !configFile.isEmpty())
        options.databaseUrl = sb::SettingsFile::databaseUrl(**settings);
    options.seedDemoIfEmpty = false;
    options.startEmbeddedWorker = false;
    options.endpoints = sb::NetworkEndpoints::fromSettings(**settings);
    options.runner = runner;
    sb::Backend backend(options);
    if (const sb::Status started = backend.startBlocking(); !started) {
        err << started.error.text() << '\n';
        if (!started.error.detail.isEmpty())
            err << "  (" << started.error.detail << ")\n";
        return 1;
    }

    sb::WorkerPool pool(backend.database(), backend.endpoints(), runner, static_cast<int>(concurrency));
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    pool.start();
    err << Worker::tr("Provisioning worker %1 runs up to %n job(s) at once on %2. Stop it with SIGTERM or Ctrl+C.", nullptr,
                      static_cast<int>(concurrency))
               .arg(pool.workerId(), backend.database().url().toDisplayString())
        << '\n';
    err.flush();

    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, [&] {
        if (!g_stopRequested)
            return;
        stopPoll.stop();
        err << Worker::tr("Stopping: each running job finishes its current task and goes back to the queue.") << '\n';
        err.flush();
        pool.stop(); // the simulator, if any, runs on its own thread meanwhile
        QCoreApplication::quit();
    });
    stopPoll.start(100);
    // Scheduled subscription actions (e.g. Amend Bundle Services on a date) run here when they are due.
    QTimer scheduledActions;
    QObject::connect(&scheduledActions, &QTimer::timeout, [&backend] {
        sb::ScheduledActionRunner(backend.database()).runDue();
    });
    scheduledActions.start(1000);
    QCoreApplication::exec();
    pool.stop();
    backend.stop();
    err << Worker::tr("Provisioning worker %1 stopped after finishing %n job(s).", nullptr, static_cast<int>(pool.jobsFinished()))
               .arg(pool.workerId())
        << '\n';
    return 0;
}
