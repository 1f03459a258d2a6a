#pragma once

#include "network/ElementEndpoint.h"
#include "provisioning/ProvisioningRunner.h"
#include "security/Actor.h"
#include "store/Database.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <memory>

namespace sb {

class EmbeddedWorker;
class JobChangeListener;
class SimulatorThread;

struct BackendOptions
{
    QString databaseUrl;             // empty: the embedded default file in the user's data directory
    bool seedDemoIfEmpty = true;     // a fresh embedded database gets the demo operator
    bool startEmbeddedWorker = true; // run provisioning on a thread of this process
    NetworkEndpoints endpoints;      // elements without an address are served by the built-in simulator
    RunnerSettings runner;
    QString staffLogin;              // empty: the local user (localLogin())
    bool signInLocalUser = true;     // on SQLite, sign staffLogin in automatically (created as administrator)
};

// Everything a front end needs, built from options: the database, the network-element simulator when no
// endpoint is configured, the embedded provisioning worker, and a thread pool for database calls that
// must stay off the GUI thread (its threads never expire, so their connections stay valid).
class Backend : public QObject
{
    Q_OBJECT

public:
    explicit Backend(BackendOptions options, QObject* parent = nullptr);
    ~Backend() override;

    static QString defaultDatabaseUrl();
    static QString localLogin(); // the operating-system user

    // Opens and migrates the database, seeds the demo data if it is empty, starts the simulator and the
    // worker. Runs on the pool; the GUI waits for the future with a QFutureWatcher.
    QFuture<Status> startAsync();
    Status startBlocking(); // for the CLI and tests
    void stop();

    Database& database() { return *m_database; }
    QThreadPool* pool() { return &m_pool; }
    const NetworkEndpoints& endpoints() const { return m_endpoints; }
    SimulatorThread* simulator() { return m_simulator.get(); }
    EmbeddedWorker* worker() { return m_worker.get(); }
    // PostgreSQL only (nullptr on SQLite): announces job and task changes so that views poll at once. Created
    // on first use, on the thread that owns the Backend.
    JobChangeListener* jobChanges();
    // The signed-in staff user whose actions the front end performs. On the embedded SQLite default the local
    // user is signed in while the backend starts; on PostgreSQL nobody is until setSession() (the login dialog,
    // the CLI's --user). Read and set on the thread that owns the Backend; pass copies to worker threads.
    const Actor& session() const { return m_session; }
    void setSession(const Actor& actor);
    QString staffLogin() const { return m_session.login(); }
    bool isStarted() const { return m_started; }

signals:
    void jobFinished(qint64 jobId);
    void sessionChanged();

private:
    Status prepareDatabase();
    Status startServices(); // simulator and worker; on the thread that owns the Backend

    BackendOptions m_options;
    std::unique_ptr<Database> m_database;
    QThreadPool m_pool;
    NetworkEndpoints m_endpoints;
    std::unique_ptr<SimulatorThread> m_simulator;
    std::unique_ptr<EmbeddedWorker> m_worker;
    std::unique_ptr<JobChangeListener> m_jobChanges;
    Actor m_session;
    bool m_started = false;
};

} // namespace sb
