#pragma once

#include <QString>

namespace sb::ElementPasswordHash {

// FreeRADIUS SSHA2-256-Password: base64(SHA-256(password + salt) + salt) with a random 8-byte salt. rlm_pap
// checks PAP requests against it, so radcheck never holds the clear password. Empty when OpenSSL has no
// random bytes.
QString radiusSsha256(const QString& password);
// True when the SSHA2-256-Password value was made from this password (whatever its salt).
bool radiusSsha256Matches(const QString& value, const QString& password);

// Kamailio auth_db with calculate_ha1 off: MD5("user:realm:password") and MD5("user@domain:realm:password"),
// lower-case hex, as kamctl writes them. The realm is the subscriber's domain.
QString sipHa1(const QString& username, const QString& domain, const QString& password);
QString sipHa1b(const QString& username, const QString& domain, const QString& password);

} // namespace sb::ElementPasswordHash
