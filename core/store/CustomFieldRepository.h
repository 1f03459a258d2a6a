#pragma once

#include "Database.h"
#include "domain/Entities.h"

namespace sb {

// The configured custom fields of business orders (PO number, cost centre, account number).
class CustomFieldRepository
{
public:
    explicit CustomFieldRepository(Database& db) : m_db(db) {}

    // The fields an order of this product for this customer type asks for: those configured for every product
    // and those for this product, in their configured order.
    QList<CustomFieldDefinition> forOrder(CustomerType customerType, const QString& productSlug);
    QList<CustomFieldDefinition> all();
    qint64 insert(const CustomFieldDefinition& definition);

private:
    QList<CustomFieldDefinition> select(const QString& where, const QVariantMap& binds);
    Database& m_db;
};

QString toCode(CustomFieldDefinition::Type type); // text, number, date
bool fromCode(const QString& code, CustomFieldDefinition::Type* out);

} // namespace sb
