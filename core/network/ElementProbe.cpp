#include "ElementProbe.h"

#include "CgratesClient.h"
#include "ElementExchange.h"
#include "OsmoHlrCtlClient.h"
#include "store/DatabaseProbe.h"
#include "store/DatabaseUrl.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QUuid>

namespace sb {
namespace {

constexpr const char* Context = "ElementProbe";

UserMessage connected(const QString& element, const QString& address)
{
    return UserMessage(Context, QT_TRANSLATE_NOOP("ElementProbe", "Connected: the %1 at %2 answered."),
                       {element, address});
}

// refusedSentence: "The %1 at %2 refused the … key (HTTP %3). …"
Error keyRefused(const ElementExchange& exchange, const ElementExchange::Reply& reply, const char* refusedSentence)
{
    return {UserMessage(Context, refusedSentence,
                        {exchange.element(), exchange.address(), QString::number(reply.httpStatus)}),
            exchange.replyDetail(reply, QStringLiteral("connection test"))};
}

// A GET that any answer but an error or a refused key counts as reachable.
Result<UserMessage> restGet(const ElementEndpoint& endpoint, const QString& path, const QByteArray& keyHeader,
                            const char* refusedSentence)
{
    ElementExchange exchange(endpoint);
    HttpJsonClient::Headers headers;
    if (!endpoint.provisioningKey.isEmpty())
        headers.append({keyHeader, endpoint.provisioningKey.toUtf8()});
    const Result<ElementExchange::Reply> reply = exchange.send("GET", exchange.urlFor(path), nullptr, nullptr, headers);
    if (!reply)
        return reply.error();
    if (reply->httpStatus == 401 || reply->httpStatus == 403)
        return keyRefused(exchange, *reply, refusedSentence);
    if (reply->httpStatus >= 500 || (reply->httpStatus != 200 && reply->httpStatus != 404))
        return exchange.httpError(*reply, QStringLiteral("connection test"));
    return connected(exchange.element(), exchange.address());
}

Result<UserMessage> notConfigured(const char* source, const QString& element = {})
{
    return UserMessage(Context, source, element.isEmpty() ? QStringList() : QStringList{element});
}

} // namespace

Result<UserMessage> ElementProbe::ocs(const ElementEndpoint& endpoint)
{
    CgratesClient client(endpoint);
    const QJsonObject params{{QStringLiteral("Tenant"), QLatin1String(CgratesClient::DefaultTenant)},
                             {QStringLiteral("Account"), QStringLiteral("switchboard-connection-test")}};
    const Result<QJsonValue> result = client.call(QStringLiteral("APIerSv2.GetAccount"), params);
    if (!result && !result.error().detail.endsWith(QLatin1String("error \"NOT_FOUND\"")))
        return result.error();
    return connected(endpoint.element, endpoint.url.toDisplayString(QUrl::RemoveUserInfo));
}

Result<UserMessage> ElementProbe::pyHss(const ElementEndpoint& endpoint)
{
    return restGet(endpoint, QStringLiteral("/subscriber/imsi/") + QLatin1String(UnusedImsi), "Provisioning-Key",
                   QT_TRANSLATE_NOOP("ElementProbe", "The %1 at %2 refused the provisioning key (HTTP %3). Check "
                                                     "the provisioning key set for it in Settings."));
}

Result<UserMessage> ElementProbe::iptv(const ElementEndpoint& endpoint)
{
    return restGet(endpoint, QStringLiteral("/devices/switchboard-connection-test"), "X-Api-Key",
                   QT_TRANSLATE_NOOP("ElementProbe", "The %1 at %2 refused the API key (HTTP %3). Check the API "
                                                     "key set for it in Settings."));
}

Result<UserMessage> ElementProbe::osmoHlr(const ElementEndpoint& endpoint)
{
    OsmoHlrCtlClient client(endpoint);
    const auto subscriber = client.subscriber(QLatin1String(UnusedImsi));
    if (!subscriber)
        return subscriber.error();
    return connected(endpoint.element, client.address());
}

Result<UserMessage> ElementProbe::database(const QString& element, const QString& urlText, const QString& table)
{
    const Result<DatabaseUrl> url = DatabaseUrl::parse(urlText);
    if (!url)
        return url.error();
    const QString shown = url->toDisplayString();
    if (url->isSqlite() && !QFileInfo::exists(url->path))
        return Error{UserMessage(Context,
                                 QT_TRANSLATE_NOOP("ElementProbe", "The %1 database file %2 does not exist. Check the "
                                                                   "path in Settings."),
                                 {element, url->path}),
                     QStringLiteral("%1: no file %2").arg(element, url->path)};
    const QString name = QStringLiteral("sb-element-probe-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<UserMessage> outcome = UserMessage();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(url->qtDriver(), name);
        if (url->isSqlite()) {
            db.setDatabaseName(url->path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        } else {
            db.setHostName(url->host);
            db.setPort(url->port);
            db.setUserName(url->user);
            db.setPassword(url->password);
            db.setDatabaseName(url->database);
            QString options = url->options;
            if (!options.contains(QLatin1String("connect_timeout")))
                options += (options.isEmpty() ? QString() : QStringLiteral(";")) +
                           QStringLiteral("connect_timeout=%1").arg(DatabaseProbe::connectTimeoutSeconds);
            db.setConnectOptions(options);
        }
        if (!db.open()) {
            const QString detail = db.lastError().text();
            switch (DatabaseProbe::classify(detail)) {
            case DatabaseProbe::Outcome::Unreachable:
                outcome = Error{UserMessage(Context,
                                            QT_TRANSLATE_NOOP("ElementProbe",
                                                              "Unable to connect to the %1 database at %2. Check that "
                                                              "the database server is running and that the address in "
                                                              "Settings is right."),
                                            {element, shown}),
                                detail};
                break;
            case DatabaseProbe::Outcome::BadCredentials:
                outcome = Error{UserMessage(Context,
                                            QT_TRANSLATE_NOOP("ElementProbe",
                                                              "The %1 database at %2 did not accept the user %3 with "
                                                              "this password. Check the user name and the password."),
                                            {element, shown, url->user}),
                                detail};
                break;
            default:
                outcome =
                    Error{UserMessage(Context,
                                      QT_TRANSLATE_NOOP("ElementProbe", "The %1 database %2 could not be opened: %3"),
                                      {element, shown, detail.trimmed()}),
                          detail};
            }
        } else if (!db.tables().contains(table, Qt::CaseInsensitive)) {
            outcome = Error{UserMessage(Context,
                                        QT_TRANSLATE_NOOP("ElementProbe",
                                                          "The %1 database %2 opened, but it has no table %3. Check "
                                                          "that the URL names the database the %1 reads and that its "
                                                          "SQL schema is loaded."),
                                        {element, shown, table}),
                            QStringLiteral("%1: tables %2").arg(element, db.tables().join(QLatin1Char(',')))};
        } else {
            outcome = UserMessage(Context,
                                  QT_TRANSLATE_NOOP("ElementProbe", "Connected: the %1 database %2 has the table %3."),
                                  {element, shown, table});
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return outcome;
}

Result<UserMessage> ElementProbe::mail(const SmtpSettings& settings)
{
    SmtpClient client(settings);
    if (const Status status = client.probe(); !status)
        return status.error;
    if (!client.tlsProtocol().isEmpty())
        return UserMessage(Context,
                           QT_TRANSLATE_NOOP("ElementProbe", "Connected: the mail server at %1 answered over %2."),
                           {settings.address(), client.tlsProtocol()});
    return connected(QStringLiteral("mail server"), settings.address());
}

Result<UserMessage> ElementProbe::test(ElementPage page, const ElementSettings::Values& values)
{
    const ElementEndpoint endpoint = ElementSettings::endpoint(page, values);
    switch (page) {
    case ElementPage::Ocs:
    case ElementPage::Iptv:
        if (!endpoint.isSet())
            return notConfigured(QT_TRANSLATE_NOOP("ElementProbe", "No address is set: the built-in simulator serves "
                                                                   "the %1. Nothing to test."),
                                 endpoint.element);
        return page == ElementPage::Ocs ? ocs(endpoint) : iptv(endpoint);
    case ElementPage::Hss:
        if (endpoint.url.scheme() == QLatin1String("tcp"))
            return osmoHlr(endpoint);
        if (!endpoint.isSet())
            return notConfigured(QT_TRANSLATE_NOOP("ElementProbe", "No address is set: the built-in simulator serves "
                                                                   "the %1. Nothing to test."),
                                 endpoint.element);
        return pyHss(endpoint);
    case ElementPage::Radius:
    case ElementPage::Sip: {
        const QString url = ElementSettings::databaseUrl(page, values);
        const QString element =
            page == ElementPage::Sip ? QStringLiteral("SIP registrar") : QStringLiteral("RADIUS server");
        if (url.isEmpty())
            return notConfigured(QT_TRANSLATE_NOOP("ElementProbe", "No database is set: the embedded %1 database in "
                                                                   "the data folder is used. Nothing to test."),
                                 element);
        return database(element, url,
                        page == ElementPage::Sip ? QStringLiteral("subscriber") : QStringLiteral("radcheck"));
    }
    case ElementPage::Mail: {
        const SmtpSettings smtp = ElementSettings::mail(values);
        if (!smtp.isSet())
            return notConfigured(QT_TRANSLATE_NOOP("ElementProbe", "No SMTP server is set: mail goes to the outbox "
                                                                   "folder. Nothing to test."));
        return mail(smtp);
    }
    case ElementPage::SimKeys:
        break;
    }
    return notConfigured(QT_TRANSLATE_NOOP("ElementProbe", "Nothing to test."));
}

} // namespace sb
