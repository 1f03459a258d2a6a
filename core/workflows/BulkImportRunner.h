#pragma once

// API note for the GUI (import dialog): names here are stable; additions only.

#include "BulkImport.h"
#include "security/Actor.h"
#include "store/Database.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QThread;
class QTimer;

namespace sb {

// Drives a bulk import: calls BulkImportWorkflow::step on a timer until the import is settled (finished, or
// cancelled with no job in flight). For the GUI, start() runs the steps on the runner's own thread (and so its
// own connection) and reports through signals, which arrive on the thread that owns the runner. For the CLI,
// runToEnd() loops on the calling thread.
class BulkImportRunner : public QObject
{
    Q_OBJECT
public:
    BulkImportRunner(Database& db, Actor actor, QObject* parent = nullptr);
    ~BulkImportRunner() override; // stops the thread; the import stays as it is and resumes later

    // Starts stepping importId on the runner's thread (resumes it when it is cancelled). One import at a time.
    void start(qint64 importId, int intervalMs = 500);
    // Cancels the import (BulkImportWorkflow::cancel) and goes on reporting until its queued jobs have ended.
    void cancel();
    // Stops stepping without changing the import (the application closes; the import resumes next time).
    void stop();
    bool isActive() const;
    qint64 importId() const { return m_importId; }

    // The CLI: steps importId on the calling thread until it is settled. onProgress is called after each step;
    // returning false stops the loop (the import stays running). sleepMs between steps.
    Result<BulkImportProgress> runToEnd(qint64 importId, const std::function<bool(const BulkImportProgress&)>& onProgress,
                                        int sleepMs = 200);

signals:
    void progressChanged(const sb::BulkImportProgress& progress);
    void settled(const sb::BulkImportProgress& progress); // finished, or cancelled and every queued job ended
    void failed(const sb::Error& error);                  // a step failed (database error); stepping goes on

private:
    class Stepper;
    void launch(qint64 importId, int intervalMs, bool resumeFirst);
    Database& m_db;
    Actor m_actor;
    qint64 m_importId = 0;
    QThread* m_thread = nullptr;
    Stepper* m_stepper = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancelRequested = std::make_shared<std::atomic<bool>>(false);
};

} // namespace sb

Q_DECLARE_METATYPE(sb::Error)
