// switchboard-ctl import-csv: bulk assignment from a CSV file (README "Bulk assignment from CSV").
#include "CtlCommands.h"

#include "workflows/Backend.h"
#include "workflows/BulkImportRunner.h"
#include "workflows/BulkImportWorkflow.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <atomic>
#include <csignal>

namespace sb {
namespace {

std::atomic<bool> g_importStopRequested{false};

void onImportStopSignal(int)
{
    g_importStopRequested = true;
}

QJsonObject progressJson(const BulkImportProgress& p)
{
    return {{QStringLiteral("import_id"), p.importId}, {QStringLiteral("status"), p.status},
            {QStringLiteral("total"), p.total},        {QStringLiteral("pending"), p.pending},
            {QStringLiteral("in_flight"), p.inFlight}, {QStringLiteral("succeeded"), p.succeeded},
            {QStringLiteral("failed"), p.failed},      {QStringLiteral("rejected"), p.rejected},
            {QStringLiteral("cancelled"), p.cancelled}};
}

QJsonArray problemsJson(const QList<BulkImportProblem>& problems)
{
    QJsonArray array;
    for (const BulkImportProblem& p : problems)
        array << QJsonObject{{QStringLiteral("line"), p.line},
                             {QStringLiteral("warning"), p.warning},
                             {QStringLiteral("message"), p.text()}};
    return array;
}

} // namespace

// Exit codes: 0 every row done (dry run: every row valid), 1 the command could not run (database, file,
// permission), 2 usage, 3 some rows have errors (dry run), were rejected, failed or were cancelled, 4 stopped by
// Ctrl+C or SIGTERM (the import resumes with --resume ID).
int CtlCommands::importCsv()
{
    const bool dryRun = takeFlag(QStringLiteral("--dry-run"));
    const bool externalWorker = takeFlag(QStringLiteral("--external-worker"));
    qint64 maxInFlight = BulkImportWorkflow::defaultMaxInFlight;
    qint64 resumeId = 0;
    qint64 retryId = 0;
    if (!takeNumber(QStringLiteral("--max-in-flight"), &maxInFlight, 1) || !takeNumber(QStringLiteral("--resume"), &resumeId, 1) ||
        !takeNumber(QStringLiteral("--retry-failed"), &retryId, 1))
        return 2;
    const QString reportPath = takeOption(QStringLiteral("--report"));
    if (m_badOption)
        return 2;
    const QString file = m_args.isEmpty() ? QString() : m_args.takeFirst();
    if (!m_args.isEmpty())
        return usage(tr("Unexpected argument \"%1\".").arg(m_args.first()));
    const int modes = (file.isEmpty() ? 0 : 1) + (resumeId > 0 ? 1 : 0) + (retryId > 0 ? 1 : 0);
    if (modes != 1)
        return usage(tr("import-csv needs exactly one of: a FILE, --resume ID or --retry-failed ID."));
    if (dryRun && file.isEmpty())
        return usage(tr("--dry-run checks a FILE; it does not go with --resume or --retry-failed."));

    if (!openBackend(!dryRun && !externalWorker, false))
        return 1;
    Database& db = m_backend->database();
    BulkImportWorkflow workflow(db);

    if (dryRun) {
        const Result<BulkDryRun> checked = workflow.dryRunFile(file);
        if (!checked)
            return fail(checked.error().text());
        QString text;
        for (const BulkImportProblem& p : checked->problems)
            text += p.text() + QLatin1Char('\n');
        text += tr("%1 rows: %2 can be assigned, %3 have errors.\n").arg(checked->totalRows).arg(checked->validRows).arg(checked->rejectedRows());
        print(QJsonObject{{QStringLiteral("rows"), checked->totalRows},
                          {QStringLiteral("valid"), checked->validRows},
                          {QStringLiteral("rejected"), checked->rejectedRows()},
                          {QStringLiteral("problems"), problemsJson(checked->problems)}},
              text);
        return checked->hasErrors() ? 3 : 0;
    }

    if (!signIn())
        return 1;
    qint64 importId = resumeId > 0 ? resumeId : retryId;
    if (!file.isEmpty()) {
        BulkDryRun checked;
        const Result<qint64> started = workflow.start(file, int(maxInFlight), m_actor, &checked);
        for (const BulkImportProblem& p : std::as_const(checked.problems))
            m_err << p.text() << '\n';
        if (!started)
            return fail(started.error().text());
        importId = *started;
        m_err << tr("Bulk import %1 started: %2 rows to assign, %3 rejected.").arg(importId).arg(checked.validRows).arg(checked.rejectedRows())
              << '\n';
    } else if (resumeId > 0) {
        if (Status resumed = workflow.resume(resumeId, m_actor); !resumed)
            return fail(resumed.error.text());
        m_err << tr("Bulk import %1 resumed.").arg(resumeId) << '\n';
    } else {
        const Result<int> retried = workflow.retryFailed(retryId, m_actor);
        if (!retried)
            return fail(retried.error().text());
        m_err << tr("Bulk import %1: %2 failed rows are retried.").arg(retryId).arg(*retried) << '\n';
    }
    m_err << (externalWorker ? tr("Jobs are queued for switchboard-worker; this command waits for them.")
                             : tr("Provisioning with the worker of this command; stop with Ctrl+C and continue later with --resume %1.").arg(importId))
          << '\n';
    m_err.flush();

    g_importStopRequested = false;
    std::signal(SIGINT, onImportStopSignal);
    std::signal(SIGTERM, onImportStopSignal);
    BulkImportRunner runner(db, m_actor);
    QString lastLine;
    qint64 lastPrintMs = 0;
    const Result<BulkImportProgress> result = runner.runToEnd(importId, [&](const BulkImportProgress& p) {
        const QString line = tr("Import %1: %2 of %3 rows done (%4 succeeded, %5 failed, %6 rejected), %7 in flight, %8 pending.")
                                 .arg(p.importId).arg(p.done()).arg(p.total).arg(p.succeeded).arg(p.failed).arg(p.rejected)
                                 .arg(p.inFlight).arg(p.pending);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (line != lastLine && (now - lastPrintMs >= 1000 || p.isSettled())) {
            m_err << line << '\n';
            m_err.flush();
            lastLine = line;
            lastPrintMs = now;
        }
        return !g_importStopRequested;
    });
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    m_backend->stop();
    if (!result)
        return fail(result.error().text());

    if (!reportPath.isEmpty()) {
        if (Status written = workflow.writeReport(importId, reportPath); !written)
            return fail(written.error.text());
        m_err << tr("Report written to %1.").arg(reportPath) << '\n';
    }
    const BulkImportProgress& p = *result;
    if (!p.isSettled()) {
        print(progressJson(p), tr("Stopped. Bulk import %1 continues with: switchboard-ctl import-csv --resume %1\n").arg(importId));
        return 4;
    }
    if (const auto rows = workflow.rows(importId); rows) {
        for (const BulkImportRowReport& r : *rows)
            if (r.status == BulkStatus::failed)
                for (const UserMessage& error : r.errors)
                    m_err << BulkImportProblem{r.line, error, false}.text() << '\n';
    }
    print(progressJson(p), tr("Bulk import %1 %2: %3 succeeded, %4 failed, %5 rejected, %6 cancelled of %7 rows.\n")
                               .arg(importId)
                               .arg(p.status)
                               .arg(p.succeeded)
                               .arg(p.failed)
                               .arg(p.rejected)
                               .arg(p.cancelled)
                               .arg(p.total));
    return p.failed + p.rejected + p.cancelled > 0 ? 3 : 0;
}

} // namespace sb
