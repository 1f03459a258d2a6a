#include "PyHssClient.h"

#include <QCoreApplication>

namespace sb {

static ElementEndpoint named(ElementEndpoint endpoint)
{
    if (endpoint.element.isEmpty())
        endpoint.element = QStringLiteral("HSS");
    return endpoint;
}

PyHssClient::PyHssClient(ElementEndpoint endpoint) : m_exchange(named(std::move(endpoint))) {}

Result<QJsonObject> PyHssClient::putAuc(const QJsonObject& auc, QString* log)
{
    Result<QJsonObject> result =
        exchange("PUT", QStringLiteral("/auc/"), &auc, Subject::Auc, auc.value(QLatin1String("imsi")).toString(), log);
    if (result && !result->contains(QLatin1String("auc_id")))
        return m_exchange.malformedReply({200, {}, QJsonDocument(result.value())}, QStringLiteral("PUT /auc/"));
    return result;
}

Result<QJsonObject> PyHssClient::putSubscriber(const QJsonObject& subscriber, QString* log)
{
    Result<QJsonObject> result = exchange("PUT", QStringLiteral("/subscriber/"), &subscriber, Subject::Subscriber,
                                          subscriber.value(QLatin1String("imsi")).toString(), log);
    if (result && !result->contains(QLatin1String("subscriber_id"))) {
        return m_exchange.malformedReply({200, {}, QJsonDocument(result.value())}, QStringLiteral("PUT /subscriber/"));
    }
    return result;
}

Result<QJsonObject> PyHssClient::patchSubscriber(qint64 subscriberId, const QJsonObject& changes, QString* log)
{
    return exchange("PATCH", QStringLiteral("/subscriber/%1").arg(subscriberId), &changes, Subject::Subscriber,
                    QString::number(subscriberId), log);
}

Result<QJsonObject> PyHssClient::getSubscriberByImsi(const QString& imsi, QString* log)
{
    const QString path = QStringLiteral("/subscriber/imsi/") + QString::fromLatin1(QUrl::toPercentEncoding(imsi));
    return exchange("GET", path, nullptr, Subject::Subscriber, imsi, log);
}

Result<QJsonObject> PyHssClient::getAucByImsi(const QString& imsi, QString* log)
{
    const QString path = QStringLiteral("/auc/imsi/") + QString::fromLatin1(QUrl::toPercentEncoding(imsi));
    return exchange("GET", path, nullptr, Subject::Auc, imsi, log);
}

Result<std::optional<QJsonObject>> PyHssClient::findSubscriberByImsi(const QString& imsi, QString* log)
{
    const QString path = QStringLiteral("/subscriber/imsi/") + QString::fromLatin1(QUrl::toPercentEncoding(imsi));
    HttpJsonClient::Headers headers;
    if (!endpoint().provisioningKey.isEmpty())
        headers.append({QByteArrayLiteral("Provisioning-Key"), endpoint().provisioningKey.toUtf8()});
    const Result<ElementExchange::Reply> sent = m_exchange.send("GET", m_exchange.urlFor(path), nullptr, log, headers);
    if (!sent)
        return sent.error();
    if (sent->httpStatus == 404)
        return std::optional<QJsonObject>();
    if (sent->httpStatus < 200 || sent->httpStatus > 299)
        return replyError(sent.value(), Subject::Subscriber, imsi, QStringLiteral("GET ") + path);
    if (!sent->json.isObject())
        return m_exchange.malformedReply(sent.value(), QStringLiteral("GET ") + path);
    return std::optional<QJsonObject>(sent->json.object());
}

Status PyHssClient::deleteSubscriber(qint64 subscriberId, QString* log)
{
    const Result<QJsonObject> result = exchange("DELETE", QStringLiteral("/subscriber/%1").arg(subscriberId), nullptr,
                                                Subject::Subscriber, QString::number(subscriberId), log);
    return result ? Status::success() : Status(result.error());
}

Status PyHssClient::deleteAuc(qint64 aucId, QString* log)
{
    const Result<QJsonObject> result =
        exchange("DELETE", QStringLiteral("/auc/%1").arg(aucId), nullptr, Subject::Auc, QString::number(aucId), log);
    return result ? Status::success() : Status(result.error());
}

Result<QJsonObject> PyHssClient::exchange(const QByteArray& verb, const QString& path, const QJsonObject* body,
                                          Subject subject, const QString& key, QString* log)
{
    HttpJsonClient::Headers headers;
    if (!endpoint().provisioningKey.isEmpty())
        headers.append({QByteArrayLiteral("Provisioning-Key"), endpoint().provisioningKey.toUtf8()});
    const QJsonDocument document = body ? QJsonDocument(*body) : QJsonDocument();
    const QString what = QString::fromLatin1(verb) + QLatin1Char(' ') + path;

    const Result<ElementExchange::Reply> sent =
        m_exchange.send(verb, m_exchange.urlFor(path), body ? &document : nullptr, log, headers);
    if (!sent)
        return sent.error();
    const ElementExchange::Reply& reply = sent.value();
    if (reply.httpStatus < 200 || reply.httpStatus > 299)
        return replyError(reply, subject, key, what);
    if (!reply.json.isObject())
        return m_exchange.malformedReply(reply, what);
    return reply.json.object();
}

Error PyHssClient::replyError(const ElementExchange::Reply& reply, Subject subject, const QString& key,
                              const QString& what) const
{
    const QJsonObject json = reply.json.object();
    const QString reason = json.value(QLatin1String("reason")).toString(json.value(QLatin1String("Result")).toString());
    const QString detail = m_exchange.replyDetail(reply, what);
    const auto message = [&](const char* source, const QStringList& args) {
        return Error{UserMessage("NetworkError", source, args), detail};
    };

    switch (reply.httpStatus) {
    case 401:
    case 403:
        return message(QT_TRANSLATE_NOOP("NetworkError", "The HSS refused the provisioning key. Check the HSS "
                                                         "provisioning key in Settings; it must match the one in the "
                                                         "PyHSS configuration."),
                       {});
    case 400:
        if (reason.contains(QLatin1String("integrity"), Qt::CaseInsensitive)) {
            if (subject == Subject::Auc) {
                return message(QT_TRANSLATE_NOOP("NetworkError", "The HSS already has authentication data (AuC) "
                                                                 "for IMSI %1 or for its ICCID. Check the SIM card, "
                                                                 "or remove the old AuC from the HSS first."),
                               {key});
            }
            return message(QT_TRANSLATE_NOOP("NetworkError", "The HSS already has a subscriber with IMSI %1, or its "
                                                             "AuC is already in use. Check the IMSI, or remove the "
                                                             "old subscriber from the HSS first."),
                           {key});
        }
        return message(QT_TRANSLATE_NOOP("NetworkError", "The HSS rejected %1: %2. Check the subscriber and SIM data "
                                                         "sent by this task."),
                       {what, reason.isEmpty() ? QString::fromUtf8(reply.body.left(200)) : reason});
    case 404:
        if (what.startsWith(QLatin1String("PUT")))
            return m_exchange.httpError(reply, what); // the address does not lead to PyHSS
        if (what.startsWith(QLatin1String("GET"))) {
            return message(QT_TRANSLATE_NOOP("NetworkError", "The HSS has no subscriber with IMSI %1. Check the "
                                                             "IMSI, or create the subscriber first."),
                           {key});
        }
        if (subject == Subject::Auc) {
            return message(QT_TRANSLATE_NOOP("NetworkError", "The HSS has no AuC with id %1. It may have been "
                                                             "removed already; check the HSS."),
                           {key});
        }
        return message(QT_TRANSLATE_NOOP("NetworkError", "The HSS has no subscriber with id %1. It may have been "
                                                         "removed already; check the HSS."),
                       {key});
    default:
        return m_exchange.httpError(reply, what);
    }
}

} // namespace sb
