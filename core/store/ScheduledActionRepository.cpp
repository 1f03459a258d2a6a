#include "ScheduledActionRepository.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sb {
namespace {

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QList<ScheduledAction> ScheduledActionRepository::select(const QString& where, const QVariantMap& binds,
                                                         const QString& tail)
{
    Sql q(m_db, QStringLiteral("SELECT id, behavior_code, business_classification_code, action_type, sub_action_type,"
                               " subscription_id, service_id, payload, due_ms, status, performed_by, performed_ms,"
                               " requested_by, request_key, created_ms, finished_ms, failure_reason"
                               " FROM scheduled_actions %1 %2")
                    .arg(where, tail.isEmpty() ? QStringLiteral("ORDER BY id") : tail));
    for (auto it = binds.begin(); it != binds.end(); ++it)
        q.bind(it.key(), it.value());
    q.exec();
    QList<ScheduledAction> result;
    while (q.next()) {
        ScheduledAction a;
        a.id = q.value(0).toLongLong();
        a.behaviorCode = q.value(1).toString();
        a.businessClassificationCode = q.value(2).toString();
        a.actionType = q.value(3).toString();
        a.subActionType = q.value(4).toString();
        a.subscriptionId = q.value(5).toLongLong();
        a.serviceId = q.value(6).toLongLong();
        a.payload = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        a.dueMs = q.value(8).toLongLong();
        a.status = enumFromCode(q.value(9).toString(), ScheduledActionStatus::Scheduled);
        a.performedBy = q.value(10).toString();
        a.performedMs = q.value(11).toLongLong();
        a.requestedBy = q.value(12).toString();
        a.requestKey = q.value(13).toString();
        a.createdMs = q.value(14).toLongLong();
        a.finishedMs = q.value(15).toLongLong();
        a.failureReason = q.value(16).toString();
        result << a;
    }
    return result;
}

qint64 ScheduledActionRepository::insert(const ScheduledAction& a)
{
    Sql q(m_db, QStringLiteral("INSERT INTO scheduled_actions (behavior_code, business_classification_code, action_type,"
                               " sub_action_type, subscription_id, service_id, payload, due_ms, status, performed_by,"
                               " performed_ms, requested_by, request_key, created_ms, finished_ms) VALUES (:b, :bc, :at,"
                               " :sat, :sub, :svc, :payload, :due, :status, :pby, :pms, :rby, :key, :created, :finished)"
                               " RETURNING id"));
    q.bind(QStringLiteral(":b"), a.behaviorCode)
        .bind(QStringLiteral(":bc"), a.businessClassificationCode)
        .bind(QStringLiteral(":at"), a.actionType.isEmpty() ? QVariant() : QVariant(a.actionType))
        .bind(QStringLiteral(":sat"), a.subActionType.isEmpty() ? QVariant() : QVariant(a.subActionType))
        .bind(QStringLiteral(":sub"), a.subscriptionId)
        .bind(QStringLiteral(":svc"), a.serviceId ? QVariant(a.serviceId) : QVariant())
        .bind(QStringLiteral(":payload"), compact(a.payload))
        .bind(QStringLiteral(":due"), a.dueMs)
        .bind(QStringLiteral(":status"), toCode(a.status))
        .bind(QStringLiteral(":pby"), a.performedBy)
        .bind(QStringLiteral(":pms"), a.performedMs)
        .bind(QStringLiteral(":rby"), a.requestedBy)
        .bind(QStringLiteral(":key"), a.requestKey.isEmpty() ? QVariant() : QVariant(a.requestKey))
        .bind(QStringLiteral(":created"), a.createdMs ? a.createdMs : Database::nowMs())
        .bind(QStringLiteral(":finished"), a.finishedMs ? QVariant(a.finishedMs) : QVariant())
        .exec();
    return q.returnedId();
}

std::optional<ScheduledAction> ScheduledActionRepository::byId(qint64 id)
{
    const auto found = select(QStringLiteral("WHERE id = :id"), {{QStringLiteral(":id"), id}});
    return found.isEmpty() ? std::nullopt : std::optional<ScheduledAction>(found.first());
}

std::optional<ScheduledAction> ScheduledActionRepository::byRequestKey(const QString& requestKey)
{
    const auto found = select(QStringLiteral("WHERE request_key = :k"), {{QStringLiteral(":k"), requestKey}});
    return found.isEmpty() ? std::nullopt : std::optional<ScheduledAction>(found.first());
}

QList<ScheduledAction> ScheduledActionRepository::list(qint64 subscriptionId, int limit)
{
    const QString tail = QStringLiteral("ORDER BY id DESC LIMIT %1").arg(qMax(1, limit));
    if (subscriptionId == 0)
        return select({}, {}, tail);
    return select(QStringLiteral("WHERE subscription_id = :s"), {{QStringLiteral(":s"), subscriptionId}}, tail);
}

QList<ScheduledAction> ScheduledActionRepository::pendingForService(qint64 serviceId, const QStringList& behaviorCodes)
{
    QList<ScheduledAction> result;
    for (const ScheduledAction& a : select(QStringLiteral("WHERE service_id = :s AND status = :st"),
                                           {{QStringLiteral(":s"), serviceId},
                                            {QStringLiteral(":st"), toCode(ScheduledActionStatus::Scheduled)}}))
        if (behaviorCodes.contains(a.behaviorCode))
            result << a;
    return result;
}

QList<qint64> ScheduledActionRepository::dueIds(qint64 nowMs, const QString& behaviorCode, int limit)
{
    Sql q(m_db, QStringLiteral("SELECT id FROM scheduled_actions WHERE status = :st AND due_ms <= :now"
                               " AND behavior_code = :b ORDER BY due_ms, id LIMIT %1")
                    .arg(qMax(1, limit)));
    q.bind(QStringLiteral(":st"), toCode(ScheduledActionStatus::Scheduled))
        .bind(QStringLiteral(":now"), nowMs)
        .bind(QStringLiteral(":b"), behaviorCode)
        .exec();
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

bool ScheduledActionRepository::lockScheduled(qint64 id)
{
    // A no-op update takes the row lock on PostgreSQL (SQLite's write transaction holds the whole file).
    Sql q(m_db, QStringLiteral("UPDATE scheduled_actions SET status = :st WHERE id = :id AND status = :was"));
    q.bind(QStringLiteral(":st"), toCode(ScheduledActionStatus::Scheduled))
        .bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":was"), toCode(ScheduledActionStatus::Scheduled))
        .exec();
    return q.rowsAffected() == 1;
}

bool ScheduledActionRepository::finish(qint64 id, ScheduledActionStatus status, const QList<UserMessage>& reasons,
                                       qint64 nowMs, const QJsonObject& payload)
{
    QJsonArray json;
    for (const UserMessage& reason : reasons)
        json << reason.toJson();
    Sql q(m_db, QStringLiteral("UPDATE scheduled_actions SET status = :st, finished_ms = :t, failure_reason = :r,"
                               " payload = :p WHERE id = :id AND status = :was"));
    q.bind(QStringLiteral(":st"), toCode(status))
        .bind(QStringLiteral(":t"), nowMs)
        .bind(QStringLiteral(":r"), reasons.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact))))
        .bind(QStringLiteral(":p"), compact(payload))
        .bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":was"), toCode(ScheduledActionStatus::Scheduled))
        .exec();
    return q.rowsAffected() == 1;
}

bool ScheduledActionRepository::cancel(qint64 id, qint64 nowMs)
{
    Sql q(m_db, QStringLiteral("UPDATE scheduled_actions SET status = :st, finished_ms = :t WHERE id = :id AND status = :was"));
    q.bind(QStringLiteral(":st"), toCode(ScheduledActionStatus::Cancelled))
        .bind(QStringLiteral(":t"), nowMs)
        .bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":was"), toCode(ScheduledActionStatus::Scheduled))
        .exec();
    return q.rowsAffected() == 1;
}

} // namespace sb
