#include "AssignPlanWorkflow.h"

#include "domain/AssignRules.h"
#include "domain/BusinessRules.h"
#include "provisioning/JobVariables.h"
#include "provisioning/Playbook.h"
#include "store/AuditRepository.h"
#include "store/CatalogRepository.h"
#include "store/CustomFieldRepository.h"
#include "store/CustomerRepository.h"
#include "store/InventoryRepository.h"
#include "store/JobRepository.h"
#include "store/ServiceRepository.h"

#include <QCoreApplication>
#include <QUuid>

namespace sb {
namespace {

[[noreturn]] void reject(UserMessage message)
{
    throw StoreException(Error{std::move(message), {}});
}

Product requireProduct(Database& db, qint64 productId)
{
    const auto product = CatalogRepository(db).byId(productId);
    if (!product)
        reject(UserMessage("AssignPlan", QT_TRANSLATE_NOOP("AssignPlan", "The product no longer exists. Reload the catalog and choose again.")));
    return *product;
}

Customer requireCustomer(Database& db, qint64 customerId)
{
    const auto customer = CustomerRepository(db).byId(customerId);
    if (!customer)
        reject(UserMessage("AssignPlan",
                           QT_TRANSLATE_NOOP("AssignPlan", "Customer not found. Create the customer first, or search again by ID, email or phone."),
                           {}));
    return *customer;
}

// "Mobile - +44 7700 900123": the product family and the identifier the customer knows the service by.
QString serviceName(const Product& product, const QList<InventoryItem>& items, const Customer& customer)
{
    static const QStringList namingTemplates{QStringLiteral("Mobile Number"), QStringLiteral("SIP DID"),
                                             QStringLiteral("CPE Modem"), QStringLiteral("Set-top Box")};
    const QString family = product.name.section(QStringLiteral(" - "), 0, 0);
    for (const QString& templateName : namingTemplates)
        for (const InventoryItem& item : items)
            if (item.templateName == templateName)
                return family + QStringLiteral(" - ") + item.identifier;
    return family + QStringLiteral(" - ") + customer.name;
}

} // namespace

Result<QList<Product>> AssignPlanWorkflow::catalog(ProductCategory category, CustomerType customerType)
{
    return guarded([&] { return CatalogRepository(m_db).products(category, customerType); });
}

Result<QList<Customer>> AssignPlanWorkflow::searchCustomers(const QString& text, int limit)
{
    return guarded([&] { return CustomerRepository(m_db).search(text, limit); });
}

Status AssignPlanWorkflow::checkEligibility(qint64 productId, qint64 customerId)
{
    return guardedStatus([&] {
        const Product product = requireProduct(m_db, productId);
        const Customer customer = requireCustomer(m_db, customerId);
        if (const auto problem = AssignRules::eligibilityProblem(product, customer))
            reject(*problem);
    });
}

Result<QList<InventoryItem>> AssignPlanWorkflow::availableItems(const QString& templateName, const QString& holder)
{
    return guarded([&] { return InventoryRepository(m_db).available(templateName, Database::nowMs(), holder); });
}

Result<Reservation> AssignPlanWorkflow::reserve(qint64 itemId, const QString& holder, qint64 durationMs)
{
    return guarded([&] {
        const qint64 now = Database::nowMs();
        const qint64 until = now + (durationMs > 0 ? durationMs : AssignRules::defaultReservationMs);
        InventoryRepository inventory(m_db);
        if (!inventory.reserve(itemId, holder, until, now)) {
            const auto item = inventory.byId(itemId);
            reject(UserMessage("AssignPlan",
                               QT_TRANSLATE_NOOP("AssignPlan", "%1 is no longer available: another order has reserved or used it. Pick another item."),
                               {item ? item->reference : QString::number(itemId)}));
        }
        return Reservation{itemId, until};
    });
}

Status AssignPlanWorkflow::release(qint64 itemId, const QString& holder)
{
    return guardedStatus([&] { InventoryRepository(m_db).release(itemId, holder); });
}

Result<BusinessOptions> AssignPlanWorkflow::businessOptions(qint64 customerId, qint64 productId)
{
    return guarded([&] {
        const Product product = requireProduct(m_db, productId);
        const Customer customer = requireCustomer(m_db, customerId);
        CustomerRepository customers(m_db);
        return BusinessOptions{customers.sites(customer.id), customers.contacts(customer.id),
                               CustomFieldRepository(m_db).forOrder(customer.type, product.slug)};
    });
}

Status AssignPlanWorkflow::releaseAll(const QString& holder)
{
    return guardedStatus([&] { InventoryRepository(m_db).releaseAll(holder); });
}

Result<AssignResult> AssignPlanWorkflow::submit(const AssignRequest& request, const Actor& actor)
{
    return guarded([&] { return submitInTransaction(request, actor); });
}

AssignResult AssignPlanWorkflow::submitInTransaction(const AssignRequest& request, const Actor& actor)
{
    actor.enforce(Permission::AssignPlan);
    Transaction tx(m_db);
    const AssignResult result = submitWithin(request, actor);
    tx.commit();
    return result;
}

AssignResult AssignPlanWorkflow::submitWithin(const AssignRequest& request, const Actor& actor)
{
    actor.enforce(Permission::AssignPlan);
    const Product product = requireProduct(m_db, request.productId);
    const Customer customer = requireCustomer(m_db, request.customerId);
    if (const auto problem = AssignRules::eligibilityProblem(product, customer))
        reject(*problem);
    // An add-on never becomes a service of its own (seed 000): it goes onto an existing one, see AddonWorkflow.
    if (product.category == ProductCategory::Addon)
        reject(UserMessage("AssignPlan",
                           QT_TRANSLATE_NOOP("AssignPlan", "%1 is an add-on: it is added to one of the customer's existing services. Use Add-ons next to that service."),
                           {product.name}));

    CustomerRepository customers(m_db);
    const QList<UserMessage> businessProblems =
        BusinessRules::problems(customer, product, customers.sites(customer.id), customers.contacts(customer.id),
                                CustomFieldRepository(m_db).forOrder(customer.type, product.slug), request.business);
    if (!businessProblems.isEmpty())
        reject(businessProblems.first());

    InventoryRepository inventory(m_db);
    QList<InventoryItem> items;
    for (const QString& templateName : product.inventoryItemsList) {
        const qint64 itemId = request.items.value(templateName);
        if (itemId == 0)
            reject(UserMessage("AssignPlan", QT_TRANSLATE_NOOP("AssignPlan", "%1 is required for %2. Pick one from the inventory."),
                               {QCoreApplication::translate("Inventory", templateName.toUtf8().constData()), product.name}));
        const auto item = inventory.byId(itemId);
        if (!item || item->templateName != templateName)
            reject(UserMessage("AssignPlan",
                               QT_TRANSLATE_NOOP("AssignPlan", "The item picked for %1 is not a %1. Pick an item of the right kind."),
                               {QCoreApplication::translate("Inventory", templateName.toUtf8().constData())}));
        items << *item;
    }

    Service service;
    service.customerId = customer.id;
    service.productId = product.id;
    service.name = serviceName(product, items, customer);
    service.status = ServiceStatus::PendingProvisioning;
    service.autoRenew = request.autoRenew;
    service.serviceUuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    service.setupCost = product.setupCost;
    service.monthlyCost = product.monthlyCost;
    service.business = request.business;
    service.business.customFields.clear();
    for (auto it = request.business.customFields.cbegin(); it != request.business.customFields.cend(); ++it)
        if (!it.value().trimmed().isEmpty())
            service.business.customFields.insert(it.key(), it.value().trimmed());
    service.id = ServiceRepository(m_db).insert(service, actor.login());

    const qint64 now = Database::nowMs();
    for (InventoryItem& item : items) {
        if (!inventory.holdForService(item.id, request.reservationHolder, service.id, customer.id, now))
            reject(UserMessage("AssignPlan",
                               QT_TRANSLATE_NOOP("AssignPlan", "%1 is no longer available: another order has reserved or used it. Pick another item."),
                               {item.reference}));
    }

    ProvisioningJob job;
    job.kind = QStringLiteral("assign_plan");
    job.serviceId = service.id;
    job.customerId = customer.id;
    job.playbook = product.provisioningPlay;
    job.requestedBy = actor.login();
    job.variables = JobVariables::build(customer, product, service, items);
    const Result<Playbook> playbook = Playbook::load(product.provisioningPlay);
    if (!playbook)
        throw StoreException(playbook.error());
    const Result<QList<ProvisioningTask>> tasks = playbook->instantiate(job.variables);
    if (!tasks)
        throw StoreException(tasks.error());
    job.tasks = *tasks;
    const qint64 jobId = JobRepository(m_db).create(job);

    AuditRepository(m_db).record(actor.login(), QStringLiteral("assign_plan"), QStringLiteral("service"), service.id,
                                 QStringLiteral("product=%1 customer=%2 job=%3").arg(product.slug).arg(customer.id).arg(jobId));
    return AssignResult{service.id, jobId};
}

} // namespace sb
