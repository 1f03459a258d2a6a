#pragma once

#include "Database.h"

#include <optional>

namespace sb {

// One row of Kamailio's subscriber table. auth_db runs with calculate_ha1 off: it reads ha1 (and ha1b for
// user@domain logins), so the password column stays empty and no clear password is stored.
struct SipSubscriber
{
    QString username; // the DID the phone registers as
    QString domain;   // also the digest realm
    QString ha1;
    QString ha1b;
};

// Kamailio's subscriber table (auth_db) and its row in Kamailio's version table, on SQLite or PostgreSQL.
class SipSubscriberStore
{
public:
    explicit SipSubscriberStore(Database& db) : m_db(db) {}

    // Creates the subscriber and version tables, and the version row auth_db checks, if they are missing.
    void ensureSchema();
    std::optional<SipSubscriber> find(const QString& username, const QString& domain);
    // Inserts or updates the row, in one transaction. False when it already was exactly so.
    bool save(const SipSubscriber& subscriber);
    bool remove(const QString& username, const QString& domain);

private:
    Database& m_db;
};

} // namespace sb
