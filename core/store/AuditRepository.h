#pragma once

#include "Database.h"
#include "domain/Entities.h"

namespace sb {

// Append-only record of who changed what.
class AuditRepository
{
public:
    explicit AuditRepository(Database& db) : m_db(db) {}
    void record(const QString& login, const QString& action, const QString& entity, qint64 entityId,
                const QString& details = {});
    int countFor(const QString& entity, qint64 entityId);
    int countByStaff(const QString& login, const QString& action);
    int countAll();

    StaffUser ensureUser(const QString& login, const QString& displayName, const QString& role);

private:
    Database& m_db;
};

} // namespace sb
