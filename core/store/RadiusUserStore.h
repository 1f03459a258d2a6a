#pragma once

#include "Database.h"

#include <optional>

namespace sb {

// One RADIUS user as FreeRADIUS's SQL module reads it.
struct RadiusUser
{
    QString username;
    QString passwordHash;     // radcheck SSHA2-256-Password := (ElementPasswordHash); never the clear password
    QString callingStationId; // radcheck Calling-Station-Id ==: only this modem may log in; empty = any
    QString rateLimit;        // radreply Mikrotik-Rate-Limit :=; empty = none
    QString group;            // radusergroup; empty = none
};

// The FreeRADIUS SQL schema (radcheck, radreply, radusergroup and the group tables the server also reads) in
// the RADIUS database, on SQLite or PostgreSQL. A row in radcheck is live on the server's next request.
class RadiusUserStore
{
public:
    static constexpr const char* PasswordAttribute = "SSHA2-256-Password";
    static constexpr const char* StationAttribute = "Calling-Station-Id";
    static constexpr const char* RateLimitAttribute = "Mikrotik-Rate-Limit";

    explicit RadiusUserStore(Database& db) : m_db(db) {}

    // Creates the tables FreeRADIUS reads when authorizing, if they are missing.
    void ensureSchema();
    std::optional<RadiusUser> find(const QString& username);
    // Makes the user's rows exactly these, in one transaction. False when they already were (nothing written).
    bool save(const RadiusUser& user);
    // Deletes every row of the user, in one transaction. False when there was none.
    bool remove(const QString& username);

private:
    bool putAttribute(const QString& table, const QString& username, const QString& attribute, const QString& op,
                      const QString& value);
    bool putGroup(const QString& username, const QString& group);
    Database& m_db;
};

} // namespace sb
