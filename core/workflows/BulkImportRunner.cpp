#include "BulkImportRunner.h"

#include "BulkImportWorkflow.h"

#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <atomic>

namespace sb {

// Lives on the runner's thread: a timer that steps the import, and the hand-over of each outcome to the runner's
// own thread.
class BulkImportRunner::Stepper : public QObject
{
public:
    Stepper(BulkImportRunner* runner, Database& db, Actor actor, qint64 importId, bool resumeFirst,
            std::shared_ptr<std::atomic<bool>> cancelRequested)
        : m_runner(runner), m_db(db), m_actor(std::move(actor)), m_importId(importId), m_resumeFirst(resumeFirst),
          m_cancelRequested(std::move(cancelRequested))
    {
    }

    void begin(int intervalMs)
    {
        m_timer = new QTimer(this);
        m_timer->setInterval(intervalMs);
        connect(m_timer, &QTimer::timeout, this, &Stepper::tick);
        m_timer->start();
        tick();
    }

private:
    void tick()
    {
        BulkImportWorkflow workflow(m_db);
        if (m_resumeFirst) {
            m_resumeFirst = false;
            const auto info = workflow.import(m_importId);
            if (info && info->status == BulkStatus::cancelled)
                workflow.resume(m_importId, m_actor);
        }
        if (m_cancelRequested->exchange(false)) {
            if (const Status cancelled = workflow.cancel(m_importId, m_actor); !cancelled)
                post([runner = m_runner, e = cancelled.error] { emit runner->failed(e); });
        }
        const Result<BulkImportProgress> progress = workflow.step(m_importId, m_actor);
        if (!progress) {
            post([runner = m_runner, e = progress.error()] { emit runner->failed(e); });
            return;
        }
        const BulkImportProgress p = *progress;
        post([runner = m_runner, p] { emit runner->progressChanged(p); });
        if (p.isSettled()) {
            m_timer->stop();
            post([runner = m_runner, p] { emit runner->settled(p); });
            QThread::currentThread()->quit();
        }
    }

    template <typename F>
    void post(F&& f)
    {
        QMetaObject::invokeMethod(m_runner, std::forward<F>(f), Qt::QueuedConnection);
    }

    BulkImportRunner* m_runner;
    Database& m_db;
    Actor m_actor;
    qint64 m_importId;
    bool m_resumeFirst;
    std::shared_ptr<std::atomic<bool>> m_cancelRequested;
    QTimer* m_timer = nullptr;
};

BulkImportRunner::BulkImportRunner(Database& db, Actor actor, QObject* parent)
    : QObject(parent), m_db(db), m_actor(std::move(actor))
{
}

BulkImportRunner::~BulkImportRunner()
{
    stop();
}

void BulkImportRunner::start(qint64 importId, int intervalMs)
{
    launch(importId, intervalMs, true);
}

void BulkImportRunner::launch(qint64 importId, int intervalMs, bool resumeFirst)
{
    stop();
    m_importId = importId;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("bulk-import-%1").arg(importId));
    m_stepper = new Stepper(this, m_db, m_actor, importId, resumeFirst, m_cancelRequested);
    m_stepper->moveToThread(m_thread);
    Stepper* stepper = m_stepper;
    Database* db = &m_db;
    connect(m_thread, &QThread::started, stepper, [stepper, intervalMs] { stepper->begin(intervalMs); });
    // On the runner's thread as it ends: its objects and its connection go with it.
    connect(m_thread, &QThread::finished, m_thread, [stepper, db] {
        delete stepper;
        db->closeThreadConnection();
    }, Qt::DirectConnection);
    m_thread->start();
}

void BulkImportRunner::cancel()
{
    if (m_importId == 0)
        return;
    *m_cancelRequested = true;
    if (!isActive())
        launch(m_importId, 500, false);
}

void BulkImportRunner::stop()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait(); // at most the step in progress
    delete m_thread;
    m_thread = nullptr;
    m_stepper = nullptr;
}

bool BulkImportRunner::isActive() const
{
    return m_thread && m_thread->isRunning();
}

Result<BulkImportProgress> BulkImportRunner::runToEnd(qint64 importId,
                                                      const std::function<bool(const BulkImportProgress&)>& onProgress,
                                                      int sleepMs)
{
    m_importId = importId;
    BulkImportWorkflow workflow(m_db);
    for (;;) {
        const Result<BulkImportProgress> progress = workflow.step(importId, m_actor);
        if (!progress)
            return progress;
        emit progressChanged(*progress);
        if (onProgress && !onProgress(*progress))
            return progress;
        if (progress->isSettled()) {
            emit settled(*progress);
            return progress;
        }
        QEventLoop pause;
        QTimer::singleShot(sleepMs, &pause, &QEventLoop::quit);
        pause.exec();
    }
}

} // namespace sb
