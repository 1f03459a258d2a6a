#include "StaffRepository.h"

namespace sb {
namespace {

StaffUser userFrom(Sql& q)
{
    return StaffUser{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()};
}

} // namespace

std::optional<StaffUser> StaffRepository::byLogin(const QString& login)
{
    Sql q(m_db, QStringLiteral("SELECT id, login, display_name, role FROM staff_users WHERE login = :l"));
    q.bind(QStringLiteral(":l"), login).exec();
    if (!q.next())
        return std::nullopt;
    return userFrom(q);
}

QString StaffRepository::passwordHash(const QString& login)
{
    Sql q(m_db, QStringLiteral("SELECT password_hash FROM staff_users WHERE login = :l"));
    q.bind(QStringLiteral(":l"), login).exec();
    return q.next() ? q.value(0).toString() : QString();
}

QList<StaffUser> StaffRepository::list()
{
    Sql q(m_db, QStringLiteral("SELECT id, login, display_name, role FROM staff_users ORDER BY login"));
    q.exec();
    QList<StaffUser> users;
    while (q.next())
        users << userFrom(q);
    return users;
}

qint64 StaffRepository::insert(const StaffUser& user, const QString& passwordHash)
{
    Sql q(m_db, QStringLiteral("INSERT INTO staff_users (login, display_name, role, password_hash, created_ms)"
                               " VALUES (:l, :d, :r, :h, :t) RETURNING id"));
    q.bind(QStringLiteral(":l"), user.login)
        .bind(QStringLiteral(":d"), user.displayName)
        .bind(QStringLiteral(":r"), user.role)
        .bind(QStringLiteral(":h"),
              passwordHash.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(passwordHash))
        .bind(QStringLiteral(":t"), Database::nowMs())
        .exec();
    return q.returnedId();
}

bool StaffRepository::setPasswordHash(const QString& login, const QString& passwordHash)
{
    Sql q(m_db, QStringLiteral("UPDATE staff_users SET password_hash = :h WHERE login = :l"));
    q.bind(QStringLiteral(":h"), passwordHash).bind(QStringLiteral(":l"), login).exec();
    return q.rowsAffected() == 1;
}

bool StaffRepository::hasAdministratorWithPassword()
{
    Sql q(m_db, QStringLiteral(
                    "SELECT COUNT(*) FROM staff_users WHERE role = 'administrator' AND password_hash IS NOT NULL"));
    q.exec();
    return q.next() && q.value(0).toInt() > 0;
}

int StaffRepository::count()
{
    Sql q(m_db, QStringLiteral("SELECT COUNT(*) FROM staff_users"));
    q.exec();
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace sb
