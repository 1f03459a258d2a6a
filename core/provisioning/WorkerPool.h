#pragma once

#include "ProvisioningRunner.h"

#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <atomic>
#include <memory>
#include <vector>

class QThread;

namespace sb {

// The engine of switchboard-worker: N threads, each with its own database connection, claim queued jobs (or
// jobs whose lease expired) and run them; a heartbeat thread renews the lease of every running job every
// lease/3. When a renewal finds the lease lost (another worker took the job over), that job's runner stops
// before its next task. stop() lets every running job finish its current task and hands the job back.
class WorkerPool
{
public:
    WorkerPool(Database& db, NetworkEndpoints endpoints, RunnerSettings settings, int concurrency,
               QString workerId = {});
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    void start();
    void requestStop(); // returns at once; safe from any thread (not from a signal handler)
    void wait();        // until every thread has ended
    void stop() { requestStop(), wait(); }

    QString workerId() const { return m_workerId; }
    int concurrency() const { return m_concurrency; }
    qint64 jobsFinished() const { return m_jobsFinished.load(); }
    qint64 leasesLost() const { return m_leasesLost.load(); }

private:
    struct Slot
    {
        QString owner;                 // the lease owner written on the job rows
        std::atomic<bool> halt{false}; // the runner hands its job back before the next task
        QMutex mutex;                  // guards jobId
        qint64 jobId = 0;
    };

    void runSlot(Slot& slot, int index);
    void heartbeat();
    bool sleepUnlessStopping(int ms);

    Database& m_db;
    NetworkEndpoints m_endpoints;
    RunnerSettings m_settings;
    int m_concurrency;
    QString m_workerId;
    std::vector<std::unique_ptr<Slot>> m_slots;
    std::vector<QThread*> m_threads;
    std::atomic<bool> m_stopping{false};
    std::atomic<qint64> m_jobsFinished{0};
    std::atomic<qint64> m_leasesLost{0};
    std::atomic<int> m_activeSlots{0};
    QMutex m_sleepMutex;
    QWaitCondition m_wake;
};

} // namespace sb
