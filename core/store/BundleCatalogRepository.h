#pragma once

#include "Database.h"
#include "domain/Bundle.h"

#include <optional>

namespace sb {

// Products as flexible bundles see them (type, family, bundle kind), their composition rules, the service
// dependencies between products and the configured custom action types.
class BundleCatalogRepository
{
public:
    explicit BundleCatalogRepository(Database& db) : m_db(db) {}

    std::optional<BundleProduct> product(qint64 id);
    std::optional<BundleProduct> productBySlug(const QString& slug);
    QList<BundleProduct> products(); // every product, by name
    QList<CompositionRule> compositionRules(qint64 bundleProductId);
    // The products that some composition rule of the bundle allows (what Select Components lists).
    QList<BundleProduct> allowedComponents(qint64 bundleProductId);
    QList<ServiceDependency> dependencies();
    // kind: "action_type" (key: behavior code) or "sub_action_type" (key: business classification code).
    QList<CustomActionType> customActionTypes(const QString& kind, const QString& key);

    // Demo data and tests.
    void setClassification(qint64 productId, const QString& productType, const QString& productFamily,
                           const QString& bundleKind);
    qint64 insertCompositionRule(const CompositionRule& rule);
    qint64 insertDependency(qint64 productId, DependencyKind kind, qint64 otherProductId);
    qint64 insertCustomActionType(const CustomActionType& type);

private:
    QList<BundleProduct> select(const QString& where, const QVariantMap& binds);
    Database& m_db;
};

} // namespace sb
