#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"
#include "network/ElementEndpoint.h"
#include "store/Database.h"

#include <functional>
#include <optional>

namespace sb {

struct ActionContext
{
    Database& db;
    const NetworkEndpoints& endpoints;
    const ProvisioningJob& job;
    int timeoutMs = 60000; // what is left of the task's and the job's time
    QString log;           // request/response lines for View Logs (secrets masked)

    ElementEndpoint limited(const ElementEndpoint& endpoint) const; // the endpoint with this context's timeout
};

// An action does one step on one system and is idempotent: running it again after success changes nothing.
using ProvisioningAction = std::function<Status(ActionContext& context, const QJsonObject& params)>;

namespace ProvisioningActions {
std::optional<ProvisioningAction> find(const QString& name);
QStringList names();
} // namespace ProvisioningActions

} // namespace sb
