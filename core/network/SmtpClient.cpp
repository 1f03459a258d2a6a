#include "SmtpClient.h"

#include <QCoreApplication>
#include <QSettings>
#include <QSslSocket>
#include <QSysInfo>

namespace sb {

namespace {

constexpr const char* MailServer = "mail server"; // the element name in log details and TLS file messages

Error mailError(const char* source, QStringList args, QString detail)
{
    return Error{UserMessage("MailError", source, std::move(args)), std::move(detail)};
}

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_3:
        return QStringLiteral("TLSv1.3");
    case QSsl::TlsV1_2:
        return QStringLiteral("TLSv1.2");
    default:
        return QStringLiteral("TLS");
    }
}

} // namespace

QString SmtpSettings::address() const
{
    return host + QLatin1Char(':') + QString::number(port);
}

SmtpSettings SmtpSettings::fromSettings(const QSettings& settings)
{
    SmtpSettings smtp;
    const auto value = [&](const char* key, const QVariant& fallback = {}) {
        return settings.value(QStringLiteral("mail/") + QLatin1String(key), fallback);
    };
    smtp.host = value("host").toString().trimmed();
    const int port = value("port", 587).toInt();
    smtp.port = port > 0 && port < 65536 ? quint16(port) : quint16(587);
    smtp.from = value("from").toString().trimmed();
    smtp.username = value("username").toString();
    smtp.password = value("password").toString();
    smtp.startTls = value("starttls", true).toBool();
    smtp.tls = TlsSettings::fromSettings(settings, QStringLiteral("mail/"));
    const int timeoutMs = value("timeout_ms", 30000).toInt();
    smtp.timeoutMs = timeoutMs > 0 ? timeoutMs : 30000;
    return smtp;
}

SmtpClient::SmtpClient(SmtpSettings settings) : m_settings(std::move(settings)) {}

SmtpClient::~SmtpClient() = default;

QByteArray SmtpClient::dotStuffed(const QByteArray& message)
{
    QByteArray normalized = message;
    normalized.replace("\r\n", "\n");
    normalized.replace('\r', '\n');
    QByteArray out;
    out.reserve(normalized.size() + normalized.size() / 40 + 4);
    for (const QByteArray& line : normalized.split('\n')) {
        if (line.startsWith('.'))
            out += '.';
        out += line;
        out += "\r\n";
    }
    if (normalized.endsWith('\n'))
        out.chop(2); // split() gave an empty last element for the final line end
    return out;
}

void SmtpClient::logLine(const QString& line)
{
    if (m_log)
        *m_log += line + QLatin1Char('\n');
}

Status SmtpClient::send(const QString& recipient, const QByteArray& message, QString* log)
{
    m_log = log;
    m_tlsProtocol.clear();
    m_extensions.clear();
    m_authMechanisms.clear();
    m_deadline = QDeadlineTimer(m_settings.timeoutMs);
    logLine(QStringLiteral("SMTP %1%2%3")
                .arg(m_settings.address(),
                     m_settings.startTls ? QStringLiteral(" with STARTTLS") : QStringLiteral(" without TLS"),
                     m_settings.username.isEmpty()
                         ? QString()
                         : QStringLiteral(", user %1, password ***").arg(m_settings.username)));
    const Status status = session(recipient, message);
    if (m_socket) {
        if (status && m_socket->state() == QAbstractSocket::ConnectedState)
            command("QUIT"); // the message is accepted already: whatever QUIT answers does not matter
        m_socket->abort();
        m_socket.reset();
    }
    if (!status)
        logLine(QStringLiteral("failed: %1").arg(status.error.detail));
    m_log = nullptr;
    return status;
}

Status SmtpClient::probe(QString* log)
{
    m_log = log;
    m_tlsProtocol.clear();
    m_extensions.clear();
    m_authMechanisms.clear();
    m_deadline = QDeadlineTimer(m_settings.timeoutMs);
    logLine(QStringLiteral("SMTP probe %1").arg(m_settings.address()));
    Status status = connectToServer();
    if (status)
        status = hello();
    if (status && m_settings.startTls)
        status = startTls();
    if (status)
        status = authenticate();
    if (m_socket) {
        if (status && m_socket->state() == QAbstractSocket::ConnectedState)
            command("QUIT");
        m_socket->abort();
        m_socket.reset();
    }
    if (!status)
        logLine(QStringLiteral("failed: %1").arg(status.error.detail));
    m_log = nullptr;
    return status;
}

Status SmtpClient::session(const QString& recipient, const QByteArray& message)
{
    if (Status status = connectToServer(); !status)
        return status;
    if (Status status = hello(); !status)
        return status;
    if (m_settings.startTls) {
        if (Status status = startTls(); !status)
            return status;
    }
    if (Status status = authenticate(); !status)
        return status;

    const Result<Reply> mailFrom = command("MAIL FROM:<" + m_settings.from.toUtf8() + '>');
    if (!mailFrom)
        return Status(mailFrom.error());
    if (mailFrom->code != 250) {
        const QStringList args{m_settings.address(), m_settings.from, mailFrom->text()};
        const QString detail = QStringLiteral("MAIL FROM at %1: %2").arg(m_settings.address(), mailFrom->text());
        if (mailFrom->code == 530 && mailFrom->text().contains(QLatin1String("STARTTLS"), Qt::CaseInsensitive))
            return Status(
                mailError(QT_TRANSLATE_NOOP("MailError", "The mail server at %1 accepts mail only over an encrypted "
                                                         "connection. Turn STARTTLS on in the mail settings."),
                          args, detail));
        if (mailFrom->code == 530)
            return Status(
                mailError(QT_TRANSLATE_NOOP("MailError", "The mail server at %1 requires signing in. Set the mail user "
                                                         "name and password in Settings."),
                          args, detail));
        return Status(mailError(QT_TRANSLATE_NOOP("MailError",
                                                  "The mail server at %1 refused the sender address %2 (%3). Check the "
                                                  "sender (from) address in the mail settings."),
                                args, detail));
    }

    const Result<Reply> rcptTo = command("RCPT TO:<" + recipient.toUtf8() + '>');
    if (!rcptTo)
        return Status(rcptTo.error());
    if (rcptTo->code != 250 && rcptTo->code != 251) {
        return Status(
            mailError(QT_TRANSLATE_NOOP("MailError", "The mail server at %1 rejected the recipient %2 (%3). Check the "
                                                     "customer's email address, then retry."),
                      {m_settings.address(), recipient, rcptTo->text()},
                      QStringLiteral("RCPT TO at %1: %2").arg(m_settings.address(), rcptTo->text())));
    }

    const Result<Reply> data = command("DATA");
    if (!data)
        return Status(data.error());
    if (data->code != 354)
        return Status(unexpected(*data, QStringLiteral("DATA")));
    const QByteArray payload = dotStuffed(message) + ".\r\n";
    logLine(QStringLiteral("→ (message, %1 bytes)").arg(payload.size()));
    if (Status status = write(payload); !status)
        return status;
    const Result<Reply> accepted = readReply();
    if (!accepted)
        return Status(accepted.error());
    if (accepted->code != 250) {
        return Status(
            mailError(QT_TRANSLATE_NOOP("MailError", "The mail server at %1 refused the message (%2). Check its logs "
                                                     "and limits, then retry."),
                      {m_settings.address(), accepted->text()},
                      QStringLiteral("end of DATA at %1: %2").arg(m_settings.address(), accepted->text())));
    }
    return {};
}

Status SmtpClient::connectToServer()
{
    m_socket = std::make_unique<QSslSocket>();
    m_socket->connectToHost(m_settings.host, m_settings.port);
    if (!m_socket->waitForConnected(int(qMax<qint64>(1, m_deadline.remainingTime())))) {
        const QAbstractSocket::SocketError error = m_socket->error();
        const QString detail = QStringLiteral("connect to %1: %2").arg(m_settings.address(), m_socket->errorString());
        if (error == QAbstractSocket::SocketTimeoutError || m_deadline.hasExpired())
            return Status(mailError(
                QT_TRANSLATE_NOOP("MailError", "The mail server at %1 did not answer within %2 seconds. Check "
                                               "that it is running and that the port in the mail settings is "
                                               "its SMTP port."),
                {m_settings.address(), QString::number(m_settings.timeoutMs / 1000.0, 'g', 3)}, detail));
        return Status(
            mailError(QT_TRANSLATE_NOOP("MailError", "Unable to connect to the mail server at %1. Check that it is "
                                                     "running and that the mail host and port in Settings are right."),
                      {m_settings.address()}, detail));
    }
    const Result<Reply> greeting = readReply();
    if (!greeting)
        return Status(greeting.error());
    if (greeting->code != 220)
        return Status(unexpected(*greeting, QStringLiteral("the greeting")));
    return {};
}

Status SmtpClient::hello()
{
    QString name = QSysInfo::machineHostName();
    if (name.isEmpty() || name.contains(QLatin1Char(' ')))
        name = QStringLiteral("localhost");
    Result<Reply> reply = command("EHLO " + name.toUtf8());
    if (!reply)
        return Status(reply.error());
    if (reply->code != 250) {
        reply = command("HELO " + name.toUtf8()); // a server from before ESMTP: no extensions at all
        if (!reply)
            return Status(reply.error());
        if (reply->code != 250)
            return Status(unexpected(*reply, QStringLiteral("HELO")));
        return {};
    }
    m_extensions.clear();
    m_authMechanisms.clear();
    for (qsizetype i = 1; i < reply->lines.size(); ++i) { // the first line is the server's name
        const QStringList words = reply->lines.at(i).toUpper().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        m_extensions.insert(words.first());
        if (words.first() == QLatin1String("AUTH"))
            m_authMechanisms = words.mid(1);
    }
    return {};
}

Status SmtpClient::startTls()
{
    const QString address = m_settings.address();
    if (!m_extensions.contains(QStringLiteral("STARTTLS"))) {
        return Status(
            mailError(QT_TRANSLATE_NOOP("MailError", "The mail server at %1 does not offer STARTTLS, so the mail would "
                                                     "travel unencrypted. Enable STARTTLS on the server, or check that "
                                                     "the port in the mail settings is its submission port."),
                      {address}, QStringLiteral("%1: no STARTTLS in the EHLO answer").arg(address)));
    }
    const Result<QSslConfiguration> configuration = m_settings.tls.clientConfiguration(QString::fromLatin1(MailServer));
    if (!configuration)
        return Status(configuration.error());
    const Result<Reply> reply = command("STARTTLS");
    if (!reply)
        return Status(reply.error());
    if (reply->code != 220)
        return Status(unexpected(*reply, QStringLiteral("STARTTLS")));

    m_socket->setSslConfiguration(*configuration);
    m_socket->startClientEncryption();
    if (!m_socket->waitForEncrypted(int(qMax<qint64>(1, m_deadline.remainingTime())))) {
        const QList<QSslError> errors = m_socket->sslHandshakeErrors();
        QStringList reasons;
        for (const QSslError& error : errors)
            reasons << error.errorString();
        const TlsProblem problem = classifyTlsFailure(errors, m_socket->errorString());
        const QString detail =
            QStringLiteral("TLS handshake with %1 failed (%2): %3 %4")
                .arg(address, tlsProblemName(problem), m_socket->errorString(), reasons.join(QStringLiteral("; ")));
        switch (problem) {
        case TlsProblem::UntrustedCertificate:
            return Status(mailError(QT_TRANSLATE_NOOP("MailError",
                                                      "The mail server at %1 presented a certificate that is not "
                                                      "signed by a trusted CA. Set the CA bundle in the mail settings "
                                                      "or check the server's certificate."),
                                    {address}, detail));
        case TlsProblem::HostNameMismatch:
            return Status(mailError(QT_TRANSLATE_NOOP("MailError",
                                                      "The certificate of the mail server at %1 was issued for another "
                                                      "host name. Use the name in its certificate as the mail host in "
                                                      "Settings, or check the server's certificate."),
                                    {address}, detail));
        case TlsProblem::CertificateExpired:
            return Status(mailError(QT_TRANSLATE_NOOP("MailError",
                                                      "The certificate of the mail server at %1 has expired or is not "
                                                      "valid yet. Renew the server's certificate or check this "
                                                      "computer's clock."),
                                    {address}, detail));
        default:
            if (m_deadline.hasExpired())
                return Status(mailError(QT_TRANSLATE_NOOP("MailError",
                                                          "The mail server at %1 did not complete the encrypted "
                                                          "connection in time. Check that it is running, then retry."),
                                        {address}, detail));
            return Status(
                mailError(QT_TRANSLATE_NOOP("MailError", "The secure connection to the mail server at %1 failed. Check "
                                                         "its certificate and the CA bundle in the mail settings."),
                          {address}, detail));
        }
    }
    m_tlsProtocol = protocolName(m_socket->sessionProtocol());
    logLine(QStringLiteral("STARTTLS: %1 established, server certificate %2 verified")
                .arg(m_tlsProtocol,
                     m_socket->peerCertificate().subjectInfo(QSslCertificate::CommonName).join(QLatin1Char(','))));
    // The extensions may differ once encrypted (AUTH is often offered only now): ask again.
    return hello();
}

Status SmtpClient::authenticate()
{
    if (m_settings.username.isEmpty())
        return {};
    if (!m_extensions.contains(QStringLiteral("AUTH"))) {
        logLine(QStringLiteral("the server offers no AUTH: sending without signing in"));
        return {};
    }
    const QString address = m_settings.address();
    const QByteArray user = m_settings.username.toUtf8();
    const QByteArray password = m_settings.password.toUtf8();
    Result<Reply> reply = Error{};
    if (m_authMechanisms.contains(QStringLiteral("PLAIN"))) {
        reply = command("AUTH PLAIN " + (QByteArray(1, '\0') + user + QByteArray(1, '\0') + password).toBase64(),
                        QStringLiteral("AUTH PLAIN ***"));
    } else if (m_authMechanisms.contains(QStringLiteral("LOGIN"))) {
        reply = command("AUTH LOGIN");
        if (reply && reply->code == 334)
            reply = command(user.toBase64(), QStringLiteral("(user name %1)").arg(m_settings.username));
        if (reply && reply->code == 334)
            reply = command(password.toBase64(), QStringLiteral("***"));
    } else {
        return Status(mailError(
            QT_TRANSLATE_NOOP("MailError", "The mail server at %1 offers no sign-in method Switchboard knows "
                                           "(it offers %2; Switchboard uses PLAIN or LOGIN). Enable one of them "
                                           "on the server."),
            {address, m_authMechanisms.join(QLatin1Char(' '))},
            QStringLiteral("%1: AUTH mechanisms %2").arg(address, m_authMechanisms.join(QLatin1Char(' ')))));
    }
    if (!reply)
        return Status(reply.error());
    if (reply->code == 235)
        return {};
    if (reply->code == 535 || reply->code == 534 || reply->code == 454 || reply->code == 530)
        return Status(
            mailError(QT_TRANSLATE_NOOP("MailError", "The mail server at %1 refused the user name or password (%2). "
                                                     "Check the mail account in Settings."),
                      {address, reply->text()},
                      QStringLiteral("AUTH at %1 for %2: %3").arg(address, m_settings.username, reply->text())));
    return Status(unexpected(*reply, QStringLiteral("AUTH")));
}

Result<SmtpClient::Reply> SmtpClient::command(const QByteArray& line, const QString& loggedAs)
{
    logLine(QStringLiteral("→ ") + (loggedAs.isEmpty() ? QString::fromUtf8(line) : loggedAs));
    if (Status status = write(line + "\r\n"); !status)
        return status.error;
    return readReply();
}

Status SmtpClient::write(const QByteArray& data)
{
    if (m_socket->write(data) != data.size())
        return Status(connectionLost());
    while (m_socket->bytesToWrite() > 0) {
        if (m_deadline.hasExpired() || !m_socket->waitForBytesWritten(int(qMax<qint64>(1, m_deadline.remainingTime()))))
            return Status(connectionLost());
    }
    return {};
}

Result<SmtpClient::Reply> SmtpClient::readReply()
{
    Reply reply;
    for (;;) {
        while (!m_socket->canReadLine()) {
            if (m_deadline.hasExpired() ||
                !m_socket->waitForReadyRead(int(qMax<qint64>(1, m_deadline.remainingTime()))))
                return connectionLost();
        }
        QByteArray line = m_socket->readLine(8192);
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        logLine(QStringLiteral("← ") + QString::fromUtf8(line));
        bool numeric = false;
        const int code = line.left(3).toInt(&numeric);
        if (!numeric || (line.size() > 3 && line.at(3) != ' ' && line.at(3) != '-')) {
            reply.code = 0;
            reply.lines << QString::fromUtf8(line);
            return unexpected(reply, QStringLiteral("the previous command"));
        }
        reply.code = code;
        reply.lines << QString::fromUtf8(line.mid(4));
        if (line.size() == 3 || line.at(3) == ' ')
            return reply;
    }
}

Error SmtpClient::connectionLost() const
{
    const QString address = m_settings.address();
    const QString detail = QStringLiteral("%1: %2").arg(address, m_socket->errorString());
    if (m_deadline.hasExpired() || m_socket->error() == QAbstractSocket::SocketTimeoutError)
        return mailError(QT_TRANSLATE_NOOP("MailError",
                                           "The mail server at %1 did not answer within %2 seconds. Check that it is "
                                           "running and that the port in the mail settings is its SMTP port."),
                         {address, QString::number(m_settings.timeoutMs / 1000.0, 'g', 3)}, detail);
    return mailError(QT_TRANSLATE_NOOP("MailError",
                                       "The mail server at %1 closed the connection unexpectedly. Check its logs, "
                                       "then retry."),
                     {address}, detail);
}

Error SmtpClient::unexpected(const Reply& reply, const QString& step) const
{
    return mailError(QT_TRANSLATE_NOOP("MailError",
                                       "The mail server at %1 gave an unexpected answer (%2). Check that the mail host "
                                       "and port in Settings point to an SMTP server."),
                     {m_settings.address(), reply.text()},
                     QStringLiteral("%1 answered %2 with %3").arg(m_settings.address(), step, reply.text()));
}

} // namespace sb
