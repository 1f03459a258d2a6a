#pragma once

#include "Database.h"
#include "domain/Entities.h"

#include <optional>

namespace sb {

// Reservation and assignment are conditional updates: they succeed for one caller only, whatever the timing.
class InventoryRepository
{
public:
    explicit InventoryRepository(Database& db) : m_db(db) {}

    // Items of the template in New or In Stock with no live reservation but the holder's own.
    QList<InventoryItem> available(const QString& templateName, qint64 nowMs, const QString& holder = {}, int limit = 500);
    QList<InventoryItem> list(const QString& templateName, int limit = 1000);
    std::optional<InventoryItem> byId(qint64 id);
    QList<InventoryItem> forService(qint64 serviceId);
    // Items whose reference or identifier is one of keys (any template).
    QList<InventoryItem> byReferenceOrIdentifier(const QStringList& keys);
    // How many items of the template available() could return.
    int countAvailable(const QString& templateName, qint64 nowMs);
    QStringList templateNames();
    std::optional<qint64> templateId(const QString& name);

    bool reserve(qint64 itemId, const QString& holder, qint64 untilMs, qint64 nowMs);
    bool release(qint64 itemId, const QString& holder);
    int releaseAll(const QString& holder);
    int sweepExpired(qint64 nowMs);
    // Moves a picked item to Reserved for the service being created; fails if someone else holds it.
    bool holdForService(qint64 itemId, const QString& holder, qint64 serviceId, qint64 customerId, qint64 nowMs);
    // Reserved for this service -> Assigned. Idempotent.
    bool assignToService(qint64 itemId, qint64 serviceId);

    qint64 insertTemplate(const QString& name, const QString& identifierLabel);
    qint64 insertItem(qint64 templateId, const InventoryItem& item);
    // Which of these identifiers (ICCID, MSISDN, …) the template already has.
    QStringList existingIdentifiers(const QString& templateName, const QStringList& identifiers);

private:
    QList<InventoryItem> select(const QString& where, const QVariantMap& binds);
    Database& m_db;
};

} // namespace sb
