#include "CustomerRules.h"

#include "AssignRules.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

namespace sb::CustomerRules {

bool isWellFormedEmail(const QString& email)
{
    // One @, something before it, a dotted domain after it, no spaces: enough to catch typing mistakes.
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    return shape.match(email).hasMatch();
}

bool isPlausiblePhone(const QString& phone)
{
    static const QRegularExpression allowed(QStringLiteral("^\\+?[0-9 ()./-]+$"));
    return allowed.match(phone).hasMatch() && AssignRules::normalizePhone(phone).size() >= minimumPhoneDigits;
}

QList<UserMessage> customerProblems(const Customer& customer, qint64 nowMs)
{
    QList<UserMessage> problems;
    if (customer.name.trimmed().isEmpty())
        problems << UserMessage("Customer", QT_TRANSLATE_NOOP("Customer", "Enter the customer's name."));
    if (!customer.email.isEmpty() && !isWellFormedEmail(customer.email))
        problems << UserMessage("Customer",
                                QT_TRANSLATE_NOOP("Customer", "The email address \"%1\" is not valid. Enter it as "
                                                              "name@example.com, or leave it empty."),
                                {customer.email});
    if (!customer.phone.isEmpty() && !isPlausiblePhone(customer.phone))
        problems << UserMessage("Customer",
                                QT_TRANSLATE_NOOP("Customer", "The phone number \"%1\" is not valid. Enter at least 6 "
                                                              "digits (spaces, +, - and brackets are allowed), or "
                                                              "leave it empty."),
                                {customer.phone});
    if (!languages.contains(customer.language))
        problems << UserMessage("Customer", QT_TRANSLATE_NOOP("Customer", "Choose the customer's language: English, "
                                                                          "Portuguese (Brazil), French or Spanish."));
    const bool knownMethod = customer.paymentMethod.isEmpty() || customer.paymentMethod == cardPayment ||
                             customer.paymentMethod == directDebitPayment;
    if (!knownMethod)
        problems << UserMessage("Customer",
                                QT_TRANSLATE_NOOP("Customer", "Choose the payment method: card, direct debit or none."));
    if (customer.paymentMethodValidUntilMs != 0) {
        if (customer.paymentMethod.isEmpty())
            problems << UserMessage("Customer",
                                    QT_TRANSLATE_NOOP("Customer", "An expiry date needs a payment method. Choose card "
                                                                  "or direct debit, or clear the expiry date."));
        else if (customer.paymentMethodValidUntilMs <= nowMs)
            problems << UserMessage(
                "Customer",
                QT_TRANSLATE_NOOP("Customer", "The payment method expired on %1. Enter a future expiry date, or clear it "
                                              "if the payment method does not expire."),
                {QDateTime::fromMSecsSinceEpoch(customer.paymentMethodValidUntilMs).date().toString(Qt::ISODate)});
    }
    return problems;
}

QList<UserMessage> siteProblems(const Site& site)
{
    QList<UserMessage> problems;
    if (site.name.trimmed().isEmpty())
        problems << UserMessage("Customer",
                                QT_TRANSLATE_NOOP("Customer", "Enter a name for the site, for example \"Head office\"."));
    return problems;
}

QList<UserMessage> contactProblems(const Contact& contact)
{
    QList<UserMessage> problems;
    if (contact.role != billingRole && contact.role != technicalRole)
        problems << UserMessage("Customer",
                                QT_TRANSLATE_NOOP("Customer", "Choose the contact's role: billing or technical."));
    if (contact.name.trimmed().isEmpty()) {
        if (contact.role == billingRole)
            problems << UserMessage("Customer", QT_TRANSLATE_NOOP("Customer", "Enter the billing contact's name."));
        else if (contact.role == technicalRole)
            problems << UserMessage("Customer", QT_TRANSLATE_NOOP("Customer", "Enter the technical contact's name."));
        else
            problems << UserMessage("Customer", QT_TRANSLATE_NOOP("Customer", "Enter the contact's name."));
    }
    if (!contact.email.isEmpty() && !isWellFormedEmail(contact.email))
        problems << UserMessage("Customer",
                                QT_TRANSLATE_NOOP("Customer", "The contact email address \"%1\" is not valid. Enter it "
                                                              "as name@example.com, or leave it empty."),
                                {contact.email});
    if (!contact.phone.isEmpty() && !isPlausiblePhone(contact.phone))
        problems << UserMessage("Customer",
                                QT_TRANSLATE_NOOP("Customer", "The contact phone number \"%1\" is not valid. Enter at "
                                                              "least 6 digits, or leave it empty."),
                                {contact.phone});
    return problems;
}

QList<UserMessage> problems(const NewCustomer& draft, qint64 nowMs)
{
    QList<UserMessage> all = customerProblems(draft.customer, nowMs);
    for (const Site& site : draft.sites)
        all << siteProblems(site);
    for (const Contact& contact : draft.contacts)
        all << contactProblems(contact);
    return all;
}

UserMessage duplicateEmail(const QString& email, const Customer& existing)
{
    return UserMessage("Customer",
                       QT_TRANSLATE_NOOP("Customer", "%1 is already the email address of %2 (ID: %3). Open that "
                                                     "customer instead, or enter another email address."),
                       {email, existing.name, QString::number(existing.id)});
}

NewCustomer tidied(NewCustomer draft)
{
    Customer& c = draft.customer;
    c.name = c.name.trimmed();
    c.email = c.email.trimmed();
    c.phone = c.phone.trimmed();
    for (Site& site : draft.sites) {
        site.name = site.name.trimmed();
        site.address = site.address.trimmed();
    }
    for (Contact& contact : draft.contacts) {
        contact.name = contact.name.trimmed();
        contact.email = contact.email.trimmed();
        contact.phone = contact.phone.trimmed();
    }
    return draft;
}

} // namespace sb::CustomerRules
