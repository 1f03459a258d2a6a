#include "Bundle.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace sb {
namespace {

template <typename E, std::size_t N>
bool lookup(const QString& code, E* out, const E (&values)[N])
{
    for (E value : values) {
        if (toCode(value) == code) {
            *out = value;
            return true;
        }
    }
    return false;
}

} // namespace

QString toCode(LifecycleState value)
{
    switch (value) {
    case LifecycleState::Draft: return QStringLiteral("draft");
    case LifecycleState::Effective: return QStringLiteral("effective");
    case LifecycleState::NotEffective: return QStringLiteral("not_effective");
    case LifecycleState::Terminated: return QStringLiteral("terminated");
    case LifecycleState::Removed: return QStringLiteral("removed");
    }
    return QStringLiteral("draft");
}

QString toCode(PaymentType value)
{
    return value == PaymentType::Prepaid ? QStringLiteral("prepaid") : QStringLiteral("postpaid");
}

QString toCode(ScheduledActionStatus value)
{
    switch (value) {
    case ScheduledActionStatus::Scheduled: return QStringLiteral("scheduled");
    case ScheduledActionStatus::Completed: return QStringLiteral("completed");
    case ScheduledActionStatus::Failed: return QStringLiteral("failed");
    case ScheduledActionStatus::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("scheduled");
}

QString toCode(CompositionMatch value)
{
    switch (value) {
    case CompositionMatch::Product: return QStringLiteral("product");
    case CompositionMatch::ProductType: return QStringLiteral("product_type");
    case CompositionMatch::ProductFamily: return QStringLiteral("product_family");
    }
    return QStringLiteral("product");
}

QString toCode(DependencyKind value)
{
    return value == DependencyKind::Requires ? QStringLiteral("requires") : QStringLiteral("excludes");
}

bool fromCode(const QString& code, DependencyKind* out)
{
    static const DependencyKind values[] = {DependencyKind::Requires, DependencyKind::Excludes};
    return lookup(code, out, values);
}

bool fromCode(const QString& code, LifecycleState* out)
{
    static const LifecycleState values[] = {LifecycleState::Draft, LifecycleState::Effective,
                                            LifecycleState::NotEffective, LifecycleState::Terminated,
                                            LifecycleState::Removed};
    return lookup(code, out, values);
}

bool fromCode(const QString& code, PaymentType* out)
{
    static const PaymentType values[] = {PaymentType::Prepaid, PaymentType::Postpaid};
    return lookup(code, out, values);
}

bool fromCode(const QString& code, ScheduledActionStatus* out)
{
    static const ScheduledActionStatus values[] = {ScheduledActionStatus::Scheduled, ScheduledActionStatus::Completed,
                                                   ScheduledActionStatus::Failed, ScheduledActionStatus::Cancelled};
    return lookup(code, out, values);
}

bool fromCode(const QString& code, CompositionMatch* out)
{
    static const CompositionMatch values[] = {CompositionMatch::Product, CompositionMatch::ProductType,
                                              CompositionMatch::ProductFamily};
    return lookup(code, out, values);
}

QString displayName(LifecycleState value)
{
    switch (value) {
    case LifecycleState::Draft: return QCoreApplication::translate("Lifecycle", "Draft");
    case LifecycleState::Effective: return QCoreApplication::translate("Lifecycle", "Effective");
    case LifecycleState::NotEffective: return QCoreApplication::translate("Lifecycle", "Not Effective");
    case LifecycleState::Terminated: return QCoreApplication::translate("Lifecycle", "Terminated");
    case LifecycleState::Removed: return QCoreApplication::translate("Lifecycle", "Removed");
    }
    return toCode(value);
}

QString displayName(PaymentType value)
{
    return value == PaymentType::Prepaid ? QCoreApplication::translate("Lifecycle", "Prepaid")
                                         : QCoreApplication::translate("Lifecycle", "Postpaid");
}

QString displayName(ScheduledActionStatus value)
{
    switch (value) {
    case ScheduledActionStatus::Scheduled: return QCoreApplication::translate("Lifecycle", "Scheduled");
    case ScheduledActionStatus::Completed: return QCoreApplication::translate("Lifecycle", "Completed");
    case ScheduledActionStatus::Failed: return QCoreApplication::translate("Lifecycle", "Failed");
    case ScheduledActionStatus::Cancelled: return QCoreApplication::translate("Lifecycle", "Cancelled");
    }
    return toCode(value);
}

QString displayName(CompositionMatch value)
{
    switch (value) {
    case CompositionMatch::Product: return QCoreApplication::translate("Lifecycle", "Product");
    case CompositionMatch::ProductType: return QCoreApplication::translate("Lifecycle", "Product Type");
    case CompositionMatch::ProductFamily: return QCoreApplication::translate("Lifecycle", "Product Family");
    }
    return toCode(value);
}

bool isAmendable(LifecycleState state)
{
    return state == LifecycleState::Draft || state == LifecycleState::Effective ||
           state == LifecycleState::NotEffective;
}

StateAt stateAt(const QList<StatePeriod>& history, qint64 ms)
{
    StateAt result;
    for (const StatePeriod& period : history) {
        if (period.covers(ms)) { // the latest covering period wins
            result.known = true;
            result.state = period.state;
        }
    }
    return result;
}

QList<StatePeriod> historyFrom(const QList<StatePeriod>& history, qint64 ms)
{
    QList<StatePeriod> result;
    for (StatePeriod period : history) {
        if (period.toMs != 0 && period.toMs <= ms)
            continue;
        period.fromMs = std::max(period.fromMs, ms);
        result << period;
    }
    std::sort(result.begin(), result.end(), [](const StatePeriod& a, const StatePeriod& b) { return a.fromMs < b.fromMs; });
    return result;
}

bool CompositionRule::matches(const BundleProduct& product) const
{
    switch (match) {
    case CompositionMatch::Product: return product.slug == value;
    case CompositionMatch::ProductType: return product.productType == value;
    case CompositionMatch::ProductFamily: return product.productFamily == value;
    }
    return false;
}

QString CompositionRule::describe() const
{
    return displayName(match) + QLatin1Char(' ') + value;
}

QList<UserMessage> ScheduledAction::failureMessages() const
{
    QList<UserMessage> messages;
    for (const QJsonValue& value : QJsonDocument::fromJson(failureReason.toUtf8()).array())
        messages << UserMessage::fromJson(value.toObject());
    return messages;
}

} // namespace sb
