#include "ElementActions.h"

#include "domain/RadiusAttributes.h"
#include "security/ElementCredentials.h"
#include "security/ElementPasswordHash.h"
#include "store/RadiusUserStore.h"
#include "store/SipSubscriberStore.h"

#include <QCoreApplication>

namespace sb::ElementActions {
namespace {

Status fail(UserMessage message, QString detail = {})
{
    return Status(Error{std::move(message), std::move(detail)});
}

QString text(const QJsonObject& params, const char* key)
{
    return params.value(QLatin1String(key)).toString().trimmed();
}

// The service the account belongs to: the task's parameter, else the job's variables.
QString serviceUuid(const ActionContext& ctx, const QJsonObject& params)
{
    const QString given = text(params, "service_uuid");
    return given.isEmpty() ? ctx.job.variables.value(QStringLiteral("service")).toObject().value(QStringLiteral("uuid")).toString()
                           : given;
}

// Opens the element's database, runs work on it, and turns a database failure into a message naming the element.
template <typename Work>
Status onElementDatabase(ActionContext& ctx, const char* element, const QString& urlText, Work work)
{
    if (urlText.isEmpty())
        return fail(UserMessage("ProvisioningAction",
                                QT_TRANSLATE_NOOP("ProvisioningAction", "No database is set for the %1. Set it in Settings, then retry."),
                                {QString::fromLatin1(element)}));
    const Result<DatabaseUrl> url = DatabaseUrl::parse(urlText);
    if (!url)
        return Status(url.error());
    Database database(*url);
    try {
        return work(database);
    } catch (const StoreException& e) {
        ctx.log += QStringLiteral("%1 database %2: %3\n").arg(QString::fromLatin1(element), url->toDisplayString(), e.error().detail);
        return fail(UserMessage("ProvisioningAction",
                                QT_TRANSLATE_NOOP("ProvisioningAction", "The %1 database %2 could not be updated. Check that it is reachable and that the address in Settings is right, then retry."),
                                {QString::fromLatin1(element), url->toDisplayString()}),
                    e.error().detail);
    }
}

Result<ElementCredentials> credentials(const ActionContext& ctx)
{
    return ElementCredentials::open(ctx.endpoints.credentialsKeyPath());
}

QString sipDomain(const ActionContext& ctx, const QJsonObject& params)
{
    return ctx.endpoints.sipDomain.isEmpty() ? text(params, "domain") : ctx.endpoints.sipDomain;
}

} // namespace

Status createRadiusUser(ActionContext& ctx, const QJsonObject& params)
{
    RadiusUser user;
    user.username = text(params, "username");
    user.group = text(params, "group");
    const QString uuid = serviceUuid(ctx, params);
    if (user.username.isEmpty() || uuid.isEmpty())
        return fail(UserMessage("ProvisioningAction",
                                QT_TRANSLATE_NOOP("ProvisioningAction", "The RADIUS user has no name or no service. Correct the playbook \"%1\"."),
                                {ctx.job.playbook}));
    const QString rate = text(params, "rate_limit");
    user.rateLimit = RadiusAttributes::mikrotikRateLimit(rate);
    if (!rate.isEmpty() && user.rateLimit.isEmpty())
        return fail(UserMessage("ProvisioningAction",
                                QT_TRANSLATE_NOOP("ProvisioningAction", "The plan's rate limit \"%1\" is not a download/upload rate such as 100M/20M. Correct the product's provisioning variables."),
                                {rate}));
    const QString mac = text(params, "modem_mac");
    user.callingStationId = RadiusAttributes::callingStationId(mac);
    if (!mac.isEmpty() && user.callingStationId.isEmpty())
        return fail(UserMessage("ProvisioningAction",
                                QT_TRANSLATE_NOOP("ProvisioningAction", "The modem's MAC address \"%1\" is not valid. Correct the inventory item, then retry."),
                                {mac}));
    const Result<ElementCredentials> keys = credentials(ctx);
    if (!keys)
        return Status(keys.error());
    const QString password = keys->radiusPassword(uuid);

    return onElementDatabase(ctx, "RADIUS server", ctx.endpoints.radiusDatabaseUrl(), [&](Database& db) {
        RadiusUserStore store(db);
        store.ensureSchema();
        // A retry keeps the stored hash (and its salt) when it already matches: nothing changes.
        const auto existing = store.find(user.username);
        user.passwordHash = existing && ElementPasswordHash::radiusSsha256Matches(existing->passwordHash, password)
                                ? existing->passwordHash
                                : ElementPasswordHash::radiusSsha256(password);
        if (user.passwordHash.isEmpty())
            return fail(UserMessage("ProvisioningAction",
                                    QT_TRANSLATE_NOOP("ProvisioningAction", "The RADIUS password could not be hashed. Check the system's random number source, then retry.")));
        const bool changed = store.save(user);
        ctx.log += QStringLiteral("radius user %1 %2: %3 := ***, %4 == %5, reply %6 := %7, group %8\n")
                       .arg(user.username, changed ? QStringLiteral("written") : QStringLiteral("already so, nothing to do"),
                            QLatin1String(RadiusUserStore::PasswordAttribute), QLatin1String(RadiusUserStore::StationAttribute),
                            user.callingStationId.isEmpty() ? QStringLiteral("(any)") : user.callingStationId,
                            QLatin1String(RadiusUserStore::RateLimitAttribute),
                            user.rateLimit.isEmpty() ? QStringLiteral("(none)") : user.rateLimit,
                            user.group.isEmpty() ? QStringLiteral("(none)") : user.group);
        return Status();
    });
}

Status deleteRadiusUser(ActionContext& ctx, const QJsonObject& params)
{
    const QString username = text(params, "username");
    return onElementDatabase(ctx, "RADIUS server", ctx.endpoints.radiusDatabaseUrl(), [&](Database& db) {
        RadiusUserStore store(db);
        store.ensureSchema();
        const bool removed = store.remove(username);
        ctx.log += QStringLiteral("radius user %1 %2\n").arg(username, removed ? QStringLiteral("removed") : QStringLiteral("not present, nothing to do"));
        return Status();
    });
}

Status createSipSubscriber(ActionContext& ctx, const QJsonObject& params)
{
    SipSubscriber subscriber;
    subscriber.username = text(params, "username");
    subscriber.domain = sipDomain(ctx, params);
    const QString uuid = serviceUuid(ctx, params);
    if (subscriber.username.isEmpty() || subscriber.domain.isEmpty() || uuid.isEmpty())
        return fail(UserMessage("ProvisioningAction",
                                QT_TRANSLATE_NOOP("ProvisioningAction", "The SIP subscriber has no number, no domain or no service. Set the SIP domain in Settings or on the product, then retry.")));
    const Result<ElementCredentials> keys = credentials(ctx);
    if (!keys)
        return Status(keys.error());
    const QString password = keys->sipPassword(uuid);
    subscriber.ha1 = ElementPasswordHash::sipHa1(subscriber.username, subscriber.domain, password);
    subscriber.ha1b = ElementPasswordHash::sipHa1b(subscriber.username, subscriber.domain, password);

    return onElementDatabase(ctx, "SIP registrar", ctx.endpoints.sipDatabaseUrl(), [&](Database& db) {
        SipSubscriberStore store(db);
        store.ensureSchema();
        const bool changed = store.save(subscriber);
        ctx.log += QStringLiteral("sip subscriber %1@%2 %3 (ha1 ***, ha1b ***)\n")
                       .arg(subscriber.username, subscriber.domain,
                            changed ? QStringLiteral("written") : QStringLiteral("already so, nothing to do"));
        return Status();
    });
}

Status deleteSipSubscriber(ActionContext& ctx, const QJsonObject& params)
{
    const QString username = text(params, "username");
    const QString domain = sipDomain(ctx, params);
    return onElementDatabase(ctx, "SIP registrar", ctx.endpoints.sipDatabaseUrl(), [&](Database& db) {
        SipSubscriberStore store(db);
        store.ensureSchema();
        const bool removed = store.remove(username, domain);
        ctx.log += QStringLiteral("sip subscriber %1@%2 %3\n")
                       .arg(username, domain, removed ? QStringLiteral("removed") : QStringLiteral("not present, nothing to do"));
        return Status();
    });
}

} // namespace sb::ElementActions
