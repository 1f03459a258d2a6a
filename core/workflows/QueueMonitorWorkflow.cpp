#include "QueueMonitorWorkflow.h"

#include "store/QueueStatsRepository.h"

#include <algorithm>

namespace sb {

Result<QueueSnapshot> QueueMonitorWorkflow::snapshot(qint64 nowMs, int windowMinutes, int durationWindowMinutes)
{
    return guarded([&] {
        QueueStatsRepository stats(m_db);
        QueueSnapshot snapshot;
        snapshot.takenMs = nowMs;
        snapshot.windowMinutes = std::max(windowMinutes, 1);
        snapshot.durationWindowMinutes = std::max(durationWindowMinutes, 1);
        snapshot.counts = stats.countsByStatus();
        const qint64 windowStart = QueueStats::windowStartMs(nowMs, snapshot.windowMinutes);
        snapshot.throughput =
            QueueStats::bucketsPerMinute(stats.finishedPerMinute(windowStart), nowMs, snapshot.windowMinutes);
        snapshot.durations = QueueStats::durationsByElement(
            stats.taskDurations(nowMs - qint64(snapshot.durationWindowMinutes) * QueueStats::minuteMs));
        return snapshot;
    });
}

} // namespace sb
