#pragma once

#include "domain/AddonPurchase.h"
#include "domain/CustomerRules.h"
#include "domain/Entities.h"
#include "domain/UserMessage.h"
#include "security/Actor.h"
#include "store/Database.h"
#include "store/JobRepository.h"

namespace sb {

struct CustomerDetails
{
    Customer customer;
    QList<Site> sites;
    QList<Contact> contacts;
    QList<Service> services;
    QList<ServiceType> addonServiceTypes; // service types that add-ons for this customer's type exist for
    QMap<qint64, QList<AddonPurchase>> addons; // by service id, newest first; services without add-ons are absent
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

    // A new customer with its first sites and contacts, in one transaction with its audit row. Refused (nothing
    // written) with the first problem of CustomerRules, or when another customer has the same email address.
    // The actor needs Permission::ManageCustomers.
    Result<Customer> createCustomer(const Customer& customer, const QList<Site>& sites, const QList<Contact>& contacts,
                                    const Actor& actor);
    Result<Site> addSite(const Site& site, const Actor& actor);
    Result<Contact> addContact(const Contact& contact, const Actor& actor);
    // The customer's provisioning jobs, newest first.
    Result<QList<JobSummary>> provisioningHistory(qint64 customerId);

private:
    Customer existingCustomer(qint64 customerId);

    Database& m_db;
};

} // namespace sb
