#pragma once

#include "DatabaseUrl.h"
#include "domain/UserMessage.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <stdexcept>

namespace sb {

// Thrown inside core/store when a statement fails; the public entry points turn it into an Error.
class StoreException : public std::runtime_error
{
public:
    StoreException(Error error) : std::runtime_error(error.detail.toStdString()), m_error(std::move(error)) {}
    const Error& error() const { return m_error; }

private:
    Error m_error;
};

// Where the SQL of the two engines differs. Everything else is written once.
struct SqlDialect
{
    bool sqlite = true;
    QString identityColumn() const;
    QString bigint() const { return QStringLiteral("BIGINT"); }
    QString beginWrite() const; // a transaction that takes the write lock up front
    QString skipLocked() const; // row locking suffix for job claims
    QString expand(QString sql) const;
};

// Hands out one connection per thread (a QSqlDatabase may only be used on the thread that opened it).
class Database
{
public:
    explicit Database(DatabaseUrl url);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const DatabaseUrl& url() const { return m_url; }
    const SqlDialect& dialect() const { return m_dialect; }

    // The calling thread's connection, opened on first use. Throws StoreException when it cannot open.
    QSqlDatabase connection();
    Status open(); // opens (and creates the SQLite file) on the calling thread
    void closeThreadConnection();

    static qint64 nowMs();

private:
    friend class Sql;
    // Prepared statements of one connection, reused: the PostgreSQL driver otherwise sends PREPARE, EXECUTE
    // and DEALLOCATE for every statement, three round trips where one will do.
    struct CachedStatement
    {
        QSqlQuery query;
        QStringList boundNames; // every placeholder bound so far: reset to NULL before the next run
        bool inUse = false;
        bool orphaned = false; // dropped from the cache while in use: the Sql that holds it deletes it
    };
    using StatementCache = QHash<QString, CachedStatement*>;
    static constexpr int statementCacheLimit = 200;

    QString threadConnectionName() const;
    // The calling thread's prepared statement for text, marked in use; nullptr when it is in use already (a
    // nested run of the same statement) or cannot be prepared.
    CachedStatement* takeStatement(const QString& text);
    void dropStatements(const QString& connectionName);

    DatabaseUrl m_url;
    SqlDialect m_dialect;
    QString m_prefix;
    QMutex m_mutex;
    QStringList m_connectionNames;
    QHash<QString, StatementCache> m_statements; // by connection name; each used only by its own thread
};

// A prepared statement that throws StoreException on failure.
class Sql
{
public:
    Sql(Database& db, const QString& text);
    // A statement without parameters, not prepared (PostgreSQL cannot prepare DDL).
    static void run(Database& db, const QString& text);
    Sql& bind(const QString& placeholder, const QVariant& value);
    Sql& exec();
    bool next() { return m_query->next(); }
    QVariant value(int index) const { return m_query->value(index); }
    QVariant value(const QString& name) const { return m_query->value(name); }
    int rowsAffected() const { return m_query->numRowsAffected(); }
    qint64 returnedId(); // the id of INSERT ... RETURNING id
    QSqlQuery& query() { return *m_query; }

    ~Sql();
    Sql(const Sql&) = delete;
    Sql& operator=(const Sql&) = delete;

private:
    QString m_text;
    Database::CachedStatement* m_cached = nullptr;
    std::optional<QSqlQuery> m_ownQuery; // when the cached statement is busy
    QSqlQuery* m_query = nullptr;
};

// RAII write transaction. Rolls back unless commit() was called.
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

Error storeError(const char* what, const QString& detail);

// Runs f and turns a StoreException into an Error. For the entry points that UI and CLI call.
template <typename F>
auto guarded(F&& f) -> Result<decltype(f())>
{
    try {
        return f();
    } catch (const StoreException& e) {
        return e.error();
    }
}

template <typename F>
Status guardedStatus(F&& f)
{
    try {
        f();
        return Status::success();
    } catch (const StoreException& e) {
        return Status(e.error());
    }
}

} // namespace sb
