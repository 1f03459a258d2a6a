#pragma once

#include "Database.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace sb {

// Hears PostgreSQL's NOTIFY on the channel JobRepository announces every job and task transition on, on a
// connection and a thread of its own, and emits jobChanged(job id) on the thread that owns the listener.
// Views poll at once when their job changed; their 0.2 s poll stays as the fallback (SQLite has no NOTIFY, and
// a notification can be lost while the listener reconnects).
class JobChangeListener : public QObject
{
    Q_OBJECT

public:
    explicit JobChangeListener(Database& db, QObject* parent = nullptr);
    ~JobChangeListener() override;

    void start();
    void stop();
    bool isListening() const { return m_listening.load(); }

signals:
    void jobChanged(qint64 jobId);
    void listening(); // subscribed (again): anything may have changed meanwhile

private:
    class Session;
    Database& m_db;
    QThread m_thread;
    Session* m_session = nullptr;
    std::atomic<bool> m_listening{false};
};

} // namespace sb
