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

    // Add-ons: the existing service that receives the add-on.
    std::optional<Service> targetService;

    // Business orders: the chosen details, and what the review shows for them.
    BusinessDetails business;
    std::optional<Site> site;
    std::optional<Contact> billingContact;
    std::optional<Contact> technicalContact;
    QList<CustomFieldDefinition> customFields; // the fields the order asks for, in their order

    bool isAddon() const { return product.category == ProductCategory::Addon; }
    bool isBusinessOrder() const { return !isAddon() && customer && customer->type == CustomerType::Business; }
    // Recurring products ask about auto-renewal; a one-time add-on does not.
    bool asksAutoRenew() const { return !isAddon() || product.recurring; }
};

} // namespace sb
