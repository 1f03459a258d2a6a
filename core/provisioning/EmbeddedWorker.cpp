#include "EmbeddedWorker.h"

#include "store/InventoryRepository.h"
#include "workflows/ScheduledActionRunner.h"

#include <QHostInfo>
#include <QTimer>
#include <QUuid>

#include <atomic>

namespace sb {

class EmbeddedWorker::Loop : public QObject
{
public:
    Loop(EmbeddedWorker& owner, Database& db, NetworkEndpoints endpoints, RunnerSettings settings, QString workerId)
        : m_owner(owner), m_db(db), m_runner(db, std::move(endpoints), std::move(workerId), settings)
    {
        m_runner.setStopFlag(&m_stopping);
    }

    void begin()
    {
        m_timer = new QTimer;
        m_timer->setInterval(200);
        connect(m_timer, &QTimer::timeout, this, &Loop::poll);
        m_timer->start();
    }

    void poll()
    {
        try {
            if (++m_ticks % 150 == 1) // every 30 s: expired reservations go back to stock
                InventoryRepository(m_db).sweepExpired(Database::nowMs());
            if (m_ticks % 5 == 1) // every second: scheduled subscription actions that are due
                ScheduledActionRunner(m_db).runDue();
            while (!m_stopping.load()) {
                const auto jobId = m_runner.runNext();
                if (!jobId)
                    break;
                emit m_owner.jobFinished(*jobId);
            }
        } catch (const StoreException& e) {
            qWarning("provisioning worker: %s", qPrintable(e.error().detail));
        }
    }

    // Runs on the worker thread as it ends: its timer and connection belong to that thread.
    void finish()
    {
        delete m_timer;
        m_timer = nullptr;
        m_db.closeThreadConnection();
    }

    std::atomic<bool> m_stopping{false};

private:
    EmbeddedWorker& m_owner;
    Database& m_db;
    ProvisioningRunner m_runner;
    QTimer* m_timer = nullptr;
    int m_ticks = 0;
};

EmbeddedWorker::EmbeddedWorker(Database& db, NetworkEndpoints endpoints, RunnerSettings settings, QObject* parent)
    : QObject(parent), m_db(db), m_endpoints(std::move(endpoints)), m_settings(settings),
      m_workerId(QHostInfo::localHostName() + QLatin1Char('/') + QUuid::createUuid().toString(QUuid::Id128).left(8))
{
}

EmbeddedWorker::~EmbeddedWorker()
{
    stop();
}

void EmbeddedWorker::start()
{
    if (m_loop)
        return;
    m_loop = new Loop(*this, m_db, m_endpoints, m_settings, m_workerId);
    m_loop->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, m_loop, [loop = m_loop] { loop->begin(); });
    connect(&m_thread, &QThread::finished, m_loop, [loop = m_loop] { loop->finish(); }, Qt::DirectConnection);
    m_thread.setObjectName(QStringLiteral("provisioning-worker"));
    m_thread.start();
}

void EmbeddedWorker::stop()
{
    if (!m_loop)
        return;
    m_loop->m_stopping = true;
    m_thread.quit();
    m_thread.wait();
    delete m_loop;
    m_loop = nullptr;
}

} // namespace sb
