#pragma once

#include "TlsSettings.h"
#include "domain/UserMessage.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QSet>
#include <QString>

#include <memory>

class QSettings;
class QSslSocket;

namespace sb {

// The SMTP server that sends customer mail.
struct SmtpSettings
{
    QString host; // empty = no server: mail goes to the outbox folder
    quint16 port = 587;
    QString from;     // envelope sender and From: address
    QString username; // empty = no AUTH
    QString password;
    bool startTls = true; // refuse to send when the server does not offer STARTTLS
    TlsSettings tls;      // CA bundle (ca_file) and verification of the server's certificate
    int timeoutMs = 30000;

    bool isSet() const { return !host.isEmpty(); }
    QString address() const; // host:port, for messages and logs

    // Group [mail]: host, port, from, username, password, ca_file, starttls, tls_verify, timeout_ms.
    static SmtpSettings fromSettings(const QSettings& settings);
};

// A blocking SMTP client (EHLO, STARTTLS, AUTH PLAIN/LOGIN, MAIL/RCPT/DATA, QUIT) for worker threads: it waits on
// the socket with a deadline and needs no event loop. Failures are sentences naming the mail server and what to check.
class SmtpClient
{
public:
    explicit SmtpClient(SmtpSettings settings);
    ~SmtpClient();

    // Sends one message (complete RFC 5322 text, CRLF line ends) in a session of its own. The log gets the
    // dialogue with the password and the message body left out.
    Status send(const QString& recipient, const QByteArray& message, QString* log = nullptr);
    // "Test connection": connect, EHLO, STARTTLS (when set), AUTH (when a user is set), then QUIT; sends nothing.
    Status probe(QString* log = nullptr);

    // What the last session negotiated, for logs and tests: e.g. "TLSv1.3"; empty when it stayed in clear.
    QString tlsProtocol() const { return m_tlsProtocol; }

    // Lines starting with "." get another "."; line ends become CRLF; the data ends with CRLF.
    static QByteArray dotStuffed(const QByteArray& message);

private:
    struct Reply
    {
        int code = 0;
        QStringList lines;
        QString text() const { return QString::number(code) + QLatin1Char(' ') + lines.join(QLatin1Char(' ')); }
    };

    Status session(const QString& recipient, const QByteArray& message);
    Status connectToServer();
    Status hello();
    Status startTls();
    Status authenticate();
    Result<Reply> command(const QByteArray& line, const QString& loggedAs = {});
    Result<Reply> readReply();
    Status write(const QByteArray& data);
    Error connectionLost() const;
    Error unexpected(const Reply& reply, const QString& step) const;
    void logLine(const QString& line);

    SmtpSettings m_settings;
    std::unique_ptr<QSslSocket> m_socket;
    QDeadlineTimer m_deadline;
    QSet<QString> m_extensions; // EHLO keywords, upper case ("STARTTLS", "AUTH PLAIN LOGIN" -> "AUTH")
    QStringList m_authMechanisms;
    QString m_tlsProtocol;
    QString* m_log = nullptr;
};

} // namespace sb
