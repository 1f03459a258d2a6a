#include "ServiceAddonRepository.h"

namespace sb {

QList<AddonPurchase> ServiceAddonRepository::select(const QString& where, const QVariantMap& binds)
{
    Sql q(m_db, QStringLiteral("SELECT a.id, a.service_id, a.product_id, a.customer_id, a.job_id, a.status, a.currency,"
                               " a.setup_cost, a.monthly_cost, a.balance, a.created_ms, a.requested_by, p.name, a.auto_renew"
                               " FROM service_addons a JOIN products p ON p.id = a.product_id %1")
                    .arg(where));
    for (auto it = binds.begin(); it != binds.end(); ++it)
        q.bind(it.key(), it.value());
    q.exec();
    QList<AddonPurchase> result;
    while (q.next()) {
        AddonPurchase a;
        a.id = q.value(0).toLongLong();
        a.serviceId = q.value(1).toLongLong();
        a.productId = q.value(2).toLongLong();
        a.customerId = q.value(3).toLongLong();
        a.jobId = q.value(4).toLongLong();
        a.status = q.value(5).toString();
        a.setupCost = Money{q.value(7).toLongLong(), q.value(6).toString()};
        a.monthlyCost = Money{q.value(8).toLongLong(), q.value(6).toString()};
        a.balance = q.value(9).toString();
        a.createdMs = q.value(10).toLongLong();
        a.requestedBy = q.value(11).toString();
        a.productName = q.value(12).toString();
        a.autoRenew = q.value(13).toInt() != 0;
        result << a;
    }
    return result;
}

qint64 ServiceAddonRepository::insert(const AddonPurchase& a)
{
    Sql q(m_db,
          QStringLiteral("INSERT INTO service_addons (service_id, product_id, customer_id, job_id, status, currency,"
                         " setup_cost, monthly_cost, auto_renew, created_ms, requested_by)"
                         " VALUES (:s, :p, :c, :job, :status, :cur, :setup, :monthly, :renew, :created, :by)"
                         " RETURNING id"));
    q.bind(QStringLiteral(":s"), a.serviceId)
        .bind(QStringLiteral(":p"), a.productId)
        .bind(QStringLiteral(":c"), a.customerId)
        .bind(QStringLiteral(":job"), a.jobId ? QVariant(a.jobId) : QVariant())
        .bind(QStringLiteral(":status"), a.status)
        .bind(QStringLiteral(":cur"), a.monthlyCost.currency)
        .bind(QStringLiteral(":setup"), a.setupCost.minorUnits)
        .bind(QStringLiteral(":monthly"), a.monthlyCost.minorUnits)
        .bind(QStringLiteral(":renew"), a.autoRenew ? 1 : 0)
        .bind(QStringLiteral(":created"), Database::nowMs())
        .bind(QStringLiteral(":by"), a.requestedBy)
        .exec();
    return q.returnedId();
}

void ServiceAddonRepository::setJob(qint64 id, qint64 jobId)
{
    Sql(m_db, QStringLiteral("UPDATE service_addons SET job_id = :job WHERE id = :id"))
        .bind(QStringLiteral(":job"), jobId)
        .bind(QStringLiteral(":id"), id)
        .exec();
}

void ServiceAddonRepository::setStatus(qint64 id, const QString& status)
{
    Sql(m_db, QStringLiteral("UPDATE service_addons SET status = :status WHERE id = :id"))
        .bind(QStringLiteral(":status"), status)
        .bind(QStringLiteral(":id"), id)
        .exec();
}

void ServiceAddonRepository::setStatusOfJob(qint64 jobId, const QString& status)
{
    Sql(m_db, QStringLiteral("UPDATE service_addons SET status = :status WHERE job_id = :job"))
        .bind(QStringLiteral(":status"), status)
        .bind(QStringLiteral(":job"), jobId)
        .exec();
}

void ServiceAddonRepository::setBalance(qint64 id, const QString& balance)
{
    Sql(m_db, QStringLiteral("UPDATE service_addons SET balance = :balance WHERE id = :id"))
        .bind(QStringLiteral(":balance"), balance.isNull() ? QStringLiteral("") : balance)
        .bind(QStringLiteral(":id"), id)
        .exec();
}

std::optional<AddonPurchase> ServiceAddonRepository::byId(qint64 id)
{
    const QList<AddonPurchase> found = select(QStringLiteral("WHERE a.id = :id"), {{QStringLiteral(":id"), id}});
    return found.isEmpty() ? std::nullopt : std::optional<AddonPurchase>(found.first());
}

std::optional<AddonPurchase> ServiceAddonRepository::byJob(qint64 jobId)
{
    const QList<AddonPurchase> found =
        select(QStringLiteral("WHERE a.job_id = :job"), {{QStringLiteral(":job"), jobId}});
    return found.isEmpty() ? std::nullopt : std::optional<AddonPurchase>(found.first());
}

QList<AddonPurchase> ServiceAddonRepository::forService(qint64 serviceId)
{
    return select(QStringLiteral("WHERE a.service_id = :s ORDER BY a.id DESC"), {{QStringLiteral(":s"), serviceId}});
}

qint64 ServiceAddonRepository::count()
{
    Sql q(m_db, QStringLiteral("SELECT COUNT(*) FROM service_addons"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace sb
