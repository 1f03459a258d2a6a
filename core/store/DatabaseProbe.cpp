#include "DatabaseProbe.h"

#include "Migrations.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace sb {
namespace {

struct Probe
{
    DatabaseProbe::Outcome outcome;
    UserMessage message;
    QString detail;
    int version = 0;
};

UserMessage failureMessage(DatabaseProbe::Outcome outcome, const DatabaseUrl& url, const QString& detail)
{
    const QString where = url.isSqlite() ? url.path : url.host + QLatin1Char(':') + QString::number(url.port);
    switch (outcome) {
    case DatabaseProbe::Outcome::Unreachable:
        return UserMessage("DatabaseProbe",
                           QT_TRANSLATE_NOOP("DatabaseProbe", "Cannot reach the database server at %1. Check the host "
                                                              "name and the port, and that the server is running."),
                           {where});
    case DatabaseProbe::Outcome::BadCredentials:
        return UserMessage("DatabaseProbe",
                           QT_TRANSLATE_NOOP("DatabaseProbe", "The server at %1 did not accept the user %2 with this "
                                                              "password. Check the user name and the password."),
                           {where, url.user});
    case DatabaseProbe::Outcome::Tls:
        return UserMessage("DatabaseProbe",
                           QT_TRANSLATE_NOOP("DatabaseProbe", "The secure (TLS) connection to %1 failed: the server "
                                                              "offers no TLS, or its certificate could not be verified "
                                                              "with the CA file. Check the TLS mode and the CA file."),
                           {where});
    case DatabaseProbe::Outcome::NoSuchDatabase:
        return UserMessage("DatabaseProbe",
                           QT_TRANSLATE_NOOP("DatabaseProbe", "The server at %1 has no database called %2. Check the "
                                                              "database name."),
                           {where, url.database});
    case DatabaseProbe::Outcome::NotSwitchboard:
        return UserMessage("DatabaseProbe",
                           QT_TRANSLATE_NOOP("DatabaseProbe", "%1 is not a Switchboard database: it holds other data. "
                                                              "Choose a Switchboard database or an empty one."),
                           {url.toDisplayString()});
    case DatabaseProbe::Outcome::Ok:
    case DatabaseProbe::Outcome::SchemaTooNew: // built with its version numbers where it is found
    case DatabaseProbe::Outcome::Failed:
        break;
    }
    return UserMessage("DatabaseProbe",
                       QT_TRANSLATE_NOOP("DatabaseProbe", "The database %1 could not be opened: %2"),
                       {url.toDisplayString(), detail.trimmed()});
}

Probe inspectSchema(QSqlDatabase& db, const DatabaseUrl& url)
{
    QSqlQuery query(db);
    const QString tablesSql =
        url.isSqlite() ? QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN name = 'schema_version' THEN 1 ELSE 0 END)"
                                        " FROM sqlite_master WHERE type = 'table'")
                       : QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN table_name = 'schema_version' THEN 1 ELSE 0 END)"
                                        " FROM information_schema.tables WHERE table_schema = current_schema()");
    if (!query.exec(tablesSql) || !query.next()) {
        const QString detail = query.lastError().text();
        const DatabaseProbe::Outcome outcome = DatabaseProbe::classify(detail);
        return {outcome, failureMessage(outcome, url, detail), detail};
    }
    const int tables = query.value(0).toInt();
    const bool hasVersionTable = query.value(1).toInt() > 0;
    if (tables == 0)
        return {DatabaseProbe::Outcome::Ok,
                UserMessage("DatabaseProbe", QT_TRANSLATE_NOOP("DatabaseProbe", "Connected. The database is empty: "
                                                                                "Switchboard sets it up when it starts.")),
                {}};
    if (!hasVersionTable)
        return {DatabaseProbe::Outcome::NotSwitchboard,
                failureMessage(DatabaseProbe::Outcome::NotSwitchboard, url, {}), QStringLiteral("no schema_version")};
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")) || !query.next()) {
        const QString detail = query.lastError().text();
        return {DatabaseProbe::Outcome::NotSwitchboard, failureMessage(DatabaseProbe::Outcome::NotSwitchboard, url, {}),
                detail};
    }
    const int version = query.value(0).toInt();
    const int latest = Migrations::latestVersion();
    if (version > latest)
        return {DatabaseProbe::Outcome::SchemaTooNew,
                UserMessage("Store",
                            QT_TRANSLATE_NOOP("Store", "The database has schema version %1 but this program knows only "
                                                       "up to %2. Install the newer Switchboard that created it."),
                            {QString::number(version), QString::number(latest)}),
                {}, version};
    if (version < latest)
        return {DatabaseProbe::Outcome::Ok,
                UserMessage("DatabaseProbe",
                            QT_TRANSLATE_NOOP("DatabaseProbe", "Connected. The database has schema version %1; "
                                                               "Switchboard upgrades it to version %2 when it starts."),
                            {QString::number(version), QString::number(latest)}),
                {}, version};
    return {DatabaseProbe::Outcome::Ok,
            UserMessage("DatabaseProbe",
                        QT_TRANSLATE_NOOP("DatabaseProbe", "Connected. The database is up to date (schema version %1)."),
                        {QString::number(version)}),
            {}, version};
}

Probe probe(const DatabaseUrl& url, const QString& connectionName)
{
    if (url.isSqlite()) {
        const QFileInfo file(url.path);
        if (!file.exists()) {
            const QFileInfo folder(file.absolutePath());
            if (folder.exists() ? !folder.isWritable() : false)
                return {DatabaseProbe::Outcome::Failed,
                        UserMessage("DatabaseProbe",
                                    QT_TRANSLATE_NOOP("DatabaseProbe", "Switchboard cannot create files in the folder "
                                                                       "%1. Choose another place for the database file."),
                                    {folder.absoluteFilePath()}),
                        {}};
            return {DatabaseProbe::Outcome::Ok,
                    UserMessage("DatabaseProbe",
                                QT_TRANSLATE_NOOP("DatabaseProbe", "The file %1 does not exist yet: Switchboard "
                                                                   "creates it when it starts."),
                                {url.path}),
                    {}};
        }
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(url.qtDriver(), connectionName);
    if (url.isSqlite()) {
        db.setDatabaseName(url.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        db.setHostName(url.host);
        db.setPort(url.port);
        db.setUserName(url.user);
        db.setPassword(url.password);
        db.setDatabaseName(url.database);
        QString options = url.options;
        if (!options.contains(QLatin1String("connect_timeout")))
            options += (options.isEmpty() ? QString() : QStringLiteral(";")) +
                       QStringLiteral("connect_timeout=%1").arg(DatabaseProbe::connectTimeoutSeconds);
        db.setConnectOptions(options);
    }
    if (!db.open()) {
        const QString detail = db.lastError().text();
        const DatabaseProbe::Outcome outcome = DatabaseProbe::classify(detail);
        return {outcome, failureMessage(outcome, url, detail), detail};
    }
    Probe result = inspectSchema(db, url);
    db.close();
    return result;
}

} // namespace

DatabaseProbe::Outcome DatabaseProbe::classify(const QString& driverError)
{
    const QString text = driverError.toLower();
    auto has = [&](const char* fragment) { return text.contains(QLatin1String(fragment)); };
    if (has("password authentication failed") || has("no password supplied") || has("pg_hba.conf") ||
        (has("role \"") && has("does not exist")) || has("authentication failed"))
        return Outcome::BadCredentials;
    if (has("ssl") || has("certificate") || has("tls"))
        return Outcome::Tls;
    if (has("connection refused") || has("could not connect") || has("could not translate host name") ||
        has("timeout expired") || has("no route to host") || has("network is unreachable") ||
        has("name or service not known") || has("temporary failure in name resolution"))
        return Outcome::Unreachable;
    if (has("database \"") && has("does not exist"))
        return Outcome::NoSuchDatabase;
    if (has("file is not a database") || has("not a database"))
        return Outcome::NotSwitchboard;
    return Outcome::Failed;
}

Status DatabaseProbe::test(const DatabaseUrl& url, Report* report)
{
    const QString name = QStringLiteral("sb-probe-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Probe result = probe(url, name);
    QSqlDatabase::removeDatabase(name);
    if (report)
        *report = Report{result.outcome, result.message, result.version};
    if (result.outcome == Outcome::Ok)
        return Status::success();
    return Status(Error{result.message, result.detail});
}

} // namespace sb
