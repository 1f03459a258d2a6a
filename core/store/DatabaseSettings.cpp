#include "DatabaseSettings.h"

#include <QFile>
#include <QSettings>
#include <QUrl>
#include <QUrlQuery>

namespace sb {
namespace {

const QString group = QStringLiteral("database/");

QString key(const char* name)
{
    return group + QLatin1String(name);
}

} // namespace

QStringList DatabaseSettings::sslModes()
{
    return {QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
            QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
}

DatabaseSettings DatabaseSettings::load(const QSettings& settings)
{
    DatabaseSettings s;
    s.configured = settings.contains(key("engine"));
    if (!s.configured)
        return s;
    s.engine = settings.value(key("engine")).toString() == QLatin1String("postgresql") ? Engine::Postgres
                                                                                        : Engine::Sqlite;
    s.sqlitePath = settings.value(key("sqlitePath")).toString();
    s.host = settings.value(key("host"), s.host).toString();
    s.port = settings.value(key("port"), s.port).toInt();
    s.database = settings.value(key("name"), s.database).toString();
    s.user = settings.value(key("user")).toString();
    s.rememberPassword = settings.value(key("rememberPassword"), false).toBool();
    if (s.rememberPassword)
        s.password = settings.value(key("password")).toString();
    const QString mode = settings.value(key("sslMode"), s.sslMode).toString();
    if (sslModes().contains(mode))
        s.sslMode = mode;
    s.caFile = settings.value(key("caFile")).toString();
    return s;
}

void DatabaseSettings::save(QSettings& settings) const
{
    settings.setValue(key("engine"), engine == Engine::Postgres ? QStringLiteral("postgresql") : QStringLiteral("sqlite"));
    settings.setValue(key("sqlitePath"), sqlitePath);
    settings.setValue(key("host"), host);
    settings.setValue(key("port"), port);
    settings.setValue(key("name"), database);
    settings.setValue(key("user"), user);
    settings.setValue(key("rememberPassword"), rememberPassword);
    if (rememberPassword)
        settings.setValue(key("password"), password);
    else
        settings.remove(key("password"));
    settings.sync();
    // A remembered password is readable by its owner only, as libpq demands of ~/.pgpass.
    if (rememberPassword && QFile::exists(settings.fileName()))
        QFile::setPermissions(settings.fileName(), QFile::ReadOwner | QFile::WriteOwner);
    settings.setValue(key("sslMode"), sslMode);
    settings.setValue(key("caFile"), caFile);
}

QString DatabaseSettings::url() const
{
    if (engine == Engine::Sqlite)
        return sqlitePath.isEmpty() ? QString() : QStringLiteral("sqlite://") + sqlitePath;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user, QUrl::DecodedMode);
    if (!password.isEmpty())
        url.setPassword(password, QUrl::DecodedMode);
    url.setPath(QLatin1Char('/') + database, QUrl::DecodedMode);
    QUrlQuery query;
    auto encoded = [](const QString& value) { return QString::fromLatin1(QUrl::toPercentEncoding(value)); };
    query.addQueryItem(QStringLiteral("sslmode"), sslMode);
    if (!caFile.isEmpty() && sslMode != QLatin1String("disable"))
        query.addQueryItem(QStringLiteral("sslrootcert"), encoded(caFile));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

bool DatabaseSettings::needsPassword() const
{
    return configured && engine == Engine::Postgres && !user.isEmpty() && !rememberPassword;
}

} // namespace sb
