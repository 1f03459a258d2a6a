#include "ElementServer.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QStandardPaths>
#include <QThread>

QString ElementServer::findProgram(const QString& name)
{
    const QString onPath = QStandardPaths::findExecutable(name);
    if (!onPath.isEmpty())
        return onPath;
    return QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"), QStringLiteral("/sbin")});
}

bool ElementServer::renderTemplate(const QString& relative, const QString& target, const QMap<QString, QString>& values)
{
    QFile source(QStringLiteral(SWITCHBOARD_SOURCE_DIR "/tests/elements/servers/") + relative);
    if (!source.open(QIODevice::ReadOnly))
        return false;
    QString text = QString::fromUtf8(source.readAll());
    for (auto it = values.begin(); it != values.end(); ++it)
        text.replace(QLatin1Char('@') + it.key() + QLatin1Char('@'), it.value());
    QFile out(target);
    return out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(text.toUtf8()) >= 0;
}

int ElementServer::runClient(const QString& program, const QStringList& arguments, const QByteArray& input,
                             QString* output, int timeoutMs)
{
    QProcess client;
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(program, arguments);
    if (!client.waitForStarted(5000)) {
        *output = client.errorString();
        return -1;
    }
    client.write(input);
    client.closeWriteChannel();
    if (!client.waitForFinished(timeoutMs)) {
        client.kill();
        client.waitForFinished(2000);
        *output = QString::fromUtf8(client.readAll()) + QStringLiteral("\n(timed out)");
        return -1;
    }
    *output = QString::fromUtf8(client.readAll());
    return client.exitStatus() == QProcess::NormalExit ? client.exitCode() : -1;
}

bool ElementServer::start(const QString& program, const QStringList& arguments, const QString& workingDirectory,
                          const std::function<bool(const QString&)>& ready, int timeoutMs)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setWorkingDirectory(workingDirectory);
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(5000))
        return false;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        m_process.waitForReadyRead(100);
        if (ready(output()))
            return true;
        if (m_process.state() == QProcess::NotRunning)
            return false;
    }
    return false;
}

void ElementServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // SIGTERM: the server stops its own worker processes
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QString ElementServer::output()
{
    m_output += QString::fromUtf8(m_process.readAll());
    return m_output;
}
