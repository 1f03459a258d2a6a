#include "AuditRepository.h"

namespace sb {

void AuditRepository::record(const QString& login, const QString& action, const QString& entity, qint64 entityId,
                             const QString& details)
{
    Sql(m_db, QStringLiteral("INSERT INTO audit_log (at_ms, staff_login, action, entity, entity_id, details)"
                             " VALUES (:t, :l, :a, :e, :id, :d)"))
        .bind(QStringLiteral(":t"), Database::nowMs())
        .bind(QStringLiteral(":l"), login)
        .bind(QStringLiteral(":a"), action)
        .bind(QStringLiteral(":e"), entity)
        .bind(QStringLiteral(":id"), entityId)
        .bind(QStringLiteral(":d"), details.isNull() ? QStringLiteral("") : details)
        .exec();
}

int AuditRepository::countFor(const QString& entity, qint64 entityId)
{
    Sql q(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = :e AND entity_id = :id"));
    q.bind(QStringLiteral(":e"), entity).bind(QStringLiteral(":id"), entityId).exec();
    return q.next() ? q.value(0).toInt() : 0;
}

int AuditRepository::countByStaff(const QString& login, const QString& action)
{
    Sql q(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE staff_login = :l AND action = :a"));
    q.bind(QStringLiteral(":l"), login).bind(QStringLiteral(":a"), action).exec();
    return q.next() ? q.value(0).toInt() : 0;
}

int AuditRepository::countAll()
{
    Sql q(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    q.exec();
    return q.next() ? q.value(0).toInt() : 0;
}

StaffUser AuditRepository::ensureUser(const QString& login, const QString& displayName, const QString& role)
{
    Sql find(m_db, QStringLiteral("SELECT id, login, display_name, role FROM staff_users WHERE login = :l"));
    find.bind(QStringLiteral(":l"), login).exec();
    if (find.next())
        return StaffUser{find.value(0).toLongLong(), find.value(1).toString(), find.value(2).toString(),
                         find.value(3).toString()};
    Sql insert(m_db, QStringLiteral("INSERT INTO staff_users (login, display_name, role, created_ms)"
                                    " VALUES (:l, :d, :r, :t) RETURNING id"));
    insert.bind(QStringLiteral(":l"), login)
        .bind(QStringLiteral(":d"), displayName)
        .bind(QStringLiteral(":r"), role)
        .bind(QStringLiteral(":t"), Database::nowMs())
        .exec();
    return StaffUser{insert.returnedId(), login, displayName, role};
}

} // namespace sb
