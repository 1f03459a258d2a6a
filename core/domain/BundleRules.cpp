#include "BundleRules.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace sb {
namespace {

int countMatching(const CompositionRule& rule, const QList<BundleProduct>& products)
{
    int n = 0;
    for (const BundleProduct& p : products)
        n += rule.matches(p) ? 1 : 0;
    return n;
}

} // namespace

QList<UserMessage> BundleRules::compositionProblems(const QString& bundleName, const QList<CompositionRule>& rules,
                                                    const QList<BundleProduct>& added,
                                                    const QList<BundleProduct>& removed,
                                                    const QList<BundleProduct>& resulting)
{
    QList<UserMessage> problems;
    QSet<QString> reported;
    for (const BundleProduct& product : added) {
        const bool allowed = std::any_of(rules.begin(), rules.end(),
                                         [&](const CompositionRule& rule) { return rule.matches(product); });
        if (!allowed && !reported.contains(product.slug)) {
            reported.insert(product.slug);
            problems << UserMessage("AmendBundle",
                                    QT_TRANSLATE_NOOP("AmendBundle", "%1 is not allowed in the bundle %2. Choose one of "
                                                                     "the products that View Product Bundle Components lists."),
                                    {product.name, bundleName});
        }
    }
    for (const CompositionRule& rule : rules) {
        const int count = countMatching(rule, resulting);
        const bool removesMatching = countMatching(rule, removed) > 0;
        if (rule.mandatory && count == 0 && removesMatching) {
            problems << UserMessage("AmendBundle",
                                    QT_TRANSLATE_NOOP("AmendBundle", "%1 is mandatory in the bundle %2 and cannot be "
                                                                     "removed. Keep at least one component of it."),
                                    {rule.describe(), bundleName});
        } else if (count < rule.requiredCount()) {
            problems << UserMessage("AmendBundle",
                                    QT_TRANSLATE_NOOP("AmendBundle", "The bundle %1 needs at least %2 components of %3 "
                                                                     "but would have %4. Add components or remove fewer."),
                                    {bundleName, QString::number(rule.requiredCount()), rule.describe(),
                                     QString::number(count)});
        }
        if (rule.maxCount > 0 && count > rule.maxCount)
            problems << UserMessage("AmendBundle",
                                    QT_TRANSLATE_NOOP("AmendBundle", "The bundle %1 allows at most %2 components of %3 "
                                                                     "but would have %4. Add fewer components."),
                                    {bundleName, QString::number(rule.maxCount), rule.describe(),
                                     QString::number(count)});
    }
    return problems;
}

QList<UserMessage> BundleRules::dependencyProblems(const QList<ServiceDependency>& dependencies,
                                                   const QList<BundleProduct>& present,
                                                   const QList<BundleProduct>& changed)
{
    QSet<qint64> presentIds;
    for (const BundleProduct& p : present)
        presentIds.insert(p.id);
    QSet<qint64> changedIds;
    for (const BundleProduct& p : changed)
        changedIds.insert(p.id);
    QList<UserMessage> problems;
    for (const ServiceDependency& d : dependencies) {
        // Only rules that this change touches: one side was added or removed.
        if (!changedIds.contains(d.productId) && !changedIds.contains(d.otherProductId))
            continue;
        if (!presentIds.contains(d.productId))
            continue;
        const QString& name = d.productName;
        const QString& other = d.otherProductName;
        if (d.kind == DependencyKind::Requires && !presentIds.contains(d.otherProductId))
            problems << UserMessage("AmendBundle",
                                    QT_TRANSLATE_NOOP("AmendBundle", "%1 requires %2 on the subscription. Keep or add "
                                                                     "%2, or leave out %1."),
                                    {name, other});
        if (d.kind == DependencyKind::Excludes && presentIds.contains(d.otherProductId))
            problems << UserMessage("AmendBundle",
                                    QT_TRANSLATE_NOOP("AmendBundle", "%1 cannot be combined with %2. Leave out one of "
                                                                     "them."),
                                    {name, other});
    }
    return problems;
}

bool Schedule::parse(const QString& text, Schedule* out)
{
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("now"), Qt::CaseInsensitive) == 0) {
        *out = Schedule::now();
        return true;
    }
    if (t.startsWith(QLatin1String("days:"), Qt::CaseInsensitive)) {
        *out = Schedule::afterDays(t.mid(5));
        return true;
    }
    const QDate date = t.size() == 10 ? QDate::fromString(t, QStringLiteral("yyyy-MM-dd")) : QDate();
    if (date.isValid()) {
        *out = Schedule::onDay(date);
        return true;
    }
    const QDateTime when = QDateTime::fromString(t, QStringLiteral("yyyy-MM-dd'T'HH:mm"));
    if (when.isValid()) {
        *out = Schedule::at(when);
        return true;
    }
    return false;
}

QDateTime ScheduleRules::midnightOf(const QDate& date)
{
    return QDateTime(date, QTime(0, 0));
}

ScheduleDue ScheduleRules::resolve(const Schedule& schedule, qint64 nowMs)
{
    ScheduleDue due;
    switch (schedule.mode) {
    case ScheduleMode::Now:
        return due;
    case ScheduleMode::OnDate:
        if (!schedule.onDate.isValid()) {
            due.problem = UserMessage("AmendBundle", QT_TRANSLATE_NOOP("AmendBundle", "The date is mandatory. Choose "
                                                                                     "the date of the scheduled action."));
        } else if (schedule.onDate.toMSecsSinceEpoch() <= nowMs) {
            due.problem = UserMessage("AmendBundle",
                                      QT_TRANSLATE_NOOP("AmendBundle", "The date must be greater than the current date "
                                                                       "(%1). Choose a later date or time."),
                                      {QDateTime::fromMSecsSinceEpoch(nowMs).toString(QStringLiteral("yyyy-MM-dd HH:mm"))});
        } else {
            due.dueMs = schedule.onDate.toMSecsSinceEpoch();
        }
        return due;
    case ScheduleMode::AfterDays: {
        static const QRegularExpression whole(QStringLiteral("^\\+?[0-9]+$"));
        const QString text = schedule.days.trimmed();
        const int days = whole.match(text).hasMatch() ? text.toInt() : 0;
        if (days <= 0 || days > 36500)
            due.problem = UserMessage("AmendBundle",
                                      QT_TRANSLATE_NOOP("AmendBundle", "The number of days is mandatory and must be an "
                                                                       "integer greater than 0, not \"%1\"."),
                                      {text});
        else
            due.dueMs = nowMs + qint64(days) * 24 * 3600 * 1000;
        return due;
    }
    }
    return due;
}

} // namespace sb
