#pragma once

#include "domain/Entities.h"

#include <QJsonObject>

namespace sb {

// The variables a playbook is rendered with: customer, product (with provisioning_json_vars under "vars"),
// service, ocs and one entry per picked inventory item, keyed by the template name in snake case
// ("SIM Card" -> inventory.sim_card) with its id, reference, identifier and attributes.
namespace JobVariables {
QString templateKey(const QString& templateName);
QJsonObject build(const Customer& customer, const Product& product, const Service& service,
                  const QList<InventoryItem>& items);
} // namespace JobVariables

} // namespace sb
