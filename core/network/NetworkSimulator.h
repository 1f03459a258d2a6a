#pragma once

#include "SimulatedElements.h"
#include "domain/UserMessage.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <optional>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace sb {

// A loopback HTTP/1.1 server that stands in for the elements no developer machine runs: the OCS (CGRateS JSON-RPC,
// POST /jsonrpc), the HSS (PyHSS REST at the root) and the IPTV middleware (/iptv/…), all on one port, with
// fault injection. Admin routes let other processes steer it: POST /_sim/faults {"spec"}, DELETE /_sim/faults,
// GET /_sim/faults, GET /_sim/state, POST /_sim/reset, POST /_sim/latency {"ms"} (delay of every element answer).
//
// With a state file the elements' state (accounts, AuCs, subscribers, devices; not faults, counts or latency)
// outlives the process, as on the real servers: loaded by listen(), saved shortly after every change and when
// the simulator is destroyed, deleted by reset().
//
// listen() must run in the simulator's own thread; every other public method may be called from any thread.
class NetworkSimulator : public QObject
{
    Q_OBJECT

public:
    struct FaultRule
    {
        // A JSON-RPC method ("APIerSv1.SetAccount"), a route ("PUT /subscriber/", "DELETE /subscriber/{id}";
        // a route ending in "/" also covers the paths below it) or an element ("ocs", "hss", "iptv").
        QString target;
        enum class Kind {
            ErrorReply,
            HttpError,
            Timeout /* never answer */,
            Drop /* close the connection */,
            MalformedJson
        } kind = Kind::ErrorReply;
        QString errorText = QStringLiteral("SERVER_ERROR: injected fault"); // for ErrorReply
        int remaining = -1;   // how many requests it still hits; -1 = until cleared
        int httpStatus = 500; // for HttpError

        QString toSpec() const;
    };

    explicit NetworkSimulator(QObject* parent = nullptr);
    ~NetworkSimulator() override;

    bool listen(quint16 port = 0); // 127.0.0.1 only; 0 = any free port
    // Serve HTTPS instead of HTTP (see TlsServerSettings::serverConfiguration). Call before listen().
    void setServerTls(const QSslConfiguration& configuration);
    quint16 port() const;
    QUrl baseUrl() const;

    void setLatencyMs(int latencyMs);
    void setProvisioningKey(const QString& key); // PyHSS Provisioning-Key and IPTV X-Api-Key; empty = none
    void addFault(FaultRule rule);
    void clearFaults();
    QList<FaultRule> faults() const;
    void reset(); // forget all state, faults, counts, latency and key; deletes the state file
    // Where the elements' state is kept between runs; empty (the default) = in memory only. Call before listen().
    void setStateFile(const QString& path);
    void saveState(); // writes the state file now if something changed since the last save

    // TARGET[:KIND][:once|:times=N], KIND = error | error=TEXT | httpNNN | timeout | drop | malformed, e.g.
    // "APIerSv1.SetAccount:timeout", "hss:http500", "APIerSv1.SetAccount:error=INSUFFICIENT_CREDIT:once".
    static Result<FaultRule> parseFault(const QString& spec);

    QJsonObject ocsAccount(const QString& tenant, const QString& account) const;
    QJsonObject hssSubscriber(const QString& imsi) const;
    QJsonObject hssAuc(const QString& imsi) const;
    QJsonObject iptvDevice(const QString& serial) const;
    QJsonObject state() const;                     // what GET /_sim/state returns
    int requestCount(const QString& method) const; // a JSON-RPC method or a route pattern (SimulatedElements)

private:
    struct Connection
    {
        QByteArray buffer;
        bool busy = false;    // an answer is being delayed by the latency
        bool stalled = false; // a Timeout fault hit: never answer again
    };
    struct Outcome
    {
        enum class Action { Answer, Stall, Drop } action = Action::Answer;
        int status = 200;
        QByteArray body;
        QByteArray contentType = QByteArrayLiteral("application/json");
        bool delayed = true; // admin answers skip the latency
    };

    void onNewConnection();
    void processBuffer(QTcpSocket* socket);
    void answer(QTcpSocket* socket, const Outcome& outcome, bool keepAlive);
    Outcome respond(const SimulatedElements::Request& request);
    Outcome adminRoute(const SimulatedElements::Request& request);
    std::optional<FaultRule> takeFault(const SimulatedElements::Request& request, const QString& element,
                                       const QString& key);

    void loadState();
    void stateChanged(); // simulator thread: saves soon
    void removeStateFile();

    QTcpServer* m_server;
    QTimer* m_saveTimer; // coalesces the saves of a burst of changes
    QHash<QTcpSocket*, Connection> m_connections; // simulator thread only

    QMutex m_fileMutex; // serialises writing and deleting the state file; taken before m_mutex

    mutable QMutex m_mutex; // guards everything below
    QString m_stateFile;
    bool m_unsaved = false;
    SimulatedElements m_elements;
    QList<FaultRule> m_faults;
    QHash<QString, int> m_requestCounts;
    int m_latencyMs = 0;
    quint16 m_port = 0;
    bool m_https = false;
};

} // namespace sb
