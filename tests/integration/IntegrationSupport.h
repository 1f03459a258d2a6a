#pragma once

#include "core/TestDatabase.h"

#include "security/Actor.h"
#include "store/CatalogRepository.h"
#include "workflows/AssignPlanWorkflow.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

// Real processes for the integration tests: the network-element simulator (switchboard-ctl nesim), workers
// (switchboard-worker) configured through a settings file of their own, and jobs queued through the real workflow.
namespace integration {

inline QByteArray httpCall(const QByteArray& verb, const QUrl& url, const QJsonObject& body = {})
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply =
        manager.sendCustomRequest(request, verb, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray answer = reply->isFinished() ? reply->readAll() : QByteArray();
    reply->deleteLater();
    return answer;
}

// switchboard-ctl nesim on a free loopback port, with every element answer delayed by latencyMs.
class SimulatorProcess
{
public:
    ~SimulatorProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool start(int latencyMs)
    {
        m_process.start(QStringLiteral(SWITCHBOARD_CTL),
                        {QStringLiteral("nesim"), QStringLiteral("--port"), QStringLiteral("0")});
        if (!m_process.waitForStarted(10000))
            return false;
        QByteArray output;
        const QRegularExpression pattern(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+)"));
        for (int i = 0; i < 100 && !pattern.match(QString::fromUtf8(output)).hasMatch(); ++i) {
            m_process.waitForReadyRead(100);
            output += m_process.readAllStandardOutput();
        }
        const QRegularExpressionMatch match = pattern.match(QString::fromUtf8(output));
        if (!match.hasMatch())
            return false;
        m_base = QUrl(match.captured(1));
        httpCall("POST", url(QStringLiteral("/_sim/latency")), {{QStringLiteral("ms"), latencyMs}});
        return state().value(QLatin1String("latencyMs")).toInt() == latencyMs;
    }

    QUrl url(const QString& path) const
    {
        QUrl u = m_base;
        u.setPath(path);
        return u;
    }
    QJsonObject state() const
    {
        return QJsonDocument::fromJson(httpCall("GET", url(QStringLiteral("/_sim/state")))).object();
    }
    int requestCount(const QString& key) const
    {
        return state().value(QLatin1String("requests")).toObject().value(key).toInt();
    }

    // A settings file that points switchboard-worker at this simulator: XDG_CONFIG_HOME/Switchboard/Switchboard.conf.
    bool writeSettings(const QString& configHome) const
    {
        QDir().mkpath(configHome + QStringLiteral("/Switchboard"));
        QFile file(configHome + QStringLiteral("/Switchboard/Switchboard.conf"));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write(QStringLiteral("[network]\nocs_url=%1\nhss_url=%2\niptv_url=%3\n")
                       .arg(url(QStringLiteral("/jsonrpc")).toString(), url(QStringLiteral("/")).toString(),
                            url(QStringLiteral("/iptv")).toString())
                       .toUtf8());
        return true;
    }

private:
    QProcess m_process;
    QUrl m_base;
};

// The environment of a worker process: its settings and data (mail outbox, stand-in records) in the test's folder,
// shared by every worker of the test so that a job taken over sees what the crashed worker wrote.
inline QProcessEnvironment workerEnvironment(const QTemporaryDir& dir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    return env;
}

inline QStringList workerArguments(const QString& url, int concurrency, int leaseMs)
{
    return {QStringLiteral("--db"), url, QStringLiteral("--concurrency"), QString::number(concurrency),
            QStringLiteral("--lease-ms"), QString::number(leaseMs)};
}

// Queues up to count provisioning jobs over mobile, internet, IPTV and VoIP plans for the demo customer 1, each
// with its inventory picked and reserved as the assign dialog does. Returns the job ids.
inline QList<qint64> queueJobs(sb::Database& db, int count)
{
    const QStringList slugs{QStringLiteral("mobile-20gb"), QStringLiteral("fiber-500"),
                            QStringLiteral("iptv-essentials"), QStringLiteral("voip-home")};
    sb::AssignPlanWorkflow workflow(db);
    const sb::Actor clerk(QStringLiteral("integration"), sb::Role::Administrator);
    QList<qint64> jobs;
    for (int attempt = 0; attempt < count * 3 && jobs.size() < count; ++attempt) {
        const QString slug = slugs.at(attempt % slugs.size());
        const auto product = sb::guarded([&] { return sb::CatalogRepository(db).bySlug(slug); });
        if (!product || !product.value())
            continue;
        const QString holder = QStringLiteral("queue-%1").arg(attempt);
        sb::AssignRequest request;
        request.customerId = 1;
        request.productId = product.value()->id;
        request.reservationHolder = holder;
        bool picked = true;
        for (const QString& templateName : product.value()->inventoryItemsList) {
            const auto items = workflow.availableItems(templateName, holder);
            if (!items || items->isEmpty() || !workflow.reserve(items->first().id, holder)) {
                picked = false;
                break;
            }
            request.items.insert(templateName, items->first().id);
        }
        if (!picked) {
            workflow.releaseAll(holder);
            continue;
        }
        const auto submitted = workflow.submit(request, clerk);
        if (submitted)
            jobs << submitted->jobId;
        else
            qWarning("queueJobs %s: %s", qPrintable(slug), qPrintable(submitted.error().text()));
    }
    return jobs;
}

// Waits (bounded) until no job is queued or running. Returns false on timeout.
inline bool waitForIdle(sb::Database& db, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        const auto open = sb::guarded([&] {
            sb::Sql q(db, QStringLiteral("SELECT COUNT(*) FROM provisioning_jobs"
                                         " WHERE status IN ('queued', 'running')"));
            q.exec();
            return q.next() ? q.value(0).toInt() : -1;
        });
        if (open && open.value() == 0)
            return true;
        QThread::msleep(100);
    }
    return false;
}

inline int scalar(sb::Database& db, const QString& sql)
{
    const auto value = sb::guarded([&] {
        sb::Sql q(db, sql);
        q.exec();
        return q.next() ? q.value(0).toInt() : -1;
    });
    return value ? value.value() : -1;
}

} // namespace integration
