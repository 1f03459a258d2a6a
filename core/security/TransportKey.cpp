#include "TransportKey.h"

#include "Milenage.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace sb {

QByteArray blockFromHex(const QString& hex)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-Fa-f]{32}$"));
    QString compact = hex;
    compact.remove(QLatin1Char(' '));
    if (!pattern.match(compact).hasMatch())
        return {};
    return QByteArray::fromHex(compact.toLatin1());
}

Result<TransportKey> TransportKey::fromHex(const QString& hex)
{
    const QByteArray key = blockFromHex(hex);
    if (key.isEmpty())
        return Error{UserMessage("SimKeys", QT_TRANSLATE_NOOP("SimKeys", "A transport key must be 32 hexadecimal "
                                                                         "digits (AES-128).")),
                     {}};
    return TransportKey(key);
}

Result<TransportKey> TransportKey::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error{UserMessage("SimKeys",
                                 QT_TRANSLATE_NOOP("SimKeys", "Cannot read the transport key file %1. "
                                                              "Check the path and its permissions."),
                                 {path}),
                     file.errorString()};
    const QStringList lines = QString::fromLatin1(file.readAll()).split(QLatin1Char('\n'));
    for (const QString& raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QByteArray key = blockFromHex(line);
        if (key.isEmpty())
            break;
        return TransportKey(key);
    }
    return Error{UserMessage("SimKeys",
                             QT_TRANSLATE_NOOP("SimKeys", "The transport key file %1 does not hold a key. "
                                                          "It must contain the 32 hexadecimal digits of "
                                                          "the AES-128 transport key on one line."),
                             {path}),
                 {}};
}

TransportKey TransportKey::demo()
{
    return TransportKey(QByteArray::fromHex("5377697463686230617264446530304b")); // "Switchb0ardDe00K"
}

QString TransportKey::checkValue() const
{
    const QByteArray zero(16, '\0');
    return QString::fromLatin1(encrypt(zero).left(3).toHex().toUpper());
}

QByteArray TransportKey::encrypt(const QByteArray& block) const
{
    return Milenage::aesEncryptBlock(m_key, block);
}

QByteArray TransportKey::decrypt(const QByteArray& block) const
{
    return Milenage::aesDecryptBlock(m_key, block);
}

} // namespace sb
