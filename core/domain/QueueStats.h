#pragma once

#include <QList>
#include <QString>

namespace sb {

// How many provisioning jobs are in each state right now.
struct QueueCounts
{
    int queued = 0;
    int running = 0;
    int succeeded = 0;
    int failed = 0;

    bool operator==(const QueueCounts& other) const
    {
        return queued == other.queued && running == other.running && succeeded == other.succeeded &&
               failed == other.failed;
    }
};

// Jobs that finished within one wall-clock minute.
struct ThroughputBucket
{
    qint64 minuteStartMs = 0;
    int succeeded = 0;
    int failed = 0;
};

// One done task: the network element it spoke to (the action's prefix, "ocs" for "ocs.set_account") and how long
// it took.
struct TaskDurationSample
{
    QString element;
    qint64 durationMs = 0;
};

// Duration percentiles of the done tasks of one network element.
struct ElementDurations
{
    QString element;
    int samples = 0;
    qint64 p50Ms = 0;
    qint64 p90Ms = 0;
    qint64 p99Ms = 0;
};

// What the queue monitor shows at one instant.
struct QueueSnapshot
{
    qint64 takenMs = 0;
    int windowMinutes = 0;         // throughput covers this many minutes, the current one included
    int durationWindowMinutes = 0; // task durations cover the tasks that finished in this many minutes
    QueueCounts counts;
    QList<ThroughputBucket> throughput; // one bucket per minute, oldest first, empty minutes included
    QList<ElementDurations> durations;  // by element name
};

// The arithmetic of the queue monitor, apart from the SQL that feeds it.
namespace QueueStats {

constexpr qint64 minuteMs = 60000;

// The network element an action speaks to: the part before the first dot ("hss" for "hss.create_subscriber").
QString elementOf(const QString& action);

// Nearest-rank percentile (p in 0..100) of values sorted ascending; 0 for no values.
qint64 percentile(const QList<qint64>& sortedValues, double p);

// Percentiles per element, sorted by element name.
QList<ElementDurations> durationsByElement(const QList<TaskDurationSample>& samples);

// The start of the first minute of a window of `minutes` minutes that ends with the minute of nowMs.
qint64 windowStartMs(qint64 nowMs, int minutes);

// `minutes` buckets, oldest first, ending with the minute of nowMs; finishedPerMinute maps a minute's start to
// its (succeeded, failed) counts, minutes without jobs stay at zero.
QList<ThroughputBucket> bucketsPerMinute(const QList<ThroughputBucket>& finishedPerMinute, qint64 nowMs, int minutes);

} // namespace QueueStats
} // namespace sb
