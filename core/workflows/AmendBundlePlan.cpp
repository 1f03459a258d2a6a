#include "AmendBundlePlan.h"

#include "provisioning/Playbook.h"
#include "store/AuditRepository.h"
#include "store/BundleCatalogRepository.h"
#include "store/JobRepository.h"
#include "store/ScheduledActionRepository.h"
#include "store/StaffRepository.h"
#include "store/SubscriptionRepository.h"
#include "store/WalletRepository.h"

#include <QJsonArray>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace sb {
namespace {

UserMessage amendMessage(const char* source, QStringList args = {})
{
    return UserMessage("AmendBundle", source, std::move(args));
}

QString dateText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QList<BundleProduct> productsOf(const QList<SubscriptionService>& services)
{
    QList<BundleProduct> products;
    for (const SubscriptionService& s : services)
        products << s.product;
    return products;
}

QStringList packagesOf(const BundleProduct& product)
{
    QStringList packages;
    for (const QJsonValue& p : product.provisioningVars.value(QStringLiteral("channel_packages")).toArray())
        packages << p.toString();
    return packages;
}

QString namesOf(const QStringList& names)
{
    return names.join(QStringLiteral(", "));
}

} // namespace

AmendBundlePlan::AmendBundlePlan(Database& db, AmendBundleRequest request, QString requestedBy, qint64 nowMs,
                                 qint64 effectiveMs)
    : m_db(db), m_request(std::move(request)), m_requestedBy(std::move(requestedBy)), m_nowMs(nowMs),
      m_effectiveMs(effectiveMs)
{
    m_preview.effectiveMs = effectiveMs;
}

QString AmendBundlePlan::performedBy() const
{
    const QString login = m_request.performedBy.trimmed();
    return login.isEmpty() ? m_requestedBy : login;
}

QList<UserMessage> AmendBundlePlan::evaluate()
{
    m_problems.clear();
    SubscriptionRepository subscriptions(m_db);
    const auto bundle = subscriptions.service(m_request.bundleServiceId);
    if (!bundle) {
        m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "Subscription service %1 does not exist. Search "
                                                                    "for the subscription again."),
                                   {QString::number(m_request.bundleServiceId)});
        return m_problems;
    }
    m_preview.bundle = *bundle;
    const auto subscription = bundle->subscriptionId ? subscriptions.byId(bundle->subscriptionId) : std::nullopt;
    if (!subscription) {
        m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "The service %1 is not part of a subscription, so "
                                                                    "it has no bundle services to amend."),
                                   {bundle->name});
        return m_problems;
    }
    m_preview.subscription = *subscription;
    m_understood = true;

    const QList<SubscriptionService> allServices = subscriptions.services(subscription->id);
    const bool hasFlexibleBundle = std::any_of(allServices.begin(), allServices.end(), [](const SubscriptionService& s) {
        return s.isCurrent() && s.parentServiceId == 0 && s.product.isFlexibleBundle();
    });
    if (!hasFlexibleBundle)
        m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "Subscription %1 has no service of type Flexible "
                                                                    "Bundle. Amend Bundle Services is available only for "
                                                                    "subscriptions that have one."),
                                   {subscription->number});
    else if (!bundle->product.isFlexibleBundle())
        m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "%1 is not a Flexible Bundle service. Choose the "
                                                                    "subscription's Flexible Bundle service."),
                                   {bundle->name});

    const QList<SubscriptionService> components = subscriptions.components(bundle->id);
    resolveChanges(components);
    checkLifecycle();
    if (bundle->product.isFlexibleBundle())
        checkRules(allServices);
    checkPendingRemoval();
    checkWallet();
    checkActionDetails();
    return m_problems;
}

void AmendBundlePlan::checkLifecycle()
{
    const Subscription& subscription = m_preview.subscription;
    const LifecycleState subscriptionState = subscription.stateAt(m_effectiveMs);
    if (!isAmendable(subscriptionState))
        m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "Subscription %1 is %2. Bundle services can be "
                                                                    "amended only while the subscription is Draft, "
                                                                    "Effective or Not Effective."),
                                   {subscription.number, displayName(subscriptionState)});
    QList<SubscriptionService> involved{m_preview.bundle};
    involved += m_preview.removedComponents;
    for (const SubscriptionService& service : involved) {
        const StateAt at = service.stateAt(m_effectiveMs);
        const LifecycleState state = at.known ? at.state
                                              : (service.isCurrent() ? LifecycleState::Effective : LifecycleState::Removed);
        if (!isAmendable(state))
            m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "The service %1 is %2. Services can be amended "
                                                                        "only while they are Draft, Effective or Not "
                                                                        "Effective."),
                                       {service.name, displayName(state)});
    }
}

void AmendBundlePlan::resolveChanges(const QList<SubscriptionService>& components)
{
    const SubscriptionService& bundle = m_preview.bundle;
    if (m_request.addProductIds.isEmpty() && m_request.addProductSlugs.isEmpty() && m_request.removeServiceIds.isEmpty())
        m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "Choose at least one component to add to the bundle "
                                                                    "or to remove from it."));
    BundleCatalogRepository catalog(m_db);
    for (qint64 id : m_request.addProductIds) {
        if (const auto product = catalog.product(id))
            m_preview.addedProducts << *product;
        else
            m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "There is no product with ID %1. Choose the "
                                                                        "components again."),
                                       {QString::number(id)});
    }
    for (const QString& slug : m_request.addProductSlugs) {
        if (const auto product = catalog.productBySlug(slug.trimmed()))
            m_preview.addedProducts << *product;
        else
            m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "There is no product \"%1\". View Product "
                                                                        "Bundle Components lists the allowed ones."),
                                       {slug});
    }
    for (qint64 id : m_request.removeServiceIds) {
        const auto it = std::find_if(components.begin(), components.end(),
                                     [id](const SubscriptionService& c) { return c.id == id; });
        if (it == components.end()) {
            m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "Service %1 is not a current component of the "
                                                                        "bundle %2. Choose one of its components to "
                                                                        "remove."),
                                       {QString::number(id), bundle.name});
        } else if (std::none_of(m_preview.removedComponents.begin(), m_preview.removedComponents.end(),
                                [id](const SubscriptionService& c) { return c.id == id; })) {
            m_preview.removedComponents << *it;
        }
    }
    for (const SubscriptionService& c : components)
        if (!m_request.removeServiceIds.contains(c.id))
            m_keptComponents << c;

    QSet<qint64> seen;
    for (const BundleProduct& product : std::as_const(m_preview.addedProducts)) {
        const bool inBundle = std::any_of(m_keptComponents.begin(), m_keptComponents.end(),
                                          [&](const SubscriptionService& c) { return c.product.id == product.id; });
        if (inBundle)
            m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "%1 is already in the bundle %2. Choose "
                                                                        "another component."),
                                       {product.name, bundle.name});
        else if (seen.contains(product.id))
            m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "%1 is chosen more than once. Add each "
                                                                        "component once."),
                                       {product.name});
        seen.insert(product.id);
        m_preview.charge.currency = product.monthlyCost.currency;
        m_preview.charge.minorUnits += product.periodCharge().minorUnits;
    }
}

void AmendBundlePlan::checkRules(const QList<SubscriptionService>& allServices)
{
    BundleCatalogRepository catalog(m_db);
    const QList<BundleProduct> removed = productsOf(m_preview.removedComponents);
    const QList<BundleProduct> resulting = productsOf(m_keptComponents) + m_preview.addedProducts;
    m_problems += BundleRules::compositionProblems(m_preview.bundle.name,
                                                   catalog.compositionRules(m_preview.bundle.product.id),
                                                   m_preview.addedProducts, removed, resulting);
    QList<BundleProduct> present;
    for (const SubscriptionService& s : allServices) {
        const bool removedNow = std::any_of(m_preview.removedComponents.begin(), m_preview.removedComponents.end(),
                                            [&](const SubscriptionService& r) { return r.id == s.id; });
        if (s.isCurrent() && !removedNow)
            present << s.product;
    }
    present += m_preview.addedProducts;
    m_problems += BundleRules::dependencyProblems(catalog.dependencies(), present, m_preview.addedProducts + removed);
}

void AmendBundlePlan::checkPendingRemoval()
{
    const SubscriptionService& bundle = m_preview.bundle;
    const auto pending = ScheduledActionRepository(m_db).pendingForService(
        bundle.id, {BehaviorCodes::removeService, BehaviorCodes::swapService});
    for (const ScheduledAction& action : pending) {
        if (action.behaviorCode == BehaviorCodes::swapService)
            m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "The bundle service %1 is scheduled to be "
                                                                        "swapped on %2. Cancel that action or amend the "
                                                                        "bundle after it has run."),
                                       {bundle.name, dateText(action.dueMs)});
        else
            m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "The bundle service %1 is scheduled to be "
                                                                        "removed on %2. Cancel that action or amend the "
                                                                        "bundle after it has run."),
                                       {bundle.name, dateText(action.dueMs)});
    }
    // A removal already written into the dated history counts too, before or after the change takes effect.
    for (const StatePeriod& period : bundle.history) {
        const bool ends = period.state == LifecycleState::Removed || period.state == LifecycleState::Terminated;
        if (ends && period.fromMs > m_nowMs && pending.isEmpty())
            m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "The bundle service %1 is scheduled to be "
                                                                        "removed on %2. Cancel that action or amend the "
                                                                        "bundle after it has run."),
                                       {bundle.name, dateText(period.fromMs)});
    }
}

void AmendBundlePlan::checkWallet()
{
    const Subscription& subscription = m_preview.subscription;
    if (subscription.paymentType != PaymentType::Prepaid || m_preview.addedProducts.isEmpty())
        return;
    const auto wallet = WalletRepository(m_db).forSubscription(subscription.id);
    if (!wallet) {
        m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "The prepaid subscription %1 has no wallet, so the "
                                                                    "added components cannot be paid for. Nothing has "
                                                                    "been changed."),
                                   {subscription.number});
        return;
    }
    qint64 left = wallet->balance.minorUnits;
    QStringList unfunded;
    for (const BundleProduct& product : m_preview.addedProducts) {
        const qint64 charge = product.periodCharge().minorUnits;
        if (charge > left)
            unfunded << product.name;
        else
            left -= charge;
    }
    if (!unfunded.isEmpty())
        m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "The wallet of subscription %1 holds %2, which "
                                                                    "cannot activate %3 (%4 needed for all added "
                                                                    "components). Top up the wallet or add fewer "
                                                                    "components; nothing has been changed."),
                                   {subscription.number, wallet->balance.format(), namesOf(unfunded),
                                    m_preview.charge.format()});
}

void AmendBundlePlan::checkActionDetails()
{
    const QString login = performedBy();
    if (!StaffRepository(m_db).byLogin(login))
        m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "There is no staff user \"%1\". Choose the user who "
                                                                    "performed the action, or leave it empty for "
                                                                    "yourself."),
                                   {login});

    BundleCatalogRepository catalog(m_db);
    auto codes = [](const QList<CustomActionType>& types) {
        QStringList result;
        for (const CustomActionType& t : types)
            result << t.code;
        return result;
    };
    const QStringList actionTypes = codes(catalog.customActionTypes(QStringLiteral("action_type"),
                                                                    AmendBundleWorkflow::behaviorCode));
    const QStringList subActionTypes = codes(catalog.customActionTypes(
        QStringLiteral("sub_action_type"), AmendBundleWorkflow::businessClassificationCode));
    const QString actionType = m_request.actionType.trimmed();
    const QString subActionType = m_request.subActionType.trimmed();
    if (actionType.isEmpty() && !actionTypes.isEmpty())
        m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "Choose an Action Type: custom action types are "
                                                                    "configured for Amend Bundle Services."));
    else if (!actionType.isEmpty() && actionTypes.isEmpty())
        m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "No Action Types are configured for Amend Bundle "
                                                                    "Services. Leave the Action Type empty."));
    else if (!actionType.isEmpty() && !actionTypes.contains(actionType))
        m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "\"%1\" is not an Action Type of Amend Bundle "
                                                                    "Services. Choose one of: %2."),
                                   {actionType, namesOf(actionTypes)});
    if (subActionType.isEmpty() && !subActionTypes.isEmpty())
        m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "Choose a Sub Action Type: custom sub action types "
                                                                    "are configured for Amend Bundle Services."));
    else if (!subActionType.isEmpty() && subActionTypes.isEmpty())
        m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "No Sub Action Types are configured for Amend "
                                                                    "Bundle Services. Leave the Sub Action Type empty."));
    else if (!subActionType.isEmpty() && !subActionTypes.contains(subActionType))
        m_problems << amendMessage(QT_TRANSLATE_NOOP("AmendBundle", "\"%1\" is not a Sub Action Type of Amend Bundle "
                                                                    "Services. Choose one of: %2."),
                                   {subActionType, namesOf(subActionTypes)});
}

ScheduledAction AmendBundlePlan::actionRecord(qint64 dueMs) const
{
    ScheduledAction action;
    action.behaviorCode = AmendBundleWorkflow::behaviorCode;
    action.businessClassificationCode = AmendBundleWorkflow::businessClassificationCode;
    action.actionType = m_request.actionType.trimmed();
    action.subActionType = m_request.subActionType.trimmed();
    action.subscriptionId = m_preview.subscription.id;
    action.serviceId = m_preview.bundle.id;
    action.payload = QJsonObject{{QStringLiteral("request"), m_request.toJson()}};
    action.dueMs = dueMs;
    action.status = ScheduledActionStatus::Scheduled;
    action.performedBy = performedBy();
    action.performedMs = m_request.performedDate.isValid() ? m_request.performedDate.toMSecsSinceEpoch() : m_nowMs;
    action.requestedBy = m_requestedBy;
    action.requestKey = m_request.requestKey;
    action.createdMs = m_nowMs;
    return action;
}

QStringList AmendBundlePlan::channelPackages() const
{
    QStringList packages = packagesOf(m_preview.bundle.product);
    for (const SubscriptionService& c : m_keptComponents)
        packages += packagesOf(c.product);
    for (const BundleProduct& p : m_preview.addedProducts)
        packages += packagesOf(p);
    packages.removeDuplicates();
    packages.sort();
    return packages;
}

AmendOutcome AmendBundlePlan::apply(qint64 actionId)
{
    AmendOutcome outcome;
    outcome.actionId = actionId;
    SubscriptionRepository subscriptions(m_db);
    const SubscriptionService& bundle = m_preview.bundle;
    const QString by = performedBy();

    QList<qint64> touchedDistributors;
    for (const SubscriptionService& component : std::as_const(m_preview.removedComponents)) {
        subscriptions.markRemoved(component.id, m_effectiveMs, by);
        for (qint64 distributorId : subscriptions.undistribute(component.id))
            if (!touchedDistributors.contains(distributorId))
                touchedDistributors << distributorId;
        outcome.removedServiceIds << component.id;
    }

    // Added components take the state the bundle has from the moment they are added on.
    QList<StatePeriod> inherited = historyFrom(bundle.history, m_effectiveMs);
    if (inherited.isEmpty())
        inherited << StatePeriod{m_preview.subscription.stateAt(m_effectiveMs), m_effectiveMs, 0, by};
    for (StatePeriod& period : inherited)
        period.changedBy = by;
    QList<Distributor> bundleDistributors;
    for (const Distributor& d : subscriptions.distributors(m_preview.subscription.id))
        if (d.serviceIds.contains(bundle.id))
            bundleDistributors << d;
    for (const BundleProduct& product : std::as_const(m_preview.addedProducts)) {
        SubscriptionService component;
        component.subscriptionId = m_preview.subscription.id;
        component.parentServiceId = bundle.id;
        component.customerId = bundle.customerId;
        component.name = product.name;
        component.status = ServiceStatus::Active;
        component.product = product;
        component.serviceUuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        component.history = inherited;
        const qint64 id = subscriptions.insertService(component, by);
        for (const Distributor& d : std::as_const(bundleDistributors))
            subscriptions.distribute(d.id, id);
        outcome.addedServiceIds << id;
    }
    for (qint64 distributorId : std::as_const(touchedDistributors))
        if (subscriptions.removeDistributorIfUnused(distributorId, m_nowMs))
            outcome.removedDistributorIds << distributorId;

    if (m_preview.subscription.paymentType == PaymentType::Prepaid && !m_preview.addedProducts.isEmpty()) {
        WalletRepository wallets(m_db);
        const auto wallet = wallets.forSubscription(m_preview.subscription.id);
        outcome.debited.currency = wallet ? wallet->balance.currency : m_preview.charge.currency;
        for (int i = 0; wallet && i < m_preview.addedProducts.size(); ++i) {
            const BundleProduct& product = m_preview.addedProducts.at(i);
            const qint64 charge = product.periodCharge().minorUnits;
            // The key ties the debit to this request: a retried request or scheduled run never debits twice.
            const QString key = QStringLiteral("%1:%2:%3:%4")
                                    .arg(AmendBundleWorkflow::behaviorCode, m_request.requestKey)
                                    .arg(i)
                                    .arg(product.slug);
            if (charge > 0 && wallets.addEntry(wallet->id, -charge,
                                               QStringLiteral("Amend Bundle Services: %1 added to %2")
                                                   .arg(product.name, bundle.name),
                                               key, by))
                outcome.debited.minorUnits += charge;
        }
    }

    outcome.jobIds = queueSetTopBoxJobs(outcome.removedDistributorIds);

    QStringList added;
    for (const BundleProduct& p : std::as_const(m_preview.addedProducts))
        added << p.slug;
    QStringList removed;
    for (qint64 id : std::as_const(outcome.removedServiceIds))
        removed << QString::number(id);
    QStringList jobs;
    for (qint64 id : std::as_const(outcome.jobIds))
        jobs << QString::number(id);
    AuditRepository(m_db).record(
        m_requestedBy, QStringLiteral("amend_bundle"), QStringLiteral("service"), bundle.id,
        QStringLiteral("action=%1 performed_by=%2 added=%3 removed=%4 debited=%5 jobs=%6")
            .arg(actionId)
            .arg(by, added.join(QLatin1Char(',')), removed.join(QLatin1Char(',')))
            .arg(outcome.debited.minorUnits)
            .arg(jobs.join(QLatin1Char(','))));
    return outcome;
}

QList<qint64> AmendBundlePlan::queueSetTopBoxJobs(const QList<qint64>& removedDistributorIds)
{
    const SubscriptionService& bundle = m_preview.bundle;
    if (bundle.product.serviceType != ServiceType::Iptv)
        return {};
    const QStringList packages = channelPackages();
    SubscriptionRepository subscriptions(m_db);
    QList<qint64> bundleServiceIds{bundle.id};
    for (const SubscriptionService& c : subscriptions.components(bundle.id))
        bundleServiceIds << c.id;
    QList<qint64> jobIds;
    for (const Distributor& d : subscriptions.distributors(m_preview.subscription.id, true)) {
        const bool removedNow = removedDistributorIds.contains(d.id);
        const bool carriesBundle = std::any_of(d.serviceIds.begin(), d.serviceIds.end(),
                                               [&](qint64 id) { return bundleServiceIds.contains(id); });
        if (!d.isSetTopBox() || (!removedNow && (d.removedMs != 0 || !carriesBundle)))
            continue;
        ProvisioningJob job;
        job.kind = QStringLiteral("amend_bundle");
        job.serviceId = bundle.id;
        job.customerId = bundle.customerId;
        job.playbook = QStringLiteral("iptv_amend");
        job.requestedBy = m_requestedBy;
        // A set-top box nothing is distributed on any more keeps no channel package.
        job.variables = QJsonObject{
            {QStringLiteral("service"), QJsonObject{{QStringLiteral("id"), bundle.id},
                                                    {QStringLiteral("uuid"), bundle.serviceUuid},
                                                    {QStringLiteral("name"), bundle.name}}},
            {QStringLiteral("distributor"), QJsonObject{{QStringLiteral("id"), d.id}, {QStringLiteral("serial"), d.serial}}},
            {QStringLiteral("packages"), QJsonArray::fromStringList(removedNow ? QStringList() : packages)}};
        const Result<Playbook> playbook = Playbook::load(job.playbook);
        if (!playbook)
            throw StoreException(playbook.error());
        const Result<QList<ProvisioningTask>> tasks = playbook->instantiate(job.variables);
        if (!tasks)
            throw StoreException(tasks.error());
        job.tasks = *tasks;
        jobIds << JobRepository(m_db).create(job);
    }
    return jobIds;
}

} // namespace sb
