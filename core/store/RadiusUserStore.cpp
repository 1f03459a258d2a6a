#include "RadiusUserStore.h"

namespace sb {
namespace {

// Password attributes an earlier writer may have left; a user must have exactly one known-good password.
const QStringList otherPasswordAttributes{QStringLiteral("Cleartext-Password"), QStringLiteral("Crypt-Password")};

} // namespace

void RadiusUserStore::ensureSchema()
{
    // The columns of FreeRADIUS's own schema.sql (both engines); only the tables that authorize reads.
    for (const char* table : {"radcheck", "radreply", "radgroupcheck", "radgroupreply"}) {
        const QString name = QLatin1String(table);
        const QString key = name.startsWith(QLatin1String("radgroup")) ? QStringLiteral("groupname") : QStringLiteral("username");
        const QString defaultOp = name.endsWith(QLatin1String("check")) ? QStringLiteral("==") : QStringLiteral("=");
        Sql::run(m_db, QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (id {{ID}}, %2 VARCHAR(64) NOT NULL DEFAULT '',"
                                      " attribute VARCHAR(64) NOT NULL DEFAULT '', op CHAR(2) NOT NULL DEFAULT '%3',"
                                      " value VARCHAR(253) NOT NULL DEFAULT '')")
                           .arg(name, key, defaultOp));
        Sql::run(m_db, QStringLiteral("CREATE INDEX IF NOT EXISTS %1_%2 ON %1 (%2, attribute)").arg(name, key));
    }
    Sql::run(m_db, QStringLiteral("CREATE TABLE IF NOT EXISTS radusergroup (id {{ID}},"
                                  " username VARCHAR(64) NOT NULL DEFAULT '', groupname VARCHAR(64) NOT NULL DEFAULT '',"
                                  " priority INTEGER NOT NULL DEFAULT 1)"));
    Sql::run(m_db, QStringLiteral("CREATE INDEX IF NOT EXISTS radusergroup_username ON radusergroup (username)"));
}

std::optional<RadiusUser> RadiusUserStore::find(const QString& username)
{
    RadiusUser user;
    user.username = username;
    bool found = false;
    for (const char* table : {"radcheck", "radreply"}) {
        Sql q(m_db, QStringLiteral("SELECT attribute, value FROM %1 WHERE username = :u ORDER BY id").arg(QLatin1String(table)));
        q.bind(QStringLiteral(":u"), username).exec();
        while (q.next()) {
            found = true;
            const QString attribute = q.value(0).toString();
            if (attribute == QLatin1String(PasswordAttribute))
                user.passwordHash = q.value(1).toString();
            else if (attribute == QLatin1String(StationAttribute))
                user.callingStationId = q.value(1).toString();
            else if (attribute == QLatin1String(RateLimitAttribute))
                user.rateLimit = q.value(1).toString();
        }
    }
    Sql groups(m_db, QStringLiteral("SELECT groupname FROM radusergroup WHERE username = :u ORDER BY priority, id"));
    groups.bind(QStringLiteral(":u"), username).exec();
    if (groups.next()) {
        found = true;
        user.group = groups.value(0).toString();
    }
    if (!found)
        return std::nullopt;
    return user;
}

// One row (username, attribute) with this op and value; none when the value is empty.
bool RadiusUserStore::putAttribute(const QString& table, const QString& username, const QString& attribute,
                                   const QString& op, const QString& value)
{
    Sql existing(m_db, QStringLiteral("SELECT op, value FROM %1 WHERE username = :u AND attribute = :a").arg(table));
    existing.bind(QStringLiteral(":u"), username).bind(QStringLiteral(":a"), attribute).exec();
    int rows = 0;
    bool same = false;
    while (existing.next()) {
        ++rows;
        same = existing.value(0).toString().trimmed() == op && existing.value(1).toString() == value;
    }
    if (value.isEmpty() ? rows == 0 : (rows == 1 && same))
        return false;
    Sql(m_db, QStringLiteral("DELETE FROM %1 WHERE username = :u AND attribute = :a").arg(table))
        .bind(QStringLiteral(":u"), username)
        .bind(QStringLiteral(":a"), attribute)
        .exec();
    if (!value.isEmpty())
        Sql(m_db, QStringLiteral("INSERT INTO %1 (username, attribute, op, value) VALUES (:u, :a, :o, :v)").arg(table))
            .bind(QStringLiteral(":u"), username)
            .bind(QStringLiteral(":a"), attribute)
            .bind(QStringLiteral(":o"), op)
            .bind(QStringLiteral(":v"), value)
            .exec();
    return true;
}

bool RadiusUserStore::putGroup(const QString& username, const QString& group)
{
    Sql groups(m_db, QStringLiteral("SELECT groupname FROM radusergroup WHERE username = :u"));
    groups.bind(QStringLiteral(":u"), username).exec();
    QStringList current;
    while (groups.next())
        current << groups.value(0).toString();
    const QStringList wanted = group.isEmpty() ? QStringList() : QStringList{group};
    if (current == wanted)
        return false;
    Sql(m_db, QStringLiteral("DELETE FROM radusergroup WHERE username = :u")).bind(QStringLiteral(":u"), username).exec();
    if (!group.isEmpty())
        Sql(m_db, QStringLiteral("INSERT INTO radusergroup (username, groupname, priority) VALUES (:u, :g, 1)"))
            .bind(QStringLiteral(":u"), username)
            .bind(QStringLiteral(":g"), group)
            .exec();
    return true;
}

bool RadiusUserStore::save(const RadiusUser& user)
{
    const QString check = QStringLiteral("radcheck");
    Transaction tx(m_db);
    bool changed = false;
    for (const QString& attribute : otherPasswordAttributes)
        changed |= putAttribute(check, user.username, attribute, QStringLiteral(":="), QString());
    changed |= putAttribute(check, user.username, QLatin1String(PasswordAttribute), QStringLiteral(":="), user.passwordHash);
    changed |= putAttribute(check, user.username, QLatin1String(StationAttribute), QStringLiteral("=="), user.callingStationId);
    changed |= putAttribute(QStringLiteral("radreply"), user.username, QLatin1String(RateLimitAttribute), QStringLiteral(":="),
                            user.rateLimit);
    changed |= putGroup(user.username, user.group);
    tx.commit();
    return changed;
}

bool RadiusUserStore::remove(const QString& username)
{
    Transaction tx(m_db);
    int removed = 0;
    for (const char* table : {"radcheck", "radreply", "radusergroup"}) {
        Sql q(m_db, QStringLiteral("DELETE FROM %1 WHERE username = :u").arg(QLatin1String(table)));
        q.bind(QStringLiteral(":u"), username).exec();
        removed += qMax(0, q.rowsAffected());
    }
    tx.commit();
    return removed > 0;
}

} // namespace sb
