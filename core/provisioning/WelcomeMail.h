#pragma once

#include "domain/UserMessage.h"
#include "network/ElementEndpoint.h"
#include "network/MimeMessage.h"

#include <QJsonObject>
#include <QString>

namespace sb {

// The welcome email of a new service, written in the customer's language (whatever language the app runs in) and
// sent through the SMTP server of the settings, or written to the outbox folder when no server is set.
class WelcomeMail
{
public:
    // One of en, pt_BR, fr, es ("pt", "pt-BR", "fr_CA"… map to the nearest); anything else is en.
    static QString supportedLanguage(const QString& code);

    // The sign-in details of an account provisioning created for the customer (RADIUS user, SIP subscriber).
    struct SignIn
    {
        QString userName;
        QString password;
        QString sipDomain; // SIP only
        bool isSet() const { return !userName.isEmpty(); }
    };

    // Subject and body in `language`, Content-Language set; addresses are the caller's.
    static MimeMessage compose(const QString& language, const QString& customerName, const QString& serviceName,
                               const SignIn& signIn = {});

    // params: to, name, language, service_name, service_id (the mail.welcome action's parameters); for services
    // the customer signs in to also credentials ("radius" or "sip"), login, service_uuid and, for SIP, sip_domain.
    // The password is derived again here (ElementCredentials) and goes into the mail only, never into the log.
    static Status send(const NetworkEndpoints& endpoints, int timeoutMs, const QJsonObject& params, QString* log);
};

} // namespace sb
