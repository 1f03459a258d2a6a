#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"
#include "security/Actor.h"
#include "store/Database.h"

namespace sb {

// Staff accounts: signing in, and the administrator's user management. Each call uses the calling thread's
// connection; password checks take a noticeable moment (PBKDF2), so the GUI runs them on the Backend pool.
class StaffWorkflow
{
public:
    static constexpr int MinimumPasswordLength = 8;

    explicit StaffWorkflow(Database& db) : m_db(db) {}

    // The same refusal for an unknown login, a wrong password and an account without a password.
    Result<Actor> authenticate(const QString& login, const QString& password);
    // The embedded single-desktop default: the local user, created as an administrator on first use. Refused
    // on PostgreSQL, where everybody signs in with a password.
    Result<Actor> signInLocalUser(const QString& login);
    bool exists(const QString& login);
    // True while no administrator can sign in with a password: then addUser() accepts nobody (an invalid
    // Actor) as the creator of the first administrator, so that a new shared database can be set up.
    bool needsFirstAdministrator();

    Result<StaffUser> addUser(const Actor& actor, const QString& login, const QString& displayName, Role role,
                              const QString& password);
    // Administrators set anybody's password; every user may change their own.
    Status changePassword(const Actor& actor, const QString& login, const QString& newPassword);
    Result<QList<StaffUser>> users(const Actor& actor);

    static bool isValidLogin(const QString& login);

private:
    Database& m_db;
};

} // namespace sb
