#pragma once

#include "ProvisioningActions.h"

namespace sb {

// The provisioning actions of add-ons bought onto an existing service (playbooks mobile_addon, generic_addon).
namespace AddonActions {
// "ocs.add_balance": APIerSv1.AddBalance on the existing account. The balance carries an ID derived from the add-on,
// so a retried task does not add it twice. The account must exist already: an add-on never creates one.
Status addBalance(ActionContext& context, const QJsonObject& params);
// "ocs.read_balance": APIerSv2.GetAccount; keeps a readable summary on the add-on (service_addons.balance).
Status readBalance(ActionContext& context, const QJsonObject& params);
// "addon.activate": the add-on is active. The service it was bought for keeps its status.
Status activate(ActionContext& context, const QJsonObject& params);
} // namespace AddonActions

} // namespace sb
