#pragma once

#include "Entities.h"
#include "UserMessage.h"

namespace sb {

// A customer as the Create Customer dialog (or the CLI) gathers it: the customer, and for a business its first
// sites and contacts. Ids are filled in when it is written.
struct NewCustomer
{
    Customer customer;
    QList<Site> sites;
    QList<Contact> contacts;
};

// What makes a new customer, site or contact acceptable, written once for the GUI and the CLI. Each problem is
// its own sentence that says what to do, so a form can list them all at once.
namespace CustomerRules {

inline const QStringList languages{QStringLiteral("en"), QStringLiteral("pt_BR"), QStringLiteral("fr"),
                                   QStringLiteral("es")};
inline const QString cardPayment = QStringLiteral("card");
inline const QString directDebitPayment = QStringLiteral("direct_debit");
inline const QString billingRole = QStringLiteral("billing");
inline const QString technicalRole = QStringLiteral("technical");
constexpr int minimumPhoneDigits = 6;

bool isWellFormedEmail(const QString& email);
bool isPlausiblePhone(const QString& phone); // digits with + ( ) - . and spaces, at least minimumPhoneDigits digits

QList<UserMessage> customerProblems(const Customer& customer, qint64 nowMs);
QList<UserMessage> siteProblems(const Site& site);
QList<UserMessage> contactProblems(const Contact& contact);
// The customer's, then each site's and each contact's.
QList<UserMessage> problems(const NewCustomer& draft, qint64 nowMs);

UserMessage duplicateEmail(const QString& email, const Customer& existing);

// The fields as typed, without leading and trailing spaces.
NewCustomer tidied(NewCustomer draft);

} // namespace CustomerRules
} // namespace sb
