#include "ProvisioningActions.h"

#include "AddonActions.h"
#include "ElementActions.h"
#include "HlrActions.h"
#include "network/CgratesClient.h"
#include "network/IptvClient.h"
#include "network/PyHssClient.h"
#include "provisioning/WelcomeMail.h"
#include "store/CustomerRepository.h"
#include "store/InventoryRepository.h"
#include "store/ServiceRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRandomGenerator>
#include <QSaveFile>

namespace sb {
namespace {

Status fail(UserMessage message, QString detail = {})
{
    return Status(Error{std::move(message), std::move(detail)});
}

qint64 idParam(const QJsonObject& params, const char* key)
{
    const QJsonValue value = params.value(QLatin1String(key));
    return value.isString() ? value.toString().toLongLong() : static_cast<qint64>(value.toDouble());
}

Status validateCustomer(ActionContext& ctx, const QJsonObject& params)
{
    const qint64 customerId = idParam(params, "customer_id");
    const auto customer = CustomerRepository(ctx.db).byId(customerId);
    if (!customer)
        return fail(UserMessage("ProvisioningAction", QT_TRANSLATE_NOOP("ProvisioningAction", "Customer %1 does not exist any more. Check the customer record."),
                                {QString::number(customerId)}));
    if (customer->status != QLatin1String("active"))
        return fail(UserMessage("ProvisioningAction", QT_TRANSLATE_NOOP("ProvisioningAction", "The account of %1 is not active. Reactivate the customer, then retry."),
                                {customer->name}));
    ctx.log += QStringLiteral("customer %1 (%2) is active\n").arg(customer->id).arg(customer->name);
    return {};
}

Status assignInventory(ActionContext& ctx, const QJsonObject& params)
{
    const qint64 itemId = idParam(params, "item_id");
    const qint64 serviceId = idParam(params, "service_id");
    InventoryRepository inventory(ctx.db);
    if (!inventory.assignToService(itemId, serviceId)) {
        const auto item = inventory.byId(itemId);
        return fail(UserMessage("ProvisioningAction",
                                QT_TRANSLATE_NOOP("ProvisioningAction", "%1 is not reserved for this service any more (status %2). Pick another item and assign the plan again."),
                                {item ? item->reference : QString::number(itemId),
                                 item ? displayName(item->status) : QString()}));
    }
    ctx.log += QStringLiteral("inventory item %1 assigned to service %2\n").arg(itemId).arg(serviceId);
    return {};
}

Status activateService(ActionContext& ctx, const QJsonObject& params)
{
    const qint64 serviceId = idParam(params, "service_id");
    ServiceRepository(ctx.db).setStatus(serviceId, ServiceStatus::Active, ctx.job.requestedBy);
    ctx.log += QStringLiteral("service %1 is active\n").arg(serviceId);
    return {};
}

Status cancelService(ActionContext& ctx, const QJsonObject& params)
{
    const qint64 serviceId = idParam(params, "service_id");
    ServiceRepository(ctx.db).setStatus(serviceId, ServiceStatus::Cancelled, ctx.job.requestedBy);
    ctx.log += QStringLiteral("service %1 is cancelled\n").arg(serviceId);
    return {};
}

Status missingElement(const char* element)
{
    return fail(UserMessage("ProvisioningAction", QT_TRANSLATE_NOOP("ProvisioningAction", "No address is set for the %1. Set it in Settings, then retry."),
                            {QString::fromLatin1(element)}));
}

// SetAccount is idempotent in CGRateS; balances carry an ID derived from the account so that a retry
// does not add them twice.
Status setOcsAccount(ActionContext& ctx, const QJsonObject& params)
{
    if (!ctx.endpoints.hasOcs())
        return missingElement("OCS");
    CgratesClient ocs(ctx.limited(ctx.endpoints.ocs));
    const QString tenant = params.value(QStringLiteral("tenant")).toString();
    const QString account = params.value(QStringLiteral("account")).toString();
    if (Status status = ocs.setAccount(tenant, account, {}, &ctx.log); !status)
        return status;
    const QJsonArray balances = params.value(QStringLiteral("balances")).toArray();
    if (balances.isEmpty())
        return {};
    const Result<QJsonObject> current = ocs.getAccount(tenant, account, &ctx.log);
    if (!current)
        return Status(current.error());
    const QString existing = QString::fromUtf8(QJsonDocument(*current).toJson(QJsonDocument::Compact));
    for (const QJsonValue& entry : balances) {
        const QJsonObject balance = entry.toObject();
        const QString type = balance.value(QStringLiteral("type")).toString();
        const double value = balance.value(QStringLiteral("value")).toVariant().toDouble();
        if (type.isEmpty() || value <= 0)
            continue;
        const QString balanceId = QStringLiteral("%1-job%2%3").arg(account).arg(ctx.job.id).arg(type);
        if (existing.contains(balanceId)) {
            ctx.log += QStringLiteral("balance %1 already present, not added again\n").arg(balanceId);
            continue;
        }
        if (Status status = ocs.addBalance(tenant, account, type, value, {{QStringLiteral("ID"), balanceId}}, &ctx.log);
            !status)
            return status;
    }
    return {};
}

Status removeOcsAccount(ActionContext& ctx, const QJsonObject& params)
{
    if (!ctx.endpoints.hasOcs())
        return missingElement("OCS");
    const QString account = params.value(QStringLiteral("account")).toString();
    Status removed = CgratesClient(ctx.limited(ctx.endpoints.ocs))
                         .removeAccount(params.value(QStringLiteral("tenant")).toString(), account, &ctx.log);
    // An account that is not there is removed already: rescue and cancel jobs may run this more than once.
    if (!removed && removed.error.detail.endsWith(QLatin1String("error \"NOT_FOUND\""))) {
        ctx.log += QStringLiteral("account %1 is not on the OCS, nothing to remove\n").arg(account);
        return {};
    }
    return removed;
}

Status createHssSubscriber(ActionContext& ctx, const QJsonObject& params)
{
    if (ctx.endpoints.usesOsmoHlr())
        return HlrActions::createOsmoHlrSubscriber(ctx, params);
    if (!ctx.endpoints.hasHss())
        return missingElement("HSS");
    const Result<SimKeys> keys = HlrActions::unsealSimKeys(ctx, params);
    if (!keys)
        return Status(keys.error());
    PyHssClient hss(ctx.limited(ctx.endpoints.hss));
    const QString imsi = params.value(QStringLiteral("imsi")).toString();
    QString probeLog;
    if (const Result<QJsonObject> existing = hss.getSubscriberByImsi(imsi, &probeLog); existing) {
        ctx.log += probeLog + QStringLiteral("subscriber %1 already exists, nothing to do\n").arg(imsi);
        return {};
    }
    ctx.log += probeLog;
    // A run interrupted between the two PUTs left the AuC behind: use it rather than fail on the duplicate IMSI.
    QString aucProbeLog;
    Result<QJsonObject> auc = hss.getAucByImsi(imsi, &aucProbeLog);
    if (auc)
        ctx.log += aucProbeLog + QStringLiteral("AuC of %1 already exists, reused\n").arg(imsi);
    else
        auc = hss.putAuc({{QStringLiteral("imsi"), imsi},
                          {QStringLiteral("iccid"), params.value(QStringLiteral("iccid"))},
                          {QStringLiteral("ki"), keys->kiHex()},
                          {QStringLiteral("opc"), keys->opcHex()},
                          {QStringLiteral("amf"), params.value(QStringLiteral("amf"))}},
                         &ctx.log);
    if (!auc)
        return Status(auc.error());
    const Result<QJsonObject> subscriber =
        hss.putSubscriber({{QStringLiteral("imsi"), imsi},
                           {QStringLiteral("enabled"), true},
                           {QStringLiteral("auc_id"), auc->value(QStringLiteral("auc_id"))},
                           {QStringLiteral("msisdn"), params.value(QStringLiteral("msisdn"))},
                           {QStringLiteral("default_apn"), 1},
                           {QStringLiteral("apn_list"), QStringLiteral("1")}},
                          &ctx.log);
    return subscriber ? Status() : Status(subscriber.error());
}

Status deleteHssSubscriber(ActionContext& ctx, const QJsonObject& params)
{
    if (ctx.endpoints.usesOsmoHlr())
        return HlrActions::deleteOsmoHlrSubscriber(ctx, params);
    if (!ctx.endpoints.hasHss())
        return missingElement("HSS");
    PyHssClient hss(ctx.limited(ctx.endpoints.hss));
    const Result<QJsonObject> existing = hss.getSubscriberByImsi(params.value(QStringLiteral("imsi")).toString(), &ctx.log);
    if (!existing)
        return {}; // nothing to undo
    const qint64 subscriberId = existing->value(QStringLiteral("subscriber_id")).toVariant().toLongLong();
    const qint64 aucId = existing->value(QStringLiteral("auc_id")).toVariant().toLongLong();
    if (Status status = hss.deleteSubscriber(subscriberId, &ctx.log); !status)
        return status;
    return hss.deleteAuc(aucId, &ctx.log);
}

Status activateIptv(ActionContext& ctx, const QJsonObject& params)
{
    if (!ctx.endpoints.hasIptv())
        return missingElement("IPTV middleware");
    QStringList packages;
    for (const QJsonValue& p : params.value(QStringLiteral("packages")).toArray())
        packages << p.toString();
    const Result<QJsonObject> device =
        IptvClient(ctx.limited(ctx.endpoints.iptv))
            .activateDevice(params.value(QStringLiteral("serial")).toString(),
                            params.value(QStringLiteral("account")).toString(), packages, &ctx.log);
    return device ? Status() : Status(device.error());
}

Status deactivateIptv(ActionContext& ctx, const QJsonObject& params)
{
    if (!ctx.endpoints.hasIptv())
        return missingElement("IPTV middleware");
    return IptvClient(ctx.limited(ctx.endpoints.iptv))
        .deactivateDevice(params.value(QStringLiteral("serial")).toString(), &ctx.log);
}

Status sendWelcomeMail(ActionContext& ctx, const QJsonObject& params)
{
    return WelcomeMail::send(ctx.endpoints, ctx.timeoutMs, params, &ctx.log);
}

const QMap<QString, ProvisioningAction>& registry()
{
    static const QMap<QString, ProvisioningAction> actions{
        {QStringLiteral("customer.validate"), validateCustomer},
        {QStringLiteral("inventory.assign"), assignInventory},
        {QStringLiteral("service.activate"), activateService},
        {QStringLiteral("ocs.set_account"), setOcsAccount},
        {QStringLiteral("ocs.remove_account"), removeOcsAccount},
        {QStringLiteral("hss.create_subscriber"), createHssSubscriber},
        {QStringLiteral("hss.delete_subscriber"), deleteHssSubscriber},
        {QStringLiteral("iptv.activate"), activateIptv},
        {QStringLiteral("iptv.deactivate"), deactivateIptv},
        {QStringLiteral("radius.create_user"), ElementActions::createRadiusUser},
        {QStringLiteral("radius.delete_user"), ElementActions::deleteRadiusUser},
        {QStringLiteral("sip.create_subscriber"), ElementActions::createSipSubscriber},
        {QStringLiteral("sip.delete_subscriber"), ElementActions::deleteSipSubscriber},
        {QStringLiteral("service.cancel"), cancelService},
        {QStringLiteral("mail.welcome"), sendWelcomeMail},
        {QStringLiteral("ocs.add_balance"), AddonActions::addBalance},
        {QStringLiteral("ocs.read_balance"), AddonActions::readBalance},
        {QStringLiteral("addon.activate"), AddonActions::activate},
    };
    return actions;
}

} // namespace

ElementEndpoint ActionContext::limited(const ElementEndpoint& endpoint) const
{
    ElementEndpoint copy = endpoint;
    copy.timeoutMs = qMax(1, qMin(endpoint.timeoutMs, timeoutMs));
    return copy;
}

std::optional<ProvisioningAction> ProvisioningActions::find(const QString& name)
{
    const auto it = registry().constFind(name);
    if (it == registry().constEnd())
        return std::nullopt;
    return *it;
}

QStringList ProvisioningActions::names()
{
    return registry().keys();
}

} // namespace sb
