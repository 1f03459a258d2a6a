#include "SubscriptionRepository.h"

#include <QJsonDocument>

namespace sb {
namespace {

StatePeriod periodFrom(const Sql& q, int first)
{
    StatePeriod period;
    period.state = enumFromCode(q.value(first).toString(), LifecycleState::Draft);
    period.fromMs = q.value(first + 1).toLongLong();
    period.toMs = q.value(first + 2).toLongLong();
    period.changedBy = q.value(first + 3).toString();
    return period;
}

} // namespace

QList<StatePeriod> SubscriptionRepository::periods(const QString& table, const QString& column, qint64 id)
{
    Sql q(m_db, QStringLiteral("SELECT state, from_ms, to_ms, changed_by FROM %1 WHERE %2 = :id ORDER BY from_ms, id")
                    .arg(table, column));
    q.bind(QStringLiteral(":id"), id).exec();
    QList<StatePeriod> result;
    while (q.next())
        result << periodFrom(q, 0);
    return result;
}

QList<Subscription> SubscriptionRepository::selectSubscriptions(const QString& where, const QVariantMap& binds, int limit)
{
    Sql q(m_db, QStringLiteral("SELECT s.id, s.number, s.customer_id, c.name, s.lifecycle_state, s.payment_type,"
                               " s.created_ms FROM subscriptions s JOIN customers c ON c.id = s.customer_id %1"
                               " ORDER BY s.number%2")
                    .arg(where, limit > 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString()));
    for (auto it = binds.begin(); it != binds.end(); ++it)
        q.bind(it.key(), it.value());
    q.exec();
    QList<Subscription> result;
    while (q.next()) {
        Subscription s;
        s.id = q.value(0).toLongLong();
        s.number = q.value(1).toString();
        s.customerId = q.value(2).toLongLong();
        s.customerName = q.value(3).toString();
        s.state = enumFromCode(q.value(4).toString(), LifecycleState::Draft);
        s.paymentType = enumFromCode(q.value(5).toString(), PaymentType::Postpaid);
        s.createdMs = q.value(6).toLongLong();
        result << s;
    }
    for (Subscription& s : result)
        s.history = periods(QStringLiteral("subscription_state_history"), QStringLiteral("subscription_id"), s.id);
    return result;
}

QList<Subscription> SubscriptionRepository::search(const QString& text, int limit)
{
    const QString needle = text.trimmed().toLower();
    if (needle.isEmpty())
        return selectSubscriptions({}, {}, limit);
    QString escaped = needle;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return selectSubscriptions(QStringLiteral("WHERE LOWER(s.number) LIKE :prefix ESCAPE '\\'"
                                              " OR c.name_lc LIKE :contains ESCAPE '\\'"),
                               {{QStringLiteral(":prefix"), escaped + QLatin1Char('%')},
                                {QStringLiteral(":contains"), QLatin1Char('%') + escaped + QLatin1Char('%')}},
                               limit);
}

std::optional<Subscription> SubscriptionRepository::byId(qint64 id)
{
    const auto found = selectSubscriptions(QStringLiteral("WHERE s.id = :id"), {{QStringLiteral(":id"), id}});
    return found.isEmpty() ? std::nullopt : std::optional<Subscription>(found.first());
}

std::optional<Subscription> SubscriptionRepository::byNumber(const QString& number)
{
    const auto found = selectSubscriptions(QStringLiteral("WHERE s.number = :n"), {{QStringLiteral(":n"), number}});
    return found.isEmpty() ? std::nullopt : std::optional<Subscription>(found.first());
}

QList<SubscriptionService> SubscriptionRepository::selectServices(const QString& where, const QVariantMap& binds)
{
    Sql q(m_db, QStringLiteral("SELECT s.id, s.subscription_id, s.parent_service_id, s.customer_id, s.name, s.status,"
                               " s.service_uuid, p.id, p.slug, p.name, p.product_type, p.product_family, p.service_type,"
                               " p.bundle_kind, p.currency, p.setup_cost, p.monthly_cost, p.provisioning_json_vars"
                               " FROM services s JOIN products p ON p.id = s.product_id %1 ORDER BY s.id")
                    .arg(where));
    for (auto it = binds.begin(); it != binds.end(); ++it)
        q.bind(it.key(), it.value());
    q.exec();
    QList<SubscriptionService> result;
    while (q.next()) {
        SubscriptionService s;
        s.id = q.value(0).toLongLong();
        s.subscriptionId = q.value(1).toLongLong();
        s.parentServiceId = q.value(2).toLongLong();
        s.customerId = q.value(3).toLongLong();
        s.name = q.value(4).toString();
        s.status = enumFromCode(q.value(5).toString(), ServiceStatus::Active);
        s.serviceUuid = q.value(6).toString();
        BundleProduct& p = s.product;
        p.id = q.value(7).toLongLong();
        p.slug = q.value(8).toString();
        p.name = q.value(9).toString();
        p.productType = q.value(10).toString();
        p.productFamily = q.value(11).toString();
        p.serviceType = enumFromCode(q.value(12).toString(), ServiceType::Iptv);
        p.bundleKind = q.value(13).toString();
        const QString currency = q.value(14).toString();
        p.setupCost = Money{q.value(15).toLongLong(), currency};
        p.monthlyCost = Money{q.value(16).toLongLong(), currency};
        p.provisioningVars = QJsonDocument::fromJson(q.value(17).toString().toUtf8()).object();
        result << s;
    }
    for (SubscriptionService& s : result)
        s.history = periods(QStringLiteral("service_state_history"), QStringLiteral("service_id"), s.id);
    return result;
}

QList<SubscriptionService> SubscriptionRepository::services(qint64 subscriptionId)
{
    return selectServices(QStringLiteral("WHERE s.subscription_id = :id"), {{QStringLiteral(":id"), subscriptionId}});
}

std::optional<SubscriptionService> SubscriptionRepository::service(qint64 serviceId)
{
    const auto found = selectServices(QStringLiteral("WHERE s.id = :id"), {{QStringLiteral(":id"), serviceId}});
    return found.isEmpty() ? std::nullopt : std::optional<SubscriptionService>(found.first());
}

QList<SubscriptionService> SubscriptionRepository::components(qint64 bundleServiceId)
{
    return selectServices(QStringLiteral("WHERE s.parent_service_id = :id AND s.status <> :cancelled"),
                          {{QStringLiteral(":id"), bundleServiceId},
                           {QStringLiteral(":cancelled"), toCode(ServiceStatus::Cancelled)}});
}

QList<Distributor> SubscriptionRepository::distributors(qint64 subscriptionId, bool includeRemoved)
{
    Sql q(m_db, QStringLiteral("SELECT id, subscription_id, kind, serial, removed_ms FROM provisioning_distributors"
                               " WHERE subscription_id = :s%1 ORDER BY id")
                    .arg(includeRemoved ? QString() : QStringLiteral(" AND removed_ms IS NULL")));
    q.bind(QStringLiteral(":s"), subscriptionId).exec();
    QList<Distributor> result;
    while (q.next())
        result << Distributor{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                              q.value(3).toString(), q.value(4).toLongLong(), {}, {}};
    for (Distributor& d : result) {
        Sql on(m_db, QStringLiteral("SELECT service_id, installed_item FROM service_distributions"
                                    " WHERE distributor_id = :d ORDER BY id"));
        on.bind(QStringLiteral(":d"), d.id).exec();
        while (on.next()) {
            if (!on.value(0).isNull())
                d.serviceIds << on.value(0).toLongLong();
            if (!on.value(1).toString().isEmpty())
                d.installedItems << on.value(1).toString();
        }
    }
    return result;
}

qint64 SubscriptionRepository::insertSubscription(const Subscription& s, const QString& by)
{
    const qint64 now = s.createdMs ? s.createdMs : Database::nowMs();
    Sql q(m_db, QStringLiteral("INSERT INTO subscriptions (number, customer_id, lifecycle_state, payment_type, created_ms)"
                               " VALUES (:n, :c, :s, :p, :t) RETURNING id"));
    q.bind(QStringLiteral(":n"), s.number)
        .bind(QStringLiteral(":c"), s.customerId)
        .bind(QStringLiteral(":s"), toCode(s.state))
        .bind(QStringLiteral(":p"), toCode(s.paymentType))
        .bind(QStringLiteral(":t"), now)
        .exec();
    const qint64 id = q.returnedId();
    QList<StatePeriod> history = s.history;
    if (history.isEmpty())
        history << StatePeriod{s.state, now, 0, by};
    for (const StatePeriod& period : history)
        Sql(m_db, QStringLiteral("INSERT INTO subscription_state_history (subscription_id, state, from_ms, to_ms,"
                                 " changed_by, changed_ms) VALUES (:s, :state, :from, :to, :by, :t)"))
            .bind(QStringLiteral(":s"), id)
            .bind(QStringLiteral(":state"), toCode(period.state))
            .bind(QStringLiteral(":from"), period.fromMs)
            .bind(QStringLiteral(":to"), period.toMs ? QVariant(period.toMs) : QVariant())
            .bind(QStringLiteral(":by"), by)
            .bind(QStringLiteral(":t"), Database::nowMs())
            .exec();
    return id;
}

qint64 SubscriptionRepository::insertService(const SubscriptionService& s, const QString& by)
{
    Sql q(m_db, QStringLiteral("INSERT INTO services (subscription_id, customer_id, product_id, parent_service_id, name,"
                               " status, auto_renew, service_uuid, currency, setup_cost, monthly_cost, created_ms,"
                               " activated_ms, requested_by) VALUES (:sub, :c, :p, :parent, :n, :status, 0, :uuid, :cur,"
                               " :setup, :monthly, :t1, :t2, :by) RETURNING id"));
    q.bind(QStringLiteral(":sub"), s.subscriptionId)
        .bind(QStringLiteral(":c"), s.customerId)
        .bind(QStringLiteral(":p"), s.product.id)
        .bind(QStringLiteral(":parent"), s.parentServiceId ? QVariant(s.parentServiceId) : QVariant())
        .bind(QStringLiteral(":n"), s.name)
        .bind(QStringLiteral(":status"), toCode(s.status))
        .bind(QStringLiteral(":uuid"), s.serviceUuid)
        .bind(QStringLiteral(":cur"), s.product.monthlyCost.currency)
        .bind(QStringLiteral(":setup"), s.product.setupCost.minorUnits)
        .bind(QStringLiteral(":monthly"), s.product.monthlyCost.minorUnits)
        .bind(QStringLiteral(":t1"), Database::nowMs())
        .bind(QStringLiteral(":t2"), Database::nowMs())
        .bind(QStringLiteral(":by"), by)
        .exec();
    const qint64 id = q.returnedId();
    insertStatePeriods(id, s.history, by);
    return id;
}

void SubscriptionRepository::insertStatePeriods(qint64 serviceId, const QList<StatePeriod>& periods, const QString& by)
{
    for (const StatePeriod& period : periods)
        Sql(m_db, QStringLiteral("INSERT INTO service_state_history (service_id, state, from_ms, to_ms, changed_by,"
                                 " changed_ms) VALUES (:s, :state, :from, :to, :by, :t)"))
            .bind(QStringLiteral(":s"), serviceId)
            .bind(QStringLiteral(":state"), toCode(period.state))
            .bind(QStringLiteral(":from"), period.fromMs)
            .bind(QStringLiteral(":to"), period.toMs ? QVariant(period.toMs) : QVariant())
            .bind(QStringLiteral(":by"), by)
            .bind(QStringLiteral(":t"), Database::nowMs())
            .exec();
}

void SubscriptionRepository::markRemoved(qint64 serviceId, qint64 fromMs, const QString& by)
{
    // Periods that would only start after the removal never happen.
    Sql(m_db, QStringLiteral("DELETE FROM service_state_history WHERE service_id = :s AND from_ms >= :from"))
        .bind(QStringLiteral(":s"), serviceId)
        .bind(QStringLiteral(":from"), fromMs)
        .exec();
    Sql(m_db, QStringLiteral("UPDATE service_state_history SET to_ms = :from"
                             " WHERE service_id = :s AND (to_ms IS NULL OR to_ms > :after)"))
        .bind(QStringLiteral(":s"), serviceId)
        .bind(QStringLiteral(":from"), fromMs)
        .bind(QStringLiteral(":after"), fromMs)
        .exec();
    insertStatePeriods(serviceId, {StatePeriod{LifecycleState::Removed, fromMs, 0, by}}, by);
    Sql(m_db, QStringLiteral("UPDATE services SET status = :status WHERE id = :s"))
        .bind(QStringLiteral(":status"), toCode(ServiceStatus::Cancelled))
        .bind(QStringLiteral(":s"), serviceId)
        .exec();
}

qint64 SubscriptionRepository::insertDistributor(const Distributor& d)
{
    Sql q(m_db, QStringLiteral("INSERT INTO provisioning_distributors (subscription_id, kind, serial, created_ms)"
                               " VALUES (:s, :k, :serial, :t) RETURNING id"));
    q.bind(QStringLiteral(":s"), d.subscriptionId)
        .bind(QStringLiteral(":k"), d.kind)
        .bind(QStringLiteral(":serial"), d.serial)
        .bind(QStringLiteral(":t"), Database::nowMs())
        .exec();
    return q.returnedId();
}

void SubscriptionRepository::distribute(qint64 distributorId, qint64 serviceId)
{
    Sql(m_db, QStringLiteral("INSERT INTO service_distributions (distributor_id, service_id, created_ms)"
                             " VALUES (:d, :s, :t)"))
        .bind(QStringLiteral(":d"), distributorId)
        .bind(QStringLiteral(":s"), serviceId)
        .bind(QStringLiteral(":t"), Database::nowMs())
        .exec();
}

void SubscriptionRepository::distributeInstalledItem(qint64 distributorId, const QString& installedItem)
{
    Sql(m_db, QStringLiteral("INSERT INTO service_distributions (distributor_id, installed_item, created_ms)"
                             " VALUES (:d, :i, :t)"))
        .bind(QStringLiteral(":d"), distributorId)
        .bind(QStringLiteral(":i"), installedItem)
        .bind(QStringLiteral(":t"), Database::nowMs())
        .exec();
}

QList<qint64> SubscriptionRepository::undistribute(qint64 serviceId)
{
    Sql q(m_db, QStringLiteral("SELECT DISTINCT distributor_id FROM service_distributions WHERE service_id = :s"));
    q.bind(QStringLiteral(":s"), serviceId).exec();
    QList<qint64> distributorIds;
    while (q.next())
        distributorIds << q.value(0).toLongLong();
    Sql(m_db, QStringLiteral("DELETE FROM service_distributions WHERE service_id = :s"))
        .bind(QStringLiteral(":s"), serviceId)
        .exec();
    return distributorIds;
}

bool SubscriptionRepository::removeDistributorIfUnused(qint64 distributorId, qint64 nowMs)
{
    Sql q(m_db, QStringLiteral("UPDATE provisioning_distributors SET removed_ms = :t WHERE id = :d AND removed_ms IS NULL"
                               " AND NOT EXISTS (SELECT 1 FROM service_distributions WHERE distributor_id = :on)"));
    q.bind(QStringLiteral(":t"), nowMs).bind(QStringLiteral(":d"), distributorId).bind(QStringLiteral(":on"), distributorId).exec();
    return q.rowsAffected() > 0;
}

} // namespace sb
