#pragma once

#include "ElementEndpoint.h"
#include "domain/UserMessage.h"

#include <QMap>
#include <QTcpSocket>

#include <memory>
#include <optional>

namespace sb {

// The HLR adapter for osmo-hlr: its CTRL interface over TCP (endpoint url tcp://host:port, default port 4259).
// Every message is IPA-framed: a 2-byte big-endian length, protocol 0xEE, extension 0x00, then the text
// "SET|GET <id> <variable> [<value>]"; osmo-hlr answers "SET_REPLY|GET_REPLY <id> <variable> <value>" or
// "ERROR <id> <reason>". Synchronous, for worker threads; one connection per client object.
class OsmoHlrCtlClient
{
public:
    explicit OsmoHlrCtlClient(ElementEndpoint endpoint);
    ~OsmoHlrCtlClient();

    QString address() const; // host:port

    // Creates the subscriber; one that exists already counts as created (so a retry is harmless).
    Status createSubscriber(const QString& imsi, QString* log = nullptr);
    Status setMsisdn(const QString& imsi, const QString& msisdn, QString* log = nullptr);
    // 3G authentication: MILENAGE with Ki and OPc (32 hexadecimal digits each).
    Status setMilenage(const QString& imsi, const QString& kiHex, const QString& opcHex, QString* log = nullptr);
    // "info-all" as name → value (imsi, msisdn, aud3g.algo, aud3g.k, aud3g.opc, …); nullopt when osmo-hlr has no
    // subscriber with this IMSI.
    Result<std::optional<QMap<QString, QString>>> subscriber(const QString& imsi, QString* log = nullptr);
    // Deletes the subscriber; one that does not exist counts as deleted.
    Status deleteSubscriber(const QString& imsi, QString* log = nullptr);

    // One command. A reply of type ERROR is returned as a Reply (isError), not as an Error.
    struct Reply
    {
        QString type; // SET_REPLY, GET_REPLY or ERROR
        QString variable;
        QString value; // ERROR: the reason
        bool isError() const { return type == QLatin1String("ERROR"); }
    };
    Result<Reply> command(const QString& verb, const QString& variable, const QString& value, QString* log);

    // The command text for the log, with the keys of aud2g/aud3g replaced by "***".
    static QString maskedForLog(const QString& text);

private:
    Status connectIfNeeded();
    Error transportError(const QString& what) const;
    Error refusedBy(const QString& what, const Reply& reply) const;
    Error unreadable(const QString& what, const QByteArray& data) const;

    ElementEndpoint m_endpoint;
    std::unique_ptr<QTcpSocket> m_socket;
    int m_nextId = 1;
};

} // namespace sb
