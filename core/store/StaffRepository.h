#pragma once

#include "Database.h"
#include "domain/Entities.h"

#include <optional>

namespace sb {

// Staff accounts (staff_users). Password hashes go in and out of here encoded; never a clear password.
class StaffRepository
{
public:
    explicit StaffRepository(Database& db) : m_db(db) {}

    std::optional<StaffUser> byLogin(const QString& login);
    QString passwordHash(const QString& login); // empty when the account has none (or does not exist)
    QList<StaffUser> list();
    qint64 insert(const StaffUser& user, const QString& passwordHash);
    bool setPasswordHash(const QString& login, const QString& passwordHash);
    // True when some administrator account can sign in with a password.
    bool hasAdministratorWithPassword();
    int count();

private:
    Database& m_db;
};

} // namespace sb
