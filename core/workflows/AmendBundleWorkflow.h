#pragma once

#include "domain/Bundle.h"
#include "domain/BundleRules.h"
#include "domain/UserMessage.h"
#include "security/Actor.h"
#include "store/Database.h"

#include <QDateTime>
#include <QJsonObject>

namespace sb {

// What the Amend Bundle Services dialog (or switchboard-ctl amend-bundle) submits.
struct AmendBundleRequest
{
    qint64 bundleServiceId = 0;      // the subscription's Flexible Bundle service
    QList<qint64> addProductIds;     // components to add, by product id ...
    QStringList addProductSlugs;     // ... or by product slug
    QList<qint64> removeServiceIds;  // current component services to remove
    QString performedBy;             // staff login; empty: the signed-in user
    QDateTime performedDate;         // invalid: now
    QString actionType;              // required only when custom action types are configured
    QString subActionType;
    Schedule schedule;               // Now, on a date, after a number of days
    QString requestKey;              // the same key for a resubmission of the same request; empty: a new one

    QJsonObject toJson() const;      // the payload of a scheduled action
    static AmendBundleRequest fromJson(const QJsonObject& json);
};

// The Preview & Action panel: what the request would change.
struct AmendPreview
{
    Subscription subscription;
    SubscriptionService bundle;
    QList<BundleProduct> addedProducts;
    QList<SubscriptionService> removedComponents;
    Money charge;        // what a prepaid wallet is debited for the added components
    qint64 effectiveMs = 0; // when the change takes effect (now, or the due time)
};

struct AmendOutcome
{
    qint64 actionId = 0;   // the scheduled_actions row (immediate actions are recorded there as completed)
    bool scheduled = false;
    qint64 dueMs = 0;
    bool replayed = false; // the request key had been submitted before: nothing was done again
    QList<qint64> addedServiceIds;
    QList<qint64> removedServiceIds;
    QList<qint64> removedDistributorIds;
    QList<qint64> jobIds;  // provisioning jobs queued for the network side
    Money debited;

    QJsonObject toJson() const;
    static AmendOutcome fromJson(const QJsonObject& json);
};

// Either the outcome, or every broken rule as its own sentence (nothing was changed then).
struct AmendResult
{
    QList<UserMessage> problems;
    QString detail;       // technical detail of a database failure, for the log
    AmendPreview preview; // filled as far as the request could be understood
    AmendOutcome outcome;

    bool ok() const { return problems.isEmpty(); }
};

// Amend Bundle Services (seed 004). check() validates without changing anything; submit() validates again and
// applies the change now in one transaction, or records it as a scheduled action that runScheduled() carries
// out when it is due (validating once more then). The actor needs Permission::AmendBundle. Each call uses the
// calling thread's connection: the GUI calls from its pool, never from the GUI thread.
class AmendBundleWorkflow
{
public:
    static const QString behaviorCode;               // AMENDBUNDLEDSERVICE
    static const QString businessClassificationCode; // AMENDBUNDLEDSERVICE

    explicit AmendBundleWorkflow(Database& db) : m_db(db) {}

    AmendResult check(const AmendBundleRequest& request, const Actor& actor);
    AmendResult submit(const AmendBundleRequest& request, const Actor& actor);
    // Carries out a due scheduled action. When a rule no longer holds, the action fails with the reasons and
    // nothing else changes. Returns the action's status afterwards.
    Result<ScheduledActionStatus> runScheduled(qint64 actionId, qint64 nowMs = 0);
    // Cancels a scheduled action that has not run yet.
    Status cancelScheduled(qint64 actionId, const Actor& actor);

private:
    Database& m_db;
};

} // namespace sb
