#pragma once

#include "ProvisioningActions.h"

namespace sb::ElementActions {

// radius.create_user {username, service_uuid, rate_limit ("100M/20M"), modem_mac, group}: the user's rows in the
// FreeRADIUS SQL database, with the derived password hashed (ElementCredentials, ElementPasswordHash).
Status createRadiusUser(ActionContext& ctx, const QJsonObject& params);
// radius.delete_user {username}
Status deleteRadiusUser(ActionContext& ctx, const QJsonObject& params);
// sip.create_subscriber {username, domain, service_uuid}: the row in Kamailio's subscriber table (ha1/ha1b only).
// The domain set in Settings wins over the product's.
Status createSipSubscriber(ActionContext& ctx, const QJsonObject& params);
// sip.delete_subscriber {username, domain}
Status deleteSipSubscriber(ActionContext& ctx, const QJsonObject& params);

} // namespace sb::ElementActions
