#include "WorkerPool.h"

#include "store/InventoryRepository.h"
#include "store/JobRepository.h"

#include <QDeadlineTimer>
#include <QHostInfo>
#include <QThread>
#include <QUuid>

namespace sb {
namespace {

constexpr int idlePollMs = 200;
constexpr qint64 sweepIntervalMs = 30 * 1000;

} // namespace

WorkerPool::WorkerPool(Database& db, NetworkEndpoints endpoints, RunnerSettings settings, int concurrency,
                       QString workerId)
    : m_db(db), m_endpoints(std::move(endpoints)), m_settings(settings), m_concurrency(qMax(1, concurrency)),
      m_workerId(std::move(workerId))
{
    if (m_workerId.isEmpty())
        m_workerId = QHostInfo::localHostName() + QLatin1Char('/') +
                     QUuid::createUuid().toString(QUuid::Id128).left(8);
}

WorkerPool::~WorkerPool()
{
    stop();
}

void WorkerPool::start()
{
    if (!m_threads.empty())
        return;
    m_stopping = false;
    for (int i = 0; i < m_concurrency; ++i) {
        auto slot = std::make_unique<Slot>();
        slot->owner = m_concurrency == 1 ? m_workerId : m_workerId + QLatin1Char('#') + QString::number(i + 1);
        Slot* raw = slot.get();
        m_slots.push_back(std::move(slot));
        QThread* thread = QThread::create([this, raw, i] { runSlot(*raw, i); });
        thread->setObjectName(QStringLiteral("provisioning-%1").arg(i + 1));
        m_threads.push_back(thread);
    }
    m_activeSlots = m_concurrency;
    QThread* beat = QThread::create([this] { heartbeat(); });
    beat->setObjectName(QStringLiteral("provisioning-heartbeat"));
    m_threads.push_back(beat);
    for (QThread* thread : m_threads)
        thread->start();
}

void WorkerPool::requestStop()
{
    m_stopping = true;
    for (const auto& slot : m_slots) {
        QMutexLocker lock(&slot->mutex);
        slot->halt = true;
    }
    QMutexLocker lock(&m_sleepMutex);
    m_wake.wakeAll();
}

void WorkerPool::wait()
{
    for (QThread* thread : m_threads) {
        thread->wait();
        delete thread;
    }
    m_threads.clear();
    m_slots.clear();
}

bool WorkerPool::sleepUnlessStopping(int ms)
{
    QMutexLocker lock(&m_sleepMutex);
    if (m_stopping)
        return false;
    m_wake.wait(&m_sleepMutex, QDeadlineTimer(ms));
    return !m_stopping;
}

void WorkerPool::runSlot(Slot& slot, int index)
{
    ProvisioningRunner runner(m_db, m_endpoints, slot.owner, m_settings);
    runner.setStopFlag(&slot.halt);
    qint64 nextSweepMs = 0;
    while (!m_stopping) {
        try {
            const qint64 now = Database::nowMs();
            if (index == 0 && now >= nextSweepMs) { // expired reservations go back to stock
                InventoryRepository(m_db).sweepExpired(now);
                nextSweepMs = now + sweepIntervalMs;
            }
            const auto claimed = JobRepository(m_db).claimNext(slot.owner, m_settings.leaseMs,
                                                               m_settings.jobTimeoutMs, now);
            if (!claimed) {
                sleepUnlessStopping(idlePollMs);
                continue;
            }
            {
                QMutexLocker lock(&slot.mutex);
                slot.jobId = *claimed;
                slot.halt = m_stopping.load();
            }
            const JobStatus status = runner.runClaimed(*claimed);
            {
                QMutexLocker lock(&slot.mutex);
                slot.jobId = 0;
            }
            if (status == JobStatus::Succeeded || status == JobStatus::Failed)
                ++m_jobsFinished;
        } catch (const StoreException& e) {
            {
                QMutexLocker lock(&slot.mutex);
                slot.jobId = 0;
            }
            qWarning("provisioning worker %s: %s", qPrintable(slot.owner), qPrintable(e.error().detail));
            sleepUnlessStopping(1000); // the lease of an interrupted job expires; a worker takes it over
        }
    }
    m_db.closeThreadConnection();
    --m_activeSlots;
    QMutexLocker lock(&m_sleepMutex);
    m_wake.wakeAll();
}

void WorkerPool::heartbeat()
{
    const int intervalMs = static_cast<int>(qMax<qint64>(50, m_settings.leaseMs / 3));
    QDeadlineTimer next(intervalMs);
    // Runs until the last slot has ended: jobs finishing their current task after stop() still need a lease.
    while (m_activeSlots.load() > 0) {
        {
            QMutexLocker lock(&m_sleepMutex);
            if (m_activeSlots.load() > 0 && !next.hasExpired())
                m_wake.wait(&m_sleepMutex, next);
        }
        if (!next.hasExpired())
            continue;
        next = QDeadlineTimer(intervalMs);
        for (const auto& slot : m_slots) {
            qint64 jobId = 0;
            {
                QMutexLocker lock(&slot->mutex);
                jobId = slot->jobId;
            }
            if (jobId == 0)
                continue;
            bool held = true;
            try {
                held = JobRepository(m_db).renewLease(jobId, slot->owner, Database::nowMs() + m_settings.leaseMs);
            } catch (const StoreException& e) {
                qWarning("provisioning heartbeat: %s", qPrintable(e.error().detail));
                continue; // try again on the next beat; the runner's own renewal decides before each task
            }
            if (held)
                continue;
            QMutexLocker lock(&slot->mutex);
            if (slot->jobId == jobId) {
                slot->halt = true;
                ++m_leasesLost;
                qWarning("provisioning worker %s lost the lease of job %lld; it stops before the next task",
                         qPrintable(slot->owner), static_cast<long long>(jobId));
            }
        }
    }
    m_db.closeThreadConnection();
}

} // namespace sb
