#include "JobVariables.h"

namespace sb::JobVariables {

QString templateKey(const QString& templateName)
{
    QString key;
    for (const QChar c : templateName.trimmed().toLower())
        key += c.isLetterOrNumber() ? c : QLatin1Char('_');
    return key;
}

QJsonObject build(const Customer& customer, const Product& product, const Service& service,
                  const QList<InventoryItem>& items)
{
    QJsonObject inventory;
    for (const InventoryItem& item : items) {
        QJsonObject entry = item.attributes;
        entry.insert(QStringLiteral("id"), item.id);
        entry.insert(QStringLiteral("reference"), item.reference);
        entry.insert(QStringLiteral("identifier"), item.identifier);
        entry.insert(QStringLiteral("template"), item.templateName);
        inventory.insert(templateKey(item.templateName), entry);
    }
    return {
        {QStringLiteral("customer"),
         QJsonObject{{QStringLiteral("id"), customer.id},
                     {QStringLiteral("name"), customer.name},
                     {QStringLiteral("email"), customer.email},
                     {QStringLiteral("phone"), customer.phone},
                     {QStringLiteral("language"), customer.language},
                     {QStringLiteral("type"), toCode(customer.type)}}},
        {QStringLiteral("product"),
         QJsonObject{{QStringLiteral("id"), product.id},
                     {QStringLiteral("slug"), product.slug},
                     {QStringLiteral("name"), product.name},
                     {QStringLiteral("service_type"), toCode(product.serviceType)},
                     {QStringLiteral("vars"), product.provisioningVars}}},
        {QStringLiteral("service"),
         QJsonObject{{QStringLiteral("id"), service.id},
                     {QStringLiteral("uuid"), service.serviceUuid},
                     {QStringLiteral("name"), service.name},
                     {QStringLiteral("parent_id"), service.parentServiceId}}},
        {QStringLiteral("ocs"), QJsonObject{{QStringLiteral("tenant"), QStringLiteral("cgrates.org")}}},
        {QStringLiteral("inventory"), inventory},
    };
}

} // namespace sb::JobVariables
