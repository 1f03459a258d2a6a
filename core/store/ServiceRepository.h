#pragma once

#include "Database.h"
#include "domain/Entities.h"

#include <optional>

namespace sb {

class ServiceRepository
{
public:
    explicit ServiceRepository(Database& db) : m_db(db) {}

    qint64 insert(const Service& service, const QString& requestedBy);
    std::optional<Service> byId(qint64 id);
    QList<Service> forCustomer(qint64 customerId);
    QList<Service> recent(int limit = 200);
    void setStatus(qint64 id, ServiceStatus status, const QString& changedBy);
    void setName(qint64 id, const QString& name);

private:
    QList<Service> select(const QString& where, const QVariantMap& binds);
    Database& m_db;
};

} // namespace sb
