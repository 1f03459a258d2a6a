// switchboard-ctl commands of Amend Bundle Services: subscriptions, amend-bundle and scheduled actions.
#include "CtlCommands.h"

#include "workflows/AmendBundleWorkflow.h"
#include "workflows/Backend.h"
#include "workflows/SubscriptionWorkflow.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace sb {
namespace {

QString when(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QJsonArray idsJson(const QList<qint64>& ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array << id;
    return array;
}

QString idsText(const QList<qint64>& ids)
{
    QStringList texts;
    for (qint64 id : ids)
        texts << QString::number(id);
    return texts.join(QStringLiteral(", "));
}

QJsonArray historyJson(const QList<StatePeriod>& history)
{
    QJsonArray array;
    for (const StatePeriod& p : history)
        array << QJsonObject{{QStringLiteral("state"), toCode(p.state)},
                             {QStringLiteral("from"), when(p.fromMs)},
                             {QStringLiteral("to"), when(p.toMs)}};
    return array;
}

QString historyText(const QList<StatePeriod>& history)
{
    QStringList parts;
    for (const StatePeriod& p : history)
        parts << QStringLiteral("%1 %2..%3").arg(displayName(p.state), when(p.fromMs), when(p.toMs));
    return parts.join(QStringLiteral("; "));
}

QString currentState(const SubscriptionService& s)
{
    const StateAt at = s.stateAt(Database::nowMs());
    return at.known ? displayName(at.state) : displayName(s.isCurrent() ? LifecycleState::Effective : LifecycleState::Removed);
}

QJsonObject actionJson(const ScheduledAction& a)
{
    QJsonArray reasons;
    for (const UserMessage& m : a.failureMessages())
        reasons << m.text();
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("behavior_code"), a.behaviorCode},
            {QStringLiteral("action_type"), a.actionType},
            {QStringLiteral("sub_action_type"), a.subActionType},
            {QStringLiteral("subscription_id"), a.subscriptionId},
            {QStringLiteral("service_id"), a.serviceId},
            {QStringLiteral("status"), toCode(a.status)},
            {QStringLiteral("due"), when(a.dueMs)},
            {QStringLiteral("performed_by"), a.performedBy},
            {QStringLiteral("performed"), when(a.performedMs)},
            {QStringLiteral("requested_by"), a.requestedBy},
            {QStringLiteral("failure_reasons"), reasons}};
}

QString actionText(const ScheduledAction& a)
{
    QString line = QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\n")
                       .arg(a.id)
                       .arg(displayName(a.status), -10)
                       .arg(a.behaviorCode, -20)
                       .arg(when(a.dueMs), a.serviceId ? QString::number(a.serviceId) : QStringLiteral("-"), a.performedBy);
    for (const UserMessage& m : a.failureMessages())
        line += QStringLiteral("\t  %1\n").arg(m.text());
    return line;
}

} // namespace

int CtlCommands::amendBundle()
{
    qint64 serviceId = 0;
    if (!takeNumber(QStringLiteral("--service"), &serviceId, 1))
        return 2;
    AmendBundleRequest request;
    request.bundleServiceId = serviceId;
    request.addProductSlugs = takeAll(QStringLiteral("--add"));
    const QStringList removes = takeAll(QStringLiteral("--remove"));
    const QString schedule = takeOption(QStringLiteral("--schedule"));
    request.performedBy = takeOption(QStringLiteral("--performed-by"));
    const QString performedDate = takeOption(QStringLiteral("--performed-date"));
    request.actionType = takeOption(QStringLiteral("--action-type"));
    request.subActionType = takeOption(QStringLiteral("--sub-action-type"));
    request.requestKey = takeOption(QStringLiteral("--request-key"));
    if (m_badOption)
        return 2;
    if (serviceId == 0)
        return usage(tr("amend-bundle needs --service ID (the Flexible Bundle service of the subscription)."));
    for (const QString& text : removes) {
        bool ok = false;
        const qint64 id = text.toLongLong(&ok);
        if (!ok || id <= 0)
            return usage(tr("--remove must be the ID of a component service, not \"%1\".").arg(text));
        request.removeServiceIds << id;
    }
    if (!schedule.isEmpty() && !Schedule::parse(schedule, &request.schedule))
        return usage(tr("--schedule must be now, YYYY-MM-DD, YYYY-MM-DDTHH:MM or days:N, not \"%1\".").arg(schedule));
    if (!performedDate.isEmpty()) {
        request.performedDate = QDateTime::fromString(performedDate, Qt::ISODate);
        if (!request.performedDate.isValid())
            return usage(tr("--performed-date must be a date and time like 2026-05-31T14:30, not \"%1\".").arg(performedDate));
    }
    if (!m_args.isEmpty())
        return usage(tr("Unexpected argument \"%1\".").arg(m_args.first()));
    if (!openBackend(false, false) || !signIn())
        return 1;
    const AmendResult result = AmendBundleWorkflow(m_backend->database()).submit(request, m_actor);
    if (!result.ok()) {
        for (const UserMessage& problem : result.problems)
            m_err << problem.text() << '\n';
        if (!result.detail.isEmpty())
            m_err << "  (" << result.detail << ")\n";
        return 1;
    }
    const AmendOutcome& o = result.outcome;
    const QString status = o.scheduled ? toCode(ScheduledActionStatus::Scheduled) : toCode(ScheduledActionStatus::Completed);
    QString text;
    if (o.replayed)
        text = tr("This request was submitted before as action %1; nothing was done again.\n").arg(o.actionId);
    else if (o.scheduled)
        text = tr("Amend Bundle Services is scheduled for %1 (action %2).\n").arg(when(o.dueMs)).arg(o.actionId);
    else {
        text = tr("Bundle service %1 amended (action %2): %3 component(s) added, %4 removed.\n")
                   .arg(serviceId)
                   .arg(o.actionId)
                   .arg(o.addedServiceIds.size())
                   .arg(o.removedServiceIds.size());
        if (!o.jobIds.isEmpty())
            text += tr("Provisioning jobs queued for the set-top boxes: %1.\n").arg(idsText(o.jobIds));
        if (!o.removedDistributorIds.isEmpty())
            text += tr("Provisioning distributors removed: %1.\n").arg(idsText(o.removedDistributorIds));
        if (o.debited.minorUnits > 0)
            text += tr("The wallet was debited %1.\n").arg(o.debited.format(QLocale::c()));
    }
    print(QJsonObject{{QStringLiteral("action_id"), o.actionId},
                      {QStringLiteral("status"), status},
                      {QStringLiteral("due"), when(o.dueMs)},
                      {QStringLiteral("replayed"), o.replayed},
                      {QStringLiteral("added_service_ids"), idsJson(o.addedServiceIds)},
                      {QStringLiteral("removed_service_ids"), idsJson(o.removedServiceIds)},
                      {QStringLiteral("removed_distributor_ids"), idsJson(o.removedDistributorIds)},
                      {QStringLiteral("job_ids"), idsJson(o.jobIds)},
                      {QStringLiteral("debited"), o.debited.major()}},
          text);
    return 0;
}

int CtlCommands::scheduledList()
{
    const QString number = takeOption(QStringLiteral("--subscription"));
    if (m_badOption)
        return 2;
    if (!m_args.isEmpty())
        return usage(tr("Unexpected argument \"%1\".").arg(m_args.first()));
    if (!openBackend(false, false))
        return 1;
    SubscriptionWorkflow subscriptions(m_backend->database());
    qint64 subscriptionId = 0;
    if (!number.isEmpty()) {
        const auto details = subscriptions.detailsByNumber(number);
        if (!details)
            return fail(details.error().text());
        subscriptionId = details->subscription.id;
    }
    const auto actions = subscriptions.scheduledActions(subscriptionId);
    if (!actions)
        return fail(actions.error().text());
    QJsonArray json;
    QString text;
    for (const ScheduledAction& a : *actions) {
        json << actionJson(a);
        text += actionText(a);
    }
    print(json, text);
    return 0;
}

int CtlCommands::scheduledCancel()
{
    const QString idText = m_args.isEmpty() ? QString() : m_args.takeFirst();
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return usage(tr("scheduled cancel needs the ID of a scheduled action (see scheduled list)."));
    if (!m_args.isEmpty())
        return usage(tr("Unexpected argument \"%1\".").arg(m_args.first()));
    if (!openBackend(false, false) || !signIn())
        return 1;
    if (Status cancelled = AmendBundleWorkflow(m_backend->database()).cancelScheduled(id, m_actor); !cancelled)
        return fail(cancelled.error.text());
    print(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("status"), toCode(ScheduledActionStatus::Cancelled)}},
          tr("Scheduled action %1 is cancelled.\n").arg(id));
    return 0;
}

int CtlCommands::subscriptionsSearch()
{
    const QString text = m_args.join(QLatin1Char(' ')).trimmed();
    m_args.clear();
    if (!openBackend(false, false))
        return 1;
    const auto found = SubscriptionWorkflow(m_backend->database()).search(text);
    if (!found)
        return fail(found.error().text());
    QJsonArray json;
    QString lines;
    for (const Subscription& s : *found) {
        json << QJsonObject{{QStringLiteral("id"), s.id},
                            {QStringLiteral("number"), s.number},
                            {QStringLiteral("customer"), s.customerName},
                            {QStringLiteral("state"), toCode(s.state)},
                            {QStringLiteral("payment_type"), toCode(s.paymentType)}};
        lines += QStringLiteral("%1\t%2\t%3\t%4\n")
                     .arg(s.number, -12)
                     .arg(s.customerName, -24)
                     .arg(displayName(s.state), -14)
                     .arg(displayName(s.paymentType));
    }
    if (found->isEmpty())
        lines = tr("No subscription matches \"%1\". Search by subscription number or customer name.\n").arg(text);
    print(json, lines);
    return 0;
}

int CtlCommands::subscriptionsShow()
{
    const QString number = m_args.isEmpty() ? QString() : m_args.takeFirst();
    if (number.isEmpty())
        return usage(tr("subscriptions show needs the subscription NUMBER (see subscriptions search)."));
    if (!m_args.isEmpty())
        return usage(tr("Unexpected argument \"%1\".").arg(m_args.first()));
    if (!openBackend(false, false))
        return 1;
    SubscriptionWorkflow workflow(m_backend->database());
    const auto found = workflow.detailsByNumber(number);
    if (!found)
        return fail(found.error().text());
    const SubscriptionDetails& d = *found;
    const Subscription& s = d.subscription;
    const qint64 now = Database::nowMs();

    QString text = tr("Subscription %1 of %2: %3, %4\n")
                       .arg(s.number, s.customerName, displayName(s.stateAt(now)), displayName(s.paymentType));
    text += tr("State history: %1\n").arg(historyText(s.history));
    QJsonArray services;
    text += tr("Services:\n");
    auto describe = [&](const SubscriptionService& svc, int indent) {
        services << QJsonObject{{QStringLiteral("id"), svc.id},
                                {QStringLiteral("name"), svc.name},
                                {QStringLiteral("product"), svc.product.slug},
                                {QStringLiteral("parent_service_id"), svc.parentServiceId},
                                {QStringLiteral("flexible_bundle"), svc.product.isFlexibleBundle()},
                                {QStringLiteral("status"), toCode(svc.status)},
                                {QStringLiteral("state"), currentState(svc)},
                                {QStringLiteral("history"), historyJson(svc.history)}};
        text += QStringLiteral("%1%2\t%3\t%4\t%5\n")
                    .arg(QString(indent, QLatin1Char(' ')))
                    .arg(svc.id)
                    .arg(svc.name, -34)
                    .arg(svc.product.slug, -20)
                    .arg(currentState(svc));
        text += QStringLiteral("%1\t%2\n").arg(QString(indent + 4, QLatin1Char(' ')), historyText(svc.history));
    };
    for (const SubscriptionService& svc : d.services) {
        if (svc.parentServiceId != 0)
            continue;
        describe(svc, 2);
        for (const SubscriptionService& component : d.services)
            if (component.parentServiceId == svc.id)
                describe(component, 6);
    }
    QJsonArray distributors;
    if (!d.distributors.isEmpty())
        text += tr("Provisioning distributors:\n");
    for (const Distributor& dist : d.distributors) {
        distributors << QJsonObject{{QStringLiteral("id"), dist.id},
                                    {QStringLiteral("kind"), dist.kind},
                                    {QStringLiteral("serial"), dist.serial},
                                    {QStringLiteral("removed"), when(dist.removedMs)},
                                    {QStringLiteral("service_ids"), idsJson(dist.serviceIds)},
                                    {QStringLiteral("installed_items"), QJsonArray::fromStringList(dist.installedItems)}};
        text += QStringLiteral("  %1\t%2\t%3\t%4%5\n")
                    .arg(dist.id)
                    .arg(dist.kind, -12)
                    .arg(dist.serial, -14)
                    .arg(idsText(dist.serviceIds))
                    .arg(dist.removedMs ? tr(" (removed %1)").arg(when(dist.removedMs)) : QString());
    }
    QJsonObject wallet;
    if (d.hasWallet) {
        text += tr("Wallet balance: %1\n").arg(d.wallet.balance.format(QLocale::c()));
        QJsonArray entries;
        for (const WalletEntry& e : d.wallet.entries) {
            entries << QJsonObject{{QStringLiteral("amount"), e.amount.major()},
                                   {QStringLiteral("reason"), e.reason},
                                   {QStringLiteral("at"), when(e.createdMs)}};
            text += QStringLiteral("  %1\t%2\t%3\n").arg(when(e.createdMs), e.amount.format(QLocale::c()), e.reason);
        }
        wallet = QJsonObject{{QStringLiteral("balance"), d.wallet.balance.major()},
                             {QStringLiteral("currency"), d.wallet.balance.currency},
                             {QStringLiteral("entries"), entries}};
    }
    QJsonArray actions;
    if (!d.actions.isEmpty())
        text += tr("Actions:\n");
    for (const ScheduledAction& a : d.actions) {
        actions << actionJson(a);
        text += QStringLiteral("  ") + actionText(a);
    }
    for (const SubscriptionService& bundle : d.flexibleBundles()) {
        const auto composition = workflow.composition(bundle.id);
        if (!composition)
            continue;
        text += tr("Allowed components of %1:\n").arg(bundle.name);
        for (const BundleProduct& p : composition->allowedProducts)
            text += QStringLiteral("  %1\t%2\t%3\t%4\t%5\n")
                        .arg(p.slug, -22)
                        .arg(p.name, -22)
                        .arg(p.productType, -14)
                        .arg(p.productFamily, -14)
                        .arg(p.monthlyCost.format(QLocale::c()));
    }
    print(QJsonObject{{QStringLiteral("id"), s.id},
                      {QStringLiteral("number"), s.number},
                      {QStringLiteral("customer"), s.customerName},
                      {QStringLiteral("state"), toCode(s.stateAt(now))},
                      {QStringLiteral("payment_type"), toCode(s.paymentType)},
                      {QStringLiteral("history"), historyJson(s.history)},
                      {QStringLiteral("services"), services},
                      {QStringLiteral("distributors"), distributors},
                      {QStringLiteral("wallet"), wallet},
                      {QStringLiteral("actions"), actions}},
          text);
    return 0;
}

} // namespace sb
