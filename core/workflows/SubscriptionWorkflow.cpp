#include "SubscriptionWorkflow.h"

#include "AmendBundleWorkflow.h"
#include "store/BundleCatalogRepository.h"
#include "store/ScheduledActionRepository.h"
#include "store/StaffRepository.h"
#include "store/SubscriptionRepository.h"
#include "store/WalletRepository.h"

namespace sb {
namespace {

[[noreturn]] void subscriptionMissing(const QString& which)
{
    throw StoreException(Error{UserMessage("AmendBundle",
                                           QT_TRANSLATE_NOOP("AmendBundle", "Subscription %1 does not exist. Search by "
                                                                            "subscription number or customer name."),
                                           {which}),
                               {}});
}

} // namespace

QList<SubscriptionService> SubscriptionDetails::flexibleBundles() const
{
    QList<SubscriptionService> result;
    for (const SubscriptionService& s : services)
        if (s.isCurrent() && s.parentServiceId == 0 && s.product.isFlexibleBundle())
            result << s;
    return result;
}

QList<SubscriptionService> SubscriptionDetails::componentsOf(qint64 bundleServiceId) const
{
    QList<SubscriptionService> result;
    for (const SubscriptionService& s : services)
        if (s.isCurrent() && s.parentServiceId == bundleServiceId)
            result << s;
    return result;
}

SubscriptionDetails SubscriptionWorkflow::load(const Subscription& subscription)
{
    SubscriptionDetails details;
    details.subscription = subscription;
    SubscriptionRepository subscriptions(m_db);
    details.services = subscriptions.services(subscription.id);
    details.distributors = subscriptions.distributors(subscription.id, true);
    if (const auto wallet = WalletRepository(m_db).forSubscription(subscription.id)) {
        details.hasWallet = true;
        details.wallet = *wallet;
    }
    details.actions = ScheduledActionRepository(m_db).list(subscription.id);
    return details;
}

Result<QList<Subscription>> SubscriptionWorkflow::search(const QString& text, int limit)
{
    return guarded([&] { return SubscriptionRepository(m_db).search(text, limit); });
}

Result<SubscriptionDetails> SubscriptionWorkflow::details(qint64 subscriptionId)
{
    return guarded([&] {
        const auto found = SubscriptionRepository(m_db).byId(subscriptionId);
        if (!found)
            subscriptionMissing(QString::number(subscriptionId));
        return load(*found);
    });
}

Result<SubscriptionDetails> SubscriptionWorkflow::detailsByNumber(const QString& number)
{
    return guarded([&] {
        const auto found = SubscriptionRepository(m_db).byNumber(number.trimmed());
        if (!found)
            subscriptionMissing(number);
        return load(*found);
    });
}

Result<BundleComposition> SubscriptionWorkflow::composition(qint64 bundleServiceId)
{
    return guarded([&] {
        SubscriptionRepository subscriptions(m_db);
        const auto bundle = subscriptions.service(bundleServiceId);
        if (!bundle)
            throw StoreException(Error{UserMessage("AmendBundle",
                                                   QT_TRANSLATE_NOOP("AmendBundle", "Subscription service %1 does not "
                                                                                    "exist. Search for the subscription "
                                                                                    "again."),
                                                   {QString::number(bundleServiceId)}),
                                       {}});
        BundleCatalogRepository catalog(m_db);
        BundleComposition composition;
        composition.bundle = *bundle;
        composition.rules = catalog.compositionRules(bundle->product.id);
        composition.components = subscriptions.components(bundle->id);
        composition.allowedProducts = catalog.allowedComponents(bundle->product.id);
        return composition;
    });
}

Result<CustomActionChoices> SubscriptionWorkflow::customActionChoices()
{
    return guarded([&] {
        BundleCatalogRepository catalog(m_db);
        return CustomActionChoices{
            catalog.customActionTypes(QStringLiteral("action_type"), AmendBundleWorkflow::behaviorCode),
            catalog.customActionTypes(QStringLiteral("sub_action_type"), AmendBundleWorkflow::businessClassificationCode)};
    });
}

Result<QList<StaffUser>> SubscriptionWorkflow::staffUsers(const QString& text)
{
    return guarded([&] {
        const QString needle = text.trimmed();
        QList<StaffUser> result;
        for (const StaffUser& user : StaffRepository(m_db).list())
            if (needle.isEmpty() || user.login.contains(needle, Qt::CaseInsensitive) ||
                user.displayName.contains(needle, Qt::CaseInsensitive))
                result << user;
        return result;
    });
}

Result<QList<ScheduledAction>> SubscriptionWorkflow::scheduledActions(qint64 subscriptionId)
{
    return guarded([&] { return ScheduledActionRepository(m_db).list(subscriptionId); });
}

} // namespace sb
