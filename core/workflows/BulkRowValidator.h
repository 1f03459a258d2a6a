#pragma once

#include "AssignPlanWorkflow.h"

#include <QHash>
#include <QJsonObject>

namespace sb {

// One data row of a bulk import file: canonical column name -> value as written (trimmed).
struct BulkRow
{
    int line = 0;
    QJsonObject values;

    QString value(const QString& column) const { return values.value(column).toString(); }
};

// What one row asks for, and what is wrong with it on its own (not counting the rows around it).
struct BulkRowPlan
{
    int line = 0;
    AssignRequest request;          // items: only the explicit ones (template -> item id)
    QStringList implicitTemplates;  // templates whose next free item is taken when the row is submitted
    QList<UserMessage> problems;

    bool ok() const { return problems.isEmpty(); }
};

// Checks bulk import rows against the live catalog, customers, business details and inventory. The catalog,
// the custom field definitions and the template names are read once; load() fetches the customers, sites,
// contacts and named items of a batch of rows in a few statements, so thousands of rows check quickly.
class BulkRowValidator
{
public:
    explicit BulkRowValidator(Database& db); // throws StoreException

    // Canonical names of the optional columns this database knows: the fixed ones, the inventory template names
    // and the custom field keys.
    QStringList optionalColumns() const;

    void load(const QList<BulkRow>& rows); // throws StoreException
    BulkRowPlan plan(const BulkRow& row, qint64 nowMs) const;

    static QStringList fixedOptionalColumns();

private:
    struct CustomerMatch
    {
        std::optional<Customer> customer;
        UserMessage problem;
    };
    CustomerMatch findCustomer(const QString& key, int line) const;
    QList<CustomFieldDefinition> fieldsFor(CustomerType type, const QString& slug) const;

    Database& m_db;
    QHash<QString, Product> m_productsBySlug; // lower-case slug
    QList<CustomFieldDefinition> m_fields;
    QStringList m_templates;
    QStringList m_fieldKeys;

    QHash<qint64, Customer> m_customersById;
    QHash<QString, QList<Customer>> m_customersByEmail; // lower case
    QHash<QString, QList<Customer>> m_customersByPhone; // digits
    QHash<qint64, QList<Site>> m_sites;
    QHash<qint64, QList<Contact>> m_contacts;
    QHash<QString, QList<InventoryItem>> m_itemsByKey; // reference and identifier
};

} // namespace sb
