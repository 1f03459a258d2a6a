#pragma once

#include "Enums.h"
#include "Money.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace sb {

struct Customer
{
    qint64 id = 0;
    CustomerType type = CustomerType::Individual;
    QString name;
    QString email;
    QString phone;
    QString status = QStringLiteral("active");
    QString language = QStringLiteral("en");
    QString paymentMethod = QStringLiteral("card"); // empty: no payment method on file
    qint64 paymentMethodValidUntilMs = 0;            // 0: does not expire

    bool hasValidPaymentMethod(qint64 nowMs) const
    {
        return !paymentMethod.isEmpty() && (paymentMethodValidUntilMs == 0 || paymentMethodValidUntilMs > nowMs);
    }
};

struct Site
{
    qint64 id = 0;
    qint64 customerId = 0;
    QString name;
    QString address;
};

struct Contact
{
    qint64 id = 0;
    qint64 customerId = 0;
    QString role; // "billing" or "technical"
    QString name;
    QString email;
    QString phone;
};

// A field a business order asks for (PO number, cost centre, account number), configured per customer type and
// optionally per product (empty productSlug: every product).
struct CustomFieldDefinition
{
    enum class Type { Text, Number, Date };

    qint64 id = 0;
    QString key;   // stored under this key in the service's custom fields
    QString label; // untranslated source text; shown through QCoreApplication::translate("CustomField", ...)
    Type type = Type::Text;
    bool required = false;
    CustomerType customerType = CustomerType::Business;
    QString productSlug;
    int sortOrder = 0;
};

// Where and for whom a business customer's service is installed. Zero ids: not chosen.
struct BusinessDetails
{
    qint64 siteId = 0;
    qint64 billingContactId = 0;
    qint64 technicalContactId = 0;
    QMap<QString, QString> customFields; // CustomFieldDefinition::key -> value as entered (dates ISO 8601)

    bool isEmpty() const { return siteId == 0 && billingContactId == 0 && technicalContactId == 0 && customFields.isEmpty(); }
};

struct Product
{
    qint64 id = 0;
    QString slug;
    QString name;
    QString description;
    ProductCategory category = ProductCategory::ServicePlan;
    ServiceType serviceType = ServiceType::Mobile;
    QList<CustomerType> customerTypes;
    bool enabled = true;
    Money setupCost;
    Money monthlyCost;
    bool recurring = true;
    int termMonths = 0;
    QStringList inventoryItemsList; // inventory template names the product needs
    QString provisioningPlay;       // playbook name
    QJsonObject provisioningVars;   // provisioning_json_vars

    bool allows(CustomerType type) const { return customerTypes.contains(type); }
};

struct InventoryItem
{
    qint64 id = 0;
    QString templateName;
    QString reference;  // e.g. SIM-00123
    QString identifier; // ICCID, MSISDN, serial number or MAC
    QJsonObject attributes;
    InventoryStatus status = InventoryStatus::New;
    QString reservedBy;
    qint64 reservedUntilMs = 0;
    qint64 serviceId = 0;
    qint64 customerId = 0;

    // The status a person sees: a live reservation shows as Reserved.
    InventoryStatus effectiveStatus(qint64 nowMs) const;
};

struct Service
{
    qint64 id = 0;
    qint64 customerId = 0;
    qint64 productId = 0;
    qint64 parentServiceId = 0;
    QString name;
    ServiceStatus status = ServiceStatus::PendingProvisioning;
    bool autoRenew = false;
    QString serviceUuid; // the OCS account
    Money setupCost;
    Money monthlyCost;
    qint64 createdMs = 0;
    qint64 activatedMs = 0;
    QString productName;
    ServiceType serviceType = ServiceType::Mobile;
    BusinessDetails business;
};

struct ProvisioningTask
{
    qint64 id = 0;
    qint64 jobId = 0;
    int ordinal = 0;
    QString label;          // untranslated source text with %1.. placeholders
    QStringList labelArgs;  // values for the placeholders
    QString action;
    QJsonObject params;     // rendered parameters
    QJsonObject rescue;     // {"action": ..., "params": {...}} or empty
    int timeoutMs = 60000;
    TaskStatus status = TaskStatus::Pending;
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
    QString log;
    QString error; // UserMessage JSON

    QString displayLabel() const; // translated label with its arguments
};

struct ProvisioningJob
{
    qint64 id = 0;
    QString kind = QStringLiteral("assign_plan");
    qint64 serviceId = 0;
    qint64 customerId = 0;
    QString playbook;
    QJsonObject variables;
    JobStatus status = JobStatus::Queued;
    int attempt = 1;
    QString leaseOwner;
    qint64 leaseExpiresMs = 0;
    QString requestedBy;
    qint64 createdMs = 0;
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
    qint64 deadlineMs = 0;
    QString error; // UserMessage JSON
    QList<ProvisioningTask> tasks;

    int completedTasks() const;
};

struct StaffUser
{
    qint64 id = 0;
    QString login;
    QString displayName;
    QString role = QStringLiteral("staff");
};

} // namespace sb
