#pragma once

#include "domain/Entities.h"

#include <QMap>

#include <optional>

namespace sb {

// What the assign-plan dialog has collected so far; the review step shows it and submit sends it.
struct AssignDraft
{
    Product product;
    std::optional<Customer> customer;
    QMap<QString, InventoryItem> items; // template name -> reserved item, in the product's order below
    bool autoRenew = true;
};

} // namespace sb
