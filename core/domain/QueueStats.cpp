#include "QueueStats.h"

#include <QMap>

#include <algorithm>
#include <cmath>

namespace sb::QueueStats {

QString elementOf(const QString& action)
{
    const qsizetype dot = action.indexOf(QLatin1Char('.'));
    return dot < 0 ? action : action.left(dot);
}

qint64 percentile(const QList<qint64>& sortedValues, double p)
{
    if (sortedValues.isEmpty())
        return 0;
    const qsizetype count = sortedValues.size();
    const auto rank = qsizetype(std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * double(count)));
    return sortedValues.at(std::clamp<qsizetype>(rank, 1, count) - 1);
}

QList<ElementDurations> durationsByElement(const QList<TaskDurationSample>& samples)
{
    QMap<QString, QList<qint64>> byElement;
    for (const TaskDurationSample& sample : samples)
        byElement[sample.element].append(std::max<qint64>(sample.durationMs, 0));
    QList<ElementDurations> result;
    for (auto it = byElement.begin(); it != byElement.end(); ++it) {
        QList<qint64>& values = it.value();
        std::sort(values.begin(), values.end());
        ElementDurations durations;
        durations.element = it.key();
        durations.samples = int(values.size());
        durations.p50Ms = percentile(values, 50);
        durations.p90Ms = percentile(values, 90);
        durations.p99Ms = percentile(values, 99);
        result << durations;
    }
    return result;
}

qint64 windowStartMs(qint64 nowMs, int minutes)
{
    return (nowMs / minuteMs - std::max(minutes, 1) + 1) * minuteMs;
}

QList<ThroughputBucket> bucketsPerMinute(const QList<ThroughputBucket>& finishedPerMinute, qint64 nowMs, int minutes)
{
    const qint64 first = windowStartMs(nowMs, minutes);
    QList<ThroughputBucket> buckets;
    for (int i = 0; i < std::max(minutes, 1); ++i)
        buckets.append(ThroughputBucket{first + i * minuteMs, 0, 0});
    for (const ThroughputBucket& finished : finishedPerMinute) {
        const qint64 index = (finished.minuteStartMs - first) / minuteMs;
        if (finished.minuteStartMs < first || index >= buckets.size())
            continue;
        buckets[index].succeeded += finished.succeeded;
        buckets[index].failed += finished.failed;
    }
    return buckets;
}

} // namespace sb::QueueStats
