#pragma once

#include "Entities.h"
#include "UserMessage.h"

#include <QJsonObject>

#include <optional>

namespace sb {

// The rules of buying an add-on onto an existing service (seed 000, "Adding Add-ons to Existing Service"), written
// once for the GUI, the CLI and the worker.
namespace AddonRules {

// provisioning_jobs.kind of an add-on job: it runs against an existing service and never changes that service's status.
constexpr const char* jobKind = "addon";

// A paid add-on has a setup or a monthly cost.
bool isPaid(const Product& addon);

// Why this customer cannot buy this product as an add-on at all (not an add-on, disabled, wrong customer type,
// inactive customer), or nothing.
std::optional<UserMessage> productProblem(const Product& addon, const Customer& customer);

// Why this service cannot receive the add-on, or nothing: it must be the customer's own, active, of the add-on's
// service type, and a main service (not a bundle component or an add-on itself).
std::optional<UserMessage> serviceProblem(const Product& addon, const Customer& customer, const Service& service);

// A paid add-on needs a valid payment method on file.
std::optional<UserMessage> paymentProblem(const Product& addon, const Customer& customer, qint64 nowMs);

// The services of the list that can receive the add-on, in the list's order.
QList<Service> targetServices(const Product& addon, const Customer& customer, const QList<Service>& services);

// What the user reads when no service of the customer can receive the add-on.
UserMessage noTargetService(const Product& addon, const Customer& customer);

// A short readable summary of a CGRateS account's BalanceMap (APIerSv2.GetAccount), one entry per balance type:
// "*data: 25 GB, *voice: 800 min, *monetary: 12.5". Empty when the account has no balances.
QString balanceSummary(const QJsonObject& account);

} // namespace AddonRules
} // namespace sb
