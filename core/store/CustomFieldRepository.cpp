#include "CustomFieldRepository.h"

namespace sb {

QString toCode(CustomFieldDefinition::Type type)
{
    switch (type) {
    case CustomFieldDefinition::Type::Number:
        return QStringLiteral("number");
    case CustomFieldDefinition::Type::Date:
        return QStringLiteral("date");
    case CustomFieldDefinition::Type::Text:
        break;
    }
    return QStringLiteral("text");
}

bool fromCode(const QString& code, CustomFieldDefinition::Type* out)
{
    for (auto type : {CustomFieldDefinition::Type::Text, CustomFieldDefinition::Type::Number, CustomFieldDefinition::Type::Date}) {
        if (toCode(type) == code) {
            *out = type;
            return true;
        }
    }
    return false;
}

QList<CustomFieldDefinition> CustomFieldRepository::select(const QString& where, const QVariantMap& binds)
{
    Sql q(m_db, QStringLiteral("SELECT id, field_key, label, field_type, required, customer_type, product_slug, sort_order"
                               " FROM custom_field_definitions %1 ORDER BY sort_order, id")
                    .arg(where));
    for (auto it = binds.begin(); it != binds.end(); ++it)
        q.bind(it.key(), it.value());
    q.exec();
    QList<CustomFieldDefinition> result;
    while (q.next()) {
        CustomFieldDefinition d;
        d.id = q.value(0).toLongLong();
        d.key = q.value(1).toString();
        d.label = q.value(2).toString();
        // An unknown type from a newer version is entered as text rather than hidden.
        fromCode(q.value(3).toString(), &d.type);
        d.required = q.value(4).toInt() != 0;
        d.customerType = enumFromCode(q.value(5).toString(), CustomerType::Business);
        d.productSlug = q.value(6).toString();
        d.sortOrder = q.value(7).toInt();
        result << d;
    }
    return result;
}

QList<CustomFieldDefinition> CustomFieldRepository::forOrder(CustomerType customerType, const QString& productSlug)
{
    return select(QStringLiteral("WHERE customer_type = :type AND (product_slug = '' OR product_slug = :slug)"),
                  {{QStringLiteral(":type"), toCode(customerType)}, {QStringLiteral(":slug"), productSlug}});
}

QList<CustomFieldDefinition> CustomFieldRepository::all()
{
    return select({}, {});
}

qint64 CustomFieldRepository::insert(const CustomFieldDefinition& d)
{
    Sql q(m_db, QStringLiteral("INSERT INTO custom_field_definitions (field_key, label, field_type, required,"
                               " customer_type, product_slug, sort_order) VALUES (:key, :label, :type, :required,"
                               " :customer_type, :slug, :sort) RETURNING id"));
    q.bind(QStringLiteral(":key"), d.key)
        .bind(QStringLiteral(":label"), d.label)
        .bind(QStringLiteral(":type"), toCode(d.type))
        .bind(QStringLiteral(":required"), d.required ? 1 : 0)
        .bind(QStringLiteral(":customer_type"), toCode(d.customerType))
        .bind(QStringLiteral(":slug"), d.productSlug.isNull() ? QStringLiteral("") : d.productSlug) // '' = every product, never NULL
        .bind(QStringLiteral(":sort"), d.sortOrder)
        .exec();
    return q.returnedId();
}

} // namespace sb
