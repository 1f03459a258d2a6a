#include "Enums.h"

#include <QCoreApplication>
#include <array>
#include <utility>

namespace sb {
namespace {

template <typename E, std::size_t N>
using CodeTable = std::array<std::pair<E, const char*>, N>;

const CodeTable<CustomerType, 2> customerTypeCodes{{{CustomerType::Individual, "individual"},
                                                     {CustomerType::Business, "business"}}};
const CodeTable<ProductCategory, 2> categoryCodes{{{ProductCategory::ServicePlan, "service_plan"},
                                                    {ProductCategory::Addon, "addon"}}};
const CodeTable<ServiceType, 4> serviceTypeCodes{{{ServiceType::Mobile, "mobile"},
                                                   {ServiceType::Internet, "internet"},
                                                   {ServiceType::Iptv, "iptv"},
                                                   {ServiceType::Voip, "voip"}}};
const CodeTable<InventoryStatus, 6> inventoryStatusCodes{{{InventoryStatus::New, "New"},
                                                           {InventoryStatus::InStock, "In Stock"},
                                                           {InventoryStatus::Reserved, "Reserved"},
                                                           {InventoryStatus::Assigned, "Assigned"},
                                                           {InventoryStatus::Faulty, "Faulty"},
                                                           {InventoryStatus::Returned, "Returned"}}};
const CodeTable<ServiceStatus, 5> serviceStatusCodes{{{ServiceStatus::PendingProvisioning, "pending"},
                                                       {ServiceStatus::Active, "active"},
                                                       {ServiceStatus::ProvisioningFailed, "failed"},
                                                       {ServiceStatus::Suspended, "suspended"},
                                                       {ServiceStatus::Cancelled, "cancelled"}}};
const CodeTable<JobStatus, 4> jobStatusCodes{{{JobStatus::Queued, "queued"},
                                               {JobStatus::Running, "running"},
                                               {JobStatus::Succeeded, "succeeded"},
                                               {JobStatus::Failed, "failed"}}};
const CodeTable<TaskStatus, 5> taskStatusCodes{{{TaskStatus::Pending, "pending"},
                                                 {TaskStatus::Running, "running"},
                                                 {TaskStatus::Done, "done"},
                                                 {TaskStatus::Failed, "failed"},
                                                 {TaskStatus::Skipped, "skipped"}}};

template <typename E, std::size_t N>
QString codeOf(const CodeTable<E, N>& table, E value)
{
    for (const auto& [v, code] : table)
        if (v == value)
            return QString::fromLatin1(code);
    return {};
}

template <typename E, std::size_t N>
bool valueOf(const CodeTable<E, N>& table, const QString& code, E* out)
{
    for (const auto& [v, c] : table) {
        if (code.compare(QLatin1String(c), Qt::CaseInsensitive) == 0) {
            *out = v;
            return true;
        }
    }
    return false;
}

} // namespace

QString toCode(CustomerType v) { return codeOf(customerTypeCodes, v); }
QString toCode(ProductCategory v) { return codeOf(categoryCodes, v); }
QString toCode(ServiceType v) { return codeOf(serviceTypeCodes, v); }
QString toCode(InventoryStatus v) { return codeOf(inventoryStatusCodes, v); }
QString toCode(ServiceStatus v) { return codeOf(serviceStatusCodes, v); }
QString toCode(JobStatus v) { return codeOf(jobStatusCodes, v); }
QString toCode(TaskStatus v) { return codeOf(taskStatusCodes, v); }

bool fromCode(const QString& c, CustomerType* o) { return valueOf(customerTypeCodes, c, o); }
bool fromCode(const QString& c, ProductCategory* o) { return valueOf(categoryCodes, c, o); }
bool fromCode(const QString& c, ServiceType* o) { return valueOf(serviceTypeCodes, c, o); }
bool fromCode(const QString& c, InventoryStatus* o) { return valueOf(inventoryStatusCodes, c, o); }
bool fromCode(const QString& c, ServiceStatus* o) { return valueOf(serviceStatusCodes, c, o); }
bool fromCode(const QString& c, JobStatus* o) { return valueOf(jobStatusCodes, c, o); }
bool fromCode(const QString& c, TaskStatus* o) { return valueOf(taskStatusCodes, c, o); }

QString displayName(CustomerType v)
{
    return v == CustomerType::Business ? QCoreApplication::translate("Status", "Business") : QCoreApplication::translate("Status", "Individual");
}

QString displayName(ProductCategory v)
{
    return v == ProductCategory::Addon ? QCoreApplication::translate("Status", "Add-ons") : QCoreApplication::translate("Status", "Service Plans");
}

QString displayName(ServiceType v)
{
    switch (v) {
    case ServiceType::Mobile: return QCoreApplication::translate("Status", "Mobile");
    case ServiceType::Internet: return QCoreApplication::translate("Status", "Internet");
    case ServiceType::Iptv: return QCoreApplication::translate("Status", "IPTV");
    case ServiceType::Voip: return QCoreApplication::translate("Status", "VoIP");
    }
    return {};
}

QString displayName(InventoryStatus v)
{
    switch (v) {
    case InventoryStatus::New: return QCoreApplication::translate("Status", "New");
    case InventoryStatus::InStock: return QCoreApplication::translate("Status", "In Stock");
    case InventoryStatus::Reserved: return QCoreApplication::translate("Status", "Reserved");
    case InventoryStatus::Assigned: return QCoreApplication::translate("Status", "Assigned");
    case InventoryStatus::Faulty: return QCoreApplication::translate("Status", "Faulty");
    case InventoryStatus::Returned: return QCoreApplication::translate("Status", "Returned");
    }
    return {};
}

QString displayName(ServiceStatus v)
{
    switch (v) {
    case ServiceStatus::PendingProvisioning: return QCoreApplication::translate("Status", "Pending provisioning");
    case ServiceStatus::Active: return QCoreApplication::translate("Status", "Active");
    case ServiceStatus::ProvisioningFailed: return QCoreApplication::translate("Status", "Not activated");
    case ServiceStatus::Suspended: return QCoreApplication::translate("Status", "Suspended");
    case ServiceStatus::Cancelled: return QCoreApplication::translate("Status", "Cancelled");
    }
    return {};
}

QString displayName(JobStatus v)
{
    switch (v) {
    case JobStatus::Queued: return QCoreApplication::translate("Status", "Queued");
    case JobStatus::Running: return QCoreApplication::translate("Status", "Running");
    case JobStatus::Succeeded: return QCoreApplication::translate("Status", "Succeeded");
    case JobStatus::Failed: return QCoreApplication::translate("Status", "Failed");
    }
    return {};
}

QString displayName(TaskStatus v)
{
    switch (v) {
    case TaskStatus::Pending: return QCoreApplication::translate("Status", "Pending");
    case TaskStatus::Running: return QCoreApplication::translate("Status", "Running");
    case TaskStatus::Done: return QCoreApplication::translate("Status", "Completed");
    case TaskStatus::Failed: return QCoreApplication::translate("Status", "Failed");
    case TaskStatus::Skipped: return QCoreApplication::translate("Status", "Skipped");
    }
    return {};
}

} // namespace sb
