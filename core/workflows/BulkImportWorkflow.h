#pragma once

// API note for the GUI (import dialog): names here are stable; additions only. Call every method from a worker
// thread (each uses the calling thread's connection), or drive a run with BulkImportRunner.

#include "BulkImport.h"
#include "security/Actor.h"
#include "store/Database.h"

#include <QByteArray>
#include <QStringList>

class QIODevice;

namespace sb {

struct BulkRow;
class BulkRowValidator;

// Bulk assignment from a CSV file (README "Bulk assignment from CSV"): one service per row, assigned like the
// assign-plan flow. A dry run validates every row against the live catalog, customers, business fields and
// inventory. A run stores the file's rows (valid: pending, invalid: rejected) and submits them step by step,
// keeping at most max_in_flight of its jobs queued or running; each row is submitted and marked in one
// transaction, so an interrupted run resumes without assigning a row twice.
class BulkImportWorkflow
{
public:
    explicit BulkImportWorkflow(Database& db) : m_db(db) {}

    // Column names (English, case-insensitive in the file).
    static QStringList requiredColumns();   // customer, product
    // auto_renew, site, billing_contact, technical_contact and the standard inventory template names. A file may
    // also name any custom field key and inventory template of the database.
    static QStringList optionalColumns();
    static constexpr int defaultMaxInFlight = 10;

    // Validates without writing anything.
    Result<BulkDryRun> dryRun(const QByteArray& content);
    Result<BulkDryRun> dryRunFile(const QString& path);

    // Validates the file and stores it as a new import in status running: valid rows pending, invalid rows
    // rejected with their error, in one transaction. Fails (and stores nothing) when the file is unusable
    // (empty, a required column missing) or no row is valid. Needs Permission::AssignPlan.
    // dryRunOut (optional) receives the validation.
    Result<qint64> start(const QString& path, int maxInFlight, const Actor& actor, BulkDryRun* dryRunOut = nullptr);
    Result<qint64> start(const QString& fileName, const QByteArray& content, int maxInFlight, const Actor& actor,
                         BulkDryRun* dryRunOut = nullptr);

    // One step: updates the rows whose jobs ended, then, if the import is running, submits pending rows while
    // fewer than max_in_flight of its jobs are queued or running. Sets the import finished when nothing is left.
    Result<BulkImportProgress> step(qint64 importId, const Actor& actor);

    // Counts, after updating the rows whose jobs ended.
    Result<BulkImportProgress> progress(qint64 importId);

    // Stops submitting: pending rows become cancelled; jobs already queued finish and their rows follow them.
    Status cancel(qint64 importId, const Actor& actor);
    // A cancelled (or interrupted) import runs again: cancelled rows back to pending, status running.
    Status resume(qint64 importId, const Actor& actor);
    // "Retry failed rows": failed rows back to submitted, their failed jobs retried through the job retry (no
    // second service); rejected rows stay rejected. Returns how many rows are retried.
    Result<int> retryFailed(qint64 importId, const Actor& actor);

    Result<BulkImportInfo> import(qint64 importId);
    Result<QList<BulkImportInfo>> imports(int limit = 50);      // newest first
    Result<QList<BulkImportInfo>> runningImports();            // to resume after a restart
    Result<QList<BulkImportRowReport>> rows(qint64 importId); // by line

    // The report as CSV: line,status,service_id,job_id,error (error in the current language).
    Result<QByteArray> report(qint64 importId);
    Status writeReport(qint64 importId, const QString& path);

private:
    void submitRow(qint64 importId, const BulkRow& row, qint64 rowId, const BulkRowValidator& validator,
                   const QString& holder, const Actor& actor);
    Database& m_db;
};

} // namespace sb
