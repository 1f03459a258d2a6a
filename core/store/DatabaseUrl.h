#pragma once

#include "domain/UserMessage.h"

#include <QString>

namespace sb {

// Names a database: sqlite:///absolute/path/file.db, sqlite://relative.db or
// postgresql://user[:password]@host[:port]/db[?sslmode=...&sslrootcert=FILE]
struct DatabaseUrl
{
    enum class Engine { Sqlite, Postgres };

    Engine engine = Engine::Sqlite;
    QString path; // SQLite file
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;
    QString options; // driver connect options (sslmode, sslrootcert...)

    static Result<DatabaseUrl> parse(const QString& text);
    static DatabaseUrl sqliteFile(const QString& path);
    QString qtDriver() const;
    QString toDisplayString() const; // never shows the password
    bool isSqlite() const { return engine == Engine::Sqlite; }
};

} // namespace sb
