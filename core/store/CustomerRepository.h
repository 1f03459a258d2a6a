#pragma once

#include "Database.h"
#include "domain/Entities.h"

#include <optional>

namespace sb {

class CustomerRepository
{
public:
    explicit CustomerRepository(Database& db) : m_db(db) {}

    // Type-ahead search over name, customer ID, email and phone (any spacing or + prefix).
    QList<Customer> search(const QString& text, int limit = 20);
    std::optional<Customer> byId(qint64 id);
    std::optional<Customer> byEmail(const QString& email); // case-insensitive
    QList<Site> sites(qint64 customerId);
    QList<Contact> contacts(qint64 customerId);
    qint64 count();

    qint64 insert(const Customer& customer);
    qint64 insertSite(const Site& site);
    qint64 insertContact(const Contact& contact);

    static QString reversedDigits(const QString& phone); // for matching a number by its last digits
    // The columns every customer query selects, and the Customer read from such a row (for batch lookups).
    static QString selectColumns();
    static Customer fromRow(const Sql& query);

    // When set, search() appends each statement it runs, with its values written in, so that a benchmark can
    // run exactly the same SQL through the engine's own client.
    void setStatementTrace(QStringList* trace) { m_trace = trace; }

private:
    QList<Customer> prefixMatches(const QString& column, const QString& prefix, int limit);
    QList<Customer> fetch(const QString& sql, const QList<QPair<QString, QVariant>>& bindings);
    static QString inlined(QString sql, const QList<QPair<QString, QVariant>>& bindings);

    Database& m_db;
    QStringList* m_trace = nullptr;
};

} // namespace sb
