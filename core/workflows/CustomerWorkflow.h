#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"
#include "store/Database.h"

namespace sb {

struct CustomerDetails
{
    Customer customer;
    QList<Site> sites;
    QList<Contact> contacts;
    QList<Service> services;
};

struct ServiceDetails
{
    Service service;
    Customer customer;
    QList<InventoryItem> items;
    qint64 latestJobId = 0;
};

// What the Customers and Services pages show.
class CustomerWorkflow
{
public:
    explicit CustomerWorkflow(Database& db) : m_db(db) {}

    Result<CustomerDetails> customer(qint64 customerId);
    Result<ServiceDetails> service(qint64 serviceId);
    Result<QList<Service>> recentServices(int limit = 200);

private:
    Database& m_db;
};

} // namespace sb
