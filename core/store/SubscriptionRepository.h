#pragma once

#include "Database.h"
#include "domain/Bundle.h"

#include <optional>

namespace sb {

// Subscriptions with their dated life cycle states, their services (flexible bundles and their components)
// and the provisioning distributors (set-top boxes, smartcards) the services are distributed on.
class SubscriptionRepository
{
public:
    explicit SubscriptionRepository(Database& db) : m_db(db) {}

    // By subscription number (prefix) or customer name (contains), case-insensitive.
    QList<Subscription> search(const QString& text, int limit = 50);
    std::optional<Subscription> byId(qint64 id);
    std::optional<Subscription> byNumber(const QString& number);

    QList<SubscriptionService> services(qint64 subscriptionId); // all of them, removed components included
    std::optional<SubscriptionService> service(qint64 serviceId);
    QList<SubscriptionService> components(qint64 bundleServiceId); // current components only

    QList<Distributor> distributors(qint64 subscriptionId, bool includeRemoved = false);

    // Writes; call inside a transaction.
    qint64 insertSubscription(const Subscription& subscription, const QString& by);
    qint64 insertService(const SubscriptionService& service, const QString& by);
    void insertStatePeriods(qint64 serviceId, const QList<StatePeriod>& periods, const QString& by);
    // Closes the service's history at fromMs and opens a Removed period; the service leaves its bundle.
    void markRemoved(qint64 serviceId, qint64 fromMs, const QString& by);
    qint64 insertDistributor(const Distributor& distributor);
    void distribute(qint64 distributorId, qint64 serviceId);
    void distributeInstalledItem(qint64 distributorId, const QString& installedItem);
    // Takes the service off every distributor; returns those it was on.
    QList<qint64> undistribute(qint64 serviceId);
    // Removes the distributor when no service or installed item is distributed on it any more.
    bool removeDistributorIfUnused(qint64 distributorId, qint64 nowMs);

private:
    QList<Subscription> selectSubscriptions(const QString& where, const QVariantMap& binds, int limit = 0);
    QList<SubscriptionService> selectServices(const QString& where, const QVariantMap& binds);
    QList<StatePeriod> periods(const QString& table, const QString& column, qint64 id);
    Database& m_db;
};

} // namespace sb
