#include "HttpJsonClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>

namespace sb {

void HttpJsonClient::ManagerDeleter::operator()(QNetworkAccessManager* manager) const
{
    if (manager->thread() == QThread::currentThread())
        delete manager;
    else
        manager->deleteLater(); // runs when its thread processes events or finishes
}

HttpJsonClient::HttpJsonClient(int timeoutMs) : m_timeoutMs(timeoutMs) {}
HttpJsonClient::~HttpJsonClient() = default;
HttpJsonClient::HttpJsonClient(HttpJsonClient&&) noexcept = default;
HttpJsonClient& HttpJsonClient::operator=(HttpJsonClient&&) noexcept = default;

void HttpJsonClient::setSslConfiguration(const QSslConfiguration& configuration)
{
    m_sslConfiguration = configuration;
    m_hasSslConfiguration = true;
}

static HttpJsonClient::Response::Failure failureOf(QNetworkReply::NetworkError error)
{
    using Failure = HttpJsonClient::Response::Failure;
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
        return Failure::Refused;
    case QNetworkReply::TimeoutError:
        return Failure::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return Failure::Tls;
    case QNetworkReply::RemoteHostClosedError:
        return Failure::Dropped;
    default:
        return Failure::Other;
    }
}

// Errors below 200 are transport failures; from 200 on Qt describes an HTTP status the server did send.
static bool isTransportError(QNetworkReply::NetworkError error)
{
    return error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
}

HttpJsonClient::Response HttpJsonClient::send(const QByteArray& verb, const QUrl& url, const QJsonDocument* body,
                                              const Headers& headers)
{
    std::unique_ptr<QNetworkAccessManager> temporary;
    QNetworkAccessManager* manager = m_manager.get();
    if (!manager) {
        m_manager.reset(new QNetworkAccessManager);
        manager = m_manager.get();
    } else if (manager->thread() != QThread::currentThread()) {
        temporary = std::make_unique<QNetworkAccessManager>();
        manager = temporary.get();
    }

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    for (const auto& header : headers)
        request.setRawHeader(header.first, header.second);
    if (m_hasSslConfiguration)
        request.setSslConfiguration(m_sslConfiguration);
    const QByteArray payload = body ? body->toJson(QJsonDocument::Compact) : QByteArray();

    QElapsedTimer clock;
    clock.start();
    // Beware: when a connection closes before any byte of the answer, Qt 6.4 re-sends the request once on its own,
    // POST included. A Drop fault that hits once is therefore absorbed; retrying beyond that is the caller's call.
    std::unique_ptr<QNetworkReply> reply(manager->sendCustomRequest(request, verb, payload));

    bool timedOut = false;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QList<QSslError> sslErrors;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(reply.get(), &QNetworkReply::sslErrors, &loop,
                     [&sslErrors](const QList<QSslError>& errors) { sslErrors += errors; });
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    timer.start(m_timeoutMs);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    timer.stop();

    Response response;
    response.elapsedMs = clock.elapsed();
    const QNetworkReply::NetworkError error = reply->error();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (timedOut) {
        response.failure = Response::Failure::Timeout;
        response.errorText = QStringLiteral("no answer within %1 ms").arg(m_timeoutMs);
    } else if (isTransportError(error) || (error != QNetworkReply::NoError && !status.isValid())) {
        response.failure = failureOf(error);
        response.errorText = reply->errorString();
        response.sslErrors = sslErrors;
        // A server that refuses our client certificate says so with a TLS alert after the handshake (TLS 1.3), which
        // Qt reports as a read error carrying OpenSSL's text.
        if (!sslErrors.isEmpty() || response.errorText.contains(QLatin1String("SSL routines")))
            response.failure = Response::Failure::Tls;
    } else {
        response.httpStatus = status.toInt();
        response.body = reply->readAll();
    }
    return response;
}

QString HttpJsonClient::failureName(Response::Failure failure)
{
    switch (failure) {
    case Response::Failure::None:
        return QStringLiteral("none");
    case Response::Failure::Refused:
        return QStringLiteral("refused");
    case Response::Failure::Timeout:
        return QStringLiteral("timeout");
    case Response::Failure::Tls:
        return QStringLiteral("tls");
    case Response::Failure::Dropped:
        return QStringLiteral("dropped");
    case Response::Failure::Other:
        return QStringLiteral("other");
    }
    return {};
}

} // namespace sb
