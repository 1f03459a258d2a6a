#include "AddonWorkflow.h"

#include "domain/AddonRules.h"
#include "provisioning/JobVariables.h"
#include "provisioning/Playbook.h"
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

[[noreturn]] void reject(UserMessage message)
{
    throw StoreException(Error{std::move(message), {}});
}

Product requireProduct(Database& db, qint64 productId)
{
    const auto product = CatalogRepository(db).byId(productId);
    if (!product)
        reject(UserMessage(
            "Addon", QT_TRANSLATE_NOOP("Addon", "The add-on no longer exists. Reload the catalog and choose again.")));
    return *product;
}

Customer requireCustomer(Database& db, qint64 customerId)
{
    const auto customer = CustomerRepository(db).byId(customerId);
    if (!customer)
        reject(UserMessage(
            "Addon",
            QT_TRANSLATE_NOOP(
                "Addon", "Customer not found. Create the customer first, or search again by ID, email or phone.")));
    return *customer;
}

void requireAddonFor(const Product& addon, const Customer& customer)
{
    if (const auto problem = AddonRules::productProblem(addon, customer))
        reject(*problem);
}

QList<Service> targetsOf(Database& db, const Product& addon, const Customer& customer)
{
    const QList<Service> targets =
        AddonRules::targetServices(addon, customer, ServiceRepository(db).forCustomer(customer.id));
    if (targets.isEmpty())
        reject(AddonRules::noTargetService(addon, customer));
    return targets;
}

// The service the request names, or the only one that can receive the add-on.
Service chooseService(Database& db, const AddonRequest& request, const Product& addon, const Customer& customer)
{
    if (request.serviceId == 0) {
        const QList<Service> targets = targetsOf(db, addon, customer);
        if (targets.size() > 1)
            reject(UserMessage(
                "Addon",
                QT_TRANSLATE_NOOP(
                    "Addon",
                    "%1 has %2 services that can receive %3. Choose which service should receive this add-on."),
                {customer.name, QString::number(targets.size()), addon.name}));
        return targets.first();
    }
    const auto service = ServiceRepository(db).byId(request.serviceId);
    if (!service)
        reject(UserMessage(
            "Addon", QT_TRANSLATE_NOOP("Addon", "Service %1 does not exist. Choose one of the customer's services."),
            {QString::number(request.serviceId)}));
    if (const auto problem = AddonRules::serviceProblem(addon, customer, *service))
        reject(*problem);
    return *service;
}

} // namespace

Result<QList<Service>> AddonWorkflow::targetServices(qint64 productId, qint64 customerId)
{
    return guarded([&] {
        const Product addon = requireProduct(m_db, productId);
        const Customer customer = requireCustomer(m_db, customerId);
        requireAddonFor(addon, customer);
        return targetsOf(m_db, addon, customer);
    });
}

Status AddonWorkflow::checkPayment(qint64 productId, qint64 customerId)
{
    return guardedStatus([&] {
        const Product addon = requireProduct(m_db, productId);
        const Customer customer = requireCustomer(m_db, customerId);
        if (const auto problem = AddonRules::paymentProblem(addon, customer, Database::nowMs()))
            reject(*problem);
    });
}

Result<AddonResult> AddonWorkflow::submit(const AddonRequest& request, const Actor& actor)
{
    return guarded([&] { return submitInTransaction(request, actor); });
}

AddonResult AddonWorkflow::submitInTransaction(const AddonRequest& request, const Actor& actor)
{
    actor.enforce(Permission::AssignPlan);
    Transaction tx(m_db);
    const Product addon = requireProduct(m_db, request.productId);
    const Customer customer = requireCustomer(m_db, request.customerId);
    requireAddonFor(addon, customer);
    const qint64 now = Database::nowMs();
    if (const auto problem = AddonRules::paymentProblem(addon, customer, now))
        reject(*problem);
    const Service service = chooseService(m_db, request, addon, customer);

    InventoryRepository inventory(m_db);
    QList<InventoryItem> items;
    for (const QString& templateName : addon.inventoryItemsList) {
        const QString shownTemplate = QCoreApplication::translate("Inventory", templateName.toUtf8().constData());
        const qint64 itemId = request.items.value(templateName);
        if (itemId == 0)
            reject(UserMessage("Addon",
                               QT_TRANSLATE_NOOP("Addon", "%1 is required for %2. Pick one from the inventory."),
                               {shownTemplate, addon.name}));
        const auto item = inventory.byId(itemId);
        if (!item || item->templateName != templateName)
            reject(UserMessage(
                "Addon",
                QT_TRANSLATE_NOOP("Addon", "The item picked for %1 is not a %1. Pick an item of the right kind."),
                {shownTemplate}));
        if (!inventory.holdForService(item->id, request.reservationHolder, service.id, customer.id, now))
            reject(UserMessage(
                "Addon",
                QT_TRANSLATE_NOOP(
                    "Addon", "%1 is no longer available: another order has reserved or used it. Pick another item."),
                {item->reference}));
        items << *item;
    }

    ServiceAddonRepository addons(m_db);
    AddonPurchase purchase;
    purchase.serviceId = service.id;
    purchase.productId = addon.id;
    purchase.customerId = customer.id;
    purchase.status = QLatin1String(AddonPurchase::Pending);
    purchase.setupCost = addon.setupCost;
    purchase.monthlyCost = addon.monthlyCost;
    purchase.autoRenew = addon.recurring && request.autoRenew; // a one-time add-on has nothing to renew
    purchase.requestedBy = actor.login();
    purchase.id = addons.insert(purchase);

    ProvisioningJob job;
    job.kind = QLatin1String(AddonRules::jobKind);
    job.serviceId = service.id;
    job.customerId = customer.id;
    job.playbook = addon.provisioningPlay;
    job.requestedBy = actor.login();
    // service.* are the existing service's, so {{service.uuid}} is its OCS account.
    job.variables = JobVariables::build(customer, addon, service, items);
    job.variables.insert(QStringLiteral("addon"),
                         QJsonObject{{QStringLiteral("id"), purchase.id},
                                     {QStringLiteral("balance_id"), QStringLiteral("addon-%1").arg(purchase.id)}});
    const Result<Playbook> playbook = Playbook::load(addon.provisioningPlay);
    if (!playbook)
        throw StoreException(playbook.error());
    const Result<QList<ProvisioningTask>> tasks = playbook->instantiate(job.variables);
    if (!tasks)
        throw StoreException(tasks.error());
    job.tasks = *tasks;
    const qint64 jobId = JobRepository(m_db).create(job);
    addons.setJob(purchase.id, jobId);

    AuditRepository(m_db).record(actor.login(), QStringLiteral("buy_addon"), QStringLiteral("service"), service.id,
                                 QStringLiteral("product=%1 customer=%2 addon=%3 job=%4")
                                     .arg(addon.slug)
                                     .arg(customer.id)
                                     .arg(purchase.id)
                                     .arg(jobId));
    tx.commit();
    return AddonResult{purchase.id, service.id, jobId};
}

Result<QList<AddonPurchase>> AddonWorkflow::addonsOf(qint64 serviceId)
{
    return guarded([&] { return ServiceAddonRepository(m_db).forService(serviceId); });
}

Result<std::optional<AddonPurchase>> AddonWorkflow::purchaseOfJob(qint64 jobId)
{
    return guarded([&] { return ServiceAddonRepository(m_db).byJob(jobId); });
}

} // namespace sb
