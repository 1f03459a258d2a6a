#pragma once

#include "domain/Bundle.h"
#include "domain/Entities.h"
#include "domain/UserMessage.h"
#include "store/Database.h"

namespace sb {

// A subscription as its data entry page shows it.
struct SubscriptionDetails
{
    Subscription subscription;                 // with its dated state history
    QList<SubscriptionService> services;       // every service, removed components included (parentServiceId set)
    QList<Distributor> distributors;           // removed ones included (removedMs set)
    bool hasWallet = false;
    Wallet wallet;                             // prepaid: balance and ledger
    QList<ScheduledAction> actions;            // scheduled and past actions, newest first

    QList<SubscriptionService> flexibleBundles() const; // current Flexible Bundle services
    QList<SubscriptionService> componentsOf(qint64 bundleServiceId) const; // current components
};

// What View Product Bundle Components and Select Components show for one bundle service.
struct BundleComposition
{
    SubscriptionService bundle;
    QList<CompositionRule> rules;
    QList<SubscriptionService> components;  // current components
    QList<BundleProduct> allowedProducts;   // what Select Components lists (filter by name, type, family)
};

// Action Type and Sub Action Type choices; the dialog shows each field only when its list is not empty.
struct CustomActionChoices
{
    QList<CustomActionType> actionTypes;
    QList<CustomActionType> subActionTypes;
};

// Reading subscriptions for the Subscriptions page and the Amend Bundle Services dialog. Each call uses the
// calling thread's connection: call from a worker thread, never from the GUI thread.
class SubscriptionWorkflow
{
public:
    explicit SubscriptionWorkflow(Database& db) : m_db(db) {}

    Result<QList<Subscription>> search(const QString& text, int limit = 50); // number or customer name
    Result<SubscriptionDetails> details(qint64 subscriptionId);
    Result<SubscriptionDetails> detailsByNumber(const QString& number);
    Result<BundleComposition> composition(qint64 bundleServiceId);
    Result<CustomActionChoices> customActionChoices();
    Result<QList<StaffUser>> staffUsers(const QString& text = {}); // Performed By User search (login or name)
    Result<QList<ScheduledAction>> scheduledActions(qint64 subscriptionId = 0); // 0: every subscription

private:
    SubscriptionDetails load(const Subscription& subscription);
    Database& m_db;
};

} // namespace sb
