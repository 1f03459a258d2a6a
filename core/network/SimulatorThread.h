#pragma once

#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <optional>

class QThread;

namespace sb {

class NetworkSimulator;

// Runs a NetworkSimulator on a thread of its own, so that synchronous clients can block on the calling thread.
class SimulatorThread : public QObject
{
    Q_OBJECT

public:
    explicit SimulatorThread(QObject* parent = nullptr);
    ~SimulatorThread() override; // stops cleanly

    bool start(quint16 port = 0); // blocks until the simulator listens (or failed to); 0 = any free port
    // The next start() serves HTTPS with this configuration (TlsServerSettings::serverConfiguration).
    void setServerTls(const QSslConfiguration& configuration) { m_serverTls = configuration; }
    // The next start() loads the elements' state from this file and keeps it there (NetworkSimulator::setStateFile).
    void setStateFile(const QString& path) { m_stateFile = path; }
    void stop();
    bool isRunning() const { return m_simulator != nullptr; }

    QUrl baseUrl() const { return m_baseUrl; }
    // Valid until stop(). Its public methods (faults, state accessors) may be called from any thread.
    NetworkSimulator* simulator() const { return m_simulator; }

private:
    QThread* m_thread = nullptr;
    NetworkSimulator* m_simulator = nullptr;
    QUrl m_baseUrl;
    std::optional<QSslConfiguration> m_serverTls;
    QString m_stateFile;
};

} // namespace sb
