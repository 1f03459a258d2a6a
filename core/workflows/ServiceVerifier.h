#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"
#include "network/ElementEndpoint.h"
#include "store/Database.h"

#include <QJsonObject>
#include <QList>

namespace sb {

// One thing read back from one network element: what the database says should be there, what the element has.
// Secrets (Ki, OPc, passwords, hashes) are checked but never shown: expected and found say "present" instead.
struct VerifyCheck
{
    enum class Outcome { Ok, Mismatch, Unreachable };

    QString element;     // "OCS", "HSS", "HLR", "RADIUS server", "SIP registrar", "IPTV middleware", "Switchboard"
    UserMessage subject; // what was checked, e.g. "Account 3f2a… exists"
    UserMessage expected;
    UserMessage found;
    Outcome outcome = Outcome::Ok;
    UserMessage problem; // empty when ok: what is wrong, in a sentence
    UserMessage remedy;  // empty when ok: what to do about it

    bool ok() const { return outcome == Outcome::Ok; }
    QString advice() const; // problem and remedy, translated, as one paragraph
};

QString toCode(VerifyCheck::Outcome outcome); // "ok", "mismatch", "unreachable" (CLI, never translated)

struct VerifyReport
{
    qint64 serviceId = 0;
    QString serviceName;
    ServiceStatus serviceStatus = ServiceStatus::PendingProvisioning;
    QList<VerifyCheck> checks;

    int count(VerifyCheck::Outcome outcome) const;
    bool clean() const { return count(VerifyCheck::Outcome::Ok) == checks.size(); }
    QJsonObject toJson() const; // for switchboard-ctl --json, English texts
};

// Verify service: reads a service back from every element its provisioning jobs wrote to (the done tasks of its
// jobs say what and where) and compares with what the database expects. A cancelled service expects everything
// absent. Synchronous (network and SQL): run it off the GUI thread.
class ServiceVerifier
{
public:
    ServiceVerifier(Database& db, NetworkEndpoints endpoints) : m_db(db), m_endpoints(std::move(endpoints)) {}

    Result<VerifyReport> verify(qint64 serviceId);

private:
    struct Expectations;
    class Run;

    Database& m_db;
    NetworkEndpoints m_endpoints;
};

} // namespace sb
