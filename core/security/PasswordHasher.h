#pragma once

#include <QByteArray>
#include <QString>

namespace sb {

// Password hashes for staff accounts: PBKDF2-HMAC-SHA256 (OpenSSL) with a random 16-byte salt per hash,
// encoded as "pbkdf2-sha256$ITERATIONS$SALT_BASE64$HASH_BASE64". The clear password is never kept: the
// UTF-8 copy is wiped after use, and nothing here logs.
class PasswordHasher
{
public:
    static constexpr int DefaultIterations = 310000;
    static constexpr int MinimumIterations = 310000;
    static constexpr int SaltBytes = 16;
    static constexpr int HashBytes = 32;

    explicit PasswordHasher(int iterations = DefaultIterations);

    // The encoded hash, or an empty string when OpenSSL could not produce random bytes or a hash.
    QString hash(const QString& password) const;
    // True when the password matches the encoded hash (constant-time comparison); false for a malformed one.
    static bool verify(const QString& password, const QString& encoded);
    // The encoding is one this class wrote, with at least MinimumIterations.
    static bool isWellFormed(const QString& encoded);
    // Costs the same as verify() and always fails: for unknown logins, so timing does not tell them apart.
    static void spendVerifyTime(const QString& password);

private:
    static QByteArray derive(const QString& password, const QByteArray& salt, int iterations);
    int m_iterations;
};

} // namespace sb
