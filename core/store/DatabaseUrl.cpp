#include "DatabaseUrl.h"

#include <QDir>
#include <QUrl>
#include <QUrlQuery>

namespace sb {

DatabaseUrl DatabaseUrl::sqliteFile(const QString& path)
{
    DatabaseUrl url;
    url.engine = Engine::Sqlite;
    url.path = QDir::cleanPath(QDir::current().absoluteFilePath(path));
    return url;
}

Result<DatabaseUrl> DatabaseUrl::parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    static const QString sqlitePrefix = QStringLiteral("sqlite://");
    if (trimmed.startsWith(sqlitePrefix)) {
        const QString path = trimmed.mid(sqlitePrefix.size());
        if (path.isEmpty())
            return Error{UserMessage("DatabaseUrl", QT_TRANSLATE_NOOP("DatabaseUrl", "The database URL %1 names no file. Write it as sqlite:///path/to/file.db."),
                                     {trimmed}),
                         {}};
        return sqliteFile(path);
    }
    if (trimmed.startsWith(QLatin1String("postgresql://")) || trimmed.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(trimmed);
        if (!url.isValid() || url.host().isEmpty() || url.path().size() < 2)
            return Error{UserMessage("DatabaseUrl",
                                     QT_TRANSLATE_NOOP("DatabaseUrl", "The database URL %1 is not valid. Write it as "
                                     "postgresql://user:password@host:port/database."),
                                     {url.toDisplayString(QUrl::RemovePassword)}),
                         {}};
        DatabaseUrl result;
        result.engine = Engine::Postgres;
        result.host = url.host();
        result.port = url.port(5432);
        result.user = url.userName(QUrl::FullyDecoded);
        result.password = url.password(QUrl::FullyDecoded);
        result.database = url.path(QUrl::FullyDecoded).mid(1);
        QStringList options;
        const QUrlQuery query(url);
        for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded))
            options << key + QLatin1Char('=') + value;
        result.options = options.join(QLatin1Char(';'));
        return result;
    }
    return Error{UserMessage("DatabaseUrl",
                             QT_TRANSLATE_NOOP("DatabaseUrl", "%1 is not a database URL. Use sqlite:///path/to/file.db or "
                             "postgresql://user@host:port/database."),
                             {trimmed}),
                 {}};
}

QString DatabaseUrl::qtDriver() const
{
    return engine == Engine::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

QString DatabaseUrl::toDisplayString() const
{
    if (engine == Engine::Sqlite)
        return QStringLiteral("sqlite://") + path;
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        text += user + QLatin1Char('@');
    return text + host + QLatin1Char(':') + QString::number(port) + QLatin1Char('/') + database;
}

} // namespace sb
