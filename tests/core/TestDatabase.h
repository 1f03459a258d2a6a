#pragma once

#include "store/Database.h"
#include "store/DemoSeeder.h"
#include "store/Migrations.h"

#include <QTemporaryDir>

#include <memory>

// A migrated SQLite database in a temporary folder, with the demo operator unless told otherwise.
class TestDatabase
{
public:
    explicit TestDatabase(bool withDemo = true, int customers = 40)
    {
        m_db = std::make_unique<sb::Database>(sb::DatabaseUrl::sqliteFile(m_dir.filePath(QStringLiteral("test.db"))));
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

    bool ok() const { return m_ok; }
    sb::Database& db() { return *m_db; }
    QString url() const { return QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("test.db")); }
    QString path(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<sb::Database> m_db;
    bool m_ok = false;
};
