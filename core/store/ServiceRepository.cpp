#include "ServiceRepository.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace sb {
namespace {

QVariant optionalId(qint64 id)
{
    return id ? QVariant(id) : QVariant();
}

QString customFieldsJson(const QMap<QString, QString>& fields)
{
    QJsonObject object;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QList<Service> ServiceRepository::select(const QString& where, const QVariantMap& binds)
{
    Sql q(m_db, QStringLiteral("SELECT s.id, s.customer_id, s.product_id, s.parent_service_id, s.name, s.status,"
                               " s.auto_renew, s.service_uuid, s.currency, s.setup_cost, s.monthly_cost, s.created_ms,"
                               " s.activated_ms, p.name, p.service_type, s.site_id, s.billing_contact_id, s.technical_contact_id,"
                               " s.custom_fields FROM services s"
                               " JOIN products p ON p.id = s.product_id %1")
                    .arg(where));
    for (auto it = binds.begin(); it != binds.end(); ++it)
        q.bind(it.key(), it.value());
    q.exec();
    QList<Service> result;
    while (q.next()) {
        Service s;
        s.id = q.value(0).toLongLong();
        s.customerId = q.value(1).toLongLong();
        s.productId = q.value(2).toLongLong();
        s.parentServiceId = q.value(3).toLongLong();
        s.name = q.value(4).toString();
        s.status = enumFromCode(q.value(5).toString(), ServiceStatus::PendingProvisioning);
        s.autoRenew = q.value(6).toInt() != 0;
        s.serviceUuid = q.value(7).toString();
        s.setupCost = Money{q.value(9).toLongLong(), q.value(8).toString()};
        s.monthlyCost = Money{q.value(10).toLongLong(), q.value(8).toString()};
        s.createdMs = q.value(11).toLongLong();
        s.activatedMs = q.value(12).toLongLong();
        s.productName = q.value(13).toString();
        s.serviceType = enumFromCode(q.value(14).toString(), ServiceType::Mobile);
        s.business.siteId = q.value(15).toLongLong();
        s.business.billingContactId = q.value(16).toLongLong();
        s.business.technicalContactId = q.value(17).toLongLong();
        const QJsonObject fields = QJsonDocument::fromJson(q.value(18).toString().toUtf8()).object();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            s.business.customFields.insert(it.key(), it.value().toString());
        result << s;
    }
    return result;
}

qint64 ServiceRepository::insert(const Service& s, const QString& requestedBy)
{
    const qint64 now = Database::nowMs();
    Sql q(m_db, QStringLiteral("INSERT INTO services (customer_id, product_id, parent_service_id, name, status,"
                               " auto_renew, service_uuid, currency, setup_cost, monthly_cost, site_id, billing_contact_id,"
                               " technical_contact_id, custom_fields, created_ms, requested_by)"
                               " VALUES (:c, :p, :parent, :n, :s, :ar, :uuid, :cur, :setup, :monthly, :site, :billing,"
                               " :technical, :fields, :created, :by)"
                               " RETURNING id"));
    q.bind(QStringLiteral(":c"), s.customerId)
        .bind(QStringLiteral(":p"), s.productId)
        .bind(QStringLiteral(":parent"), s.parentServiceId ? QVariant(s.parentServiceId) : QVariant())
        .bind(QStringLiteral(":n"), s.name)
        .bind(QStringLiteral(":s"), toCode(s.status))
        .bind(QStringLiteral(":ar"), s.autoRenew ? 1 : 0)
        .bind(QStringLiteral(":uuid"), s.serviceUuid)
        .bind(QStringLiteral(":cur"), s.monthlyCost.currency)
        .bind(QStringLiteral(":setup"), s.setupCost.minorUnits)
        .bind(QStringLiteral(":monthly"), s.monthlyCost.minorUnits)
        .bind(QStringLiteral(":site"), optionalId(s.business.siteId))
        .bind(QStringLiteral(":billing"), optionalId(s.business.billingContactId))
        .bind(QStringLiteral(":technical"), optionalId(s.business.technicalContactId))
        .bind(QStringLiteral(":fields"), customFieldsJson(s.business.customFields))
        .bind(QStringLiteral(":created"), now)
        .bind(QStringLiteral(":by"), requestedBy)
        .exec();
    const qint64 id = q.returnedId();
    Sql(m_db, QStringLiteral("INSERT INTO service_lifecycle_history (service_id, state, changed_ms, changed_by)"
                             " VALUES (:s, :state, :t, :by)"))
        .bind(QStringLiteral(":s"), id)
        .bind(QStringLiteral(":state"), toCode(s.status))
        .bind(QStringLiteral(":t"), now)
        .bind(QStringLiteral(":by"), requestedBy)
        .exec();
    return id;
}

std::optional<Service> ServiceRepository::byId(qint64 id)
{
    const QList<Service> found = select(QStringLiteral("WHERE s.id = :id"), {{QStringLiteral(":id"), id}});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QList<Service> ServiceRepository::forCustomer(qint64 customerId)
{
    return select(QStringLiteral("WHERE s.customer_id = :c ORDER BY s.id DESC"), {{QStringLiteral(":c"), customerId}});
}

QList<Service> ServiceRepository::recent(int limit)
{
    return select(QStringLiteral("ORDER BY s.id DESC LIMIT :l"), {{QStringLiteral(":l"), limit}});
}

void ServiceRepository::setStatus(qint64 id, ServiceStatus status, const QString& changedBy)
{
    const qint64 now = Database::nowMs();
    Sql q(m_db, QStringLiteral("UPDATE services SET status = :s, activated_ms = CASE WHEN :active = 1 THEN :t"
                               " ELSE activated_ms END WHERE id = :id AND status <> :s2"));
    q.bind(QStringLiteral(":s"), toCode(status))
        .bind(QStringLiteral(":active"), status == ServiceStatus::Active ? 1 : 0)
        .bind(QStringLiteral(":t"), now)
        .bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":s2"), toCode(status))
        .exec();
    if (q.rowsAffected() == 0)
        return;
    Sql(m_db, QStringLiteral("INSERT INTO service_lifecycle_history (service_id, state, changed_ms, changed_by)"
                             " VALUES (:s, :state, :t, :by)"))
        .bind(QStringLiteral(":s"), id)
        .bind(QStringLiteral(":state"), toCode(status))
        .bind(QStringLiteral(":t"), now)
        .bind(QStringLiteral(":by"), changedBy)
        .exec();
}

void ServiceRepository::setName(qint64 id, const QString& name)
{
    Sql(m_db, QStringLiteral("UPDATE services SET name = :n WHERE id = :id"))
        .bind(QStringLiteral(":n"), name)
        .bind(QStringLiteral(":id"), id)
        .exec();
}

} // namespace sb
