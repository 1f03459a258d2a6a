#include "CatalogRepository.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sb {
namespace {

const char* productColumns = "id, slug, name, description, category, service_type, customer_types, enabled, currency,"
                             " setup_cost, monthly_cost, recurring, term_months, inventory_items_list,"
                             " provisioning_play, provisioning_json_vars";

Product productFrom(const Sql& q)
{
    Product p;
    p.id = q.value(0).toLongLong();
    p.slug = q.value(1).toString();
    p.name = q.value(2).toString();
    p.description = q.value(3).toString();
    p.category = enumFromCode(q.value(4).toString(), ProductCategory::ServicePlan);
    p.serviceType = enumFromCode(q.value(5).toString(), ServiceType::Mobile);
    for (const QString& code : q.value(6).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        p.customerTypes << enumFromCode(code.trimmed(), CustomerType::Individual);
    p.enabled = q.value(7).toInt() != 0;
    const QString currency = q.value(8).toString();
    p.setupCost = Money{q.value(9).toLongLong(), currency};
    p.monthlyCost = Money{q.value(10).toLongLong(), currency};
    p.recurring = q.value(11).toInt() != 0;
    p.termMonths = q.value(12).toInt();
    for (const QJsonValue& name : QJsonDocument::fromJson(q.value(13).toString().toUtf8()).array())
        p.inventoryItemsList << name.toString();
    p.provisioningPlay = q.value(14).toString();
    p.provisioningVars = QJsonDocument::fromJson(q.value(15).toString().toUtf8()).object();
    return p;
}

QString customerTypesCode(const QList<CustomerType>& types)
{
    QStringList codes;
    for (CustomerType type : types)
        codes << toCode(type);
    return codes.join(QLatin1Char(','));
}

} // namespace

QList<Product> CatalogRepository::select(const QString& where, const QVariantMap& binds)
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM products %2 ORDER BY sort_order, id")
                    .arg(QLatin1String(productColumns), where));
    for (auto it = binds.begin(); it != binds.end(); ++it)
        q.bind(it.key(), it.value());
    q.exec();
    QList<Product> result;
    while (q.next())
        result << productFrom(q);
    return result;
}

QList<Product> CatalogRepository::products(ProductCategory category, CustomerType customerType)
{
    QList<Product> result;
    const QList<Product> enabled = select(QStringLiteral("WHERE enabled = 1 AND category = :category"),
                                          {{QStringLiteral(":category"), toCode(category)}});
    for (const Product& product : enabled)
        if (product.allows(customerType))
            result << product;
    return result;
}

QList<Product> CatalogRepository::allProducts()
{
    return select({}, {});
}

std::optional<Product> CatalogRepository::byId(qint64 id)
{
    const QList<Product> found = select(QStringLiteral("WHERE id = :id"), {{QStringLiteral(":id"), id}});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

std::optional<Product> CatalogRepository::bySlug(const QString& slug)
{
    const QList<Product> found = select(QStringLiteral("WHERE slug = :slug"), {{QStringLiteral(":slug"), slug}});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

qint64 CatalogRepository::insert(const Product& p)
{
    Sql q(m_db, QStringLiteral(
                    "INSERT INTO products (slug, name, description, category, service_type, customer_types, enabled,"
                    " currency, setup_cost, monthly_cost, recurring, term_months, inventory_items_list,"
                    " provisioning_play, provisioning_json_vars, sort_order) VALUES (:slug, :name, :description,"
                    " :category, :service_type, :customer_types, :enabled, :currency, :setup_cost, :monthly_cost,"
                    " :recurring, :term_months, :items, :play, :vars, :sort) RETURNING id"));
    q.bind(QStringLiteral(":slug"), p.slug)
        .bind(QStringLiteral(":name"), p.name)
        .bind(QStringLiteral(":description"), p.description)
        .bind(QStringLiteral(":category"), toCode(p.category))
        .bind(QStringLiteral(":service_type"), toCode(p.serviceType))
        .bind(QStringLiteral(":customer_types"), customerTypesCode(p.customerTypes))
        .bind(QStringLiteral(":enabled"), p.enabled ? 1 : 0)
        .bind(QStringLiteral(":currency"), p.monthlyCost.currency)
        .bind(QStringLiteral(":setup_cost"), p.setupCost.minorUnits)
        .bind(QStringLiteral(":monthly_cost"), p.monthlyCost.minorUnits)
        .bind(QStringLiteral(":recurring"), p.recurring ? 1 : 0)
        .bind(QStringLiteral(":term_months"), p.termMonths)
        .bind(QStringLiteral(":items"),
              QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(p.inventoryItemsList)).toJson(QJsonDocument::Compact)))
        .bind(QStringLiteral(":play"), p.provisioningPlay)
        .bind(QStringLiteral(":vars"), QString::fromUtf8(QJsonDocument(p.provisioningVars).toJson(QJsonDocument::Compact)))
        .bind(QStringLiteral(":sort"), 0)
        .exec();
    return q.returnedId();
}

} // namespace sb
