#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace sb {

// A plain-text mail in UTF-8 as RFC 5322 / MIME wants it: encoded-word headers (RFC 2047) where the text is not
// ASCII, a base64 body, Date, Message-ID and Content-Language.
struct MimeMessage
{
    QString fromAddress;
    QString fromName; // optional display name
    QString toAddress;
    QString toName; // optional display name
    QString subject;
    QString body;      // line ends may be \n
    QString language;  // BCP 47 tag for Content-Language, e.g. "pt-BR"; empty = none
    QDateTime date;    // invalid = now
    QString messageId; // without <>; empty = a new unique one under the sender's domain

    QByteArray toBytes() const; // CRLF line ends

    // "=?UTF-8?B?…?=" words of at most 75 characters, folded with CRLF SP; ASCII text stays as it is.
    static QByteArray encodedWords(const QString& text);
    static QByteArray mailbox(const QString& name, const QString& address); // "Name <address>"
};

} // namespace sb
