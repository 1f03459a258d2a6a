#pragma once

#include "domain/UserMessage.h"

#include <QByteArray>
#include <QString>

namespace sb {

// The passwords of the accounts provisioning creates on network elements (RADIUS users, SIP subscribers).
// They are never stored: each is HMAC-SHA256(installation key, purpose + service UUID), so whoever holds the
// installation key file re-derives it (welcome mail, staff reading it out to a customer) while our database,
// the task logs and the element databases hold hashes only. Every host that provisions needs the same key
// file (Settings: [network] credentials_key_file).
class ElementCredentials
{
public:
    static constexpr const char* RadiusPurpose = "radius:";
    static constexpr const char* SipPurpose = "sip:";

    // Reads the key file, creating it first (random key, readable by the owner only) when it does not exist.
    static Result<ElementCredentials> open(const QString& keyFile);

    ElementCredentials() = default; // no key: for Result<> only
    explicit ElementCredentials(QByteArray key) : m_key(std::move(key)) {}

    // 16 letters and digits without look-alikes (0/O, 1/l/I), so that it can be read out over the phone.
    QString password(const char* purpose, const QString& serviceUuid) const;
    QString radiusPassword(const QString& serviceUuid) const { return password(RadiusPurpose, serviceUuid); }
    QString sipPassword(const QString& serviceUuid) const { return password(SipPurpose, serviceUuid); }

private:
    QByteArray m_key;
};

} // namespace sb
