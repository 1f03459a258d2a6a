#include "SipSubscriberStore.h"

namespace sb {
namespace {

// The subscriber table version of Kamailio 5.x; auth_db refuses to start when the version table says otherwise.
constexpr int SubscriberTableVersion = 7;

} // namespace

void SipSubscriberStore::ensureSchema()
{
    Transaction tx(m_db);
    Sql::run(m_db, QStringLiteral("CREATE TABLE IF NOT EXISTS version (id {{ID}}, table_name VARCHAR(32) NOT NULL,"
                                  " table_version INTEGER DEFAULT 0 NOT NULL,"
                                  " CONSTRAINT version_table_name_idx UNIQUE (table_name))"));
    Sql::run(m_db, QStringLiteral("CREATE TABLE IF NOT EXISTS subscriber (id {{ID}}, username VARCHAR(64) DEFAULT '' NOT NULL,"
                                  " domain VARCHAR(64) DEFAULT '' NOT NULL, password VARCHAR(64) DEFAULT '' NOT NULL,"
                                  " ha1 VARCHAR(128) DEFAULT '' NOT NULL, ha1b VARCHAR(128) DEFAULT '' NOT NULL,"
                                  " CONSTRAINT subscriber_account_idx UNIQUE (username, domain))"));
    Sql::run(m_db, QStringLiteral("CREATE INDEX IF NOT EXISTS subscriber_username_idx ON subscriber (username)"));
    Sql versions(m_db, QStringLiteral("SELECT COUNT(*) FROM version WHERE table_name = 'subscriber'"));
    versions.exec();
    if (versions.next() && versions.value(0).toInt() == 0)
        Sql(m_db, QStringLiteral("INSERT INTO version (table_name, table_version) VALUES ('subscriber', :v)"))
            .bind(QStringLiteral(":v"), SubscriberTableVersion)
            .exec();
    tx.commit();
}

std::optional<SipSubscriber> SipSubscriberStore::find(const QString& username, const QString& domain)
{
    Sql q(m_db, QStringLiteral("SELECT ha1, ha1b FROM subscriber WHERE username = :u AND domain = :d"));
    q.bind(QStringLiteral(":u"), username).bind(QStringLiteral(":d"), domain).exec();
    if (!q.next())
        return std::nullopt;
    return SipSubscriber{username, domain, q.value(0).toString(), q.value(1).toString()};
}

bool SipSubscriberStore::save(const SipSubscriber& subscriber)
{
    Transaction tx(m_db);
    const auto existing = find(subscriber.username, subscriber.domain);
    if (existing && existing->ha1 == subscriber.ha1 && existing->ha1b == subscriber.ha1b)
        return false;
    Sql(m_db, existing ? QStringLiteral("UPDATE subscriber SET password = '', ha1 = :h, ha1b = :hb"
                                        " WHERE username = :u AND domain = :d")
                       : QStringLiteral("INSERT INTO subscriber (username, domain, password, ha1, ha1b)"
                                        " VALUES (:u, :d, '', :h, :hb)"))
        .bind(QStringLiteral(":u"), subscriber.username)
        .bind(QStringLiteral(":d"), subscriber.domain)
        .bind(QStringLiteral(":h"), subscriber.ha1)
        .bind(QStringLiteral(":hb"), subscriber.ha1b)
        .exec();
    tx.commit();
    return true;
}

bool SipSubscriberStore::remove(const QString& username, const QString& domain)
{
    Sql q(m_db, QStringLiteral("DELETE FROM subscriber WHERE username = :u AND domain = :d"));
    q.bind(QStringLiteral(":u"), username).bind(QStringLiteral(":d"), domain).exec();
    return q.rowsAffected() > 0;
}

} // namespace sb
