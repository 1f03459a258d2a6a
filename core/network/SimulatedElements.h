#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QVector>

namespace sb {

// The in-memory state and request handlers of the simulated OCS (CGRateS JSON-RPC), HSS (PyHSS REST) and IPTV
// middleware. Knows nothing of sockets or threads: NetworkSimulator parses HTTP, injects faults and locks.
class SimulatedElements
{
public:
    struct Request
    {
        QByteArray verb;
        QString path; // without the query
        QByteArray body;
        QByteArray provisioningKey; // Provisioning-Key header (PyHSS)
        QByteArray apiKey;          // X-Api-Key header (IPTV)
    };
    struct Reply
    {
        int status = 200;
        QByteArray body;
    };

    static QString elementOf(const QString& path); // "ocs", "hss" or "iptv"
    // What requestCount() and fault rules know a request by: the JSON-RPC method for the OCS, else the route
    // pattern, e.g. "PUT /subscriber/" or "DELETE /subscriber/{id}".
    static QString requestKey(const Request& request);

    Reply handle(const Request& request);

    // Replies in each element's own style, also used for injected faults.
    static Reply rpcReply(const QJsonValue& id, const QJsonValue& result, const QString& error);
    static Reply elementError(const QString& element, int status, const QString& text);
    static QJsonValue rpcId(const QByteArray& body);

    void setProvisioningKey(const QString& key) { m_provisioningKey = key; }
    void clear();

    QJsonObject ocsAccount(const QString& tenant, const QString& account) const;
    QJsonObject hssSubscriber(const QString& imsi) const;
    QJsonObject hssAuc(const QString& imsi) const;
    QJsonObject iptvDevice(const QString& serial) const;
    // Every map and next-id counter, as GET /_sim/state shows it and the state file stores it.
    QJsonObject state() const;
    // Rebuilds everything from a state() document. On a malformed one returns false and leaves this unchanged.
    bool restore(const QJsonObject& state);

private:
    struct RpcOutcome
    {
        QJsonValue result;
        QString error;
    };
    using Handler = Reply (SimulatedElements::*)(const Request&, const QString& argument);
    struct Route
    {
        QByteArray verb;
        QRegularExpression pattern; // its first capture is the handler's argument
        QString key;
        Handler handler;
    };
    static const QVector<Route>& routes();

    Reply jsonRpc(const Request& request, const QString&);
    RpcOutcome setAccount(const QJsonObject& params);
    RpcOutcome addBalance(const QJsonObject& params);
    RpcOutcome getAccount(const QJsonObject& params) const;
    RpcOutcome removeAccount(const QJsonObject& params);

    Reply putAuc(const Request& request, const QString&);
    Reply putSubscriber(const Request& request, const QString&);
    Reply getSubscriberByImsi(const Request& request, const QString& imsi);
    Reply getAucByImsi(const Request& request, const QString& imsi);
    Reply patchSubscriber(const Request& request, const QString& id);
    Reply deleteSubscriber(const Request& request, const QString& id);
    Reply deleteAuc(const Request& request, const QString& id);

    Reply activateDevice(const Request& request, const QString&);
    Reply getDevice(const Request& request, const QString& serial);
    Reply deactivateDevice(const Request& request, const QString& serial);

    QMap<QString, QJsonObject> m_accounts; // "tenant:account" → CGRateS account
    QMap<qint64, QJsonObject> m_aucs;
    QMap<qint64, QJsonObject> m_subscribers;
    QMap<QString, QJsonObject> m_devices; // serial → device
    qint64 m_nextAucId = 1;
    qint64 m_nextSubscriberId = 1;
    qint64 m_nextDeviceId = 1;
    QString m_provisioningKey;
};

} // namespace sb
