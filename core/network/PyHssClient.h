#pragma once

#include "ElementExchange.h"

#include <QJsonObject>

#include <optional>

namespace sb {

// The HSS adapter: PyHSS REST. Sends the Provisioning-Key header when the endpoint has a key. Synchronous.
class PyHssClient
{
public:
    explicit PyHssClient(ElementEndpoint endpoint);

    const ElementEndpoint& endpoint() const { return m_exchange.endpoint(); }

    // PUT /auc/ {ki, opc, amf, imsi, iccid, …} → the stored AuC, with "auc_id".
    Result<QJsonObject> putAuc(const QJsonObject& auc, QString* log = nullptr);
    // PUT /subscriber/ {imsi, enabled, auc_id, default_apn, apn_list, msisdn, …} → with "subscriber_id".
    Result<QJsonObject> putSubscriber(const QJsonObject& subscriber, QString* log = nullptr);
    // PATCH /subscriber/{id} with the fields to change → the updated subscriber.
    Result<QJsonObject> patchSubscriber(qint64 subscriberId, const QJsonObject& changes, QString* log = nullptr);
    // GET /subscriber/imsi/{imsi}; an unknown IMSI is an Error.
    Result<QJsonObject> getSubscriberByImsi(const QString& imsi, QString* log = nullptr);
    // GET /auc/imsi/{imsi}: the AuC of an IMSI, also when no subscriber uses it yet.
    Result<QJsonObject> getAucByImsi(const QString& imsi, QString* log = nullptr);
    // GET /subscriber/imsi/{imsi} for Verify: nullopt when the HSS answers 404 (no such subscriber).
    Result<std::optional<QJsonObject>> findSubscriberByImsi(const QString& imsi, QString* log = nullptr);
    Status deleteSubscriber(qint64 subscriberId, QString* log = nullptr);
    Status deleteAuc(qint64 aucId, QString* log = nullptr);

private:
    enum class Subject { Auc, Subscriber };

    Result<QJsonObject> exchange(const QByteArray& verb, const QString& path, const QJsonObject* body, Subject subject,
                                 const QString& key, QString* log);
    Error replyError(const ElementExchange::Reply& reply, Subject subject, const QString& key,
                     const QString& what) const;

    ElementExchange m_exchange;
};

} // namespace sb
