#pragma once

#include "Database.h"
#include "domain/Entities.h"
#include "workflows/BulkImport.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace sb {

// A stored row of a bulk import with its values (column -> value) and, once submitted, its job's state.
struct BulkImportRowRecord
{
    qint64 id = 0;
    int line = 0;
    QJsonObject values;
    QString status;
    qint64 serviceId = 0;
    qint64 jobId = 0;
    QString error; // UserMessage JSON
    QString jobStatus; // provisioning_jobs.status of jobId, empty without a job
    QString jobError;  // provisioning_jobs.error
};

// bulk_imports and bulk_import_rows, and the batch lookups a bulk import validates its rows with.
class BulkImportRepository
{
public:
    explicit BulkImportRepository(Database& db) : m_db(db) {}

    // Batch lookups (chunked IN lists), for validating thousands of rows in a few statements.
    QList<Customer> customersByIds(const QList<qint64>& ids);
    QList<Customer> customersByEmails(const QStringList& lowercaseEmails);
    QList<Customer> customersByPhoneDigits(const QStringList& digits);
    QList<Site> sitesOf(const QList<qint64>& customerIds);
    QList<Contact> contactsOf(const QList<qint64>& customerIds);

    qint64 insertImport(const BulkImportInfo& info);
    void insertRow(qint64 importId, int line, const QJsonObject& values, const QString& status, const QString& error);
    std::optional<BulkImportInfo> importById(qint64 importId);
    QList<BulkImportInfo> imports(const QString& status, int limit); // status empty: any
    void setImportStatus(qint64 importId, const QString& status, qint64 finishedMs);

    QHash<QString, int> rowCounts(qint64 importId); // status -> rows
    QList<BulkImportRowRecord> rows(qint64 importId, const QString& status, int limit = -1);
    // Rows in flight with the status of their job (one statement).
    QList<BulkImportRowRecord> submittedRows(qint64 importId);
    // Conditional update: only a row still in fromStatus changes (false otherwise), so two runners of one import
    // never both submit a row.
    bool moveRow(qint64 rowId, const QString& fromStatus, const QString& toStatus, qint64 serviceId, qint64 jobId,
                 const QString& error);
    int moveAll(qint64 importId, const QString& fromStatus, const QString& toStatus);

private:
    QList<Customer> customersWhere(const QString& column, const QVariantList& values);
    Database& m_db;
};

} // namespace sb
