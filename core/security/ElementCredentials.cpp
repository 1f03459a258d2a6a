#include "ElementCredentials.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QTemporaryFile>

#include <openssl/rand.h>

namespace sb {
namespace {

constexpr int KeyBytes = 32;
constexpr int PasswordLength = 16;

Error keyFileError(const QString& keyFile, const QString& detail)
{
    return Error{UserMessage("ElementCredentials",
                             QT_TRANSLATE_NOOP("ElementCredentials", "The credentials key file %1 cannot be read or created. Check the file and its folder, or set another file in Settings."),
                             {QDir::toNativeSeparators(keyFile)}),
                 detail};
}

Result<QByteArray> readKey(const QString& keyFile)
{
    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly))
        return keyFileError(keyFile, file.errorString());
    const QByteArray key = QByteArray::fromHex(file.readAll().trimmed());
    if (key.size() < KeyBytes)
        return keyFileError(keyFile, QStringLiteral("the key file does not hold %1 hex-encoded bytes").arg(KeyBytes));
    return key;
}

// Written to a private temporary file and renamed into place; rename never replaces an existing file, so
// two processes creating the key at once both end up with the one that won.
Status createKey(const QString& keyFile)
{
    if (!QDir().mkpath(QFileInfo(keyFile).absolutePath()))
        return Status(keyFileError(keyFile, QStringLiteral("cannot create the folder")));
    QByteArray key(KeyBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), KeyBytes) != 1)
        return Status(keyFileError(keyFile, QStringLiteral("OpenSSL could not produce random bytes")));
    QTemporaryFile temporary(keyFile + QStringLiteral(".XXXXXX"));
    temporary.setAutoRemove(true);
    if (!temporary.open() || !temporary.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        temporary.write(key.toHex() + '\n') < 0 || !temporary.flush())
        return Status(keyFileError(keyFile, temporary.errorString()));
    temporary.close();
    if (!QFile::rename(temporary.fileName(), keyFile) && !QFile::exists(keyFile))
        return Status(keyFileError(keyFile, QStringLiteral("cannot move the new key into place")));
    return {};
}

} // namespace

Result<ElementCredentials> ElementCredentials::open(const QString& keyFile)
{
    if (keyFile.isEmpty())
        return keyFileError(keyFile, QStringLiteral("no credentials key file is set"));
    if (!QFile::exists(keyFile))
        if (Status created = createKey(keyFile); !created)
            return created.error;
    const Result<QByteArray> key = readKey(keyFile);
    if (!key)
        return key.error();
    return ElementCredentials(*key);
}

QString ElementCredentials::password(const char* purpose, const QString& serviceUuid) const
{
    static const QByteArray alphabet("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
    QByteArray number = QMessageAuthenticationCode::hash(QByteArray(purpose) + serviceUuid.toUtf8(), m_key,
                                                         QCryptographicHash::Sha256);
    // The 256-bit digest read as one big-endian number, written in base 57: uniform letters, no modulo bias.
    QString result;
    for (int i = 0; i < PasswordLength; ++i) {
        int remainder = 0;
        for (char& byte : number) {
            const int value = remainder * 256 + static_cast<unsigned char>(byte);
            byte = static_cast<char>(value / alphabet.size());
            remainder = value % alphabet.size();
        }
        result += QLatin1Char(alphabet.at(remainder));
    }
    return result;
}

} // namespace sb
