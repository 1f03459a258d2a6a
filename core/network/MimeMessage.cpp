#include "MimeMessage.h"

#include <QLocale>
#include <QUuid>

namespace sb {

static bool isPrintableAscii(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

QByteArray MimeMessage::encodedWords(const QString& text)
{
    if (isPrintableAscii(text) && !text.contains(QLatin1String("=?")))
        return text.toUtf8();
    // 45 bytes of UTF-8 give 60 base64 characters: with "=?UTF-8?B?" and "?=" a word stays within 75. A word
    // never splits a character (nor a surrogate pair).
    QByteArrayList words;
    QByteArray chunk;
    for (qsizetype i = 0; i < text.size(); ++i) {
        qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QByteArray character = text.mid(i, length).toUtf8();
        i += length - 1;
        if (chunk.size() + character.size() > 45) {
            words << "=?UTF-8?B?" + chunk.toBase64() + "?=";
            chunk.clear();
        }
        chunk += character;
    }
    if (!chunk.isEmpty())
        words << "=?UTF-8?B?" + chunk.toBase64() + "?=";
    return words.join("\r\n ");
}

QByteArray MimeMessage::mailbox(const QString& name, const QString& address)
{
    const QByteArray angle = '<' + address.toUtf8() + '>';
    if (name.trimmed().isEmpty())
        return angle;
    if (!isPrintableAscii(name))
        return encodedWords(name) + ' ' + angle;
    QString quoted = name;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return '"' + quoted.toUtf8() + "\" " + angle;
}

static QByteArray base64Lines(const QByteArray& data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + "\r\n";
    return out;
}

QByteArray MimeMessage::toBytes() const
{
    const QDateTime when = date.isValid() ? date : QDateTime::currentDateTime();
    QString id = messageId;
    if (id.isEmpty()) {
        QString domain = fromAddress.section(QLatin1Char('@'), 1);
        if (domain.isEmpty())
            domain = QStringLiteral("switchboard.invalid");
        id = QUuid::createUuid().toString(QUuid::WithoutBraces) + QLatin1Char('@') + domain;
    }
    QString text = body;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\n'), QLatin1String("\r\n"));

    QByteArray out;
    if (!fromAddress.isEmpty()) // an outbox copy may have no sender yet
        out += "From: " + mailbox(fromName, fromAddress) + "\r\n";
    out += "To: " + mailbox(toName, toAddress) + "\r\n";
    out += "Subject: " + encodedWords(subject) + "\r\n";
    // RFC 5322 dates use English day and month names whatever the locale.
    const int offset = when.offsetFromUtc();
    out += "Date: " + QLocale::c().toString(when, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss ")).toLatin1() +
           (offset < 0 ? '-' : '+') + QByteArray::number(qAbs(offset) / 3600).rightJustified(2, '0') +
           QByteArray::number(qAbs(offset) % 3600 / 60).rightJustified(2, '0') + "\r\n";
    out += "Message-ID: <" + id.toUtf8() + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    if (!language.isEmpty())
        out += "Content-Language: " + language.toLatin1() + "\r\n";
    out += "\r\n";
    out += base64Lines(text.toUtf8());
    return out;
}

} // namespace sb
