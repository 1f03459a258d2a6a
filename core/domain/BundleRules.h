#pragma once

#include "Bundle.h"
#include "UserMessage.h"

#include <QDateTime>

namespace sb {

// The composition and dependency rules of Amend Bundle Services (seed 004), without the database: every
// broken rule is one sentence, so the user sees them all at once.
namespace BundleRules {

// bundleName: the bundle service as the user knows it. resulting: the bundle's components after the change.
QList<UserMessage> compositionProblems(const QString& bundleName, const QList<CompositionRule>& rules,
                                       const QList<BundleProduct>& added, const QList<BundleProduct>& removed,
                                       const QList<BundleProduct>& resulting);
// present: every product of the subscription's services after the change. changed: the added and removed
// products; only the dependencies that touch one of them are checked.
QList<UserMessage> dependencyProblems(const QList<ServiceDependency>& dependencies,
                                      const QList<BundleProduct>& present, const QList<BundleProduct>& changed);

} // namespace BundleRules

enum class ScheduleMode { Now, OnDate, AfterDays };

// Scheduling Information: Now, On a specific date (midnight unless a time is given), After a no. of days.
struct Schedule
{
    ScheduleMode mode = ScheduleMode::Now;
    QDateTime onDate; // local time
    QString days;     // as typed: must be a whole number greater than 0

    static Schedule now() { return {}; }
    static Schedule at(const QDateTime& when) { return {ScheduleMode::OnDate, when, {}}; }
    // The calendar of the dialog: a day, at midnight unless the time scroller set a time.
    static Schedule onDay(const QDate& day, const QTime& time = QTime(0, 0)) { return at(QDateTime(day, time)); }
    static Schedule afterDays(const QString& days) { return {ScheduleMode::AfterDays, {}, days}; }
    // The CLI form: now, YYYY-MM-DD (midnight), YYYY-MM-DDTHH:MM, days:N. False when the form is not one of these.
    static bool parse(const QString& text, Schedule* out);
};

struct ScheduleDue
{
    qint64 dueMs = 0;       // when the action runs; 0 for Now
    UserMessage problem;    // set when the input breaks a rule
    bool immediate() const { return problem.isEmpty() && dueMs == 0; }
};

namespace ScheduleRules {
ScheduleDue resolve(const Schedule& schedule, qint64 nowMs); // dueMs 0 means now
QDateTime midnightOf(const QDate& date);
} // namespace ScheduleRules

} // namespace sb
