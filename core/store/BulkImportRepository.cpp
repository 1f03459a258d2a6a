#include "BulkImportRepository.h"

#include "CustomerRepository.h"

#include <QJsonDocument>

#include <limits>

namespace sb {
namespace {

constexpr int chunkSize = 400;

// "(:v0,:v1,...)" for the values from..from+chunkSize, bound into binds.
QString inList(const QVariantList& values, int from, QVariantMap& binds)
{
    QStringList names;
    for (int i = from; i < qMin(from + chunkSize, int(values.size())); ++i) {
        names << QStringLiteral(":v%1").arg(i - from);
        binds.insert(names.last(), values.at(i));
    }
    return QLatin1Char('(') + names.join(QLatin1Char(',')) + QLatin1Char(')');
}

template <typename Key>
QVariantList variants(const QList<Key>& keys)
{
    QVariantList list;
    list.reserve(keys.size());
    for (const Key& key : keys)
        list << QVariant::fromValue(key);
    return list;
}

BulkImportInfo importFrom(const Sql& q)
{
    BulkImportInfo info;
    info.id = q.value(0).toLongLong();
    info.fileName = q.value(1).toString();
    info.fileSha256 = q.value(2).toString();
    info.status = q.value(3).toString();
    info.maxInFlight = q.value(4).toInt();
    info.totalRows = q.value(5).toInt();
    info.createdBy = q.value(6).toString();
    info.createdMs = q.value(7).toLongLong();
    info.finishedMs = q.value(8).toLongLong();
    return info;
}

const QString importColumns =
    QStringLiteral("id, file_name, file_sha256, status, max_in_flight, total_rows, created_by, created_ms, finished_ms");

} // namespace

QList<Customer> BulkImportRepository::customersWhere(const QString& column, const QVariantList& values)
{
    QList<Customer> result;
    for (int from = 0; from < values.size(); from += chunkSize) {
        QVariantMap binds;
        const QString list = inList(values, from, binds);
        Sql q(m_db, QStringLiteral("SELECT %1 FROM customers WHERE %2 IN %3 ORDER BY id").arg(CustomerRepository::selectColumns(), column, list));
        for (auto it = binds.cbegin(); it != binds.cend(); ++it)
            q.bind(it.key(), it.value());
        q.exec();
        while (q.next())
            result << CustomerRepository::fromRow(q);
    }
    return result;
}

QList<Customer> BulkImportRepository::customersByIds(const QList<qint64>& ids)
{
    return customersWhere(QStringLiteral("id"), variants(ids));
}

QList<Customer> BulkImportRepository::customersByEmails(const QStringList& lowercaseEmails)
{
    return customersWhere(QStringLiteral("email_lc"), variants(lowercaseEmails));
}

QList<Customer> BulkImportRepository::customersByPhoneDigits(const QStringList& digits)
{
    return customersWhere(QStringLiteral("phone_digits"), variants(digits));
}

QList<Site> BulkImportRepository::sitesOf(const QList<qint64>& customerIds)
{
    const QVariantList values = variants(customerIds);
    QList<Site> result;
    for (int from = 0; from < values.size(); from += chunkSize) {
        QVariantMap binds;
        const QString list = inList(values, from, binds);
        Sql q(m_db, QStringLiteral("SELECT id, customer_id, name, address FROM customer_sites WHERE customer_id IN %1 ORDER BY id").arg(list));
        for (auto it = binds.cbegin(); it != binds.cend(); ++it)
            q.bind(it.key(), it.value());
        q.exec();
        while (q.next())
            result << Site{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString()};
    }
    return result;
}

QList<Contact> BulkImportRepository::contactsOf(const QList<qint64>& customerIds)
{
    const QVariantList values = variants(customerIds);
    QList<Contact> result;
    for (int from = 0; from < values.size(); from += chunkSize) {
        QVariantMap binds;
        const QString list = inList(values, from, binds);
        Sql q(m_db, QStringLiteral("SELECT id, customer_id, role, name, email, phone FROM customer_contacts"
                                   " WHERE customer_id IN %1 ORDER BY id")
                        .arg(list));
        for (auto it = binds.cbegin(); it != binds.cend(); ++it)
            q.bind(it.key(), it.value());
        q.exec();
        while (q.next())
            result << Contact{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                              q.value(3).toString(), q.value(4).toString(), q.value(5).toString()};
    }
    return result;
}

qint64 BulkImportRepository::insertImport(const BulkImportInfo& info)
{
    Sql q(m_db, QStringLiteral("INSERT INTO bulk_imports (file_name, file_sha256, status, max_in_flight, total_rows,"
                               " created_by, created_ms) VALUES (:file, :sha, :status, :max, :total, :by, :created) RETURNING id"));
    q.bind(QStringLiteral(":file"), info.fileName)
        .bind(QStringLiteral(":sha"), info.fileSha256)
        .bind(QStringLiteral(":status"), info.status)
        .bind(QStringLiteral(":max"), info.maxInFlight)
        .bind(QStringLiteral(":total"), info.totalRows)
        .bind(QStringLiteral(":by"), info.createdBy)
        .bind(QStringLiteral(":created"), info.createdMs)
        .exec();
    return q.returnedId();
}

void BulkImportRepository::insertRow(qint64 importId, int line, const QJsonObject& values, const QString& status,
                                     const QString& error)
{
    Sql q(m_db, QStringLiteral("INSERT INTO bulk_import_rows (import_id, line, fields, status, error, updated_ms)"
                               " VALUES (:import, :line, :fields, :status, :error, :now)"));
    q.bind(QStringLiteral(":import"), importId)
        .bind(QStringLiteral(":line"), line)
        .bind(QStringLiteral(":fields"), QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact)))
        .bind(QStringLiteral(":status"), status)
        .bind(QStringLiteral(":error"), error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(error))
        .bind(QStringLiteral(":now"), Database::nowMs())
        .exec();
}

std::optional<BulkImportInfo> BulkImportRepository::importById(qint64 importId)
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM bulk_imports WHERE id = :id").arg(importColumns));
    q.bind(QStringLiteral(":id"), importId).exec();
    if (!q.next())
        return std::nullopt;
    return importFrom(q);
}

QList<BulkImportInfo> BulkImportRepository::imports(const QString& status, int limit)
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM bulk_imports WHERE (:status = '' OR status = :status2) ORDER BY id DESC LIMIT :limit")
                    .arg(importColumns));
    q.bind(QStringLiteral(":status"), status.isEmpty() ? QStringLiteral("") : status).bind(QStringLiteral(":status2"), status).bind(QStringLiteral(":limit"), limit).exec();
    QList<BulkImportInfo> result;
    while (q.next())
        result << importFrom(q);
    return result;
}

void BulkImportRepository::setImportStatus(qint64 importId, const QString& status, qint64 finishedMs)
{
    Sql q(m_db, QStringLiteral("UPDATE bulk_imports SET status = :status, finished_ms = :finished WHERE id = :id"));
    q.bind(QStringLiteral(":status"), status.isEmpty() ? QStringLiteral("") : status)
        .bind(QStringLiteral(":finished"), finishedMs > 0 ? QVariant(finishedMs) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":id"), importId)
        .exec();
}

QHash<QString, int> BulkImportRepository::rowCounts(qint64 importId)
{
    Sql q(m_db, QStringLiteral("SELECT status, COUNT(*) FROM bulk_import_rows WHERE import_id = :id GROUP BY status"));
    q.bind(QStringLiteral(":id"), importId).exec();
    QHash<QString, int> counts;
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toInt());
    return counts;
}

QList<BulkImportRowRecord> BulkImportRepository::rows(qint64 importId, const QString& status, int limit)
{
    Sql q(m_db, QStringLiteral("SELECT id, line, fields, status, service_id, job_id, error FROM bulk_import_rows"
                               " WHERE import_id = :id AND (:status = '' OR status = :status2) ORDER BY line LIMIT :limit"));
    q.bind(QStringLiteral(":id"), importId)
        .bind(QStringLiteral(":status"), status.isEmpty() ? QStringLiteral("") : status)
        .bind(QStringLiteral(":status2"), status)
        .bind(QStringLiteral(":limit"), limit < 0 ? std::numeric_limits<int>::max() : limit)
        .exec();
    QList<BulkImportRowRecord> result;
    while (q.next()) {
        BulkImportRowRecord r;
        r.id = q.value(0).toLongLong();
        r.line = q.value(1).toInt();
        r.values = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        r.status = q.value(3).toString();
        r.serviceId = q.value(4).toLongLong();
        r.jobId = q.value(5).toLongLong();
        r.error = q.value(6).toString();
        result << r;
    }
    return result;
}

QList<BulkImportRowRecord> BulkImportRepository::submittedRows(qint64 importId)
{
    Sql q(m_db, QStringLiteral("SELECT r.id, r.line, r.service_id, r.job_id, j.status, j.error FROM bulk_import_rows r"
                               " LEFT JOIN provisioning_jobs j ON j.id = r.job_id"
                               " WHERE r.import_id = :id AND r.status = 'submitted' ORDER BY r.line"));
    q.bind(QStringLiteral(":id"), importId).exec();
    QList<BulkImportRowRecord> result;
    while (q.next()) {
        BulkImportRowRecord r;
        r.id = q.value(0).toLongLong();
        r.line = q.value(1).toInt();
        r.status = BulkStatus::submitted;
        r.serviceId = q.value(2).toLongLong();
        r.jobId = q.value(3).toLongLong();
        r.jobStatus = q.value(4).toString();
        r.jobError = q.value(5).toString();
        result << r;
    }
    return result;
}

bool BulkImportRepository::moveRow(qint64 rowId, const QString& fromStatus, const QString& toStatus, qint64 serviceId,
                                   qint64 jobId, const QString& error)
{
    Sql q(m_db, QStringLiteral("UPDATE bulk_import_rows SET status = :to, service_id = :service, job_id = :job,"
                               " error = :error, updated_ms = :now WHERE id = :id AND status = :from"));
    q.bind(QStringLiteral(":to"), toStatus)
        .bind(QStringLiteral(":service"), serviceId > 0 ? QVariant(serviceId) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":job"), jobId > 0 ? QVariant(jobId) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":error"), error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(error))
        .bind(QStringLiteral(":now"), Database::nowMs())
        .bind(QStringLiteral(":id"), rowId)
        .bind(QStringLiteral(":from"), fromStatus)
        .exec();
    return q.rowsAffected() == 1;
}

int BulkImportRepository::moveAll(qint64 importId, const QString& fromStatus, const QString& toStatus)
{
    Sql q(m_db, QStringLiteral("UPDATE bulk_import_rows SET status = :to, updated_ms = :now WHERE import_id = :id AND status = :from"));
    q.bind(QStringLiteral(":to"), toStatus)
        .bind(QStringLiteral(":now"), Database::nowMs())
        .bind(QStringLiteral(":id"), importId)
        .bind(QStringLiteral(":from"), fromStatus)
        .exec();
    return q.rowsAffected();
}

} // namespace sb
