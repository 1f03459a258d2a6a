#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"
#include "security/Actor.h"
#include "store/Database.h"

#include <QMap>

namespace sb {

struct AssignRequest
{
    qint64 customerId = 0;
    qint64 productId = 0;
    QMap<QString, qint64> items; // inventory template name -> picked item id
    bool autoRenew = true;
    QString reservationHolder;   // the flow that reserved the picked items
    BusinessDetails business;    // site, contacts and custom fields of a business order
};

struct AssignResult
{
    qint64 serviceId = 0;
    qint64 jobId = 0;
};

// What the business details step offers for an order: the customer's sites and contacts and the custom fields
// configured for the customer type and product.
struct BusinessOptions
{
    QList<Site> sites;
    QList<Contact> contacts;
    QList<CustomFieldDefinition> fields;
};

struct Reservation
{
    qint64 itemId = 0;
    qint64 expiresMs = 0;
};

// The assign-plan flow of seed 000, shared by the GUI and the CLI. Each call uses the calling thread's
// connection, so the GUI calls it from worker threads (never from the GUI thread).
class AssignPlanWorkflow
{
public:
    explicit AssignPlanWorkflow(Database& db) : m_db(db) {}

    Result<QList<Product>> catalog(ProductCategory category, CustomerType customerType);
    Result<QList<Customer>> searchCustomers(const QString& text, int limit = 20);
    // Fails with the reason when the customer cannot take the product.
    Status checkEligibility(qint64 productId, qint64 customerId);
    Result<QList<InventoryItem>> availableItems(const QString& templateName, const QString& holder);
    // Reserves an item for the holder (default 15 minutes). A second holder gets a clear refusal.
    Result<Reservation> reserve(qint64 itemId, const QString& holder, qint64 durationMs = 0);
    Status release(qint64 itemId, const QString& holder);
    Result<BusinessOptions> businessOptions(qint64 customerId, qint64 productId);
    Status releaseAll(const QString& holder);

    // Confirm & Provision: validates everything again, creates the service (not active) and queues its
    // provisioning job, all in one transaction. The actor needs Permission::AssignPlan and is recorded as the
    // requester of the service and the job, and in the audit log.
    Result<AssignResult> submit(const AssignRequest& request, const Actor& actor);
    // The same work inside the caller's open Transaction (a bulk import marks its row in the same transaction).
    // Throws StoreException with the reason; commits nothing.
    AssignResult submitWithin(const AssignRequest& request, const Actor& actor);

private:
    AssignResult submitInTransaction(const AssignRequest& request, const Actor& actor);
    Database& m_db;
};

} // namespace sb
