#include "CustomerWorkflow.h"

#include "store/AuditRepository.h"
#include "store/CatalogRepository.h"
#include "store/CustomerRepository.h"
#include "store/InventoryRepository.h"
#include "store/JobRepository.h"
#include "store/ServiceAddonRepository.h"
#include "store/ServiceRepository.h"

#include <QCoreApplication>

namespace sb {
namespace {

// Refuses with the first problem; the log gets all of them.
void rejectIfAny(const QList<UserMessage>& problems)
{
    if (problems.isEmpty())
        return;
    QStringList english;
    for (const UserMessage& problem : problems)
        english << problem.englishText();
    throw StoreException(Error{problems.first(), english.join(QLatin1Char(' '))});
}

QList<ServiceType> addonServiceTypes(Database& db, CustomerType customerType)
{
    QList<ServiceType> types;
    for (const Product& addon : CatalogRepository(db).products(ProductCategory::Addon, customerType))
        if (!types.contains(addon.serviceType))
            types << addon.serviceType;
    return types;
}

} // namespace

Result<CustomerDetails> CustomerWorkflow::customer(qint64 customerId)
{
    return guarded([&] {
        CustomerRepository customers(m_db);
        const auto found = customers.byId(customerId);
        if (!found)
            throw StoreException(Error{UserMessage("AssignPlan", QT_TRANSLATE_NOOP("AssignPlan", "Customer not found. Create the customer first, or search again by ID, email or phone.")), {}});
        CustomerDetails details{*found, customers.sites(customerId), customers.contacts(customerId),
                                ServiceRepository(m_db).forCustomer(customerId), addonServiceTypes(m_db, found->type),
                                {}};
        ServiceAddonRepository addons(m_db);
        for (const Service& service : std::as_const(details.services))
            if (QList<AddonPurchase> bought = addons.forService(service.id); !bought.isEmpty())
                details.addons.insert(service.id, bought);
        return details;
    });
}

Result<ServiceDetails> CustomerWorkflow::service(qint64 serviceId)
{
    return guarded([&] {
        const auto found = ServiceRepository(m_db).byId(serviceId);
        if (!found)
            throw StoreException(Error{UserMessage("Services", QT_TRANSLATE_NOOP("Services", "Service %1 does not exist."), {QString::number(serviceId)}), {}});
        ServiceDetails details;
        details.service = *found;
        details.customer = CustomerRepository(m_db).byId(found->customerId).value_or(Customer{});
        details.items = InventoryRepository(m_db).forService(serviceId);
        details.latestJobId = JobRepository(m_db).latestForService(serviceId).value_or(0);
        return details;
    });
}

Result<QList<Service>> CustomerWorkflow::recentServices(int limit)
{
    return guarded([&] { return ServiceRepository(m_db).recent(limit); });
}

Result<Customer> CustomerWorkflow::createCustomer(const Customer& customer, const QList<Site>& sites,
                                                 const QList<Contact>& contacts, const Actor& actor)
{
    return guarded([&] {
        actor.enforce(Permission::ManageCustomers);
        const NewCustomer draft = CustomerRules::tidied(NewCustomer{customer, sites, contacts});
        rejectIfAny(CustomerRules::problems(draft, Database::nowMs()));
        Transaction tx(m_db);
        CustomerRepository customers(m_db);
        if (!draft.customer.email.isEmpty()) {
            if (const auto existing = customers.byEmail(draft.customer.email))
                rejectIfAny({CustomerRules::duplicateEmail(draft.customer.email, *existing)});
        }
        Customer created = draft.customer;
        created.id = customers.insert(created);
        for (Site site : draft.sites) {
            site.customerId = created.id;
            customers.insertSite(site);
        }
        for (Contact contact : draft.contacts) {
            contact.customerId = created.id;
            customers.insertContact(contact);
        }
        AuditRepository(m_db).record(actor.login(), QStringLiteral("create_customer"), QStringLiteral("customer"),
                                     created.id,
                                     QStringLiteral("type=%1 sites=%2 contacts=%3")
                                         .arg(toCode(created.type))
                                         .arg(draft.sites.size())
                                         .arg(draft.contacts.size()));
        tx.commit();
        return created;
    });
}

Result<Site> CustomerWorkflow::addSite(const Site& site, const Actor& actor)
{
    return guarded([&] {
        actor.enforce(Permission::ManageCustomers);
        Site added = CustomerRules::tidied(NewCustomer{{}, {site}, {}}).sites.first();
        rejectIfAny(CustomerRules::siteProblems(added));
        Transaction tx(m_db);
        existingCustomer(added.customerId);
        added.id = CustomerRepository(m_db).insertSite(added);
        AuditRepository(m_db).record(actor.login(), QStringLiteral("add_site"), QStringLiteral("customer"),
                                     added.customerId, QStringLiteral("site=%1").arg(added.id));
        tx.commit();
        return added;
    });
}

Result<Contact> CustomerWorkflow::addContact(const Contact& contact, const Actor& actor)
{
    return guarded([&] {
        actor.enforce(Permission::ManageCustomers);
        Contact added = CustomerRules::tidied(NewCustomer{{}, {}, {contact}}).contacts.first();
        rejectIfAny(CustomerRules::contactProblems(added));
        Transaction tx(m_db);
        existingCustomer(added.customerId);
        added.id = CustomerRepository(m_db).insertContact(added);
        AuditRepository(m_db).record(actor.login(), QStringLiteral("add_contact"), QStringLiteral("customer"),
                                     added.customerId, QStringLiteral("contact=%1 role=%2").arg(added.id).arg(added.role));
        tx.commit();
        return added;
    });
}

Result<QList<JobSummary>> CustomerWorkflow::provisioningHistory(qint64 customerId)
{
    return guarded([&] { return JobRepository(m_db).forCustomer(customerId); });
}

Customer CustomerWorkflow::existingCustomer(qint64 customerId)
{
    const auto found = CustomerRepository(m_db).byId(customerId);
    if (!found)
        throw StoreException(Error{UserMessage("Customer",
                                               QT_TRANSLATE_NOOP("Customer", "Customer %1 does not exist. Search for "
                                                                             "the customer again."),
                                               {QString::number(customerId)}),
                                   {}});
    return *found;
}

} // namespace sb
