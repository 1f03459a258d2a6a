#include "ScheduledActionRunner.h"

#include "AmendBundleWorkflow.h"
#include "store/ScheduledActionRepository.h"

namespace sb {

int ScheduledActionRunner::runDue(qint64 nowMs)
{
    const qint64 now = nowMs > 0 ? nowMs : Database::nowMs();
    const Result<QList<qint64>> due = guarded(
        [&] { return ScheduledActionRepository(m_db).dueIds(now, AmendBundleWorkflow::behaviorCode); });
    if (!due) {
        qWarning("scheduled actions: %s", qPrintable(due.error().detail));
        return 0;
    }
    int ran = 0;
    for (qint64 id : *due) {
        const Result<ScheduledActionStatus> status = AmendBundleWorkflow(m_db).runScheduled(id, now);
        if (!status)
            qWarning("scheduled action %lld: %s", static_cast<long long>(id), qPrintable(status.error().detail));
        else if (*status != ScheduledActionStatus::Scheduled && *status != ScheduledActionStatus::Cancelled)
            ++ran;
    }
    return ran;
}

} // namespace sb
