#include "ElementExchange.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace sb {

ElementExchange::ElementExchange(ElementEndpoint endpoint)
    : m_endpoint(std::move(endpoint)), m_http(m_endpoint.timeoutMs > 0 ? m_endpoint.timeoutMs : 10000)
{
    if (m_endpoint.url.scheme() != QLatin1String("https"))
        return;
    const Result<QSslConfiguration> tls = m_endpoint.tls.clientConfiguration(m_endpoint.element);
    if (tls)
        m_http.setSslConfiguration(*tls);
    else
        m_tlsSetupError = tls.error();
}

QString ElementExchange::address() const
{
    return m_endpoint.url.toString(QUrl::RemoveUserInfo);
}

QUrl ElementExchange::urlFor(const QString& path) const
{
    QUrl url = m_endpoint.url;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path, QUrl::TolerantMode);
    return url;
}

Result<ElementExchange::Reply> ElementExchange::send(const QByteArray& verb, const QUrl& url, const QJsonDocument* body,
                                                     QString* log, const HttpJsonClient::Headers& headers)
{
    if (!m_endpoint.isSet()) {
        return Error{
            UserMessage("NetworkError",
                        QT_TRANSLATE_NOOP("NetworkError", "The address of the %1 is not set. Enter it in Settings."),
                        {m_endpoint.element}),
            QStringLiteral("%1: no URL configured").arg(m_endpoint.element)};
    }
    const QString shownUrl = url.toString(QUrl::RemoveUserInfo);
    if (log) {
        QString line = QStringLiteral("→ %1 %2").arg(QString::fromLatin1(verb), shownUrl);
        if (body)
            line += QLatin1Char(' ') + maskedForLog(body->toJson(QJsonDocument::Compact));
        *log += line + QLatin1Char('\n');
    }

    if (m_tlsSetupError) {
        if (log)
            *log += QStringLiteral("← not sent: %1\n").arg(m_tlsSetupError->detail);
        return *m_tlsSetupError;
    }
    const HttpJsonClient::Response response = m_http.send(verb, url, body, headers);
    if (!response.answered()) {
        if (log) {
            *log += QStringLiteral("← no answer (%1 after %2 ms): %3\n")
                        .arg(HttpJsonClient::failureName(response.failure))
                        .arg(response.elapsedMs)
                        .arg(response.errorText);
        }
        return transportError(response, QStringLiteral("%1 %2").arg(QString::fromLatin1(verb), shownUrl));
    }
    if (log)
        *log += QStringLiteral("← %1 %2\n").arg(response.httpStatus).arg(maskedForLog(response.body));

    Reply reply{response.httpStatus, response.body, {}};
    QJsonParseError parseError{};
    const QJsonDocument json = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        reply.json = json;
    return reply;
}

Error ElementExchange::transportError(const HttpJsonClient::Response& response, const QString& what) const
{
    using Failure = HttpJsonClient::Response::Failure;
    const QString detail =
        QStringLiteral("%1: %2 (%3)").arg(what, response.errorText, HttpJsonClient::failureName(response.failure));
    const QStringList args{m_endpoint.element, address()};
    switch (response.failure) {
    case Failure::Refused:
        return {UserMessage("NetworkError",
                            QT_TRANSLATE_NOOP("NetworkError", "Unable to connect to %1 at %2. Check that it is online "
                                                              "and that its address in Settings is right."),
                            args),
                detail};
    case Failure::Timeout:
        return {
            UserMessage("NetworkError",
                        QT_TRANSLATE_NOOP("NetworkError", "The %1 at %2 did not answer within %3 seconds. Check that "
                                                          "it is running and not overloaded, then retry."),
                        args + QStringList{QString::number(m_http.timeoutMs() / 1000.0, 'g', 3)}),
            detail};
    case Failure::Tls:
        if (const std::optional<Error> specific = tlsError(response, detail))
            return *specific;
        return {UserMessage("NetworkError",
                            QT_TRANSLATE_NOOP("NetworkError", "The secure connection to the %1 at %2 failed. Check its "
                                                              "certificate, the CA bundle set for it in Settings, and "
                                                              "whether the address should start with http or https."),
                            args),
                detail};
    case Failure::Dropped:
        return {UserMessage("NetworkError",
                            QT_TRANSLATE_NOOP("NetworkError", "The %1 at %2 closed the connection before answering. "
                                                              "Check its logs for a crash or restart, then retry."),
                            args),
                detail};
    case Failure::None:
    case Failure::Other:
        break;
    }
    return {UserMessage("NetworkError",
                        QT_TRANSLATE_NOOP("NetworkError", "The request to the %1 at %2 failed: %3. Check the network "
                                                          "connection and the address in Settings."),
                        args + QStringList{response.errorText}),
            detail};
}

std::optional<Error> ElementExchange::tlsError(const HttpJsonClient::Response& response, const QString& detail) const
{
    const QStringList args{m_endpoint.element, address()};
    const TlsProblem problem = classifyTlsFailure(response.sslErrors, response.errorText);
    const QString why = detail + QStringLiteral(" [") + tlsProblemName(problem) + QLatin1Char(']');
    switch (problem) {
    case TlsProblem::UntrustedCertificate:
        return Error{UserMessage("NetworkError",
                                 QT_TRANSLATE_NOOP("NetworkError",
                                                   "The %1 at %2 presented a certificate that is not signed by a "
                                                   "trusted CA. Set the CA bundle in Settings or check the server's "
                                                   "certificate."),
                                 args),
                     why};
    case TlsProblem::HostNameMismatch:
        return Error{UserMessage("NetworkError",
                                 QT_TRANSLATE_NOOP("NetworkError",
                                                   "The certificate of the %1 at %2 was issued for another host name. "
                                                   "Use the name in its certificate in the address in Settings, or "
                                                   "check the server's certificate."),
                                 args),
                     why};
    case TlsProblem::CertificateExpired:
        return Error{UserMessage("NetworkError",
                                 QT_TRANSLATE_NOOP("NetworkError",
                                                   "The certificate of the %1 at %2 has expired or is not valid yet. "
                                                   "Renew the server's certificate or check this computer's clock."),
                                 args),
                     why};
    case TlsProblem::ClientCertificateRejected:
        return Error{UserMessage("NetworkError",
                                 QT_TRANSLATE_NOOP("NetworkError",
                                                   "The %1 at %2 requires a client certificate and did not accept "
                                                   "ours. Set the client certificate and key for it in Settings, "
                                                   "signed by a CA the %1 trusts."),
                                 args),
                     why};
    case TlsProblem::None:
    case TlsProblem::Other:
        break;
    }
    return std::nullopt;
}

Error ElementExchange::httpError(const Reply& reply, const QString& what) const
{
    const QString detail = replyDetail(reply, what);
    const QStringList args{m_endpoint.element, address(), QString::number(reply.httpStatus)};
    if (reply.httpStatus >= 500) {
        return {UserMessage("NetworkError",
                            QT_TRANSLATE_NOOP("NetworkError", "The %1 at %2 reported an internal error (HTTP %3). "
                                                              "Check its logs, then retry."),
                            args),
                detail};
    }
    return {UserMessage("NetworkError",
                        QT_TRANSLATE_NOOP("NetworkError", "The %1 at %2 rejected the request (HTTP %3). Check that "
                                                          "its address in Settings points to the right service."),
                        args),
            detail};
}

Error ElementExchange::malformedReply(const Reply& reply, const QString& what) const
{
    return {UserMessage("NetworkError",
                        QT_TRANSLATE_NOOP("NetworkError", "The %1 at %2 sent a reply that could not be read. Check "
                                                          "that its address in Settings points to the %1 and not to "
                                                          "another service."),
                        {m_endpoint.element, address()}),
            replyDetail(reply, what + QStringLiteral(" (unreadable reply)"))};
}

QString ElementExchange::replyDetail(const Reply& reply, const QString& what) const
{
    const QByteArray body =
        reply.body.isEmpty() && !reply.json.isNull() ? reply.json.toJson(QJsonDocument::Compact) : reply.body;
    return QStringLiteral("%1 at %2: HTTP %3 %4")
        .arg(what, address(), QString::number(reply.httpStatus), maskedForLog(body).left(500));
}

bool ElementExchange::isSecretField(const QString& name)
{
    const QString key = name.toLower();
    if (key == QLatin1String("ki") || key == QLatin1String("op"))
        return true;
    static const char* const fragments[] = {"password", "passwd", "secret", "opc", "key", "token"};
    for (const char* fragment : fragments) {
        if (key.contains(QLatin1String(fragment)))
            return true;
    }
    return false;
}

// Replaces the values of secret-looking fields; *changed tells whether there were any.
static QJsonValue masked(const QJsonValue& value, bool* changed)
{
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue& item : value.toArray())
            array.append(masked(item, changed));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue field = it.value();
        if (ElementExchange::isSecretField(it.key()) && !field.isNull() && !field.isObject() && !field.isArray()) {
            it.value() = QStringLiteral("***");
            *changed = true;
        } else {
            it.value() = masked(field, changed);
        }
    }
    return object;
}

QString ElementExchange::maskedForLog(const QByteArray& body)
{
    constexpr int limit = 2000;
    QJsonParseError parseError{};
    const QJsonDocument json = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        QString text = QString::fromUtf8(body.left(limit)).simplified();
        if (body.size() > limit)
            text += QStringLiteral("… (%1 bytes)").arg(body.size());
        return text;
    }
    bool changed = false;
    const QJsonValue value = masked(json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object()), &changed);
    if (!changed && !body.contains('\n') && body.size() <= limit)
        return QString::fromUtf8(body); // as the element sent it, field order included
    const QJsonDocument out = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(out.toJson(QJsonDocument::Compact));
}

} // namespace sb
