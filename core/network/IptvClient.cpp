#include "IptvClient.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace sb {

static ElementEndpoint named(ElementEndpoint endpoint)
{
    if (endpoint.element.isEmpty())
        endpoint.element = QStringLiteral("IPTV middleware");
    return endpoint;
}

IptvClient::IptvClient(ElementEndpoint endpoint) : m_exchange(named(std::move(endpoint))) {}

static HttpJsonClient::Headers keyHeader(const ElementEndpoint& endpoint)
{
    if (endpoint.provisioningKey.isEmpty())
        return {};
    return {{QByteArrayLiteral("X-Api-Key"), endpoint.provisioningKey.toUtf8()}};
}

Result<QJsonObject> IptvClient::activateDevice(const QString& deviceSerial, const QString& account,
                                               const QStringList& packages, QString* log)
{
    const QJsonDocument body(QJsonObject{{QStringLiteral("serial"), deviceSerial},
                                         {QStringLiteral("account"), account},
                                         {QStringLiteral("packages"), QJsonArray::fromStringList(packages)}});
    const QString what = QStringLiteral("POST /devices");
    const Result<ElementExchange::Reply> sent =
        m_exchange.send("POST", m_exchange.urlFor(QStringLiteral("/devices")), &body, log, keyHeader(endpoint()));
    if (!sent)
        return sent.error();
    const ElementExchange::Reply& reply = sent.value();
    if (reply.httpStatus != 200 && reply.httpStatus != 201)
        return replyError(reply, deviceSerial, what);
    if (!reply.json.isObject() || !reply.json.object().contains(QLatin1String("device_id")))
        return m_exchange.malformedReply(reply, what);
    return reply.json.object();
}

Result<std::optional<QJsonObject>> IptvClient::findDevice(const QString& deviceSerial, QString* log)
{
    const QString path = QStringLiteral("/devices/") + QString::fromLatin1(QUrl::toPercentEncoding(deviceSerial));
    const QString what = QStringLiteral("GET ") + path;
    const Result<ElementExchange::Reply> sent =
        m_exchange.send("GET", m_exchange.urlFor(path), nullptr, log, keyHeader(endpoint()));
    if (!sent)
        return sent.error();
    if (sent->httpStatus == 404)
        return std::optional<QJsonObject>();
    if (sent->httpStatus < 200 || sent->httpStatus > 299)
        return replyError(sent.value(), deviceSerial, what);
    if (!sent->json.isObject())
        return m_exchange.malformedReply(sent.value(), what);
    return std::optional<QJsonObject>(sent->json.object());
}

Status IptvClient::deactivateDevice(const QString& deviceSerial, QString* log)
{
    const QString path = QStringLiteral("/devices/") + QString::fromLatin1(QUrl::toPercentEncoding(deviceSerial));
    const QString what = QStringLiteral("DELETE ") + path;
    const Result<ElementExchange::Reply> sent =
        m_exchange.send("DELETE", m_exchange.urlFor(path), nullptr, log, keyHeader(endpoint()));
    if (!sent)
        return sent.error();
    if (sent->httpStatus < 200 || sent->httpStatus > 299)
        return replyError(sent.value(), deviceSerial, what);
    return Status::success();
}

Error IptvClient::replyError(const ElementExchange::Reply& reply, const QString& serial, const QString& what) const
{
    const QString reason = reply.json.object().value(QLatin1String("error")).toString();
    const QString detail = m_exchange.replyDetail(reply, what);
    const auto message = [&](const char* source, const QStringList& args) {
        return Error{UserMessage("NetworkError", source, args), detail};
    };
    switch (reply.httpStatus) {
    case 401:
    case 403:
        return message(QT_TRANSLATE_NOOP("NetworkError", "The IPTV middleware refused the API key. Check the IPTV "
                                                         "middleware key in Settings."),
                       {});
    case 400:
        return message(QT_TRANSLATE_NOOP("NetworkError", "The IPTV middleware rejected the request for device %1: "
                                                         "%2. Check the device serial and the channel packages of "
                                                         "the plan."),
                       {serial, reason.isEmpty() ? QString::fromUtf8(reply.body.left(200)) : reason});
    case 404:
        if (what.startsWith(QLatin1String("DELETE"))) {
            return message(QT_TRANSLATE_NOOP("NetworkError", "The IPTV middleware has no device with serial %1. "
                                                             "Check the serial; the device may have been "
                                                             "deactivated already."),
                           {serial});
        }
        break;
    case 409:
        return message(QT_TRANSLATE_NOOP("NetworkError", "Device %1 is already active on another account in the IPTV "
                                                         "middleware. Check the serial, or deactivate the device "
                                                         "there first."),
                       {serial});
    default:
        break;
    }
    return m_exchange.httpError(reply, what);
}

} // namespace sb
