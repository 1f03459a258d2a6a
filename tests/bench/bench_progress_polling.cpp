// PostgreSQL server CPU for N open provisioning progress dialogs, two ways:
//   polling: each dialog reads its job every 200 ms (5 Hz) on a thread and connection of its own;
//   notify:  each dialog has a JobChangeListener (a thread and connection of its own) and re-reads the job when
//            notified, plus a fallback read every 2 s on a reader thread and connection of its own, while a driver
//            marks one of the job's tasks running 5 times a second so that notifications flow.
// The server's CPU is utime + stime of the postmaster and all its children (/proc/<pid>/stat), taken once every
// connection is open and again at the end of the run, so connection start-up is not counted.
//   bench_progress_polling --db postgresql://... [--dialogs 200] [--seconds 20] [--mode both|polling|notify]
// The notify mode holds 2 × dialogs + 2 connections; keep that under the server's max_connections.

#include "security/Actor.h"
#include "store/CatalogRepository.h"
#include "store/DemoSeeder.h"
#include "store/JobChangeListener.h"
#include "store/JobRepository.h"
#include "store/Migrations.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/ProvisioningWorkflow.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <unistd.h>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

using namespace sb;

namespace {

// Fields after the ")" that closes the command name: [0] is field 3 (state), [1] field 4 (ppid), [11] field 14
// (utime), [12] field 15 (stime).
QStringList statFields(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromLatin1(file.readAll());
    const qsizetype close = text.lastIndexOf(QLatin1Char(')'));
    if (close < 0)
        return {};
    return text.mid(close + 1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// Clock ticks used by the postmaster and its children so far (children that already exited are not counted).
qint64 serverTicks(qint64 postmaster)
{
    qint64 ticks = 0;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : pids) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        const QStringList fields = statFields(pid);
        if (fields.size() < 13)
            continue;
        if (pid != postmaster && fields.at(1).toLongLong() != postmaster)
            continue;
        ticks += fields.at(11).toLongLong() + fields.at(12).toLongLong();
    }
    return ticks;
}

// One dialog's reads, on its own thread (and so its own connection).
class Reader : public QObject
{
public:
    Reader(Database& db, qint64 jobId, int intervalMs, int startDelayMs, std::atomic<qint64>& reads,
           std::atomic<int>& ready)
        : m_db(db), m_jobId(jobId), m_intervalMs(intervalMs), m_startDelayMs(startDelayMs), m_reads(reads),
          m_ready(ready)
    {
    }

    void begin()
    {
        read(); // opens the connection
        ++m_ready;
        m_timer = new QTimer(this);
        m_timer->setInterval(m_intervalMs);
        connect(m_timer, &QTimer::timeout, this, &Reader::read);
        QTimer::singleShot(m_startDelayMs, m_timer, qOverload<>(&QTimer::start)); // spread the dialogs out
    }

    void read()
    {
        if (ProvisioningWorkflow(m_db).job(m_jobId).ok())
            ++m_reads;
    }

    void onJobChanged(qint64 jobId)
    {
        if (jobId == m_jobId)
            read();
    }

private:
    Database& m_db;
    qint64 m_jobId;
    int m_intervalMs;
    int m_startDelayMs;
    std::atomic<qint64>& m_reads;
    std::atomic<int>& m_ready;
    QTimer* m_timer = nullptr;
};

// Marks a task running (an announced transition) every 200 ms.
class Driver : public QObject
{
public:
    Driver(Database& db, qint64 taskId, std::atomic<qint64>& updates) : m_db(db), m_taskId(taskId), m_updates(updates)
    {
    }

    void begin()
    {
        auto* timer = new QTimer(this);
        timer->setInterval(200);
        connect(timer, &QTimer::timeout, this, [this] {
            try {
                JobRepository(m_db).markTaskRunning(m_taskId, Database::nowMs());
                ++m_updates;
            } catch (const StoreException& e) {
                qWarning("driver: %s", qPrintable(e.error().detail));
            }
        });
        timer->start();
    }

private:
    Database& m_db;
    qint64 m_taskId;
    std::atomic<qint64>& m_updates;
};

struct Outcome
{
    bool ok = false;
    double seconds = 0;
    double cpuSeconds = 0;
    qint64 reads = 0;
    qint64 updates = 0;
};

void startOnThread(Database& db, QObject* worker, QThread* thread, const std::function<void()>& begin)
{
    worker->moveToThread(thread);
    QObject::connect(thread, &QThread::started, worker, begin);
    QObject::connect(
        thread, &QThread::finished, worker,
        [&db, worker] {
            qDeleteAll(worker->findChildren<QTimer*>()); // on their own thread
            db.closeThreadConnection();
        },
        Qt::DirectConnection);
    thread->start();
}

// Runs the event loop until done() or the deadline; true when done() came true.
bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
    }
    return true;
}

void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

Outcome runMode(Database& db, bool notify, int dialogs, int seconds, qint64 jobId, qint64 taskId, qint64 postmaster)
{
    std::atomic<qint64> reads{0};
    std::atomic<qint64> updates{0};
    std::atomic<int> ready{0};
    const int intervalMs = notify ? 2000 : 200;
    std::vector<std::unique_ptr<QThread>> threads;
    std::vector<std::unique_ptr<Reader>> readers;
    std::vector<std::unique_ptr<JobChangeListener>> listeners;
    for (int i = 0; i < dialogs; ++i) {
        auto reader = std::make_unique<Reader>(db, jobId, intervalMs, intervalMs * i / dialogs, reads, ready);
        auto thread = std::make_unique<QThread>();
        Reader* r = reader.get();
        startOnThread(db, r, thread.get(), [r] { r->begin(); });
        if (notify) {
            auto listener = std::make_unique<JobChangeListener>(db);
            QObject::connect(listener.get(), &JobChangeListener::jobChanged, r, &Reader::onJobChanged);
            listener->start();
            listeners.push_back(std::move(listener));
        }
        readers.push_back(std::move(reader));
        threads.push_back(std::move(thread));
    }
    std::unique_ptr<Driver> driver;
    auto driverThread = std::make_unique<QThread>();
    const bool started = waitUntil(
        [&] {
            if (ready.load() < dialogs)
                return false;
            for (const auto& listener : listeners)
                if (!listener->isListening())
                    return false;
            return true;
        },
        120000);
    Outcome outcome;
    if (started) {
        if (notify) {
            driver = std::make_unique<Driver>(db, taskId, updates);
            Driver* d = driver.get();
            startOnThread(db, d, driverThread.get(), [d] { d->begin(); });
            runFor(1000); // the driver's connection is open
        }
        const qint64 readsBefore = reads.load();
        const qint64 updatesBefore = updates.load();
        const qint64 ticksBefore = serverTicks(postmaster);
        QElapsedTimer timer;
        timer.start();
        runFor(seconds * 1000);
        const qint64 ticksAfter = serverTicks(postmaster);
        outcome.seconds = timer.nsecsElapsed() / 1e9;
        outcome.reads = reads.load() - readsBefore;
        outcome.updates = updates.load() - updatesBefore;
        outcome.cpuSeconds = double(ticksAfter - ticksBefore) / double(sysconf(_SC_CLK_TCK));
        outcome.ok = true;
    }
    driverThread->quit();
    driverThread->wait();
    listeners.clear();
    for (const auto& thread : threads)
        thread->quit();
    for (const auto& thread : threads)
        thread->wait();
    readers.clear();
    return outcome;
}

// A queued job with tasks: the one the dialogs watch.
qint64 queueJob(Database& db, QString* error)
{
    if (const Status migrated = Migrations::migrate(db); !migrated) {
        *error = migrated.error.text();
        return 0;
    }
    DemoSeeder seeder(db);
    if (seeder.isEmpty()) {
        DemoSize size;
        size.customers = 20;
        size.simCards = 40;
        size.mobileNumbers = 40;
        size.modems = 10;
        size.setTopBoxes = 10;
        size.sipDids = 10;
        if (const Status seeded = seeder.seed(size); !seeded) {
            *error = seeded.error.text();
            return 0;
        }
    }
    AssignPlanWorkflow workflow(db);
    const std::optional<Product> product = CatalogRepository(db).bySlug(QStringLiteral("mobile-20gb"));
    if (!product) {
        *error = QStringLiteral("no product mobile-20gb");
        return 0;
    }
    const QString holder = QStringLiteral("bench-progress-polling");
    AssignRequest request;
    request.customerId = 1;
    request.productId = product->id;
    request.reservationHolder = holder;
    for (const QString& name : product->inventoryItemsList) {
        const auto items = workflow.availableItems(name, holder);
        if (!items || items->isEmpty()) {
            *error = QStringLiteral("no free inventory item %1").arg(name);
            return 0;
        }
        workflow.reserve(items->first().id, holder);
        request.items.insert(name, items->first().id);
    }
    const auto result = workflow.submit(request, Actor(QStringLiteral("bench-admin"), Role::Administrator));
    if (!result.ok()) {
        *error = result.error().text();
        return 0;
    }
    return result->jobId;
}

QString row(const QString& mode, int dialogs, const Outcome& o)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
        .arg(mode, -8)
        .arg(dialogs, 8)
        .arg(o.seconds, 8, 'f', 1)
        .arg(o.cpuSeconds, 12, 'f', 2)
        .arg(100.0 * o.cpuSeconds / o.seconds, 12, 'f', 1)
        .arg(o.reads / o.seconds, 10, 'f', 1)
        .arg(o.updates / o.seconds, 10, 'f', 1);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    auto option = [&](const char* name, const QString& fallback) {
        const int index = args.indexOf(QLatin1String(name));
        return index > 0 ? args.value(index + 1) : fallback;
    };
    const QString dbText = option("--db", {});
    const int dialogs = option("--dialogs", QStringLiteral("200")).toInt();
    const int seconds = option("--seconds", QStringLiteral("20")).toInt();
    const QString mode = option("--mode", QStringLiteral("both"));
    if (dbText.isEmpty() || dialogs < 1 || seconds < 1
        || !QStringList{QStringLiteral("both"), QStringLiteral("polling"), QStringLiteral("notify")}.contains(mode)) {
        err << "usage: bench_progress_polling --db postgresql://... [--dialogs 200] [--seconds 20]"
               " [--mode both|polling|notify]\n";
        return 2;
    }
    const auto url = DatabaseUrl::parse(dbText);
    if (!url) {
        err << url.error().text() << '\n';
        return 1;
    }
    if (url->isSqlite()) {
        err << "PostgreSQL only: the server's CPU is what is measured\n";
        return 2;
    }
    Database db(*url);
    qint64 jobId = 0;
    qint64 taskId = 0;
    qint64 postmaster = 0;
    try {
        QString error;
        jobId = queueJob(db, &error);
        if (!jobId) {
            err << "could not queue a job: " << error << '\n';
            return 1;
        }
        const QList<ProvisioningTask> tasks = JobRepository(db).tasks(jobId);
        if (tasks.isEmpty()) {
            err << "the job has no tasks\n";
            return 1;
        }
        taskId = tasks.first().id;
        Sql backend(db, QStringLiteral("SELECT pg_backend_pid()"));
        backend.exec();
        const qint64 backendPid = backend.next() ? backend.value(0).toLongLong() : 0;
        const QStringList fields = statFields(backendPid);
        postmaster = fields.size() > 1 ? fields.at(1).toLongLong() : 0;
    } catch (const StoreException& e) {
        err << e.error().text() << ' ' << e.error().detail << '\n';
        return 1;
    }
    if (!postmaster) {
        err << "the server's processes are not visible in /proc: run the benchmark on the server's host\n";
        return 1;
    }
    out << "job " << jobId << " (" << JobRepository(db).tasks(jobId).size() << " tasks), postmaster pid "
        << postmaster << ", " << dialogs << " dialogs, " << seconds << " s per mode, " << QThread::idealThreadCount()
        << " cores" << Qt::endl;
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
               .arg(QStringLiteral("mode"), -8)
               .arg(QStringLiteral("dialogs"), 8)
               .arg(QStringLiteral("seconds"), 8)
               .arg(QStringLiteral("server CPU s"), 12)
               .arg(QStringLiteral("% of a core"), 12)
               .arg(QStringLiteral("reads/s"), 10)
               .arg(QStringLiteral("updates/s"), 10)
        << Qt::endl;
    for (const bool notify : {false, true}) {
        if ((notify && mode == QLatin1String("polling")) || (!notify && mode == QLatin1String("notify")))
            continue;
        const QString name = notify ? QStringLiteral("notify") : QStringLiteral("polling");
        const Outcome outcome = runMode(db, notify, dialogs, seconds, jobId, taskId, postmaster);
        if (!outcome.ok) {
            err << name << ": not every dialog connected within 2 minutes (max_connections?)\n";
            return 1;
        }
        out << row(name, dialogs, outcome) << Qt::endl;
    }
    return 0;
}
