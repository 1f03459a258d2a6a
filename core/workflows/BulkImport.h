#pragma once

#include "domain/UserMessage.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace sb {

// Value types of a CSV bulk assignment (see BulkImportWorkflow).

// One problem of a CSV file. line 0: the file as a whole (empty file, missing column).
struct BulkImportProblem
{
    int line = 0;
    UserMessage message;
    bool warning = false; // an unknown column: reported, the file is still usable

    // The message in the current language, starting with "Line N: " (messages of the CSV reader already do).
    QString text() const;
};

// What a dry run found. Rows with at least one (non-warning) problem are rejected; the others would be assigned.
struct BulkDryRun
{
    int totalRows = 0;              // data rows read (the header not counted)
    int validRows = 0;
    QList<BulkImportProblem> problems; // sorted by line; several per line possible
    bool fileUnusable = false;         // empty file, missing required column...: nothing can be imported

    int rejectedRows() const { return totalRows - validRows; }
    bool hasErrors() const;            // any problem that is not a warning
    QList<BulkImportProblem> errors() const;
    QList<BulkImportProblem> warnings() const;
};

// Statuses as stored in bulk_imports.status and bulk_import_rows.status.
namespace BulkStatus {
// imports
inline const QString running = QStringLiteral("running");     // rows are being submitted (or resumed after a restart)
inline const QString cancelled = QStringLiteral("cancelled"); // no more rows are submitted; queued jobs still finish
inline const QString finished = QStringLiteral("finished");   // every row has its final status
// rows
inline const QString pending = QStringLiteral("pending");     // valid, not submitted yet
inline const QString submitted = QStringLiteral("submitted"); // service created, its job queued or running
inline const QString succeeded = QStringLiteral("succeeded");
inline const QString failed = QStringLiteral("failed");       // the job failed (retry with retryFailed)
inline const QString rejected = QStringLiteral("rejected");   // invalid in the file; never submitted
inline const QString rowCancelled = QStringLiteral("cancelled"); // still pending when the import was cancelled
} // namespace BulkStatus

// Counts for a progress bar: total = pending + inFlight + succeeded + failed + rejected + cancelled.
struct BulkImportProgress
{
    qint64 importId = 0;
    QString status; // BulkStatus::running / cancelled / finished
    int total = 0;
    int pending = 0;
    int inFlight = 0; // submitted, job queued or running
    int succeeded = 0;
    int failed = 0;
    int rejected = 0;
    int cancelled = 0;

    int done() const { return succeeded + failed + rejected + cancelled; } // rows with their final status
    bool isFinished() const { return status == BulkStatus::finished; }
    // Nothing more will change: finished, or cancelled with no job left in flight.
    bool isSettled() const { return isFinished() || (status == BulkStatus::cancelled && inFlight == 0); }
};

// One stored import (bulk_imports).
struct BulkImportInfo
{
    qint64 id = 0;
    QString fileName;  // base name of the file
    QString fileSha256;
    QString status;
    int maxInFlight = 0;
    int totalRows = 0;
    QString createdBy;
    qint64 createdMs = 0;
    qint64 finishedMs = 0;
};

// One line of the report (bulk_import_rows).
struct BulkImportRowReport
{
    int line = 0;
    QString status; // BulkStatus row status
    qint64 serviceId = 0;
    qint64 jobId = 0;
    UserMessage error; // empty unless rejected or failed; the first of errors
    QList<UserMessage> errors; // every problem of a rejected row

    QString errorText() const; // every error in the current language, one after the other
};

} // namespace sb

Q_DECLARE_METATYPE(sb::BulkImportProgress)
Q_DECLARE_METATYPE(sb::BulkDryRun)
