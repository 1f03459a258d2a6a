#include "AssignRules.h"

namespace sb::AssignRules {

std::optional<UserMessage> eligibilityProblem(const Product& product, const Customer& customer)
{
    if (!product.enabled)
        return UserMessage("AssignRules", QT_TRANSLATE_NOOP("AssignRules", "%1 is disabled in the catalog and cannot be assigned. Choose another product."),
                           {product.name});
    if (customer.status != QLatin1String("active"))
        return UserMessage("AssignRules", QT_TRANSLATE_NOOP("AssignRules", "%1 is not an active customer. Reactivate the customer before assigning a plan."),
                           {customer.name});
    if (!product.allows(customer.type)) {
        if (customer.type == CustomerType::Business)
            return UserMessage("AssignRules",
                               QT_TRANSLATE_NOOP("AssignRules", "%1 is a business customer and %2 is only available to individual customers. "
                               "Choose a business product or another customer."),
                               {customer.name, product.name});
        return UserMessage("AssignRules",
                           QT_TRANSLATE_NOOP("AssignRules", "%1 is an individual customer and %2 is only available to business customers. "
                           "Choose an individual product or another customer."),
                           {customer.name, product.name});
    }
    return std::nullopt;
}

bool isPickable(const InventoryItem& item, qint64 nowMs, const QString& holder)
{
    if (item.status != InventoryStatus::New && item.status != InventoryStatus::InStock)
        return false;
    const bool reservedByOther = !item.reservedBy.isEmpty() && item.reservedBy != holder && item.reservedUntilMs > nowMs;
    return !reservedByOther;
}

bool defaultAutoRenew(const Product& product)
{
    return product.recurring && product.allows(CustomerType::Individual);
}

QString normalizePhone(const QString& phone)
{
    QString digits;
    digits.reserve(phone.size());
    for (const QChar c : phone)
        if (c.isDigit())
            digits.append(c);
    return digits;
}

} // namespace sb::AssignRules
