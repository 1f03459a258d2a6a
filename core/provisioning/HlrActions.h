#pragma once

#include "ProvisioningActions.h"
#include "security/SimKeys.h"

namespace sb::HlrActions {

// The SIM card's Ki and OPc, unsealed in memory from the task parameters ki_enc, opc_enc and key_check with the
// transport key file and OP of the settings ([sim] transport_key_file, [sim] op).
Result<SimKeys> unsealSimKeys(const ActionContext& ctx, const QJsonObject& params);

// hss.create_subscriber / hss.delete_subscriber when [network] hss_kind = osmo-hlr: the subscriber, its MSISDN and
// its MILENAGE keys through osmo-hlr's CTRL interface. Both are idempotent.
Status createOsmoHlrSubscriber(ActionContext& ctx, const QJsonObject& params);
Status deleteOsmoHlrSubscriber(ActionContext& ctx, const QJsonObject& params);

} // namespace sb::HlrActions
