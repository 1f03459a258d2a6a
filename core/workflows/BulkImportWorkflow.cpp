#include "BulkImportWorkflow.h"

#include "AssignPlanWorkflow.h"
#include "BulkRowValidator.h"
#include "import/CsvReader.h"
#include "store/AuditRepository.h"
#include "store/BulkImportRepository.h"
#include "store/InventoryRepository.h"
#include "store/JobRepository.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

#include <algorithm>

namespace sb {
namespace {

constexpr int validationChunk = 1000;

[[noreturn]] void reject(UserMessage message, const QString& detail = {})
{
    throw StoreException(Error{std::move(message), detail});
}

UserMessage lineMessage(const char* source, int line, QStringList args = {})
{
    args.prepend(QString::number(line));
    return UserMessage("BulkImport", source, std::move(args));
}

QString templateLabel(const QString& templateName)
{
    return QCoreApplication::translate("Inventory", templateName.toUtf8().constData());
}

// A row's errors as stored in bulk_import_rows.error: a JSON array of UserMessages.
QString errorsJson(const QList<UserMessage>& messages)
{
    if (messages.isEmpty())
        return {};
    QJsonArray array;
    for (const UserMessage& m : messages)
        array << m.toJson();
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// Also reads a single UserMessage object (a job's error).
QList<UserMessage> errorsFromJson(const QString& text)
{
    QList<UserMessage> result;
    if (text.isEmpty())
        return result;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (doc.isArray()) {
        for (const QJsonValue& v : doc.array())
            result << UserMessage::fromJson(v.toObject());
    } else if (doc.isObject()) {
        result << UserMessage::fromJson(doc.object());
    }
    return result;
}

struct Validation
{
    BulkDryRun result;
    QList<BulkRow> rows;                       // every data row, when kept
    QHash<int, QList<UserMessage>> rowProblems; // line -> problems of a rejected row
};

// Reads and checks the whole file: each row on its own (BulkRowValidator), then across rows (an item named
// twice, more rows needing the next free item of a template than the inventory has free).
Validation validate(Database& db, QIODevice& device, bool keepRows)
{
    Validation v;
    BulkRowValidator validator(db);
    CsvReader reader(device);
    const Result<CsvHeader> header = reader.readHeader(BulkImportWorkflow::requiredColumns(), validator.optionalColumns());
    if (!header) {
        v.result.fileUnusable = true;
        v.result.problems << BulkImportProblem{0, header.error().message, false};
        return v;
    }
    for (const UserMessage& warning : header->warnings)
        v.result.problems << BulkImportProblem{header->line, warning, true};
    QList<QPair<int, QString>> columns; // index in the file -> canonical name
    for (const QString& name : BulkImportWorkflow::requiredColumns() + validator.optionalColumns()) {
        const int index = header->indexOf(name);
        if (index >= 0)
            columns << qMakePair(index, name);
    }

    const qint64 now = Database::nowMs();
    QHash<qint64, int> itemFirstLine;
    QMap<QString, QList<int>> implicitLines; // template -> lines of otherwise valid rows that take the next free item
    QHash<QString, int> explicitItems;       // template -> items named by otherwise valid rows
    auto addProblems = [&](int line, const QList<UserMessage>& problems) {
        v.rowProblems[line] += problems;
        for (const UserMessage& p : problems)
            v.result.problems << BulkImportProblem{line, p, false};
    };

    QList<BulkRow> chunk;
    auto checkChunk = [&] {
        validator.load(chunk);
        for (const BulkRow& row : std::as_const(chunk)) {
            BulkRowPlan plan = validator.plan(row, now);
            for (auto it = plan.request.items.cbegin(); it != plan.request.items.cend(); ++it) {
                const int first = itemFirstLine.value(it.value());
                if (first > 0)
                    plan.problems << lineMessage(QT_TRANSLATE_NOOP("BulkImport", "Line %1: %2 %3 is already used on line %4. Name each item once."),
                                                 row.line, {templateLabel(it.key()), row.value(it.key()), QString::number(first)});
                else
                    itemFirstLine.insert(it.value(), row.line);
            }
            if (plan.ok()) {
                for (const QString& t : std::as_const(plan.implicitTemplates))
                    implicitLines[t] << row.line;
                for (auto it = plan.request.items.cbegin(); it != plan.request.items.cend(); ++it)
                    ++explicitItems[it.key()];
            } else {
                addProblems(row.line, plan.problems);
            }
        }
        chunk.clear();
    };

    CsvRow csvRow;
    while (reader.readRow(csvRow)) {
        ++v.result.totalRows;
        BulkRow row;
        row.line = csvRow.line;
        for (const auto& [index, name] : std::as_const(columns))
            if (index < csvRow.fields.size())
                row.values.insert(name, csvRow.fields.at(index).trimmed());
        if (keepRows)
            v.rows << row;
        if (!csvRow.ok()) {
            addProblems(row.line, {csvRow.error});
            continue;
        }
        chunk << row;
        if (chunk.size() >= validationChunk)
            checkChunk();
    }
    checkChunk();

    InventoryRepository inventory(db);
    for (auto it = implicitLines.cbegin(); it != implicitLines.cend(); ++it) {
        const int free = qMax(0, inventory.countAvailable(it.key(), now) - explicitItems.value(it.key()));
        const QList<int>& lines = it.value();
        for (int i = free; i < lines.size(); ++i)
            addProblems(lines.at(i), {lineMessage(QT_TRANSLATE_NOOP("BulkImport", "Line %1: no %2 is left for this row: the file needs %3 from the inventory and %4 are free. Add stock or split the file."),
                                                  lines.at(i), {templateLabel(it.key()), QString::number(lines.size()), QString::number(free)})});
    }

    if (v.result.totalRows == 0) {
        v.result.fileUnusable = true;
        v.result.problems << BulkImportProblem{0, UserMessage("BulkImport", QT_TRANSLATE_NOOP("BulkImport", "The file has a header but no rows. Add one row per service below the header.")), false};
    }
    v.result.validRows = v.result.totalRows - int(v.rowProblems.size());
    std::stable_sort(v.result.problems.begin(), v.result.problems.end(),
                     [](const BulkImportProblem& a, const BulkImportProblem& b) { return a.line < b.line; });
    return v;
}

BulkImportInfo requireImport(Database& db, qint64 importId)
{
    const auto info = BulkImportRepository(db).importById(importId);
    if (!info)
        reject(UserMessage("BulkImport", QT_TRANSLATE_NOOP("BulkImport", "Bulk import %1 does not exist. Check the number in the list of imports."),
                           {QString::number(importId)}));
    return *info;
}

// Rows whose job ended take its outcome.
void followJobs(Database& db, qint64 importId)
{
    BulkImportRepository repo(db);
    QList<BulkImportRowRecord> ended;
    for (const BulkImportRowRecord& r : repo.submittedRows(importId))
        if (r.jobStatus == toCode(JobStatus::Succeeded) || r.jobStatus == toCode(JobStatus::Failed))
            ended << r;
    if (ended.isEmpty())
        return;
    Transaction tx(db);
    for (const BulkImportRowRecord& r : std::as_const(ended)) {
        const bool ok = r.jobStatus == toCode(JobStatus::Succeeded);
        repo.moveRow(r.id, BulkStatus::submitted, ok ? BulkStatus::succeeded : BulkStatus::failed, r.serviceId, r.jobId,
                     ok ? QString() : errorsJson(errorsFromJson(r.jobError)));
    }
    tx.commit();
}

BulkImportProgress countRows(Database& db, const BulkImportInfo& info)
{
    const QHash<QString, int> counts = BulkImportRepository(db).rowCounts(info.id);
    BulkImportProgress p;
    p.importId = info.id;
    p.status = info.status;
    p.pending = counts.value(BulkStatus::pending);
    p.inFlight = counts.value(BulkStatus::submitted);
    p.succeeded = counts.value(BulkStatus::succeeded);
    p.failed = counts.value(BulkStatus::failed);
    p.rejected = counts.value(BulkStatus::rejected);
    p.cancelled = counts.value(BulkStatus::rowCancelled);
    p.total = p.pending + p.inFlight + p.succeeded + p.failed + p.rejected + p.cancelled;
    return p;
}

// Follows the jobs, and closes the import when nothing is left to do.
BulkImportProgress refresh(Database& db, qint64 importId)
{
    followJobs(db, importId);
    BulkImportInfo info = requireImport(db, importId);
    BulkImportProgress progress = countRows(db, info);
    const bool running = info.status == BulkStatus::running && progress.pending == 0 && progress.inFlight == 0;
    const bool cancelled = info.status == BulkStatus::cancelled && progress.inFlight == 0 && info.finishedMs == 0;
    if (running || cancelled) {
        BulkImportRepository(db).setImportStatus(importId, running ? BulkStatus::finished : info.status, Database::nowMs());
        progress.status = running ? BulkStatus::finished : info.status;
    }
    return progress;
}

QString csvField(const QString& text)
{
    static const QString special = QStringLiteral(",\"\r\n");
    if (std::none_of(text.cbegin(), text.cend(), [](QChar c) { return special.contains(c); }))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QStringList BulkImportWorkflow::requiredColumns()
{
    return {QStringLiteral("customer"), QStringLiteral("product")};
}

QStringList BulkImportWorkflow::optionalColumns()
{
    return BulkRowValidator::fixedOptionalColumns() +
           QStringList{QStringLiteral("SIM Card"), QStringLiteral("Mobile Number"), QStringLiteral("CPE Modem"),
                       QStringLiteral("Set-top Box"), QStringLiteral("SIP DID")};
}

Result<BulkDryRun> BulkImportWorkflow::dryRun(const QByteArray& content)
{
    return guarded([&] {
        QBuffer buffer;
        buffer.setData(content);
        buffer.open(QIODevice::ReadOnly);
        return validate(m_db, buffer, false).result;
    });
}

Result<BulkDryRun> BulkImportWorkflow::dryRunFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{UserMessage("BulkImport", QT_TRANSLATE_NOOP("BulkImport", "Cannot open %1: %2. Check the file name and that you may read it."),
                                 {QDir::toNativeSeparators(path), file.errorString()}),
                     file.errorString()};
    return guarded([&] { return validate(m_db, file, false).result; });
}

Result<qint64> BulkImportWorkflow::start(const QString& path, int maxInFlight, const Actor& actor, BulkDryRun* dryRunOut)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{UserMessage("BulkImport", QT_TRANSLATE_NOOP("BulkImport", "Cannot open %1: %2. Check the file name and that you may read it."),
                                 {QDir::toNativeSeparators(path), file.errorString()}),
                     file.errorString()};
    return start(QFileInfo(path).fileName(), file.readAll(), maxInFlight, actor, dryRunOut);
}

Result<qint64> BulkImportWorkflow::start(const QString& fileName, const QByteArray& content, int maxInFlight,
                                         const Actor& actor, BulkDryRun* dryRunOut)
{
    return guarded([&] {
        actor.enforce(Permission::AssignPlan);
        QBuffer buffer;
        buffer.setData(content);
        buffer.open(QIODevice::ReadOnly);
        const Validation v = validate(m_db, buffer, true);
        if (dryRunOut)
            *dryRunOut = v.result;
        if (v.result.fileUnusable)
            reject(v.result.problems.constLast().message, QStringLiteral("bulk import file unusable"));
        if (v.result.validRows == 0)
            reject(UserMessage("BulkImport", QT_TRANSLATE_NOOP("BulkImport", "None of the %1 rows can be assigned. Correct the errors listed for each line and import the file again."),
                               {QString::number(v.result.totalRows)}));

        BulkImportRepository repo(m_db);
        Transaction tx(m_db);
        BulkImportInfo info;
        info.fileName = fileName;
        info.fileSha256 = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        info.status = BulkStatus::running;
        info.maxInFlight = qMax(1, maxInFlight);
        info.totalRows = v.result.totalRows;
        info.createdBy = actor.login();
        info.createdMs = Database::nowMs();
        const qint64 importId = repo.insertImport(info);
        for (const BulkRow& row : v.rows) {
            const QList<UserMessage> problems = v.rowProblems.value(row.line);
            repo.insertRow(importId, row.line, row.values, problems.isEmpty() ? BulkStatus::pending : BulkStatus::rejected,
                           errorsJson(problems));
        }
        AuditRepository(m_db).record(actor.login(), QStringLiteral("bulk_import"), QStringLiteral("bulk_import"), importId,
                                     QStringLiteral("file=%1 rows=%2 valid=%3").arg(fileName).arg(v.result.totalRows).arg(v.result.validRows));
        tx.commit();
        return importId;
    });
}

Result<BulkImportProgress> BulkImportWorkflow::step(qint64 importId, const Actor& actor)
{
    return guarded([&] {
        actor.enforce(Permission::AssignPlan);
        followJobs(m_db, importId);
        const BulkImportInfo info = requireImport(m_db, importId);
        if (info.status == BulkStatus::running) {
            BulkImportRepository repo(m_db);
            const int room = info.maxInFlight - repo.rowCounts(importId).value(BulkStatus::submitted);
            const QList<BulkImportRowRecord> pending = room > 0 ? repo.rows(importId, BulkStatus::pending, room) : QList<BulkImportRowRecord>{};
            if (!pending.isEmpty()) {
                BulkRowValidator validator(m_db);
                QList<BulkRow> rows;
                for (const BulkImportRowRecord& r : pending)
                    rows << BulkRow{r.line, r.values};
                validator.load(rows);
                const QString holder = QStringLiteral("bulk-import-%1").arg(importId);
                for (int i = 0; i < rows.size(); ++i)
                    submitRow(importId, rows.at(i), pending.at(i).id, validator, holder, actor);
            }
        }
        return refresh(m_db, importId);
    });
}

// Reserves the row's items, creates its service, queues its job and marks the row submitted in one transaction:
// the row is either wholly submitted or still pending, whenever the process dies.
void BulkImportWorkflow::submitRow(qint64 importId, const BulkRow& row, qint64 rowId, const BulkRowValidator& validator,
                                   const QString& holder, const Actor& actor)
{
    Q_UNUSED(importId)
    BulkImportRepository repo(m_db);
    const qint64 now = Database::nowMs();
    const BulkRowPlan plan = validator.plan(row, now);
    if (!plan.ok()) { // the catalog, the customer or the inventory changed since the file was checked
        repo.moveRow(rowId, BulkStatus::pending, BulkStatus::failed, 0, 0, errorsJson(plan.problems));
        return;
    }
    bool takenByAnotherRunner = false;
    try {
        Transaction tx(m_db);
        AssignRequest request = plan.request;
        request.reservationHolder = holder;
        InventoryRepository inventory(m_db);
        for (const QString& templateName : plan.implicitTemplates) {
            const QList<InventoryItem> free = inventory.available(templateName, now, holder, 1);
            if (free.isEmpty())
                reject(lineMessage(QT_TRANSLATE_NOOP("BulkImport", "Line %1: no free %2 is left in the inventory. Add stock, then retry the failed rows."),
                                   row.line, {templateLabel(templateName)}));
            request.items.insert(templateName, free.first().id);
        }
        const AssignResult assigned = AssignPlanWorkflow(m_db).submitWithin(request, actor);
        if (!repo.moveRow(rowId, BulkStatus::pending, BulkStatus::submitted, assigned.serviceId, assigned.jobId, {})) {
            takenByAnotherRunner = true; // rolled back: the other runner's service stands
            return;
        }
        tx.commit();
    } catch (const StoreException& e) {
        if (takenByAnotherRunner)
            return;
        if (e.error().message.isEmpty())
            throw; // a database failure: the row stays pending for the next step
        repo.moveRow(rowId, BulkStatus::pending, BulkStatus::failed, 0, 0, errorsJson({e.error().message}));
    }
}

Result<BulkImportProgress> BulkImportWorkflow::progress(qint64 importId)
{
    return guarded([&] { return refresh(m_db, importId); });
}

Status BulkImportWorkflow::cancel(qint64 importId, const Actor& actor)
{
    return guardedStatus([&] {
        actor.enforce(Permission::AssignPlan);
        Transaction tx(m_db);
        const BulkImportInfo info = requireImport(m_db, importId);
        if (info.status == BulkStatus::finished)
            return;
        BulkImportRepository repo(m_db);
        repo.moveAll(importId, BulkStatus::pending, BulkStatus::rowCancelled);
        repo.setImportStatus(importId, BulkStatus::cancelled, 0);
        AuditRepository(m_db).record(actor.login(), QStringLiteral("bulk_import_cancel"), QStringLiteral("bulk_import"), importId);
        tx.commit();
    });
}

Status BulkImportWorkflow::resume(qint64 importId, const Actor& actor)
{
    return guardedStatus([&] {
        actor.enforce(Permission::AssignPlan);
        Transaction tx(m_db);
        requireImport(m_db, importId);
        BulkImportRepository repo(m_db);
        repo.moveAll(importId, BulkStatus::rowCancelled, BulkStatus::pending);
        repo.setImportStatus(importId, BulkStatus::running, 0);
        tx.commit();
    });
}

Result<int> BulkImportWorkflow::retryFailed(qint64 importId, const Actor& actor)
{
    return guarded([&] {
        actor.enforce(Permission::AssignPlan);
        Transaction tx(m_db);
        requireImport(m_db, importId);
        BulkImportRepository repo(m_db);
        JobRepository jobs(m_db);
        const QList<BulkImportRowRecord> failed = repo.rows(importId, BulkStatus::failed);
        for (const BulkImportRowRecord& r : failed) {
            if (r.jobId > 0) { // its service exists: the job runs again, no second service
                jobs.resetForRetry(r.jobId, actor.login());
                repo.moveRow(r.id, BulkStatus::failed, BulkStatus::submitted, r.serviceId, r.jobId, {});
            } else {
                repo.moveRow(r.id, BulkStatus::failed, BulkStatus::pending, 0, 0, {});
            }
        }
        repo.setImportStatus(importId, BulkStatus::running, 0);
        AuditRepository(m_db).record(actor.login(), QStringLiteral("bulk_import_retry"), QStringLiteral("bulk_import"), importId,
                                     QStringLiteral("rows=%1").arg(failed.size()));
        tx.commit();
        return int(failed.size());
    });
}

Result<BulkImportInfo> BulkImportWorkflow::import(qint64 importId)
{
    return guarded([&] { return requireImport(m_db, importId); });
}

Result<QList<BulkImportInfo>> BulkImportWorkflow::imports(int limit)
{
    return guarded([&] { return BulkImportRepository(m_db).imports({}, limit); });
}

Result<QList<BulkImportInfo>> BulkImportWorkflow::runningImports()
{
    return guarded([&] { return BulkImportRepository(m_db).imports(BulkStatus::running, 1000); });
}

Result<QList<BulkImportRowReport>> BulkImportWorkflow::rows(qint64 importId)
{
    return guarded([&] {
        requireImport(m_db, importId);
        QList<BulkImportRowReport> result;
        for (const BulkImportRowRecord& r : BulkImportRepository(m_db).rows(importId, {})) {
            BulkImportRowReport report;
            report.line = r.line;
            report.status = r.status;
            report.serviceId = r.serviceId;
            report.jobId = r.jobId;
            report.errors = errorsFromJson(r.error);
            if (!report.errors.isEmpty())
                report.error = report.errors.first();
            result << report;
        }
        return result;
    });
}

Result<QByteArray> BulkImportWorkflow::report(qint64 importId)
{
    const auto found = rows(importId);
    if (!found)
        return found.error();
    QString text = QStringLiteral("line,status,service_id,job_id,error\r\n");
    for (const BulkImportRowReport& r : *found)
        text += QStringLiteral("%1,%2,%3,%4,%5\r\n")
                    .arg(r.line)
                    .arg(r.status, r.serviceId > 0 ? QString::number(r.serviceId) : QString(),
                         r.jobId > 0 ? QString::number(r.jobId) : QString(), csvField(r.errorText()));
    return text.toUtf8();
}

Status BulkImportWorkflow::writeReport(qint64 importId, const QString& path)
{
    const auto content = report(importId);
    if (!content)
        return Status(content.error());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*content) != content->size() || !file.commit())
        return Status(Error{UserMessage("BulkImport", QT_TRANSLATE_NOOP("BulkImport", "Cannot write the report to %1: %2. Choose another folder."),
                                        {QDir::toNativeSeparators(path), file.errorString()}),
                            file.errorString()});
    return Status::success();
}

} // namespace sb
