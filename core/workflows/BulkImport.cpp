#include "BulkImport.h"

#include <QCoreApplication>

#include <algorithm>

namespace sb {

QString BulkImportProblem::text() const
{
    if (line <= 0 || message.source().startsWith(QLatin1String("Line %1")))
        return message.text();
    return QCoreApplication::translate("BulkImport", "Line %1: %2").arg(line).arg(message.text());
}

bool BulkDryRun::hasErrors() const
{
    return std::any_of(problems.cbegin(), problems.cend(), [](const BulkImportProblem& p) { return !p.warning; });
}

QList<BulkImportProblem> BulkDryRun::errors() const
{
    QList<BulkImportProblem> result;
    for (const BulkImportProblem& p : problems)
        if (!p.warning)
            result << p;
    return result;
}

QList<BulkImportProblem> BulkDryRun::warnings() const
{
    QList<BulkImportProblem> result;
    for (const BulkImportProblem& p : problems)
        if (p.warning)
            result << p;
    return result;
}

QString BulkImportRowReport::errorText() const
{
    if (errors.isEmpty())
        return error.text();
    QStringList texts;
    for (const UserMessage& m : errors)
        texts << m.text();
    return texts.join(QLatin1Char(' '));
}

} // namespace sb
