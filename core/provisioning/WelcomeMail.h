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

    // Subject and body in `language`, Content-Language set; addresses are the caller's.
    static MimeMessage compose(const QString& language, const QString& customerName, const QString& serviceName);

    // params: to, name, language, service_name, service_id (the mail.welcome action's parameters).
    static Status send(const NetworkEndpoints& endpoints, int timeoutMs, const QJsonObject& params, QString* log);
};

} // namespace sb
