#include "SimulatorThread.h"

#include "NetworkSimulator.h"

#include <QThread>

namespace sb {

SimulatorThread::SimulatorThread(QObject* parent) : QObject(parent) {}

SimulatorThread::~SimulatorThread()
{
    stop();
}

bool SimulatorThread::start(quint16 port)
{
    stop();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("NetworkSimulator"));
    m_simulator = new NetworkSimulator;
    m_simulator->moveToThread(m_thread);
    // The simulator is deleted in its own thread, right after the thread's event loop ends.
    connect(m_thread, &QThread::finished, m_simulator, &QObject::deleteLater);
    m_thread->start();

    bool listening = false;
    NetworkSimulator* simulator = m_simulator;
    const std::optional<QSslConfiguration> tls = m_serverTls;
    const QString stateFile = m_stateFile;
    QMetaObject::invokeMethod(
        simulator,
        [simulator, port, &listening, &tls, &stateFile] {
            if (tls)
                simulator->setServerTls(*tls);
            simulator->setStateFile(stateFile);
            listening = simulator->listen(port);
        },
        Qt::BlockingQueuedConnection);
    if (!listening) {
        stop();
        return false;
    }
    m_baseUrl = m_simulator->baseUrl();
    return true;
}

void SimulatorThread::stop()
{
    if (!m_thread)
        return;
    m_thread->quit(); // the simulator saves its state file as it is deleted
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_simulator = nullptr;
    m_baseUrl.clear();
}

} // namespace sb
