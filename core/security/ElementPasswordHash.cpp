#include "ElementPasswordHash.h"

#include <QByteArray>
#include <QCryptographicHash>

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace sb::ElementPasswordHash {
namespace {

constexpr int SaltBytes = 8;
constexpr int DigestBytes = 32;

QByteArray ssha256(const QString& password, const QByteArray& salt)
{
    return QCryptographicHash::hash(password.toUtf8() + salt, QCryptographicHash::Sha256) + salt;
}

QString md5Hex(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5).toHex());
}

} // namespace

QString radiusSsha256(const QString& password)
{
    QByteArray salt(SaltBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), SaltBytes) != 1)
        return {};
    return QString::fromLatin1(ssha256(password, salt).toBase64());
}

bool radiusSsha256Matches(const QString& value, const QString& password)
{
    const QByteArray decoded = QByteArray::fromBase64(value.toLatin1());
    if (decoded.size() <= DigestBytes)
        return false;
    const QByteArray expected = ssha256(password, decoded.mid(DigestBytes));
    return CRYPTO_memcmp(expected.constData(), decoded.constData(), static_cast<size_t>(decoded.size())) == 0;
}

QString sipHa1(const QString& username, const QString& domain, const QString& password)
{
    return md5Hex(username + QLatin1Char(':') + domain + QLatin1Char(':') + password);
}

QString sipHa1b(const QString& username, const QString& domain, const QString& password)
{
    return md5Hex(username + QLatin1Char('@') + domain + QLatin1Char(':') + domain + QLatin1Char(':') + password);
}

} // namespace sb::ElementPasswordHash
