#include "WelcomeMail.h"

#include "network/SmtpClient.h"
#include "security/ElementCredentials.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>
#include <QTranslator>

namespace sb {

namespace {

const char* const Context = "WelcomeMail";

// The texts of the mail. Translated with a translator of their own, so the app's language does not matter.
const char* const SubjectText = QT_TRANSLATE_NOOP("WelcomeMail", "Welcome to %1");
const char* const GreetingText = QT_TRANSLATE_NOOP("WelcomeMail", "Dear %1,");
const char* const ActiveText = QT_TRANSLATE_NOOP("WelcomeMail", "Your service %1 is now active.");
const char* const HelpText =
    QT_TRANSLATE_NOOP("WelcomeMail", "If you have any questions, simply reply to this email and we will help you.");
const char* const SignInText = QT_TRANSLATE_NOOP("WelcomeMail", "Your sign-in details:");
const char* const UserNameText = QT_TRANSLATE_NOOP("WelcomeMail", "User name: %1");
const char* const PasswordText = QT_TRANSLATE_NOOP("WelcomeMail", "Password: %1");
const char* const SipDomainText = QT_TRANSLATE_NOOP("WelcomeMail", "SIP domain: %1");
const char* const KeepSafeText =
    QT_TRANSLATE_NOOP("WelcomeMail", "Keep this password safe. We will never ask you for it by email or phone.");
const char* const ClosingText = QT_TRANSLATE_NOOP("WelcomeMail", "Kind regards,");
const char* const SignatureText = QT_TRANSLATE_NOOP("WelcomeMail", "Your customer care team");

class CustomerLanguage
{
public:
    explicit CustomerLanguage(const QString& language)
    {
        if (language != QLatin1String("en"))
            m_loaded = m_translator.load(QStringLiteral(":/i18n/switchboard_%1.qm").arg(language));
    }

    QString text(const char* source, const QString& argument = {}) const
    {
        QString translated = m_loaded ? m_translator.translate(Context, source) : QString();
        if (translated.isEmpty())
            translated = QString::fromUtf8(source);
        return argument.isNull() ? translated : translated.arg(argument);
    }

    // False when the mail would come out in English anyway (no translation of the subject yet).
    bool translates(const char* source) const { return m_loaded && !m_translator.translate(Context, source).isEmpty(); }

private:
    QTranslator m_translator;
    bool m_loaded = false;
};

Status fail(const char* source, QStringList args = {}, QString detail = {})
{
    return Status(Error{UserMessage("ProvisioningAction", source, std::move(args)), std::move(detail)});
}

} // namespace

QString WelcomeMail::supportedLanguage(const QString& code)
{
    const QString normalized = code.trimmed().replace(QLatin1Char('-'), QLatin1Char('_'));
    const QString base = normalized.section(QLatin1Char('_'), 0, 0).toLower();
    if (base == QLatin1String("pt"))
        return QStringLiteral("pt_BR");
    if (base == QLatin1String("fr") || base == QLatin1String("es"))
        return base;
    return QStringLiteral("en");
}

MimeMessage WelcomeMail::compose(const QString& language, const QString& customerName, const QString& serviceName,
                                 const SignIn& signIn)
{
    const QString code = supportedLanguage(language);
    const CustomerLanguage texts(code);
    MimeMessage message;
    message.language = texts.translates(SubjectText) ? QString(code).replace(QLatin1Char('_'), QLatin1Char('-'))
                                                     : QStringLiteral("en");
    message.toName = customerName;
    message.subject = texts.text(SubjectText, serviceName);
    message.body = texts.text(GreetingText, customerName) + QStringLiteral("\n\n") +
                   texts.text(ActiveText, serviceName) + QLatin1Char('\n');
    if (signIn.isSet()) {
        message.body += QLatin1Char('\n') + texts.text(SignInText) + QLatin1Char('\n') +
                        QStringLiteral("  ") + texts.text(UserNameText, signIn.userName) + QLatin1Char('\n') +
                        QStringLiteral("  ") + texts.text(PasswordText, signIn.password) + QLatin1Char('\n');
        if (!signIn.sipDomain.isEmpty())
            message.body += QStringLiteral("  ") + texts.text(SipDomainText, signIn.sipDomain) + QLatin1Char('\n');
        message.body += texts.text(KeepSafeText) + QStringLiteral("\n\n");
    }
    message.body += texts.text(HelpText) + QStringLiteral("\n\n") + texts.text(ClosingText) + QLatin1Char('\n') + texts.text(SignatureText) +
                   QLatin1Char('\n');
    return message;
}

Status WelcomeMail::send(const NetworkEndpoints& endpoints, int timeoutMs, const QJsonObject& params, QString* log)
{
    const QString to = params.value(QStringLiteral("to")).toString().trimmed();
    if (!to.contains(QLatin1Char('@')))
        return fail(QT_TRANSLATE_NOOP(
                        "ProvisioningAction",
                        "The customer has no valid email address (%1). Correct it on the customer record, then retry."),
                    {to});
    const QString language = supportedLanguage(params.value(QStringLiteral("language")).toString());
    SignIn signIn;
    const QString credentials = params.value(QStringLiteral("credentials")).toString();
    if (!credentials.isEmpty()) {
        const Result<ElementCredentials> keys = ElementCredentials::open(endpoints.credentialsKeyPath());
        if (!keys)
            return Status(keys.error());
        const QString serviceUuid = params.value(QStringLiteral("service_uuid")).toString();
        signIn.userName = params.value(QStringLiteral("login")).toString();
        if (credentials == QLatin1String("sip")) {
            signIn.password = keys->sipPassword(serviceUuid);
            signIn.sipDomain = endpoints.sipDomain.isEmpty() ? params.value(QStringLiteral("sip_domain")).toString()
                                                             : endpoints.sipDomain;
        } else {
            signIn.password = keys->radiusPassword(serviceUuid);
        }
    }
    MimeMessage message = compose(language, params.value(QStringLiteral("name")).toString(),
                                  params.value(QStringLiteral("service_name")).toString(), signIn);
    message.toAddress = to;

    if (!endpoints.mail.isSet()) {
        message.fromAddress = endpoints.mail.from;
        const QString serviceId = params.value(QStringLiteral("service_id")).toVariant().toString();
        if (endpoints.outboxDir.isEmpty() || !QDir().mkpath(endpoints.outboxDir))
            return fail(QT_TRANSLATE_NOOP("ProvisioningAction",
                                          "Cannot write to the mail outbox. Check the outbox folder in Settings."));
        QSaveFile file(endpoints.outboxDir + QStringLiteral("/welcome-service-%1.eml").arg(serviceId));
        if (!file.open(QIODevice::WriteOnly) || file.write(message.toBytes()) < 0 || !file.commit())
            return fail(QT_TRANSLATE_NOOP("ProvisioningAction",
                                          "Cannot write to the mail outbox. Check the outbox folder in Settings."),
                        {}, file.errorString());
        if (log)
            *log += QStringLiteral("welcome email (%1) to %2 written to %3\n").arg(language, to, file.fileName());
        return {};
    }

    SmtpSettings smtp = endpoints.mail;
    if (smtp.from.isEmpty())
        return fail(QT_TRANSLATE_NOOP("ProvisioningAction", "No sender address is set for the mail server. Set the "
                                                            "sender (from) address in the mail settings, then retry."));
    smtp.timeoutMs = qMax(1, qMin(smtp.timeoutMs, timeoutMs));
    message.fromAddress = smtp.from;
    SmtpClient client(smtp);
    if (log)
        *log += QStringLiteral("welcome email (%1) to %2, subject \"%3\"\n").arg(language, to, message.subject);
    const Status sent = client.send(to, message.toBytes(), log);
    if (sent && log)
        *log += QStringLiteral("welcome email accepted by %1 over %2\n")
                    .arg(smtp.address(),
                         client.tlsProtocol().isEmpty() ? QStringLiteral("a clear connection") : client.tlsProtocol());
    return sent;
}

} // namespace sb
