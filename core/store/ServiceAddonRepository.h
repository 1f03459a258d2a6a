#pragma once

#include "Database.h"
#include "domain/AddonPurchase.h"

#include <optional>

namespace sb {

// service_addons: the add-ons bought onto existing services.
class ServiceAddonRepository
{
public:
    explicit ServiceAddonRepository(Database& db) : m_db(db) {}

    qint64 insert(const AddonPurchase& purchase); // status, costs, requestedBy as given; created now, no balance yet
    void setJob(qint64 id, qint64 jobId);
    void setStatus(qint64 id, const QString& status);
    // The add-on whose provisioning job this is: failed when the job fails, pending again on Retry.
    void setStatusOfJob(qint64 jobId, const QString& status);
    void setBalance(qint64 id, const QString& balance);

    std::optional<AddonPurchase> byId(qint64 id);
    std::optional<AddonPurchase> byJob(qint64 jobId);
    QList<AddonPurchase> forService(qint64 serviceId); // newest first
    qint64 count();

private:
    QList<AddonPurchase> select(const QString& where, const QVariantMap& binds);
    Database& m_db;
};

} // namespace sb
