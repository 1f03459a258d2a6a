#include "OsmoHlrCtlClient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QRegularExpression>

namespace sb {
namespace {

constexpr char ipaProtocolOsmo = char(0xEE);
constexpr char ipaExtensionCtrl = 0x00;
constexpr quint16 defaultCtrlPort = 4259;

QByteArray framed(const QByteArray& text)
{
    const int length = text.size() + 1; // the extension byte counts
    QByteArray frame;
    frame.append(char((length >> 8) & 0xff)).append(char(length & 0xff)).append(ipaProtocolOsmo);
    frame.append(ipaExtensionCtrl).append(text);
    return frame;
}

QString subscriberVariable(const QString& imsi, const char* field)
{
    return QStringLiteral("subscriber.by-imsi-%1.%2").arg(imsi, QLatin1String(field));
}

} // namespace

OsmoHlrCtlClient::OsmoHlrCtlClient(ElementEndpoint endpoint) : m_endpoint(std::move(endpoint))
{
    if (m_endpoint.element.isEmpty())
        m_endpoint.element = QStringLiteral("HLR");
}

OsmoHlrCtlClient::~OsmoHlrCtlClient() = default;

QString OsmoHlrCtlClient::address() const
{
    return QStringLiteral("%1:%2").arg(m_endpoint.url.host()).arg(m_endpoint.url.port(defaultCtrlPort));
}

QString OsmoHlrCtlClient::maskedForLog(const QString& text)
{
    // aud3g milenage,KI,OPC|OP,OPC ; aud2g comp128v1,KI ; info-all lines aud3g.k / aud3g.opc / aud2g.ki
    static const QRegularExpression aud3g(QStringLiteral("(\\.aud3g\\s+\\S+?,)[0-9A-Fa-f]+(,OPC?,)[0-9A-Fa-f]+"));
    static const QRegularExpression aud2g(QStringLiteral("(\\.aud2g\\s+\\S+?,)[0-9A-Fa-f]+"));
    static const QRegularExpression infoKeys(QStringLiteral("(aud[23]g\\.(?:k|ki|op|opc)\\t)[0-9A-Fa-f]+"));
    QString masked = text;
    masked.replace(aud3g, QStringLiteral("\\1***\\2***"));
    masked.replace(aud2g, QStringLiteral("\\1***"));
    masked.replace(infoKeys, QStringLiteral("\\1***"));
    return masked.replace(QLatin1Char('\n'), QStringLiteral("; ")).replace(QLatin1Char('\t'), QLatin1Char('='));
}

Status OsmoHlrCtlClient::connectIfNeeded()
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        return {};
    if (!m_endpoint.isSet() || m_endpoint.url.host().isEmpty())
        return Error{UserMessage("NetworkError",
                                 QT_TRANSLATE_NOOP("NetworkError", "The address of the %1 is not set. "
                                                                   "Enter it in Settings."),
                                 {m_endpoint.element}),
                     QStringLiteral("%1: no CTRL address configured").arg(m_endpoint.element)};
    m_socket = std::make_unique<QTcpSocket>();
    m_socket->connectToHost(m_endpoint.url.host(), quint16(m_endpoint.url.port(defaultCtrlPort)));
    if (!m_socket->waitForConnected(m_endpoint.timeoutMs))
        return transportError(QStringLiteral("connect"));
    return {};
}

Result<OsmoHlrCtlClient::Reply> OsmoHlrCtlClient::command(const QString& verb, const QString& variable,
                                                          const QString& value, QString* log)
{
    const int id = m_nextId++;
    QString text = QStringLiteral("%1 %2 %3").arg(verb).arg(id).arg(variable);
    if (!value.isEmpty())
        text += QLatin1Char(' ') + value;
    if (log)
        *log += QStringLiteral("→ CTRL %1 %2\n").arg(address(), maskedForLog(text));
    if (Status connected = connectIfNeeded(); !connected) {
        if (log)
            *log += QStringLiteral("← no answer: %1\n").arg(m_socket ? m_socket->errorString() : QString());
        return connected.error;
    }

    const QDeadlineTimer deadline(m_endpoint.timeoutMs);
    m_socket->write(framed(text.toUtf8()));
    m_socket->waitForBytesWritten(m_endpoint.timeoutMs);
    QByteArray buffer;
    while (true) {
        // A complete frame in the buffer: take it; replies to other ids (TRAPs) are skipped.
        while (buffer.size() >= 3) {
            const int length = (quint8(buffer.at(0)) << 8) | quint8(buffer.at(1));
            if (buffer.size() < 3 + length)
                break;
            const QByteArray frame = buffer.mid(3, length);
            const char protocol = buffer.at(2);
            buffer.remove(0, 3 + length);
            if (protocol != ipaProtocolOsmo || frame.isEmpty() || frame.at(0) != ipaExtensionCtrl)
                return unreadable(text, frame);
            const QString reply = QString::fromUtf8(frame.mid(1));
            if (log)
                *log += QStringLiteral("← %1\n").arg(maskedForLog(reply));
            // "<TYPE> <id> <variable> <value>" or "ERROR <id> <reason>"
            const QStringList parts = reply.split(QLatin1Char(' '));
            if (parts.size() < 2)
                return unreadable(text, frame);
            if (parts.at(1) != QString::number(id))
                continue;
            Reply parsed;
            parsed.type = parts.at(0);
            if (parsed.isError()) {
                parsed.value = reply.section(QLatin1Char(' '), 2);
            } else if (parsed.type == QLatin1String("SET_REPLY") || parsed.type == QLatin1String("GET_REPLY")) {
                parsed.variable = parts.value(2);
                parsed.value = reply.section(QLatin1Char(' '), 3);
            } else {
                return unreadable(text, frame);
            }
            return parsed;
        }
        const int left = int(deadline.remainingTime());
        if (left <= 0 || !m_socket->waitForReadyRead(left)) {
            const Error error = transportError(text.section(QLatin1Char(' '), 0, 2).left(80));
            if (log)
                *log += QStringLiteral("← no answer: %1\n").arg(m_socket->errorString());
            m_socket.reset();
            return error;
        }
        buffer += m_socket->readAll();
    }
}

Status OsmoHlrCtlClient::createSubscriber(const QString& imsi, QString* log)
{
    const Result<Reply> reply = command(QStringLiteral("SET"), QStringLiteral("subscriber.create"), imsi, log);
    if (!reply)
        return reply.error();
    if (reply->isError() && reply->value.contains(QLatin1String("already exists"), Qt::CaseInsensitive)) {
        if (log)
            *log += QStringLiteral("subscriber %1 already exists, kept\n").arg(imsi);
        return {};
    }
    if (reply->isError())
        return refusedBy(QStringLiteral("subscriber.create %1").arg(imsi), *reply);
    return {};
}

Status OsmoHlrCtlClient::setMsisdn(const QString& imsi, const QString& msisdn, QString* log)
{
    const Result<Reply> reply = command(QStringLiteral("SET"), subscriberVariable(imsi, "msisdn"), msisdn, log);
    if (!reply)
        return reply.error();
    if (reply->isError())
        return refusedBy(subscriberVariable(imsi, "msisdn"), *reply);
    return {};
}

Status OsmoHlrCtlClient::setMilenage(const QString& imsi, const QString& kiHex, const QString& opcHex, QString* log)
{
    const Result<Reply> reply = command(QStringLiteral("SET"), subscriberVariable(imsi, "aud3g"),
                                        QStringLiteral("milenage,%1,OPC,%2").arg(kiHex, opcHex), log);
    if (!reply)
        return reply.error();
    if (reply->isError())
        return refusedBy(subscriberVariable(imsi, "aud3g"), *reply);
    return {};
}

Result<std::optional<QMap<QString, QString>>> OsmoHlrCtlClient::subscriber(const QString& imsi, QString* log)
{
    const Result<Reply> reply = command(QStringLiteral("GET"), subscriberVariable(imsi, "info-all"), {}, log);
    if (!reply)
        return reply.error();
    if (reply->isError()) {
        if (reply->value.contains(QLatin1String("No such subscriber"), Qt::CaseInsensitive))
            return std::optional<QMap<QString, QString>>();
        return refusedBy(subscriberVariable(imsi, "info-all"), *reply);
    }
    QMap<QString, QString> fields;
    for (const QString& line : reply->value.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const int tab = line.indexOf(QLatin1Char('\t'));
        if (tab > 0)
            fields.insert(line.left(tab), line.mid(tab + 1));
    }
    return std::optional<QMap<QString, QString>>(fields);
}

Status OsmoHlrCtlClient::deleteSubscriber(const QString& imsi, QString* log)
{
    const Result<Reply> reply = command(QStringLiteral("SET"), QStringLiteral("subscriber.delete"), imsi, log);
    if (!reply)
        return reply.error();
    if (reply->isError() && reply->value.contains(QLatin1String("doesn't exist"), Qt::CaseInsensitive)) {
        if (log)
            *log += QStringLiteral("subscriber %1 was not in the HLR, nothing to delete\n").arg(imsi);
        return {};
    }
    if (reply->isError())
        return refusedBy(QStringLiteral("subscriber.delete %1").arg(imsi), *reply);
    return {};
}

Error OsmoHlrCtlClient::transportError(const QString& what) const
{
    const QString detail =
        QStringLiteral("%1 at %2: %3").arg(what, address(), m_socket ? m_socket->errorString() : QString());
    const QStringList args{m_endpoint.element, address()};
    const auto socketError = m_socket ? m_socket->error() : QAbstractSocket::UnknownSocketError;
    switch (socketError) {
    case QAbstractSocket::ConnectionRefusedError:
        return {
            UserMessage("NetworkError",
                        QT_TRANSLATE_NOOP("NetworkError", "Unable to connect to the %1 (osmo-hlr CTRL) at %2. Check "
                                                          "that osmo-hlr is running, that its configuration binds "
                                                          "\"ctrl\" to that address, and the hss_ctrl setting."),
                        args),
            detail};
    case QAbstractSocket::SocketTimeoutError:
        return {UserMessage("NetworkError",
                            QT_TRANSLATE_NOOP("NetworkError", "The %1 (osmo-hlr CTRL) at %2 did not answer within %3 "
                                                              "seconds. Check that osmo-hlr is running and not "
                                                              "overloaded, then retry."),
                            args + QStringList{QString::number(m_endpoint.timeoutMs / 1000.0, 'g', 3)}),
                detail};
    case QAbstractSocket::RemoteHostClosedError:
        return {UserMessage("NetworkError",
                            QT_TRANSLATE_NOOP("NetworkError", "The %1 (osmo-hlr CTRL) at %2 closed the connection "
                                                              "before answering. Check the osmo-hlr log for a crash "
                                                              "or restart, then retry."),
                            args),
                detail};
    default:
        break;
    }
    return {UserMessage("NetworkError",
                        QT_TRANSLATE_NOOP("NetworkError", "The connection to the %1 (osmo-hlr CTRL) at %2 failed: %3. "
                                                          "Check the network connection and the hss_ctrl setting."),
                        args + QStringList{m_socket ? m_socket->errorString() : QString()}),
            detail};
}

Error OsmoHlrCtlClient::refusedBy(const QString& what, const Reply& reply) const
{
    return {UserMessage("NetworkError",
                        QT_TRANSLATE_NOOP("NetworkError", "The %1 at %2 refused %3: \"%4\". Check the IMSI, MSISDN "
                                                          "and SIM keys sent by this task, and the osmo-hlr log."),
                        {m_endpoint.element, address(), what, reply.value}),
            QStringLiteral("CTRL %1 at %2: ERROR %3").arg(what, address(), reply.value)};
}

Error OsmoHlrCtlClient::unreadable(const QString& what, const QByteArray& data) const
{
    return {
        UserMessage("NetworkError",
                    QT_TRANSLATE_NOOP("NetworkError", "The %1 at %2 sent a reply that could not be read. Check that "
                                                      "hss_ctrl points to the CTRL port of osmo-hlr (4259), not to "
                                                      "its GSUP or VTY port."),
                    {m_endpoint.element, address()}),
        QStringLiteral("%1 at %2: unreadable reply %3")
            .arg(maskedForLog(what), address(), QString::fromLatin1(data.left(100).toHex()))};
}

} // namespace sb
