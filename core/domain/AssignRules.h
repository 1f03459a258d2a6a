#pragma once

#include "Entities.h"
#include "UserMessage.h"

#include <optional>

namespace sb {

// The rules of the assign-plan flow, written once for the GUI, the CLI and the worker.
namespace AssignRules {

constexpr qint64 defaultReservationMs = 15 * 60 * 1000;

// Why this customer cannot take this product, or nothing when they can.
std::optional<UserMessage> eligibilityProblem(const Product& product, const Customer& customer);

// Only items in New or In Stock without someone else's live reservation may be picked.
bool isPickable(const InventoryItem& item, qint64 nowMs, const QString& holder = {});

// Default Yes for recurring consumer products, No for one-time (and business-only) products.
bool defaultAutoRenew(const Product& product);

// Digits only, so "+44 7700 900123", "447700900123" and "(44) 7700-900123" match each other.
QString normalizePhone(const QString& phone);

} // namespace AssignRules
} // namespace sb
