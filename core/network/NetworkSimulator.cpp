#include "NetworkSimulator.h"

#include "TlsTcpServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace sb {

namespace {

constexpr int MaxHeaderBytes = 64 * 1024;
constexpr qint64 MaxBodyBytes = 16 * 1024 * 1024;
// Saving serialises and fsyncs the whole state (measured: ~10 ms for 100 accounts and devices, ~300 ms for 10000
// on a busy machine), so a burst of changes (a bulk import) is saved once a second instead of once per request.
// A clean stop saves at once; a crash loses at most the last second.
constexpr int SaveDelayMs = 1000;

QByteArray reasonPhrase(int status)
{
    static const QHash<int, QByteArray> phrases{{200, "OK"},
                                                {201, "Created"},
                                                {400, "Bad Request"},
                                                {401, "Unauthorized"},
                                                {403, "Forbidden"},
                                                {404, "Not Found"},
                                                {405, "Method Not Allowed"},
                                                {409, "Conflict"},
                                                {413, "Payload Too Large"},
                                                {431, "Request Header Fields Too Large"},
                                                {500, "Internal Server Error"},
                                                {501, "Not Implemented"},
                                                {502, "Bad Gateway"},
                                                {503, "Service Unavailable"},
                                                {504, "Gateway Timeout"}};
    return phrases.value(status, "Status " + QByteArray::number(status));
}

bool isElementName(const QString& name)
{
    return name == QLatin1String("ocs") || name == QLatin1String("hss") || name == QLatin1String("iptv");
}

bool routeMatches(const QString& pattern, const QString& path)
{
    return path == pattern || (pattern.endsWith(QLatin1Char('/')) && path.startsWith(pattern));
}

bool faultMatches(const NetworkSimulator::FaultRule& rule, const SimulatedElements::Request& request,
                  const QString& element, const QString& key)
{
    const QString& target = rule.target;
    if (target == element || target == key)
        return true;
    if (target.startsWith(QLatin1Char('/')))
        return routeMatches(target, request.path);
    const int space = target.indexOf(QLatin1Char(' '));
    return space > 0 && target.left(space).toLatin1() == request.verb &&
           routeMatches(target.mid(space + 1), request.path);
}

} // namespace

// ---- faults ----------------------------------------------------------------------------------------------------

QString NetworkSimulator::FaultRule::toSpec() const
{
    QString spec = target + QLatin1Char(':');
    switch (kind) {
    case Kind::ErrorReply:
        spec += QStringLiteral("error=") + errorText;
        break;
    case Kind::HttpError:
        spec += QStringLiteral("http%1").arg(httpStatus);
        break;
    case Kind::Timeout:
        spec += QStringLiteral("timeout");
        break;
    case Kind::Drop:
        spec += QStringLiteral("drop");
        break;
    case Kind::MalformedJson:
        spec += QStringLiteral("malformed");
        break;
    }
    if (remaining == 1)
        spec += QStringLiteral(":once");
    else if (remaining > 1)
        spec += QStringLiteral(":times=%1").arg(remaining);
    return spec;
}

Result<NetworkSimulator::FaultRule> NetworkSimulator::parseFault(const QString& spec)
{
    const QString text = spec.trimmed();
    FaultRule rule;
    rule.target = text.section(QLatin1Char(':'), 0, 0).trimmed();
    QString rest = text.contains(QLatin1Char(':')) ? text.section(QLatin1Char(':'), 1).trimmed() : QString();
    if (rule.target.isEmpty()) {
        return Error{UserMessage("NetworkSimulator",
                                 QT_TRANSLATE_NOOP("NetworkSimulator",
                                                   "The fault \"%1\" has no target. Write it as TARGET[:KIND][:once], "
                                                   "for example APIerSv1.SetAccount:timeout."),
                                 {spec}),
                     QStringLiteral("fault spec without target: \"%1\"").arg(spec)};
    }

    static const QRegularExpression method(QStringLiteral("^[A-Za-z]\\w*\\.[A-Za-z]\\w*$"));
    static const QRegularExpression route(QStringLiteral("^(?:(GET|PUT|POST|PATCH|DELETE)\\s+)?(/\\S*)$"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch routeMatch = route.match(rule.target);
    if (isElementName(rule.target.toLower())) {
        rule.target = rule.target.toLower();
    } else if (routeMatch.hasMatch()) {
        const QString verb = routeMatch.captured(1).toUpper();
        rule.target = verb.isEmpty() ? routeMatch.captured(2) : verb + QLatin1Char(' ') + routeMatch.captured(2);
    } else if (!method.match(rule.target).hasMatch()) {
        return Error{UserMessage("NetworkSimulator",
                                 QT_TRANSLATE_NOOP("NetworkSimulator",
                                                   "The fault target \"%1\" is not known. Use a JSON-RPC method "
                                                   "(APIerSv1.SetAccount), a route (PUT /subscriber/) or an element "
                                                   "(ocs, hss, iptv)."),
                                 {rule.target}),
                     QStringLiteral("bad fault target in \"%1\"").arg(spec)};
    }

    static const QRegularExpression count(QStringLiteral("(?:^|:)\\s*(once|times=([1-9]\\d*))\\s*$"));
    const QRegularExpressionMatch countMatch = count.match(rest);
    if (countMatch.hasMatch()) {
        rule.remaining = countMatch.captured(2).isEmpty() ? 1 : countMatch.captured(2).toInt();
        rest.truncate(countMatch.capturedStart(0));
        rest = rest.trimmed();
    }

    static const QRegularExpression http(QStringLiteral("^http([45]\\d\\d)$"));
    const QRegularExpressionMatch httpMatch = http.match(rest);
    if (rest.isEmpty() || rest == QLatin1String("error")) {
        rule.kind = FaultRule::Kind::ErrorReply;
    } else if (rest.startsWith(QLatin1String("error=")) && rest.size() > 6) {
        rule.kind = FaultRule::Kind::ErrorReply;
        rule.errorText = rest.mid(6);
    } else if (httpMatch.hasMatch()) {
        rule.kind = FaultRule::Kind::HttpError;
        rule.httpStatus = httpMatch.captured(1).toInt();
    } else if (rest == QLatin1String("timeout")) {
        rule.kind = FaultRule::Kind::Timeout;
    } else if (rest == QLatin1String("drop")) {
        rule.kind = FaultRule::Kind::Drop;
    } else if (rest == QLatin1String("malformed")) {
        rule.kind = FaultRule::Kind::MalformedJson;
    } else {
        return Error{UserMessage("NetworkSimulator",
                                 QT_TRANSLATE_NOOP("NetworkSimulator",
                                                   "The fault kind \"%1\" is not known. Use error, error=TEXT, "
                                                   "http500 (any 4xx or 5xx), timeout, drop or malformed, optionally "
                                                   "followed by :once or :times=N."),
                                 {rest}),
                     QStringLiteral("bad fault kind in \"%1\"").arg(spec)};
    }
    return rule;
}

void NetworkSimulator::addFault(FaultRule rule)
{
    if (isElementName(rule.target.toLower()))
        rule.target = rule.target.toLower();
    QMutexLocker lock(&m_mutex);
    m_faults.append(rule);
}

void NetworkSimulator::clearFaults()
{
    QMutexLocker lock(&m_mutex);
    m_faults.clear();
}

QList<NetworkSimulator::FaultRule> NetworkSimulator::faults() const
{
    QMutexLocker lock(&m_mutex);
    return m_faults;
}

std::optional<NetworkSimulator::FaultRule> NetworkSimulator::takeFault(const SimulatedElements::Request& request,
                                                                       const QString& element, const QString& key)
{
    for (int i = 0; i < m_faults.size(); ++i) {
        if (!faultMatches(m_faults.at(i), request, element, key))
            continue;
        const FaultRule hit = m_faults.at(i);
        if (hit.remaining > 0 && --m_faults[i].remaining == 0)
            m_faults.removeAt(i);
        return hit;
    }
    return std::nullopt;
}

// ---- state -----------------------------------------------------------------------------------------------------

NetworkSimulator::NetworkSimulator(QObject* parent)
    : QObject(parent), m_server(new TlsTcpServer(this)), m_saveTimer(new QTimer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &NetworkSimulator::onNewConnection);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(SaveDelayMs);
    connect(m_saveTimer, &QTimer::timeout, this, &NetworkSimulator::saveState);
}

NetworkSimulator::~NetworkSimulator()
{
    saveState();
    // Delete the sockets first: their disconnected() handlers use m_connections.
    for (auto it = m_connections.keyBegin(); it != m_connections.keyEnd(); ++it) {
        (*it)->disconnect(this);
        delete *it;
    }
    m_connections.clear();
}

bool NetworkSimulator::listen(quint16 port)
{
    loadState();
    if (!m_server->listen(QHostAddress::LocalHost, port))
        return false;
    QMutexLocker lock(&m_mutex);
    m_port = m_server->serverPort();
    return true;
}

quint16 NetworkSimulator::port() const
{
    QMutexLocker lock(&m_mutex);
    return m_port;
}

QUrl NetworkSimulator::baseUrl() const
{
    const quint16 listening = port();
    QMutexLocker lock(&m_mutex);
    return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(m_https ? QStringLiteral("https") : QStringLiteral("http")).arg(listening));
}

void NetworkSimulator::setServerTls(const QSslConfiguration& configuration)
{
    static_cast<TlsTcpServer*>(m_server)->setSslConfiguration(configuration);
    QMutexLocker lock(&m_mutex);
    m_https = true;
}

void NetworkSimulator::setLatencyMs(int latencyMs)
{
    QMutexLocker lock(&m_mutex);
    m_latencyMs = qMax(0, latencyMs);
}

void NetworkSimulator::setProvisioningKey(const QString& key)
{
    QMutexLocker lock(&m_mutex);
    m_elements.setProvisioningKey(key);
}

void NetworkSimulator::reset()
{
    QMutexLocker fileLock(&m_fileMutex);
    QMutexLocker lock(&m_mutex);
    m_elements.clear();
    m_faults.clear();
    m_requestCounts.clear();
    m_latencyMs = 0;
    m_unsaved = false;
    if (!m_stateFile.isEmpty())
        QFile::remove(m_stateFile);
}

// ---- state file ------------------------------------------------------------------------------------------------

void NetworkSimulator::setStateFile(const QString& path)
{
    QMutexLocker lock(&m_mutex);
    m_stateFile = path;
}

void NetworkSimulator::loadState()
{
    QMutexLocker fileLock(&m_fileMutex);
    QMutexLocker lock(&m_mutex);
    if (m_stateFile.isEmpty() || !QFileInfo::exists(m_stateFile))
        return;
    QFile file(m_stateFile);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("network simulator: cannot read the state file %s (%s); starting empty", qPrintable(m_stateFile),
                 qPrintable(file.errorString()));
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    file.close();
    QString problem;
    if (parseError.error != QJsonParseError::NoError)
        problem = parseError.errorString();
    else if (!document.isObject() || !m_elements.restore(document.object()))
        problem = QStringLiteral("not a simulator state");
    if (problem.isEmpty())
        return;
    // Kept aside rather than overwritten by the next save, for whoever wants to look at it.
    const QString aside = m_stateFile + QStringLiteral(".corrupt");
    QFile::remove(aside);
    const bool kept = QFile::rename(m_stateFile, aside);
    qWarning("network simulator: the state file %s is unusable (%s); starting empty%s", qPrintable(m_stateFile),
             qPrintable(problem), kept ? qPrintable(QStringLiteral(", the file was renamed to ") + aside) : "");
}

void NetworkSimulator::stateChanged()
{
    if (!m_saveTimer->isActive())
        m_saveTimer->start();
}

void NetworkSimulator::saveState()
{
    QMutexLocker fileLock(&m_fileMutex);
    QString path;
    QJsonObject state;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_unsaved || m_stateFile.isEmpty())
            return;
        m_unsaved = false;
        path = m_stateFile;
        state = m_elements.state();
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(state).toJson(QJsonDocument::Compact)) >= 0 &&
        file.commit())
        return;
    qWarning("network simulator: cannot save the state file %s (%s)", qPrintable(path), qPrintable(file.errorString()));
    QMutexLocker lock(&m_mutex);
    m_unsaved = true; // the next change tries again
}

QJsonObject NetworkSimulator::ocsAccount(const QString& tenant, const QString& account) const
{
    QMutexLocker lock(&m_mutex);
    return m_elements.ocsAccount(tenant, account);
}

QJsonObject NetworkSimulator::hssSubscriber(const QString& imsi) const
{
    QMutexLocker lock(&m_mutex);
    return m_elements.hssSubscriber(imsi);
}

QJsonObject NetworkSimulator::hssAuc(const QString& imsi) const
{
    QMutexLocker lock(&m_mutex);
    return m_elements.hssAuc(imsi);
}

QJsonObject NetworkSimulator::iptvDevice(const QString& serial) const
{
    QMutexLocker lock(&m_mutex);
    return m_elements.iptvDevice(serial);
}

int NetworkSimulator::requestCount(const QString& method) const
{
    QMutexLocker lock(&m_mutex);
    return m_requestCounts.value(method);
}

QJsonObject NetworkSimulator::state() const
{
    QMutexLocker lock(&m_mutex);
    QJsonObject state = m_elements.state();
    QJsonObject counts;
    for (auto it = m_requestCounts.cbegin(); it != m_requestCounts.cend(); ++it)
        counts.insert(it.key(), it.value());
    QJsonArray faults;
    for (const FaultRule& rule : m_faults)
        faults.append(rule.toSpec());
    state.insert(QStringLiteral("requests"), counts);
    state.insert(QStringLiteral("faults"), faults);
    state.insert(QStringLiteral("latencyMs"), m_latencyMs);
    return state;
}

// ---- HTTP ------------------------------------------------------------------------------------------------------

void NetworkSimulator::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        m_connections.insert(socket, Connection());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            const auto it = m_connections.find(socket);
            if (it == m_connections.end() || it->stalled) {
                socket->readAll(); // a stalled connection swallows everything
                return;
            }
            it->buffer += socket->readAll();
            processBuffer(socket);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
    }
}

void NetworkSimulator::processBuffer(QTcpSocket* socket)
{
    for (;;) {
        const auto it = m_connections.find(socket);
        if (it == m_connections.end() || it->busy || it->stalled || it->buffer.isEmpty())
            return;
        QByteArray& buffer = it->buffer;
        const auto reject = [&](int status, const char* why) {
            it->stalled = true;
            answer(socket, {Outcome::Action::Answer, status, why, "text/plain", false}, false);
        };
        if (buffer.at(0) < 'A' || buffer.at(0) > 'Z') // not HTTP, e.g. a TLS handshake
            return reject(400, "not an HTTP request");
        const int headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (buffer.size() > MaxHeaderBytes)
                reject(431, "request header too large");
            return; // wait for the rest of the header
        }

        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
            return reject(400, "malformed request line");
        QHash<QByteArray, QByteArray> headers;
        for (int i = 1; i < lines.size(); ++i) {
            const int colon = lines.at(i).indexOf(':');
            if (colon > 0)
                headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
        if (headers.contains("transfer-encoding"))
            return reject(501, "chunked request bodies are not supported");
        bool lengthOk = true;
        const qint64 length = headers.value("content-length", "0").toLongLong(&lengthOk);
        if (!lengthOk || length < 0 || length > MaxBodyBytes)
            return reject(413, "bad Content-Length");
        if (buffer.size() < headerEnd + 4 + length)
            return; // wait for the rest of the body

        SimulatedElements::Request request;
        request.verb = requestLine.at(0);
        request.path = QString::fromUtf8(requestLine.at(1).split('?').first());
        request.body = buffer.mid(headerEnd + 4, int(length));
        request.provisioningKey = headers.value("provisioning-key");
        request.apiKey = headers.value("x-api-key");
        buffer.remove(0, headerEnd + 4 + int(length));
        const QByteArray connection = headers.value("connection").toLower();
        const bool keepAlive = requestLine.at(2) == "HTTP/1.1" ? connection != "close" : connection == "keep-alive";

        const Outcome outcome = respond(request);
        if (outcome.action == Outcome::Action::Drop) {
            it->stalled = true;
            socket->disconnectFromHost();
            return;
        }
        if (outcome.action == Outcome::Action::Stall) {
            it->stalled = true;
            return;
        }
        int latencyMs = 0;
        if (outcome.delayed) {
            QMutexLocker lock(&m_mutex);
            latencyMs = m_latencyMs;
        }
        if (latencyMs > 0) {
            it->busy = true;
            QTimer::singleShot(latencyMs, socket, [this, socket, outcome, keepAlive] {
                const auto later = m_connections.find(socket);
                if (later != m_connections.end())
                    later->busy = false;
                answer(socket, outcome, keepAlive);
                if (keepAlive)
                    processBuffer(socket);
            });
            return;
        }
        answer(socket, outcome, keepAlive);
        if (!keepAlive)
            return;
    }
}

void NetworkSimulator::answer(QTcpSocket* socket, const Outcome& outcome, bool keepAlive)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(outcome.status) + ' ' + reasonPhrase(outcome.status) +
                          "\r\nContent-Type: " + outcome.contentType +
                          "\r\nContent-Length: " + QByteArray::number(outcome.body.size()) +
                          "\r\nConnection: " + (keepAlive ? "keep-alive" : "close") + "\r\n\r\n" + outcome.body;
    socket->write(response);
    if (!keepAlive)
        socket->disconnectFromHost(); // after the pending bytes are written
}

NetworkSimulator::Outcome NetworkSimulator::respond(const SimulatedElements::Request& request)
{
    if (request.path == QLatin1String("/_sim") || request.path.startsWith(QLatin1String("/_sim/")))
        return adminRoute(request);

    const QString element = SimulatedElements::elementOf(request.path);
    const QString key = SimulatedElements::requestKey(request);
    QMutexLocker lock(&m_mutex);
    ++m_requestCounts[key];
    const std::optional<FaultRule> fault = takeFault(request, element, key);
    Outcome outcome;
    if (!fault) {
        const SimulatedElements::Reply reply = m_elements.handle(request);
        outcome.status = reply.status;
        outcome.body = reply.body;
        const bool reads = request.verb == "GET" || key == QLatin1String("APIerSv2.GetAccount");
        if (!m_stateFile.isEmpty() && !reads && reply.status < 400) {
            m_unsaved = true;
            stateChanged();
        }
        return outcome;
    }
    switch (fault->kind) {
    case FaultRule::Kind::ErrorReply: {
        const SimulatedElements::Reply reply =
            element == QLatin1String("ocs")
                ? SimulatedElements::rpcReply(SimulatedElements::rpcId(request.body), {}, fault->errorText)
                : SimulatedElements::elementError(element, 400, fault->errorText);
        outcome.status = reply.status;
        outcome.body = reply.body;
        break;
    }
    case FaultRule::Kind::HttpError:
        outcome.status = fault->httpStatus;
        outcome.body = reasonPhrase(fault->httpStatus) + " (injected fault)";
        outcome.contentType = "text/plain";
        break;
    case FaultRule::Kind::Timeout:
        outcome.action = Outcome::Action::Stall;
        break;
    case FaultRule::Kind::Drop:
        outcome.action = Outcome::Action::Drop;
        break;
    case FaultRule::Kind::MalformedJson:
        outcome.body = "{\"id\":1,\"result\":{\"injected\":\"malformed";
        break;
    }
    return outcome;
}

NetworkSimulator::Outcome NetworkSimulator::adminRoute(const SimulatedElements::Request& request)
{
    Outcome outcome;
    outcome.delayed = false;
    const auto reply = [&outcome](int status, const QJsonObject& json) {
        outcome.status = status;
        outcome.body = QJsonDocument(json).toJson(QJsonDocument::Compact);
        return outcome;
    };
    const QJsonObject ok{{QStringLiteral("result"), QStringLiteral("OK")}};

    if (request.path == QLatin1String("/_sim/faults")) {
        if (request.verb == "DELETE") {
            clearFaults();
            return reply(200, ok);
        }
        if (request.verb == "GET")
            return reply(200, {{QStringLiteral("faults"), state().value(QLatin1String("faults"))}});
        if (request.verb == "POST") {
            const QString spec = QJsonDocument::fromJson(request.body).object().value(QLatin1String("spec")).toString();
            const Result<FaultRule> rule = parseFault(spec);
            if (!rule)
                return reply(400, {{QStringLiteral("error"), rule.error().message.englishText()}});
            addFault(rule.value());
            return reply(200,
                         {{QStringLiteral("result"), QStringLiteral("OK")}, {QStringLiteral("fault"), rule->toSpec()}});
        }
    } else if (request.path == QLatin1String("/_sim/latency") && request.verb == "POST") {
        setLatencyMs(QJsonDocument::fromJson(request.body).object().value(QLatin1String("ms")).toInt());
        return reply(200, ok);
    } else if (request.path == QLatin1String("/_sim/state") && request.verb == "GET") {
        return reply(200, state());
    } else if (request.path == QLatin1String("/_sim/reset") && request.verb == "POST") {
        reset();
        return reply(200, ok);
    } else {
        return reply(404, {{QStringLiteral("error"), QStringLiteral("unknown simulator route")}});
    }
    return reply(405, {{QStringLiteral("error"), QStringLiteral("method not allowed")}});
}

} // namespace sb
