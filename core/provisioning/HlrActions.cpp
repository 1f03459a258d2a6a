#include "HlrActions.h"

#include "network/OsmoHlrCtlClient.h"

namespace sb::HlrActions {

Result<SimKeys> unsealSimKeys(const ActionContext& ctx, const QJsonObject& params)
{
    return SimKeys::unseal(SealedSimKeys::fromJson(params), ctx.endpoints.simTransportKeyFile, ctx.endpoints.simOp);
}

Status createOsmoHlrSubscriber(ActionContext& ctx, const QJsonObject& params)
{
    const Result<SimKeys> keys = unsealSimKeys(ctx, params);
    if (!keys)
        return Status(keys.error());
    const QString imsi = params.value(QStringLiteral("imsi")).toString();
    const QString msisdn = params.value(QStringLiteral("msisdn")).toString();
    OsmoHlrCtlClient hlr(ctx.limited(ctx.endpoints.hlr));
    if (Status created = hlr.createSubscriber(imsi, &ctx.log); !created)
        return created;
    if (!msisdn.isEmpty()) {
        if (Status set = hlr.setMsisdn(imsi, msisdn, &ctx.log); !set)
            return set;
    }
    return hlr.setMilenage(imsi, keys->kiHex(), keys->opcHex(), &ctx.log);
}

Status deleteOsmoHlrSubscriber(ActionContext& ctx, const QJsonObject& params)
{
    return OsmoHlrCtlClient(ctx.limited(ctx.endpoints.hlr))
        .deleteSubscriber(params.value(QStringLiteral("imsi")).toString(), &ctx.log);
}

} // namespace sb::HlrActions
