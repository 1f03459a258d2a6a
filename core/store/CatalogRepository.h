#pragma once

#include "Database.h"
#include "domain/Entities.h"

#include <optional>

namespace sb {

class CatalogRepository
{
public:
    explicit CatalogRepository(Database& db) : m_db(db) {}

    // Enabled products of a category that the customer type may buy, in catalog order.
    QList<Product> products(ProductCategory category, CustomerType customerType);
    QList<Product> allProducts();
    std::optional<Product> byId(qint64 id);
    std::optional<Product> bySlug(const QString& slug);
    qint64 insert(const Product& product);

private:
    QList<Product> select(const QString& where, const QVariantMap& binds);
    Database& m_db;
};

} // namespace sb
