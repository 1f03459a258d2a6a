// switchboard-ctl services verify: reads a service back from the network elements.
#include "CtlCommands.h"

#include "workflows/Backend.h"
#include "workflows/ServiceVerifier.h"

namespace sb {

namespace {

QString outcomeMark(VerifyCheck::Outcome outcome)
{
    switch (outcome) {
    case VerifyCheck::Outcome::Ok:
        return QStringLiteral("[ok]         ");
    case VerifyCheck::Outcome::Mismatch:
        return QStringLiteral("[mismatch]   ");
    case VerifyCheck::Outcome::Unreachable:
        return QStringLiteral("[unreachable]");
    }
    return {};
}

} // namespace

// Exit code 0 when every check is ok, 3 when the elements differ from the database, 4 when an element could not be
// read (and nothing differs), 1 when the service cannot be verified at all.
int CtlCommands::servicesVerify()
{
    bool ok = false;
    const qint64 id = m_args.value(0).toLongLong(&ok);
    if (!ok || id <= 0)
        return usage(tr("services verify needs a service ID (a whole number)."));
    if (!openBackend(false, false))
        return 1;
    const Result<VerifyReport> report = ServiceVerifier(m_backend->database(), m_backend->endpoints()).verify(id);
    if (!report)
        return fail(report.error().text());

    const int mismatches = report->count(VerifyCheck::Outcome::Mismatch);
    const int unreachable = report->count(VerifyCheck::Outcome::Unreachable);
    QString text = tr("Service %1 (%2): %n check(s),", nullptr, int(report->checks.size()))
                       .arg(report->serviceId)
                       .arg(report->serviceName) +
                   QLatin1Char(' ') + tr("%n mismatch(es),", nullptr, mismatches) + QLatin1Char(' ') +
                   tr("%n element(s) unreachable", nullptr, unreachable) + QLatin1Char('\n');
    for (const VerifyCheck& c : report->checks) {
        text += tr("%1 %2: %3 — expected %4, found %5\n")
                    .arg(outcomeMark(c.outcome), c.element, c.subject.text(), c.expected.text(), c.found.text());
        if (!c.ok())
            text += QStringLiteral("    %1\n").arg(c.advice());
    }
    print(report->toJson(), text);
    if (mismatches > 0)
        return 3;
    return unreachable > 0 ? 4 : 0;
}

} // namespace sb
