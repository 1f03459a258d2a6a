#pragma once

#include "Entities.h"
#include "UserMessage.h"

namespace sb {

// The business details of an order (seed 000, "Provisioning for Business Customers"): installation site,
// billing and technical contacts, and the custom fields configured for the customer type and product.
namespace BusinessRules {

constexpr int maxFieldLength = 200;

// Every problem with the details, each its own sentence; empty when the order can go ahead.
QList<UserMessage> problems(const Customer& customer, const Product& product, const QList<Site>& sites,
                            const QList<Contact>& contacts, const QList<CustomFieldDefinition>& fields,
                            const BusinessDetails& details);

// The problem with one custom field value, or an empty message.
UserMessage fieldProblem(const CustomFieldDefinition& field, const QString& value);

// The contact a business order proposes for a role ("billing" or "technical"): the first with that role.
qint64 defaultContact(const QList<Contact>& contacts, const QString& role);

QString fieldLabel(const CustomFieldDefinition& field); // translated

} // namespace BusinessRules
} // namespace sb
