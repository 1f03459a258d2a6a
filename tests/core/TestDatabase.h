#pragma once

#include "store/Database.h"
#include "store/DemoSeeder.h"
#include "store/Migrations.h"

#include <QTemporaryDir>
#include <QUuid>

#include <memory>

// A migrated database of its own for one test: an SQLite file in a temporary folder, or, when
// SWITCHBOARD_TEST_PG names a PostgreSQL server (its maintenance database), a fresh database there
// that is dropped afterwards. The demo operator is seeded unless told otherwise.
class TestDatabase
{
public:
    explicit TestDatabase(bool withDemo = true, int customers = 40)
    {
        m_url = createUrl(m_dir, &m_pgName);
        const auto parsed = sb::DatabaseUrl::parse(m_url);
        if (!parsed)
            return;
        m_db = std::make_unique<sb::Database>(*parsed);
        m_ok = sb::Migrations::migrate(*m_db).ok();
        if (m_ok && withDemo) {
            sb::DemoSize size;
            size.customers = customers;
            size.simCards = 40;
            size.mobileNumbers = 40;
            size.modems = 10;
            size.setTopBoxes = 10;
            size.sipDids = 10;
            m_ok = sb::DemoSeeder(*m_db).seed(size).ok();
        }
    }

    ~TestDatabase()
    {
        m_db.reset();
        if (!m_pgName.isEmpty())
            runOnServer(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgName));
    }

    // A URL for a new, empty database (the CLI tests let switchboard-ctl create the schema).
    static QString createUrl(const QTemporaryDir& dir, QString* pgName)
    {
        const QString server = qEnvironmentVariable("SWITCHBOARD_TEST_PG");
        if (server.isEmpty())
            return QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("test-%1.db").arg(++counter()));
        *pgName = QStringLiteral("sbtest_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        runOnServer(QStringLiteral("CREATE DATABASE %1").arg(*pgName));
        QString url = server;
        return url.left(url.lastIndexOf(QLatin1Char('/')) + 1) + *pgName;
    }

    static bool isPostgres() { return !qEnvironmentVariable("SWITCHBOARD_TEST_PG").isEmpty(); }

    bool ok() const { return m_ok; }
    sb::Database& db() { return *m_db; }
    QString url() const { return m_url; }
    QString path(const QString& name) const { return m_dir.filePath(name); }

private:
    static int& counter()
    {
        static int n = 0;
        return n;
    }

    static void runOnServer(const QString& statement)
    {
        const auto server = sb::DatabaseUrl::parse(qEnvironmentVariable("SWITCHBOARD_TEST_PG"));
        if (!server)
            return;
        sb::Database maintenance(*server);
        try {
            sb::Sql::run(maintenance, statement);
        } catch (const sb::StoreException& e) {
            qWarning("%s", qPrintable(e.error().detail));
        }
    }

    QTemporaryDir m_dir;
    QString m_url;
    QString m_pgName;
    std::unique_ptr<sb::Database> m_db;
    bool m_ok = false;
};
