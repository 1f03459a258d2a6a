#include "BusinessRules.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>

#include <algorithm>

namespace sb::BusinessRules {
namespace {

UserMessage message(const char* source, QStringList args = {})
{
    return UserMessage("BusinessRules", source, std::move(args));
}

template <typename T>
bool containsId(const QList<T>& list, qint64 id)
{
    return std::any_of(list.cbegin(), list.cend(), [id](const T& entry) { return entry.id == id; });
}

} // namespace

QString fieldLabel(const CustomFieldDefinition& field)
{
    return QCoreApplication::translate("CustomField", field.label.toUtf8().constData());
}

UserMessage fieldProblem(const CustomFieldDefinition& field, const QString& rawValue)
{
    const QString value = rawValue.trimmed();
    if (value.isEmpty()) {
        if (field.required)
            return message(QT_TRANSLATE_NOOP("BusinessRules", "%1 is required for this order. Enter it and continue."),
                           {fieldLabel(field)});
        return {};
    }
    if (value.size() > maxFieldLength)
        return message(QT_TRANSLATE_NOOP("BusinessRules", "%1 is too long: at most %2 characters."),
                       {fieldLabel(field), QString::number(maxFieldLength)});
    switch (field.type) {
    case CustomFieldDefinition::Type::Number: {
        bool ok = false;
        QLocale::c().toDouble(value, &ok);
        if (!ok)
            return message(QT_TRANSLATE_NOOP("BusinessRules", "%1 must be a number, for example 1200 or 12.50."),
                           {fieldLabel(field)});
        break;
    }
    case CustomFieldDefinition::Type::Date:
        if (!QDate::fromString(value, Qt::ISODate).isValid())
            return message(QT_TRANSLATE_NOOP("BusinessRules", "%1 must be a date written as YYYY-MM-DD, for example 2026-03-31."),
                           {fieldLabel(field)});
        break;
    case CustomFieldDefinition::Type::Text:
        break;
    }
    return {};
}

QList<UserMessage> problems(const Customer& customer, const Product& product, const QList<Site>& sites,
                            const QList<Contact>& contacts, const QList<CustomFieldDefinition>& fields,
                            const BusinessDetails& details)
{
    QList<UserMessage> result;
    if (customer.type == CustomerType::Business) {
        if (sites.isEmpty())
            result << message(QT_TRANSLATE_NOOP("BusinessRules", "%1 has no installation site. Add a site on the customer page first."),
                              {customer.name});
        else if (details.siteId == 0)
            result << message(QT_TRANSLATE_NOOP("BusinessRules", "Select the installation site that receives %1."), {product.name});
        else if (!containsId(sites, details.siteId))
            result << message(QT_TRANSLATE_NOOP("BusinessRules", "The installation site is not one of %1's sites. Select one of their sites."),
                              {customer.name});

        if (contacts.isEmpty()) {
            result << message(QT_TRANSLATE_NOOP("BusinessRules", "%1 has no contacts. Add a billing and a technical contact on the customer page first."),
                              {customer.name});
        } else {
            if (details.billingContactId == 0)
                result << message(QT_TRANSLATE_NOOP("BusinessRules", "Select the billing contact."));
            else if (!containsId(contacts, details.billingContactId))
                result << message(QT_TRANSLATE_NOOP("BusinessRules", "The billing contact is not one of %1's contacts. Select one of their contacts."),
                                  {customer.name});
            if (details.technicalContactId == 0)
                result << message(QT_TRANSLATE_NOOP("BusinessRules", "Select the technical contact."));
            else if (!containsId(contacts, details.technicalContactId))
                result << message(QT_TRANSLATE_NOOP("BusinessRules", "The technical contact is not one of %1's contacts. Select one of their contacts."),
                                  {customer.name});
        }
    } else if (details.siteId || details.billingContactId || details.technicalContactId) {
        result << message(QT_TRANSLATE_NOOP("BusinessRules", "Installation sites and contacts are for business customers only. %1 is an individual customer."),
                          {customer.name});
    }

    for (const CustomFieldDefinition& field : fields) {
        const UserMessage problem = fieldProblem(field, details.customFields.value(field.key));
        if (!problem.isEmpty())
            result << problem;
    }
    for (auto it = details.customFields.cbegin(); it != details.customFields.cend(); ++it) {
        const bool known = std::any_of(fields.cbegin(), fields.cend(), [&](const CustomFieldDefinition& f) { return f.key == it.key(); });
        if (!known && !it.value().trimmed().isEmpty())
            result << message(QT_TRANSLATE_NOOP("BusinessRules", "%1 does not ask for the field \"%2\". Leave it out."),
                              {product.name, it.key()});
    }
    return result;
}

qint64 defaultContact(const QList<Contact>& contacts, const QString& role)
{
    for (const Contact& contact : contacts)
        if (contact.role == role)
            return contact.id;
    return contacts.isEmpty() ? 0 : contacts.first().id;
}

} // namespace sb::BusinessRules
