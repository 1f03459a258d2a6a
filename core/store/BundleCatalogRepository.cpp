#include "BundleCatalogRepository.h"

#include <QJsonDocument>

namespace sb {

QList<BundleProduct> BundleCatalogRepository::select(const QString& where, const QVariantMap& binds)
{
    Sql q(m_db, QStringLiteral("SELECT id, slug, name, product_type, product_family, service_type, bundle_kind, currency,"
                               " setup_cost, monthly_cost, provisioning_json_vars FROM products %1 ORDER BY name, id")
                    .arg(where));
    for (auto it = binds.begin(); it != binds.end(); ++it)
        q.bind(it.key(), it.value());
    q.exec();
    QList<BundleProduct> result;
    while (q.next()) {
        BundleProduct p;
        p.id = q.value(0).toLongLong();
        p.slug = q.value(1).toString();
        p.name = q.value(2).toString();
        p.productType = q.value(3).toString();
        p.productFamily = q.value(4).toString();
        p.serviceType = enumFromCode(q.value(5).toString(), ServiceType::Iptv);
        p.bundleKind = q.value(6).toString();
        const QString currency = q.value(7).toString();
        p.setupCost = Money{q.value(8).toLongLong(), currency};
        p.monthlyCost = Money{q.value(9).toLongLong(), currency};
        p.provisioningVars = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object();
        result << p;
    }
    return result;
}

std::optional<BundleProduct> BundleCatalogRepository::product(qint64 id)
{
    const QList<BundleProduct> found = select(QStringLiteral("WHERE id = :id"), {{QStringLiteral(":id"), id}});
    return found.isEmpty() ? std::nullopt : std::optional<BundleProduct>(found.first());
}

std::optional<BundleProduct> BundleCatalogRepository::productBySlug(const QString& slug)
{
    const QList<BundleProduct> found = select(QStringLiteral("WHERE slug = :s"), {{QStringLiteral(":s"), slug}});
    return found.isEmpty() ? std::nullopt : std::optional<BundleProduct>(found.first());
}

QList<BundleProduct> BundleCatalogRepository::products()
{
    return select({}, {});
}

QList<CompositionRule> BundleCatalogRepository::compositionRules(qint64 bundleProductId)
{
    Sql q(m_db, QStringLiteral("SELECT id, bundle_product_id, match_kind, match_value, min_count, max_count, mandatory"
                               " FROM bundle_composition_rules WHERE bundle_product_id = :b ORDER BY id"));
    q.bind(QStringLiteral(":b"), bundleProductId).exec();
    QList<CompositionRule> rules;
    while (q.next()) {
        CompositionRule rule;
        rule.id = q.value(0).toLongLong();
        rule.bundleProductId = q.value(1).toLongLong();
        fromCode(q.value(2).toString(), &rule.match);
        rule.value = q.value(3).toString();
        rule.minCount = q.value(4).toInt();
        rule.maxCount = q.value(5).toInt();
        rule.mandatory = q.value(6).toInt() != 0;
        rules << rule;
    }
    return rules;
}

QList<BundleProduct> BundleCatalogRepository::allowedComponents(qint64 bundleProductId)
{
    const QList<CompositionRule> rules = compositionRules(bundleProductId);
    QList<BundleProduct> allowed;
    for (const BundleProduct& p : products()) {
        if (p.id == bundleProductId || p.isFlexibleBundle())
            continue;
        if (std::any_of(rules.begin(), rules.end(), [&](const CompositionRule& r) { return r.matches(p); }))
            allowed << p;
    }
    return allowed;
}

QList<ServiceDependency> BundleCatalogRepository::dependencies()
{
    Sql q(m_db, QStringLiteral("SELECT d.product_id, d.kind, d.other_product_id, p.name, o.name FROM product_dependencies d"
                               " JOIN products p ON p.id = d.product_id JOIN products o ON o.id = d.other_product_id"
                               " ORDER BY d.id"));
    q.exec();
    QList<ServiceDependency> result;
    while (q.next()) {
        ServiceDependency d;
        d.productId = q.value(0).toLongLong();
        fromCode(q.value(1).toString(), &d.kind);
        d.otherProductId = q.value(2).toLongLong();
        d.productName = q.value(3).toString();
        d.otherProductName = q.value(4).toString();
        result << d;
    }
    return result;
}

QList<CustomActionType> BundleCatalogRepository::customActionTypes(const QString& kind, const QString& key)
{
    Sql q(m_db, QStringLiteral("SELECT kind, code_key, code, name FROM custom_action_types"
                               " WHERE kind = :k AND code_key = :key ORDER BY name, code"));
    q.bind(QStringLiteral(":k"), kind).bind(QStringLiteral(":key"), key).exec();
    QList<CustomActionType> result;
    while (q.next())
        result << CustomActionType{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                   q.value(3).toString()};
    return result;
}

void BundleCatalogRepository::setClassification(qint64 productId, const QString& productType,
                                                const QString& productFamily, const QString& bundleKind)
{
    Sql(m_db, QStringLiteral("UPDATE products SET product_type = :t, product_family = :f, bundle_kind = :k WHERE id = :id"))
        .bind(QStringLiteral(":t"), productType)
        .bind(QStringLiteral(":f"), productFamily)
        .bind(QStringLiteral(":k"), bundleKind)
        .bind(QStringLiteral(":id"), productId)
        .exec();
}

qint64 BundleCatalogRepository::insertCompositionRule(const CompositionRule& rule)
{
    Sql q(m_db, QStringLiteral("INSERT INTO bundle_composition_rules (bundle_product_id, match_kind, match_value,"
                               " min_count, max_count, mandatory) VALUES (:b, :k, :v, :min, :max, :m) RETURNING id"));
    q.bind(QStringLiteral(":b"), rule.bundleProductId)
        .bind(QStringLiteral(":k"), toCode(rule.match))
        .bind(QStringLiteral(":v"), rule.value)
        .bind(QStringLiteral(":min"), rule.minCount)
        .bind(QStringLiteral(":max"), rule.maxCount)
        .bind(QStringLiteral(":m"), rule.mandatory ? 1 : 0)
        .exec();
    return q.returnedId();
}

qint64 BundleCatalogRepository::insertDependency(qint64 productId, DependencyKind kind, qint64 otherProductId)
{
    Sql q(m_db, QStringLiteral("INSERT INTO product_dependencies (product_id, kind, other_product_id)"
                               " VALUES (:p, :k, :o) RETURNING id"));
    q.bind(QStringLiteral(":p"), productId)
        .bind(QStringLiteral(":k"), toCode(kind))
        .bind(QStringLiteral(":o"), otherProductId)
        .exec();
    return q.returnedId();
}

qint64 BundleCatalogRepository::insertCustomActionType(const CustomActionType& type)
{
    Sql q(m_db, QStringLiteral("INSERT INTO custom_action_types (kind, code_key, code, name)"
                               " VALUES (:k, :key, :c, :n) RETURNING id"));
    q.bind(QStringLiteral(":k"), type.kind)
        .bind(QStringLiteral(":key"), type.key)
        .bind(QStringLiteral(":c"), type.code)
        .bind(QStringLiteral(":n"), type.name)
        .exec();
    return q.returnedId();
}

} // namespace sb
