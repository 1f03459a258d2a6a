#include "AddonRules.h"

#include "AssignRules.h"

#include <QDateTime>
#include <QJsonArray>

#include <cmath>

namespace sb::AddonRules {
namespace {

UserMessage says(const char* source, QStringList args)
{
    return UserMessage("Addon", source, std::move(args));
}

// 25, 2.5 or 0.75: at most two decimals, no trailing zeros.
QString compactNumber(double value)
{
    QString text = QString::number(std::round(value * 100.0) / 100.0, 'f', 2);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

// CGRateS keeps *data in bytes and *voice in nanoseconds.
QString withUnit(const QString& balanceType, double value)
{
    if (balanceType == QLatin1String("*data"))
        return compactNumber(value / (1024.0 * 1024.0 * 1024.0)) + QStringLiteral(" GB");
    if (balanceType == QLatin1String("*voice"))
        return compactNumber(value / 60e9) + QStringLiteral(" min");
    return compactNumber(value);
}

} // namespace

bool isPaid(const Product& addon)
{
    return addon.setupCost.minorUnits > 0 || addon.monthlyCost.minorUnits > 0;
}

std::optional<UserMessage> productProblem(const Product& addon, const Customer& customer)
{
    if (addon.category != ProductCategory::Addon)
        return says(
            QT_TRANSLATE_NOOP(
                "Addon", "%1 is not an add-on. Assign it as a new service from the Service Plans catalog instead."),
            {addon.name});
    return AssignRules::eligibilityProblem(addon, customer);
}

std::optional<UserMessage> serviceProblem(const Product& addon, const Customer& customer, const Service& service)
{
    if (service.customerId != customer.id)
        return says(QT_TRANSLATE_NOOP("Addon", "%1 does not belong to %2. Choose one of the customer's own services."),
                    {service.name, customer.name});
    if (service.serviceType != addon.serviceType)
        return says(
            QT_TRANSLATE_NOOP(
                "Addon", "%1 is an add-on for services of type %2, and %3 is of type %4. Choose a service of type %2."),
            {addon.name, displayName(addon.serviceType), service.name, displayName(service.serviceType)});
    if (service.parentServiceId != 0)
        return says(
            QT_TRANSLATE_NOOP(
                "Addon",
                "%1 is part of another service (a bundle component or an add-on). Choose the main service instead."),
            {service.name});
    if (service.status != ServiceStatus::Active)
        return says(QT_TRANSLATE_NOOP("Addon", "%1 is not active (%2). Add-ons can only be added to an active service: "
                                               "wait until it is provisioned, or retry its provisioning."),
                    {service.name, displayName(service.status)});
    return std::nullopt;
}

std::optional<UserMessage> paymentProblem(const Product& addon, const Customer& customer, qint64 nowMs)
{
    if (!isPaid(addon) || customer.hasValidPaymentMethod(nowMs))
        return std::nullopt;
    if (!customer.paymentMethod.isEmpty())
        return says(
            QT_TRANSLATE_NOOP(
                "Addon",
                "The payment method of %1 expired on %2. Update the customer's payment method before buying %3."),
            {customer.name,
             QDateTime::fromMSecsSinceEpoch(customer.paymentMethodValidUntilMs, Qt::UTC).date().toString(Qt::ISODate),
             addon.name});
    return says(
        QT_TRANSLATE_NOOP(
            "Addon", "%1 has no valid payment method on file. Add a payment method to the customer before buying %2."),
        {customer.name, addon.name});
}

QList<Service> targetServices(const Product& addon, const Customer& customer, const QList<Service>& services)
{
    QList<Service> result;
    for (const Service& service : services)
        if (!serviceProblem(addon, customer, service))
            result << service;
    return result;
}

UserMessage noTargetService(const Product& addon, const Customer& customer)
{
    return says(
        QT_TRANSLATE_NOOP(
            "Addon",
            "%1 has no active %2 service that can receive %3. Assign a %2 plan first, then add the add-on to it."),
        {customer.name, displayName(addon.serviceType), addon.name});
}

QString balanceSummary(const QJsonObject& account)
{
    const QJsonObject balanceMap = account.value(QLatin1String("BalanceMap")).toObject();
    QStringList parts;
    for (auto it = balanceMap.begin(); it != balanceMap.end(); ++it) {
        double total = 0;
        for (const QJsonValue& entry : it.value().toArray()) {
            const QJsonObject balance = entry.toObject();
            if (!balance.value(QLatin1String("Disabled")).toBool())
                total += balance.value(QLatin1String("Value")).toDouble();
        }
        parts << it.key() + QStringLiteral(": ") + withUnit(it.key(), total);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace sb::AddonRules
