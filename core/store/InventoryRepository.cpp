#include "InventoryRepository.h"

#include <QJsonDocument>

namespace sb {
namespace {

const QString itemColumns = QStringLiteral(
    "i.id, t.name, i.reference, i.identifier, i.attributes, i.status, i.reserved_by, i.reserved_until_ms,"
    " i.service_id, i.customer_id");

InventoryItem itemFrom(const Sql& q)
{
    InventoryItem item;
    item.id = q.value(0).toLongLong();
    item.templateName = q.value(1).toString();
    item.reference = q.value(2).toString();
    item.identifier = q.value(3).toString();
    item.attributes = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    item.status = enumFromCode(q.value(5).toString(), InventoryStatus::New);
    item.reservedBy = q.value(6).toString();
    item.reservedUntilMs = q.value(7).toLongLong();
    item.serviceId = q.value(8).toLongLong();
    item.customerId = q.value(9).toLongLong();
    return item;
}

// The one definition of "free to pick" in SQL, matching AssignRules::isPickable.
QString pickable(const QString& alias = {})
{
    return QStringLiteral("%1status IN ('New', 'In Stock') AND (%1reserved_by IS NULL OR %1reserved_by = :holder"
                          " OR %1reserved_until_ms < :now)")
        .arg(alias);
}

} // namespace

QList<InventoryItem> InventoryRepository::select(const QString& where, const QVariantMap& binds)
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM inventory_items i JOIN inventory_templates t ON t.id = i.template_id %2")
                    .arg(itemColumns, where));
    for (auto it = binds.begin(); it != binds.end(); ++it)
        q.bind(it.key(), it.value());
    q.exec();
    QList<InventoryItem> result;
    while (q.next())
        result << itemFrom(q);
    return result;
}

QList<InventoryItem> InventoryRepository::byReferenceOrIdentifier(const QStringList& keys)
{
    QList<InventoryItem> result;
    constexpr int chunk = 400;
    for (int from = 0; from < keys.size(); from += chunk) {
        QStringList references;
        QStringList identifiers;
        QVariantMap binds;
        for (int i = from; i < qMin(from + chunk, int(keys.size())); ++i) {
            references << QStringLiteral(":r%1").arg(i - from);
            identifiers << QStringLiteral(":i%1").arg(i - from);
            binds.insert(references.last(), keys.at(i));
            binds.insert(identifiers.last(), keys.at(i));
        }
        result += select(QStringLiteral("WHERE i.reference IN (%1) OR i.identifier IN (%2) ORDER BY i.id")
                             .arg(references.join(QLatin1Char(',')), identifiers.join(QLatin1Char(','))),
                         binds);
    }
    return result;
}

int InventoryRepository::countAvailable(const QString& templateName, qint64 nowMs)
{
    Sql q(m_db, QStringLiteral("SELECT COUNT(*) FROM inventory_items i JOIN inventory_templates t ON t.id = i.template_id"
                               " WHERE t.name = :template AND ") + pickable(QStringLiteral("i.")));
    q.bind(QStringLiteral(":template"), templateName)
        .bind(QStringLiteral(":holder"), QStringLiteral("\x01"))
        .bind(QStringLiteral(":now"), nowMs)
        .exec();
    return q.next() ? q.value(0).toInt() : 0;
}

QList<InventoryItem> InventoryRepository::available(const QString& templateName, qint64 nowMs, const QString& holder,
                                                    int limit)
{
    const QString where = QStringLiteral("WHERE t.name = :template AND ") + pickable(QStringLiteral("i.")) +
                          QStringLiteral(" ORDER BY i.reference LIMIT :limit");
    return select(where, {{QStringLiteral(":template"), templateName},
                          {QStringLiteral(":holder"), holder.isEmpty() ? QStringLiteral("\x01") : holder},
                          {QStringLiteral(":now"), nowMs},
                          {QStringLiteral(":limit"), limit}});
}

QList<InventoryItem> InventoryRepository::list(const QString& templateName, int limit)
{
    return select(QStringLiteral("WHERE t.name = :template ORDER BY i.reference LIMIT :limit"),
                  {{QStringLiteral(":template"), templateName}, {QStringLiteral(":limit"), limit}});
}

std::optional<InventoryItem> InventoryRepository::byId(qint64 id)
{
    const QList<InventoryItem> found = select(QStringLiteral("WHERE i.id = :id"), {{QStringLiteral(":id"), id}});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QList<InventoryItem> InventoryRepository::forService(qint64 serviceId)
{
    return select(QStringLiteral("WHERE i.service_id = :s ORDER BY t.name"), {{QStringLiteral(":s"), serviceId}});
}

QStringList InventoryRepository::templateNames()
{
    Sql q(m_db, QStringLiteral("SELECT name FROM inventory_templates ORDER BY name"));
    q.exec();
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

std::optional<qint64> InventoryRepository::templateId(const QString& name)
{
    Sql q(m_db, QStringLiteral("SELECT id FROM inventory_templates WHERE name = :n"));
    q.bind(QStringLiteral(":n"), name).exec();
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

bool InventoryRepository::reserve(qint64 itemId, const QString& holder, qint64 untilMs, qint64 nowMs)
{
    Sql q(m_db, QStringLiteral("UPDATE inventory_items SET reserved_by = :holder, reserved_until_ms = :until,"
                               " updated_ms = :updated WHERE id = :id AND ") + pickable());
    q.bind(QStringLiteral(":holder"), holder)
        .bind(QStringLiteral(":until"), untilMs)
        .bind(QStringLiteral(":now"), nowMs)
        .bind(QStringLiteral(":updated"), nowMs)
        .bind(QStringLiteral(":id"), itemId)
        .exec();
    return q.rowsAffected() == 1;
}

bool InventoryRepository::release(qint64 itemId, const QString& holder)
{
    Sql q(m_db, QStringLiteral("UPDATE inventory_items SET reserved_by = NULL, reserved_until_ms = NULL"
                               " WHERE id = :id AND reserved_by = :holder AND status IN ('New', 'In Stock')"));
    q.bind(QStringLiteral(":id"), itemId).bind(QStringLiteral(":holder"), holder).exec();
    return q.rowsAffected() == 1;
}

int InventoryRepository::releaseAll(const QString& holder)
{
    Sql q(m_db, QStringLiteral("UPDATE inventory_items SET reserved_by = NULL, reserved_until_ms = NULL"
                               " WHERE reserved_by = :holder AND status IN ('New', 'In Stock')"));
    q.bind(QStringLiteral(":holder"), holder).exec();
    return q.rowsAffected();
}

int InventoryRepository::sweepExpired(qint64 nowMs)
{
    Sql q(m_db, QStringLiteral("UPDATE inventory_items SET reserved_by = NULL, reserved_until_ms = NULL"
                               " WHERE reserved_by IS NOT NULL AND reserved_until_ms < :now"
                               " AND status IN ('New', 'In Stock')"));
    q.bind(QStringLiteral(":now"), nowMs).exec();
    return q.rowsAffected();
}

bool InventoryRepository::holdForService(qint64 itemId, const QString& holder, qint64 serviceId, qint64 customerId,
                                         qint64 nowMs)
{
    Sql q(m_db, QStringLiteral("UPDATE inventory_items SET status = 'Reserved', service_id = :service,"
                               " customer_id = :customer, reserved_by = NULL, reserved_until_ms = NULL,"
                               " updated_ms = :updated WHERE id = :id AND ") + pickable());
    q.bind(QStringLiteral(":service"), serviceId)
        .bind(QStringLiteral(":customer"), customerId)
        .bind(QStringLiteral(":holder"), holder)
        .bind(QStringLiteral(":now"), nowMs)
        .bind(QStringLiteral(":updated"), nowMs)
        .bind(QStringLiteral(":id"), itemId)
        .exec();
    return q.rowsAffected() == 1;
}

bool InventoryRepository::assignToService(qint64 itemId, qint64 serviceId)
{
    Sql q(m_db, QStringLiteral("UPDATE inventory_items SET status = 'Assigned', updated_ms = :now"
                               " WHERE id = :id AND service_id = :service AND status IN ('Reserved', 'Assigned')"));
    q.bind(QStringLiteral(":now"), Database::nowMs())
        .bind(QStringLiteral(":id"), itemId)
        .bind(QStringLiteral(":service"), serviceId)
        .exec();
    return q.rowsAffected() == 1;
}

qint64 InventoryRepository::insertTemplate(const QString& name, const QString& identifierLabel)
{
    Sql q(m_db, QStringLiteral("INSERT INTO inventory_templates (name, identifier_label) VALUES (:n, :l) RETURNING id"));
    q.bind(QStringLiteral(":n"), name).bind(QStringLiteral(":l"), identifierLabel).exec();
    return q.returnedId();
}

qint64 InventoryRepository::insertItem(qint64 templateId, const InventoryItem& item)
{
    Sql q(m_db, QStringLiteral("INSERT INTO inventory_items (template_id, reference, identifier, attributes, status,"
                               " updated_ms) VALUES (:t, :r, :i, :a, :s, :u) RETURNING id"));
    q.bind(QStringLiteral(":t"), templateId)
        .bind(QStringLiteral(":r"), item.reference)
        .bind(QStringLiteral(":i"), item.identifier)
        .bind(QStringLiteral(":a"), QString::fromUtf8(QJsonDocument(item.attributes).toJson(QJsonDocument::Compact)))
        .bind(QStringLiteral(":s"), toCode(item.status))
        .bind(QStringLiteral(":u"), Database::nowMs())
        .exec();
    return q.returnedId();
}

QStringList InventoryRepository::existingIdentifiers(const QString& templateName, const QStringList& identifiers)
{
    QStringList found;
    Sql q(m_db, QStringLiteral("SELECT i.identifier FROM inventory_items i JOIN inventory_templates t"
                               " ON t.id = i.template_id WHERE t.name = :template AND i.identifier = :identifier"));
    for (const QString& identifier : identifiers) {
        q.bind(QStringLiteral(":template"), templateName).bind(QStringLiteral(":identifier"), identifier).exec();
        if (q.next())
            found << identifier;
        q.query().finish();
    }
    return found;
}

} // namespace sb
