#include "CustomerSearchIndex.h"

namespace sb {
namespace {

QStringList sqliteTriggers()
{
    return {
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS customers_fts_insert AFTER INSERT ON customers BEGIN"
                       " INSERT INTO customers_fts (rowid, name, email) VALUES (new.id, new.name, new.email); END"),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS customers_fts_delete AFTER DELETE ON customers BEGIN"
                       " INSERT INTO customers_fts (customers_fts, rowid, name, email)"
                       " VALUES ('delete', old.id, old.name, old.email); END"),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS customers_fts_update AFTER UPDATE OF name, email ON customers BEGIN"
                       " INSERT INTO customers_fts (customers_fts, rowid, name, email)"
                       " VALUES ('delete', old.id, old.name, old.email);"
                       " INSERT INTO customers_fts (rowid, name, email) VALUES (new.id, new.name, new.email); END"),
    };
}

QStringList postgresIndexes()
{
    return {
        QStringLiteral("CREATE INDEX IF NOT EXISTS customers_name_trgm ON customers USING gin (name_lc gin_trgm_ops)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS customers_email_trgm ON customers USING gin (email_lc gin_trgm_ops)"),
    };
}

QString escapeLike(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char('%'), QLatin1String("\\%"));
    text.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return text;
}

} // namespace

QStringList CustomerSearchIndex::sqliteMigration()
{
    return QStringList{QStringLiteral("CREATE VIRTUAL TABLE customers_fts USING fts5(name, email, content='customers',"
                                      " content_rowid='id', tokenize='trigram')")} +
           sqliteTriggers() + QStringList{QStringLiteral("INSERT INTO customers_fts (customers_fts) VALUES ('rebuild')")};
}

QStringList CustomerSearchIndex::postgresMigration()
{
    return QStringList{QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm")} + postgresIndexes();
}

void CustomerSearchIndex::suspend(Database& db)
{
    const QStringList statements =
        db.dialect().sqlite
            ? QStringList{QStringLiteral("DROP TRIGGER IF EXISTS customers_fts_insert"),
                          QStringLiteral("DROP TRIGGER IF EXISTS customers_fts_delete"),
                          QStringLiteral("DROP TRIGGER IF EXISTS customers_fts_update")}
            : QStringList{QStringLiteral("DROP INDEX IF EXISTS customers_name_trgm"),
                          QStringLiteral("DROP INDEX IF EXISTS customers_email_trgm")};
    for (const QString& statement : statements)
        Sql::run(db, statement);
}

void CustomerSearchIndex::rebuild(Database& db)
{
    if (db.dialect().sqlite) {
        Transaction tx(db);
        Sql::run(db, QStringLiteral("INSERT INTO customers_fts (customers_fts) VALUES ('rebuild')"));
        for (const QString& statement : sqliteTriggers())
            Sql::run(db, statement);
        tx.commit();
        return;
    }
    Sql::run(db, QStringLiteral("SET maintenance_work_mem = '256MB'"));
    for (const QString& statement : postgresIndexes())
        Sql::run(db, statement);
    Sql::run(db, QStringLiteral("RESET maintenance_work_mem"));
    Sql::run(db, QStringLiteral("ANALYZE customers"));
}

QString CustomerSearchIndex::containsQuery(const SqlDialect& dialect, const QString& columns)
{
    // No ORDER BY: both indexes hand out matches as they find them, so LIMIT stops a common substring early.
    if (dialect.sqlite) {
        QString prefixed = columns;
        prefixed.replace(QLatin1String(", "), QLatin1String(", c."));
        return QStringLiteral("SELECT c.%1 FROM customers_fts JOIN customers c ON c.id = customers_fts.rowid"
                              " WHERE customers_fts MATCH :pattern LIMIT :limit")
            .arg(prefixed);
    }
    return QStringLiteral("SELECT %1 FROM customers WHERE name_lc LIKE :pattern ESCAPE '\\'"
                          " OR email_lc LIKE :pattern ESCAPE '\\' LIMIT :limit")
        .arg(columns);
}

QString CustomerSearchIndex::containsParameter(const SqlDialect& dialect, const QString& lowerText)
{
    if (dialect.sqlite) // an FTS5 phrase: the trigram tokenizer matches it as a substring
        return QLatin1Char('"') + QString(lowerText).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
    return QLatin1Char('%') + escapeLike(lowerText) + QLatin1Char('%');
}

} // namespace sb
