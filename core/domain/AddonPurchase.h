#pragma once

#include "Money.h"

#include <QString>

namespace sb {

// An add-on bought onto an existing service (a service_addons row). No service row of its own: its provisioning job
// runs against the service it was bought for.
struct AddonPurchase
{
    qint64 id = 0;
    qint64 serviceId = 0;
    qint64 productId = 0;
    qint64 customerId = 0;
    qint64 jobId = 0;
    QString status = QStringLiteral("pending"); // pending | active | failed
    Money setupCost;
    Money monthlyCost;
    bool autoRenew = false;
    QString balance; // the service's balances as read back from the OCS after provisioning, e.g. "*data: 25 GB"
    qint64 createdMs = 0;
    QString requestedBy;
    QString productName;

    static constexpr const char* Pending = "pending";
    static constexpr const char* Active = "active";
    static constexpr const char* Failed = "failed";
};

} // namespace sb
