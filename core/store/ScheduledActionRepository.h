#pragma once

#include "Database.h"
#include "domain/Bundle.h"

#include <optional>

namespace sb {

// Subscription actions: those scheduled for later (status scheduled until they run, fail or are cancelled) and
// those already carried out (a request key makes a resubmitted request find its first submission).
class ScheduledActionRepository
{
public:
    explicit ScheduledActionRepository(Database& db) : m_db(db) {}

    qint64 insert(const ScheduledAction& action);
    std::optional<ScheduledAction> byId(qint64 id);
    std::optional<ScheduledAction> byRequestKey(const QString& requestKey);
    QList<ScheduledAction> list(qint64 subscriptionId = 0, int limit = 500); // 0: all subscriptions; newest first
    // Pending actions of a service with one of the behavior codes (e.g. a scheduled removal of the bundle).
    QList<ScheduledAction> pendingForService(qint64 serviceId, const QStringList& behaviorCodes);
    QList<qint64> dueIds(qint64 nowMs, const QString& behaviorCode, int limit = 50);

    // Locks a scheduled action for the calling transaction; false when it is no longer scheduled.
    bool lockScheduled(qint64 id);
    // Ends a scheduled action; false when it was not scheduled any more (ran, failed or cancelled meanwhile).
    bool finish(qint64 id, ScheduledActionStatus status, const QList<UserMessage>& reasons, qint64 nowMs,
                const QJsonObject& payload);
    bool cancel(qint64 id, qint64 nowMs);

private:
    QList<ScheduledAction> select(const QString& where, const QVariantMap& binds, const QString& tail = {});
    Database& m_db;
};

} // namespace sb
