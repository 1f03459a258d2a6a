#pragma once

#include <QString>

class QSettings;

namespace sb {

// Which database the application opens when no --db is given, as chosen in the Settings dialog and kept in
// QSettings under "database/". The password is kept only when the user asked for it to be remembered;
// otherwise the application asks for it at start.
struct DatabaseSettings
{
    enum class Engine { Sqlite, Postgres };

    Engine engine = Engine::Sqlite;
    QString sqlitePath; // empty: the default file in the user's data folder
    QString host = QStringLiteral("localhost");
    int port = 5432;
    QString database = QStringLiteral("switchboard");
    QString user;
    QString password;
    bool rememberPassword = false;
    QString sslMode = QStringLiteral("prefer"); // disable, allow, prefer, require, verify-ca, verify-full
    QString caFile;                             // sslrootcert
    bool configured = false;                    // false: nothing saved yet

    static DatabaseSettings load(const QSettings& settings);
    void save(QSettings& settings) const;

    // The URL to open; with the password, so never shown or logged (DatabaseUrl::toDisplayString() is).
    // Empty for SQLite without a path: the caller's default.
    QString url() const;
    bool needsPassword() const; // a PostgreSQL user whose password was not remembered
    static QStringList sslModes();
};

} // namespace sb
