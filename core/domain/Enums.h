#pragma once

#include <QString>

namespace sb {

enum class CustomerType { Individual, Business };
enum class ProductCategory { ServicePlan, Addon };
enum class ServiceType { Mobile, Internet, Iptv, Voip };
enum class InventoryStatus { New, InStock, Reserved, Assigned, Faulty, Returned };
enum class ServiceStatus { PendingProvisioning, Active, ProvisioningFailed, Suspended, Cancelled };
enum class JobStatus { Queued, Running, Succeeded, Failed };
enum class TaskStatus { Pending, Running, Done, Failed, Skipped };

// Stable codes stored in the database and printed by the CLI (never translated).
QString toCode(CustomerType value);
QString toCode(ProductCategory value);
QString toCode(ServiceType value);
QString toCode(InventoryStatus value);
QString toCode(ServiceStatus value);
QString toCode(JobStatus value);
QString toCode(TaskStatus value);

bool fromCode(const QString& code, CustomerType* out);
bool fromCode(const QString& code, ProductCategory* out);
bool fromCode(const QString& code, ServiceType* out);
bool fromCode(const QString& code, InventoryStatus* out);
bool fromCode(const QString& code, ServiceStatus* out);
bool fromCode(const QString& code, JobStatus* out);
bool fromCode(const QString& code, TaskStatus* out);

template <typename E>
E enumFromCode(const QString& code, E fallback)
{
    E value = fallback;
    return fromCode(code, &value) ? value : fallback;
}

// Names for people, in the current language.
QString displayName(CustomerType value);
QString displayName(ProductCategory value);
QString displayName(ServiceType value);
QString displayName(InventoryStatus value);
QString displayName(ServiceStatus value);
QString displayName(JobStatus value);
QString displayName(TaskStatus value);

} // namespace sb
