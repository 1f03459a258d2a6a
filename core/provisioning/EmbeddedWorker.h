#pragma once

#include "ProvisioningRunner.h"

#include <QObject>
#include <QThread>

namespace sb {

// The provisioning engine on a thread of the GUI (or of switchboard-ctl worker): polls the queue every
// 0.2 s and runs jobs one after another.
class EmbeddedWorker : public QObject
{
    Q_OBJECT

public:
    EmbeddedWorker(Database& db, NetworkEndpoints endpoints, RunnerSettings settings = {}, QObject* parent = nullptr);
    ~EmbeddedWorker() override;

    void start();
    void stop(); // finishes the running task's job step, then returns
    QString workerId() const { return m_workerId; }

signals:
    void jobFinished(qint64 jobId);

private:
    class Loop;
    Database& m_db;
    NetworkEndpoints m_endpoints;
    RunnerSettings m_settings;
    QString m_workerId;
    QThread m_thread;
    Loop* m_loop = nullptr;
};

} // namespace sb
