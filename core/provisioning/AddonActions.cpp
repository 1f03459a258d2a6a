#include "AddonActions.h"

#include "domain/AddonPurchase.h"
#include "domain/AddonRules.h"
#include "network/CgratesClient.h"
#include "store/ServiceAddonRepository.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace sb::AddonActions {
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

Status noOcs()
{
    return fail(UserMessage(
        "ProvisioningAction",
        QT_TRANSLATE_NOOP("ProvisioningAction", "No address is set for the %1. Set it in Settings, then retry."),
        {QStringLiteral("OCS")}));
}

bool hasBalance(const QJsonObject& account, const QString& balanceId)
{
    const QJsonObject balanceMap = account.value(QLatin1String("BalanceMap")).toObject();
    for (const QJsonValue& balances : balanceMap)
        for (const QJsonValue& balance : balances.toArray())
            if (balance.toObject().value(QLatin1String("ID")).toString() == balanceId)
                return true;
    return false;
}

} // namespace

Status addBalance(ActionContext& ctx, const QJsonObject& params)
{
    if (!ctx.endpoints.hasOcs())
        return noOcs();
    const QString tenant = params.value(QStringLiteral("tenant")).toString();
    const QString account = params.value(QStringLiteral("account")).toString();
    const QString type = params.value(QStringLiteral("balance_type")).toString();
    const double value = params.value(QStringLiteral("value")).toVariant().toDouble();
    const QString balanceId = params.value(QStringLiteral("balance_id")).toString();
    if (type.isEmpty() || value <= 0 || balanceId.isEmpty())
        return fail(
            UserMessage("ProvisioningAction",
                        QT_TRANSLATE_NOOP("ProvisioningAction",
                                          "The add-on has no balance to add (type \"%1\", amount \"%2\"). Check the "
                                          "product's provisioning variables balance_type and balance_value."),
                        {type, params.value(QStringLiteral("value")).toVariant().toString()}));
    CgratesClient ocs(ctx.limited(ctx.endpoints.ocs));
    // Reading the account first also proves it exists: AddBalance would create a missing one.
    const Result<QJsonObject> current = ocs.getAccount(tenant, account, &ctx.log);
    if (!current)
        return Status(current.error());
    if (hasBalance(*current, balanceId)) {
        ctx.log += QStringLiteral("balance %1 already on account %2, not added again\n").arg(balanceId, account);
        return {};
    }
    if (Status added = ocs.addBalance(tenant, account, type, value, {{QStringLiteral("ID"), balanceId}}, &ctx.log);
        !added)
        return added;
    ctx.log += QStringLiteral("added %1 %2 to account %3 as balance %4\n")
                   .arg(QString::number(value, 'f', 0), type, account, balanceId);
    return {};
}

Status readBalance(ActionContext& ctx, const QJsonObject& params)
{
    if (!ctx.endpoints.hasOcs())
        return noOcs();
    const QString account = params.value(QStringLiteral("account")).toString();
    const Result<QJsonObject> current =
        CgratesClient(ctx.limited(ctx.endpoints.ocs))
            .getAccount(params.value(QStringLiteral("tenant")).toString(), account, &ctx.log);
    if (!current)
        return Status(current.error());
    const QString summary = AddonRules::balanceSummary(*current);
    if (const qint64 addonId = idParam(params, "addon_id"))
        ServiceAddonRepository(ctx.db).setBalance(addonId, summary);
    ctx.log += QStringLiteral("balance of account %1: %2\n")
                   .arg(account, summary.isEmpty() ? QStringLiteral("none") : summary);
    return {};
}

Status activate(ActionContext& ctx, const QJsonObject& params)
{
    const qint64 addonId = idParam(params, "addon_id");
    ServiceAddonRepository addons(ctx.db);
    if (!addons.byId(addonId))
        return fail(UserMessage(
            "ProvisioningAction",
            QT_TRANSLATE_NOOP("ProvisioningAction", "Add-on %1 does not exist any more. Check the service's add-ons."),
            {QString::number(addonId)}));
    addons.setStatus(addonId, QLatin1String(AddonPurchase::Active));
    ctx.log += QStringLiteral("add-on %1 is active\n").arg(addonId);
    return {};
}

} // namespace sb::AddonActions
