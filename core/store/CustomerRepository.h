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
    QList<Site> sites(qint64 customerId);
    QList<Contact> contacts(qint64 customerId);
    qint64 count();

    qint64 insert(const Customer& customer);
    qint64 insertSite(const Site& site);
    qint64 insertContact(const Contact& contact);

    static QString reversedDigits(const QString& phone); // for matching a number by its last digits

private:
    QList<Customer> prefixMatches(const QString& column, const QString& prefix, int limit);
    Database& m_db;
};

} // namespace sb
