#pragma once

#include "domain/AddonPurchase.h"
#include "domain/Entities.h"
#include "domain/UserMessage.h"
#include "security/Actor.h"
#include "store/Database.h"

#include <QMap>

#include <optional>

namespace sb {

struct AddonRequest
{
    qint64 customerId = 0;
    qint64 productId = 0;        // the add-on
    qint64 serviceId = 0;        // the existing service that receives it; 0: the only one that can
    QMap<QString, qint64> items; // inventory template name -> picked item id (reserved by reservationHolder)
    QString reservationHolder;
    bool autoRenew = false;      // a monthly add-on renews with the service's billing period
};

struct AddonResult
{
    qint64 addonId = 0;   // service_addons.id
    qint64 serviceId = 0; // the existing service
    qint64 jobId = 0;
};

// Buying an add-on onto an existing service (seed 000, "Adding Add-ons to Existing Service"), shared by the GUI and
// the CLI. No service is created: the add-on's playbook runs against the existing service's OCS account, and the
// inventory it needs is assigned to that service. Each call uses the calling thread's connection (never call it
// from the GUI thread). Picking and reserving inventory goes through AssignPlanWorkflow, as for plans.
class AddonWorkflow
{
public:
    explicit AddonWorkflow(Database& db) : m_db(db) {}

    // The customer's services that can receive the add-on (same service type, active, main services), newest first.
    // Fails with the reason when the product is no add-on for this customer, or when no service can receive it.
    // Several services: the user is asked "Which service should receive this add-on?".
    Result<QList<Service>> targetServices(qint64 productId, qint64 customerId);
    // Fails when the add-on is paid and the customer has no valid payment method on file.
    Status checkPayment(qint64 productId, qint64 customerId);
    // Validates everything again and, in one transaction, records the add-on (pending), holds its inventory for the
    // existing service and queues its provisioning job. The actor needs Permission::AssignPlan.
    Result<AddonResult> submit(const AddonRequest& request, const Actor& actor);
    Result<QList<AddonPurchase>> addonsOf(qint64 serviceId); // newest first
    // The add-on a provisioning job is for (nothing for the jobs of plans), for the progress dialog's result panel.
    Result<std::optional<AddonPurchase>> purchaseOfJob(qint64 jobId);

private:
    AddonResult submitInTransaction(const AddonRequest& request, const Actor& actor);
    Database& m_db;
};

} // namespace sb
