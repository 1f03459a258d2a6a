#include "Backend.h"

#include "network/SimulatorThread.h"
#include "provisioning/EmbeddedWorker.h"
#include "store/DemoSeeder.h"
#include "store/JobChangeListener.h"
#include "store/Migrations.h"
#include "workflows/DemoDataWorkflow.h"
#include "workflows/StaffWorkflow.h"

#include <QCoreApplication>
#include <QDir>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QStandardPaths>
#include <QtConcurrent>

namespace sb {

Backend::Backend(BackendOptions options, QObject* parent) : QObject(parent), m_options(std::move(options))
{
    m_pool.setMaxThreadCount(4);
    m_pool.setExpiryTimeout(-1);
    if (m_options.staffLogin.isEmpty())
        m_options.staffLogin = localLogin();
}

Backend::~Backend()
{
    stop();
}

QString Backend::defaultDatabaseUrl()
{
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return QStringLiteral("sqlite://") + QDir(directory).absoluteFilePath(QStringLiteral("switchboard.db"));
}

QString Backend::localLogin()
{
    return qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", QStringLiteral("local")));
}

void Backend::setSession(const Actor& actor)
{
    m_session = actor;
    emit sessionChanged();
}

Status Backend::prepareDatabase()
{
    const QString text = m_options.databaseUrl.isEmpty() ? defaultDatabaseUrl() : m_options.databaseUrl;
    const Result<DatabaseUrl> url = DatabaseUrl::parse(text);
    if (!url)
        return Status(url.error());
    m_database = std::make_unique<Database>(*url);
    if (Status opened = m_database->open(); !opened)
        return opened;
    if (Status migrated = Migrations::migrate(*m_database); !migrated)
        return migrated;
    // The embedded single-desktop default signs the local user in; a shared database asks who is there.
    if (m_database->url().isSqlite() && m_options.signInLocalUser) {
        const Result<Actor> local = StaffWorkflow(*m_database).signInLocalUser(m_options.staffLogin);
        if (!local)
            return Status(local.error());
        m_session = *local;
    }
    // Only an administrator fills an empty database with the demo operator (on PostgreSQL: seed-demo).
    if (m_options.seedDemoIfEmpty && m_session.can(Permission::SeedDemoData)) {
        const Result<bool> empty = guarded([&] { return DemoSeeder(*m_database).isEmpty(); });
        if (!empty)
            return Status(empty.error());
        if (*empty)
            if (Status seeded = DemoDataWorkflow(*m_database).seed(m_session, DemoSize{}); !seeded)
                return seeded;
    }
    return Status::success();
}

Status Backend::startServices()
{
    m_endpoints = m_options.endpoints;
    const QString dataDirectory = m_database->url().isSqlite()
                                      ? QFileInfo(m_database->url().path).absolutePath()
                                      : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    const bool needsSimulator = !m_endpoints.hasOcs() || !m_endpoints.hasHss() || !m_endpoints.hasIptv();
    if (needsSimulator) {
        m_simulator = std::make_unique<SimulatorThread>();
        // Like the real elements, the simulated ones keep what was provisioned on them across restarts.
        // One state per database: a fresh database starts with empty elements, as a new installation would.
        const DatabaseUrl& url = m_database->url();
        const QString stateName =
            url.isSqlite() ? QFileInfo(url.path).completeBaseName() + QStringLiteral("-simulator.json")
                           : QStringLiteral("simulator-%1.json")
                                 .arg(QString::fromLatin1(QCryptographicHash::hash(url.toDisplayString().toUtf8(),
                                                                                   QCryptographicHash::Sha256)
                                                              .toHex()
                                                              .left(16)));
        m_simulator->setStateFile(dataDirectory + QLatin1Char('/') + stateName);
        if (!m_simulator->start())
            return Status(Error{UserMessage("Backend", QT_TRANSLATE_NOOP("Backend", "The built-in network-element simulator could not start. Check that loopback networking is available.")),
                                {}});
        const NetworkEndpoints simulated = NetworkEndpoints::forSimulator(m_simulator->baseUrl());
        if (!m_endpoints.hasOcs())
            m_endpoints.ocs = simulated.ocs;
        if (!m_endpoints.hasHss())
            m_endpoints.hss = simulated.hss;
        if (!m_endpoints.hasIptv())
            m_endpoints.iptv = simulated.iptv;
    }
    if (m_endpoints.outboxDir.isEmpty())
        m_endpoints.outboxDir = dataDirectory + QStringLiteral("/outbox");
    if (m_endpoints.standinDir.isEmpty())
        m_endpoints.standinDir = dataDirectory + QStringLiteral("/elements");
    if (m_options.startEmbeddedWorker) {
        m_worker = std::make_unique<EmbeddedWorker>(*m_database, m_endpoints, m_options.runner);
        connect(m_worker.get(), &EmbeddedWorker::jobFinished, this, &Backend::jobFinished);
        m_worker->start();
    }
    m_started = true;
    return {};
}

JobChangeListener* Backend::jobChanges()
{
    if (!m_jobChanges && m_started && m_database && !m_database->url().isSqlite()) {
        m_jobChanges = std::make_unique<JobChangeListener>(*m_database);
        m_jobChanges->start();
    }
    return m_jobChanges.get();
}

QFuture<Status> Backend::startAsync()
{
    return QtConcurrent::run(&m_pool, [this] { return prepareDatabase(); }).then(this, [this](Status prepared) {
        return prepared ? startServices() : prepared;
    });
}

Status Backend::startBlocking()
{
    Status prepared = prepareDatabase();
    if (!prepared)
        return prepared;
    return startServices();
}

void Backend::stop()
{
    m_jobChanges.reset();
    if (m_worker)
        m_worker->stop();
    m_worker.reset();
    if (m_simulator)
        m_simulator->stop();
    m_simulator.reset();
    m_pool.waitForDone();
    m_started = false;
}

} // namespace sb
