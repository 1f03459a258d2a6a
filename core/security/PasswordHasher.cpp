#include "PasswordHasher.h"

#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>

namespace sb {
namespace {

const QLatin1String Scheme("pbkdf2-sha256");

struct Decoded
{
    int iterations = 0;
    QByteArray salt;
    QByteArray hash;
};

bool decode(const QString& encoded, Decoded* out)
{
    const QStringList parts = encoded.split(QLatin1Char('$'));
    if (parts.size() != 4 || parts.at(0) != Scheme)
        return false;
    bool ok = false;
    out->iterations = parts.at(1).toInt(&ok);
    if (!ok || out->iterations < PasswordHasher::MinimumIterations)
        return false;
    const auto salt = QByteArray::fromBase64Encoding(parts.at(2).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto hash = QByteArray::fromBase64Encoding(parts.at(3).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !hash || (*salt).size() < PasswordHasher::SaltBytes || (*hash).size() != PasswordHasher::HashBytes)
        return false;
    out->salt = *salt;
    out->hash = *hash;
    return true;
}

} // namespace

PasswordHasher::PasswordHasher(int iterations) : m_iterations(std::max(iterations, MinimumIterations)) {}

QByteArray PasswordHasher::derive(const QString& password, const QByteArray& salt, int iterations)
{
    QByteArray utf8 = password.toUtf8();
    QByteArray key(HashBytes, '\0');
    const int ok = PKCS5_PBKDF2_HMAC(
        utf8.constData(), int(utf8.size()), reinterpret_cast<const unsigned char*>(salt.constData()), int(salt.size()),
        iterations, EVP_sha256(), int(key.size()), reinterpret_cast<unsigned char*>(key.data()));
    OPENSSL_cleanse(utf8.data(), size_t(utf8.size()));
    return ok == 1 ? key : QByteArray();
}

QString PasswordHasher::hash(const QString& password) const
{
    QByteArray salt(SaltBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), int(salt.size())) != 1)
        return {};
    const QByteArray key = derive(password, salt, m_iterations);
    if (key.isEmpty())
        return {};
    return QStringLiteral("%1$%2$%3$%4")
        .arg(Scheme)
        .arg(m_iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key.toBase64()));
}

bool PasswordHasher::verify(const QString& password, const QString& encoded)
{
    Decoded stored;
    if (!decode(encoded, &stored))
        return false;
    const QByteArray key = derive(password, stored.salt, stored.iterations);
    return key.size() == stored.hash.size() &&
           CRYPTO_memcmp(key.constData(), stored.hash.constData(), size_t(key.size())) == 0;
}

bool PasswordHasher::isWellFormed(const QString& encoded)
{
    Decoded stored;
    return decode(encoded, &stored);
}

void PasswordHasher::spendVerifyTime(const QString& password)
{
    derive(password, QByteArray(SaltBytes, '\0'), DefaultIterations);
}

} // namespace sb
