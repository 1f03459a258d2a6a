#pragma once

#include "Enums.h"
#include "Money.h"
#include "UserMessage.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace sb {

// Life cycle state of a subscription or a subscription service (seed 004). Removed is for services only.
enum class LifecycleState { Draft, Effective, NotEffective, Terminated, Removed };
enum class PaymentType { Prepaid, Postpaid };
enum class ScheduledActionStatus { Scheduled, Completed, Failed, Cancelled };

QString toCode(LifecycleState value); // draft, effective, not_effective, terminated, removed
QString toCode(PaymentType value);    // prepaid, postpaid
QString toCode(ScheduledActionStatus value);
bool fromCode(const QString& code, LifecycleState* out);
bool fromCode(const QString& code, PaymentType* out);
bool fromCode(const QString& code, ScheduledActionStatus* out);
QString displayName(LifecycleState value);
QString displayName(PaymentType value);
QString displayName(ScheduledActionStatus value);

// Amend Bundle Services works only on these (seed 004: Draft, Effective, Not Effective).
bool isAmendable(LifecycleState state);

namespace BehaviorCodes {
inline const QString amendBundledService = QStringLiteral("AMENDBUNDLEDSERVICE");
inline const QString removeService = QStringLiteral("REMOVESERVICE");
inline const QString swapService = QStringLiteral("SWAPSERVICE");
} // namespace BehaviorCodes

// One period of a dated life cycle state history: [fromMs, toMs), toMs 0 while open.
struct StatePeriod
{
    LifecycleState state = LifecycleState::Draft;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString changedBy;

    bool covers(qint64 ms) const { return fromMs <= ms && (toMs == 0 || ms < toMs); }
};

// The state a history gives at a moment; known is false when no period covers it.
struct StateAt
{
    bool known = false;
    LifecycleState state = LifecycleState::Draft;
};
StateAt stateAt(const QList<StatePeriod>& history, qint64 ms);
// The periods of history from ms on, the first one starting at ms (what an added component inherits).
QList<StatePeriod> historyFrom(const QList<StatePeriod>& history, qint64 ms);

// A product as a flexible bundle or a component sees it.
struct BundleProduct
{
    qint64 id = 0;
    QString slug;
    QString name;
    QString productType;   // e.g. Channel Pack, Voice Feature
    QString productFamily; // e.g. Sports, Movies, Call Handling
    ServiceType serviceType = ServiceType::Iptv;
    QString bundleKind;    // none, fixed, flexible
    Money setupCost;
    Money monthlyCost;
    QJsonObject provisioningVars;

    bool isFlexibleBundle() const { return bundleKind == QLatin1String("flexible"); }
    // What the wallet must fund when the product is added for a period: setup plus one month.
    Money periodCharge() const { return Money{setupCost.minorUnits + monthlyCost.minorUnits, monthlyCost.currency}; }
};

enum class CompositionMatch { Product, ProductType, ProductFamily };
QString toCode(CompositionMatch value); // product, product_type, product_family
bool fromCode(const QString& code, CompositionMatch* out);
QString displayName(CompositionMatch value);

// What a flexible bundle product allows: components matching the rule, between min and max of them (max 0 =
// no limit), and a mandatory rule needs at least one.
struct CompositionRule
{
    qint64 id = 0;
    qint64 bundleProductId = 0;
    CompositionMatch match = CompositionMatch::Product;
    QString value; // product slug, product type or product family
    int minCount = 0;
    int maxCount = 0;
    bool mandatory = false;

    bool matches(const BundleProduct& product) const;
    int requiredCount() const { return mandatory ? qMax(1, minCount) : minCount; }
    QString describe() const; // "Product Family Sports"
};

enum class DependencyKind { Requires, Excludes };
QString toCode(DependencyKind value); // requires, excludes
bool fromCode(const QString& code, DependencyKind* out);

struct ServiceDependency
{
    qint64 productId = 0;
    DependencyKind kind = DependencyKind::Requires;
    qint64 otherProductId = 0;
    QString productName;      // for the messages, also when the product is on no service
    QString otherProductName;
};

struct Subscription
{
    qint64 id = 0;
    QString number;
    qint64 customerId = 0;
    QString customerName;
    LifecycleState state = LifecycleState::Draft; // the current state column
    PaymentType paymentType = PaymentType::Postpaid;
    qint64 createdMs = 0;
    QList<StatePeriod> history;

    // The state the dated history gives at ms, the current state where the history says nothing.
    LifecycleState stateAt(qint64 ms) const
    {
        const StateAt at = sb::stateAt(history, ms);
        return at.known ? at.state : state;
    }
};

struct SubscriptionService
{
    qint64 id = 0;
    qint64 subscriptionId = 0;
    qint64 parentServiceId = 0; // the flexible bundle service of a component
    qint64 customerId = 0;
    QString name;
    ServiceStatus status = ServiceStatus::Active; // cancelled once removed from its bundle
    BundleProduct product;
    QString serviceUuid;
    QList<StatePeriod> history;

    StateAt stateAt(qint64 ms) const { return sb::stateAt(history, ms); }
    bool isCurrent() const { return status != ServiceStatus::Cancelled; }
};

struct Distributor
{
    qint64 id = 0;
    qint64 subscriptionId = 0;
    QString kind; // set_top_box or smartcard
    QString serial;
    qint64 removedMs = 0;
    QList<qint64> serviceIds;      // services distributed on it

    bool isSetTopBox() const { return kind == QLatin1String("set_top_box"); }
    QStringList installedItems;    // installed items distributed on it
};

struct WalletEntry
{
    qint64 id = 0;
    Money amount; // negative: a debit
    QString reason;
    qint64 createdMs = 0;
    QString createdBy;
};

struct Wallet
{
    qint64 id = 0;
    qint64 subscriptionId = 0;
    Money balance; // the sum of the entries
    QList<WalletEntry> entries;
};

struct ScheduledAction
{
    qint64 id = 0;
    QString behaviorCode;
    QString businessClassificationCode;
    QString actionType;
    QString subActionType;
    qint64 subscriptionId = 0;
    qint64 serviceId = 0;
    QJsonObject payload;
    qint64 dueMs = 0;
    ScheduledActionStatus status = ScheduledActionStatus::Scheduled;
    QString performedBy;
    qint64 performedMs = 0;
    QString requestedBy;
    QString requestKey;
    qint64 createdMs = 0;
    qint64 finishedMs = 0;
    QString failureReason; // JSON array of UserMessage objects

    QList<UserMessage> failureMessages() const;
};

// A configured custom action type: kind action_type keyed by behavior code, sub_action_type keyed by business
// classification code.
struct CustomActionType
{
    QString kind;
    QString key;
    QString code;
    QString name;
};

} // namespace sb
