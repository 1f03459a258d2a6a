#include "AmendBundleWorkflow.h"

#include "AmendBundlePlan.h"
#include "store/AuditRepository.h"
#include "store/ScheduledActionRepository.h"

#include <QJsonArray>
#include <QUuid>

namespace sb {
namespace {

QJsonArray idsJson(const QList<qint64>& ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array << id;
    return array;
}

QList<qint64> idsFrom(const QJsonValue& value)
{
    QList<qint64> ids;
    for (const QJsonValue& v : value.toArray())
        ids << v.toVariant().toLongLong();
    return ids;
}

Error actionMissing(qint64 actionId)
{
    return Error{UserMessage("AmendBundle",
                             QT_TRANSLATE_NOOP("AmendBundle", "Scheduled action %1 does not exist. Check the number in "
                                                              "the subscription's scheduled actions."),
                             {QString::number(actionId)}),
                 {}};
}

} // namespace

const QString AmendBundleWorkflow::behaviorCode = BehaviorCodes::amendBundledService;
const QString AmendBundleWorkflow::businessClassificationCode = BehaviorCodes::amendBundledService;

QJsonObject AmendBundleRequest::toJson() const
{
    QJsonObject schedule{{QStringLiteral("mode"), int(this->schedule.mode)},
                         {QStringLiteral("on_date"), this->schedule.onDate.toString(Qt::ISODate)},
                         {QStringLiteral("days"), this->schedule.days}};
    return {{QStringLiteral("bundle_service_id"), bundleServiceId},
            {QStringLiteral("add_product_ids"), idsJson(addProductIds)},
            {QStringLiteral("add_product_slugs"), QJsonArray::fromStringList(addProductSlugs)},
            {QStringLiteral("remove_service_ids"), idsJson(removeServiceIds)},
            {QStringLiteral("performed_by"), performedBy},
            {QStringLiteral("performed_ms"), performedDate.isValid() ? performedDate.toMSecsSinceEpoch() : 0},
            {QStringLiteral("action_type"), actionType},
            {QStringLiteral("sub_action_type"), subActionType},
            {QStringLiteral("schedule"), schedule},
            {QStringLiteral("request_key"), requestKey}};
}

AmendBundleRequest AmendBundleRequest::fromJson(const QJsonObject& json)
{
    AmendBundleRequest r;
    r.bundleServiceId = json.value(QStringLiteral("bundle_service_id")).toVariant().toLongLong();
    r.addProductIds = idsFrom(json.value(QStringLiteral("add_product_ids")));
    for (const QJsonValue& slug : json.value(QStringLiteral("add_product_slugs")).toArray())
        r.addProductSlugs << slug.toString();
    r.removeServiceIds = idsFrom(json.value(QStringLiteral("remove_service_ids")));
    r.performedBy = json.value(QStringLiteral("performed_by")).toString();
    const qint64 performedMs = json.value(QStringLiteral("performed_ms")).toVariant().toLongLong();
    if (performedMs > 0)
        r.performedDate = QDateTime::fromMSecsSinceEpoch(performedMs);
    r.actionType = json.value(QStringLiteral("action_type")).toString();
    r.subActionType = json.value(QStringLiteral("sub_action_type")).toString();
    const QJsonObject schedule = json.value(QStringLiteral("schedule")).toObject();
    r.schedule.mode = ScheduleMode(schedule.value(QStringLiteral("mode")).toInt());
    r.schedule.onDate = QDateTime::fromString(schedule.value(QStringLiteral("on_date")).toString(), Qt::ISODate);
    r.schedule.days = schedule.value(QStringLiteral("days")).toString();
    r.requestKey = json.value(QStringLiteral("request_key")).toString();
    return r;
}

QJsonObject AmendOutcome::toJson() const
{
    return {{QStringLiteral("scheduled"), scheduled},
            {QStringLiteral("due_ms"), dueMs},
            {QStringLiteral("added_service_ids"), idsJson(addedServiceIds)},
            {QStringLiteral("removed_service_ids"), idsJson(removedServiceIds)},
            {QStringLiteral("removed_distributor_ids"), idsJson(removedDistributorIds)},
            {QStringLiteral("job_ids"), idsJson(jobIds)},
            {QStringLiteral("debited"), debited.minorUnits},
            {QStringLiteral("currency"), debited.currency}};
}

AmendOutcome AmendOutcome::fromJson(const QJsonObject& json)
{
    AmendOutcome o;
    o.scheduled = json.value(QStringLiteral("scheduled")).toBool();
    o.dueMs = json.value(QStringLiteral("due_ms")).toVariant().toLongLong();
    o.addedServiceIds = idsFrom(json.value(QStringLiteral("added_service_ids")));
    o.removedServiceIds = idsFrom(json.value(QStringLiteral("removed_service_ids")));
    o.removedDistributorIds = idsFrom(json.value(QStringLiteral("removed_distributor_ids")));
    o.jobIds = idsFrom(json.value(QStringLiteral("job_ids")));
    o.debited = Money{json.value(QStringLiteral("debited")).toVariant().toLongLong(),
                      json.value(QStringLiteral("currency")).toString(QStringLiteral("GBP"))};
    return o;
}

AmendResult AmendBundleWorkflow::check(const AmendBundleRequest& request, const Actor& actor)
{
    AmendResult result;
    if (Status allowed = actor.require(Permission::AmendBundle); !allowed) {
        result.problems << allowed.error.message;
        return result;
    }
    try {
        const qint64 now = Database::nowMs();
        const ScheduleDue due = ScheduleRules::resolve(request.schedule, now);
        AmendBundlePlan plan(m_db, request, actor.login(), now, due.dueMs > 0 ? due.dueMs : now);
        result.problems = plan.evaluate();
        if (!due.problem.isEmpty())
            result.problems << due.problem;
        result.preview = plan.preview();
    } catch (const StoreException& e) {
        result.problems = {e.error().message};
        result.detail = e.error().detail;
    }
    return result;
}

AmendResult AmendBundleWorkflow::submit(const AmendBundleRequest& submitted, const Actor& actor)
{
    AmendResult result;
    if (Status allowed = actor.require(Permission::AmendBundle); !allowed) {
        result.problems << allowed.error.message;
        result.detail = allowed.error.detail;
        return result;
    }
    AmendBundleRequest request = submitted;
    if (request.requestKey.isEmpty())
        request.requestKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    try {
        Transaction tx(m_db);
        ScheduledActionRepository actions(m_db);
        if (const auto earlier = actions.byRequestKey(request.requestKey)) {
            result.outcome = AmendOutcome::fromJson(earlier->payload.value(QStringLiteral("outcome")).toObject());
            result.outcome.actionId = earlier->id;
            result.outcome.scheduled = earlier->status == ScheduledActionStatus::Scheduled;
            result.outcome.dueMs = earlier->dueMs;
            result.outcome.replayed = true;
            return result;
        }
        const qint64 now = Database::nowMs();
        const ScheduleDue due = ScheduleRules::resolve(request.schedule, now);
        AmendBundlePlan plan(m_db, request, actor.login(), now, due.dueMs > 0 ? due.dueMs : now);
        result.problems = plan.evaluate();
        if (!due.problem.isEmpty())
            result.problems << due.problem;
        result.preview = plan.preview();
        if (!result.problems.isEmpty())
            return result; // the transaction rolls back: nothing was written

        ScheduledAction record = plan.actionRecord(due.immediate() ? now : due.dueMs);
        const qint64 actionId = actions.insert(record);
        if (due.immediate()) {
            result.outcome = plan.apply(actionId);
            QJsonObject payload = record.payload;
            payload.insert(QStringLiteral("outcome"), result.outcome.toJson());
            actions.finish(actionId, ScheduledActionStatus::Completed, {}, now, payload);
        } else {
            result.outcome.actionId = actionId;
            result.outcome.scheduled = true;
            result.outcome.dueMs = due.dueMs;
            AuditRepository(m_db).record(actor.login(), QStringLiteral("schedule_amend_bundle"),
                                         QStringLiteral("scheduled_action"), actionId,
                                         QStringLiteral("service=%1 due_ms=%2 performed_by=%3")
                                             .arg(record.serviceId)
                                             .arg(record.dueMs)
                                             .arg(record.performedBy));
        }
        tx.commit();
    } catch (const StoreException& e) {
        result.problems = {e.error().message};
        result.detail = e.error().detail;
        result.outcome = {};
    }
    return result;
}

Result<ScheduledActionStatus> AmendBundleWorkflow::runScheduled(qint64 actionId, qint64 nowMs)
{
    return guarded([&] {
        const qint64 now = nowMs > 0 ? nowMs : Database::nowMs();
        Transaction tx(m_db);
        ScheduledActionRepository actions(m_db);
        const bool locked = actions.lockScheduled(actionId);
        const auto action = actions.byId(actionId);
        if (!action)
            throw StoreException(actionMissing(actionId));
        if (!locked || action->behaviorCode != behaviorCode)
            return action->status; // ran, failed or was cancelled meanwhile, or not ours
        const AmendBundleRequest request =
            AmendBundleRequest::fromJson(action->payload.value(QStringLiteral("request")).toObject());
        AmendBundlePlan plan(m_db, request, action->requestedBy, now, action->dueMs);
        const QList<UserMessage> problems = plan.evaluate();
        QJsonObject payload = action->payload;
        if (!problems.isEmpty()) {
            QStringList reasons;
            for (const UserMessage& problem : problems)
                reasons << problem.englishText();
            actions.finish(actionId, ScheduledActionStatus::Failed, problems, now, payload);
            AuditRepository(m_db).record(action->requestedBy, QStringLiteral("amend_bundle_failed"),
                                         QStringLiteral("scheduled_action"), actionId, reasons.join(QLatin1Char(' ')));
            tx.commit();
            return ScheduledActionStatus::Failed;
        }
        AmendOutcome outcome = plan.apply(actionId);
        outcome.dueMs = action->dueMs;
        payload.insert(QStringLiteral("outcome"), outcome.toJson());
        actions.finish(actionId, ScheduledActionStatus::Completed, {}, now, payload);
        tx.commit();
        return ScheduledActionStatus::Completed;
    });
}

Status AmendBundleWorkflow::cancelScheduled(qint64 actionId, const Actor& actor)
{
    return guardedStatus([&] {
        actor.enforce(Permission::AmendBundle);
        Transaction tx(m_db);
        ScheduledActionRepository actions(m_db);
        const auto action = actions.byId(actionId);
        if (!action)
            throw StoreException(actionMissing(actionId));
        if (!actions.cancel(actionId, Database::nowMs()))
            throw StoreException(Error{UserMessage("AmendBundle",
                                                   QT_TRANSLATE_NOOP("AmendBundle", "Scheduled action %1 cannot be "
                                                                                    "cancelled: it is %2 already."),
                                                   {QString::number(actionId), displayName(action->status)}),
                                       {}});
        AuditRepository(m_db).record(actor.login(), QStringLiteral("cancel_scheduled_action"),
                                     QStringLiteral("scheduled_action"), actionId,
                                     QStringLiteral("behavior=%1 service=%2").arg(action->behaviorCode).arg(action->serviceId));
        tx.commit();
    });
}

} // namespace sb
