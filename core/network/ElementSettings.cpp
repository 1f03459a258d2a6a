#include "ElementSettings.h"

#include "store/DatabaseUrl.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QUrl>

namespace sb {
namespace {

using Kind = ElementField::Kind;

constexpr const char* Context = "ElementSettings";

QList<ElementField> tlsFields(ElementPage page, const char* ca, const char* cert, const char* key, const char* verify)
{
    return {
        {page, ca, Kind::File, false, QT_TRANSLATE_NOOP("ElementSettings", "CA bundle:"),
         QT_TRANSLATE_NOOP("ElementSettings", "Empty: the system's trusted CAs only")},
        {page, cert, Kind::File, false, QT_TRANSLATE_NOOP("ElementSettings", "Client certificate:"),
         QT_TRANSLATE_NOOP("ElementSettings", "Empty: no client certificate")},
        {page, key, Kind::File, false, QT_TRANSLATE_NOOP("ElementSettings", "Client key:"),
         QT_TRANSLATE_NOOP("ElementSettings", "Empty: the key is in the certificate file")},
        {page, verify, Kind::Verify, false, QT_TRANSLATE_NOOP("ElementSettings", "Verification:"), nullptr},
    };
}

QList<ElementField> buildFields()
{
    QList<ElementField> all;
    all << ElementField{ElementPage::Ocs,
                        "network/ocs_url",
                        Kind::Url,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "JSON-RPC URL:"),
                        QT_TRANSLATE_NOOP("ElementSettings", "Empty: the built-in simulator")};
    all << tlsFields(ElementPage::Ocs, "network/ocs_ca_file", "network/ocs_client_cert", "network/ocs_client_key",
                     "network/ocs_tls_verify");
    all << ElementField{ElementPage::Ocs,
                        "network/ocs_timeout_ms",
                        Kind::TimeoutMs,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "Timeout:"),
                        nullptr};

    all << ElementField{ElementPage::Hss,
                        "network/hss_kind",
                        Kind::Choice,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "Kind:"),
                        nullptr,
                        {QStringLiteral("pyhss"), QStringLiteral("osmo-hlr")}};
    all << ElementField{ElementPage::Hss,
                        "network/hss_url",
                        Kind::Url,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "PyHSS REST URL:"),
                        QT_TRANSLATE_NOOP("ElementSettings", "Empty: the built-in simulator")};
    all << ElementField{ElementPage::Hss,
                        "network/hss_provisioning_key",
                        Kind::Text,
                        true,
                        QT_TRANSLATE_NOOP("ElementSettings", "Provisioning key:"),
                        QT_TRANSLATE_NOOP("ElementSettings", "Empty: none")};
    all << ElementField{ElementPage::Hss,
                        "network/hss_ctrl",
                        Kind::HostPort,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "osmo-hlr CTRL (host:port):"),
                        QT_TRANSLATE_NOOP("ElementSettings", "Empty: 127.0.0.1:4259")};
    all << tlsFields(ElementPage::Hss, "network/hss_ca_file", "network/hss_client_cert", "network/hss_client_key",
                     "network/hss_tls_verify");
    all << ElementField{ElementPage::Hss,
                        "network/hss_timeout_ms",
                        Kind::TimeoutMs,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "Timeout:"),
                        nullptr};

    all << ElementField{ElementPage::Iptv,
                        "network/iptv_url",
                        Kind::Url,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "REST URL:"),
                        QT_TRANSLATE_NOOP("ElementSettings", "Empty: the built-in simulator")};
    all << ElementField{ElementPage::Iptv,
                        "network/iptv_api_key",
                        Kind::Text,
                        true,
                        QT_TRANSLATE_NOOP("ElementSettings", "API key:"),
                        QT_TRANSLATE_NOOP("ElementSettings", "Empty: none")};
    all << tlsFields(ElementPage::Iptv, "network/iptv_ca_file", "network/iptv_client_cert", "network/iptv_client_key",
                     "network/iptv_tls_verify");
    all << ElementField{ElementPage::Iptv,
                        "network/iptv_timeout_ms",
                        Kind::TimeoutMs,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "Timeout:"),
                        nullptr};

    all << ElementField{ElementPage::Radius,
                        "network/radius/db_url",
                        Kind::DatabaseUrl,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "Database URL:"),
                        QT_TRANSLATE_NOOP("ElementSettings", "Empty: the embedded RADIUS database in the data folder")};
    all << ElementField{ElementPage::Radius,
                        "network/radius/db_password",
                        Kind::Text,
                        true,
                        QT_TRANSLATE_NOOP("ElementSettings", "Database password:"),
                        QT_TRANSLATE_NOOP("ElementSettings", "Empty: none")};

    all << ElementField{
        ElementPage::Sip,
        "network/sip/db_url",
        Kind::DatabaseUrl,
        false,
        QT_TRANSLATE_NOOP("ElementSettings", "Database URL:"),
        QT_TRANSLATE_NOOP("ElementSettings", "Empty: the embedded Kamailio database in the data folder")};
    all << ElementField{ElementPage::Sip,
                        "network/sip/db_password",
                        Kind::Text,
                        true,
                        QT_TRANSLATE_NOOP("ElementSettings", "Database password:"),
                        QT_TRANSLATE_NOOP("ElementSettings", "Empty: none")};
    all << ElementField{ElementPage::Sip,
                        "network/sip/domain",
                        Kind::Host,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "SIP domain:"),
                        QT_TRANSLATE_NOOP("ElementSettings", "Empty: the domain set in the product")};

    all << ElementField{ElementPage::Mail,
                        "mail/host",
                        Kind::Host,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "SMTP server:"),
                        QT_TRANSLATE_NOOP("ElementSettings", "Empty: mail goes to the outbox folder")};
    all << ElementField{ElementPage::Mail,
                        "mail/port",
                        Kind::Port,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "Port:"),
                        QT_TRANSLATE_NOOP("ElementSettings", "587")};
    all << ElementField{ElementPage::Mail,
                        "mail/from",
                        Kind::Email,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "Sender address:"),
                        QT_TRANSLATE_NOOP("ElementSettings", "e.g. noreply@example.com")};
    all << ElementField{ElementPage::Mail,
                        "mail/username",
                        Kind::Text,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "User name:"),
                        QT_TRANSLATE_NOOP("ElementSettings", "Empty: no sign-in")};
    all << ElementField{ElementPage::Mail,
                        "mail/password",
                        Kind::Text,
                        true,
                        QT_TRANSLATE_NOOP("ElementSettings", "Password:"),
                        nullptr};
    all << ElementField{ElementPage::Mail,
                        "mail/starttls",
                        Kind::Flag,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "STARTTLS:"),
                        nullptr};
    all << tlsFields(ElementPage::Mail, "mail/ca_file", "mail/client_cert", "mail/client_key", "mail/tls_verify");
    all << ElementField{ElementPage::Mail,
                        "mail/timeout_ms",
                        Kind::TimeoutMs,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "Timeout:"),
                        nullptr};

    all << ElementField{ElementPage::SimKeys,
                        "sim/transport_key_file",
                        Kind::File,
                        false,
                        QT_TRANSLATE_NOOP("ElementSettings", "Transport key file:"),
                        QT_TRANSLATE_NOOP("ElementSettings", "Empty: give it when importing SIM batches")};
    all << ElementField{ElementPage::SimKeys,
                        "sim/op",
                        Kind::HexKey,
                        true,
                        QT_TRANSLATE_NOOP("ElementSettings", "Operator key (OP):"),
                        QT_TRANSLATE_NOOP("ElementSettings", "Empty: SIM cards bring their OPc")};
    return all;
}

bool isFlag(const ElementField& field)
{
    return field.kind == Kind::Verify || field.kind == Kind::Flag;
}

QString flagText(bool on)
{
    return on ? QStringLiteral("true") : QStringLiteral("false");
}

// The password field that belongs to a database URL field ("network/radius/db_url" -> "network/radius/db_password").
QString passwordKeyOf(const QString& urlKey)
{
    QString key = urlKey;
    key.replace(QLatin1String("db_url"), QLatin1String("db_password"));
    return key;
}

QString withoutPassword(const QString& text, QString* password)
{
    QUrl url(text);
    if (!url.isValid() || url.password().isEmpty())
        return text;
    if (password)
        *password = url.password();
    url.setPassword(QString());
    return url.toString();
}

int timeoutOf(const ElementSettings::Values& values, const char* key, int fallback)
{
    const int ms = values.value(QLatin1String(key)).toInt();
    return ms > 0 ? ms : fallback;
}

TlsSettings tlsOf(const ElementSettings::Values& values, const QString& prefix)
{
    TlsSettings tls;
    tls.caFile = values.value(prefix + QStringLiteral("ca_file"));
    tls.clientCertFile = values.value(prefix + QStringLiteral("client_cert"));
    tls.clientKeyFile = values.value(prefix + QStringLiteral("client_key"));
    tls.verifyPeer = values.value(prefix + QStringLiteral("tls_verify")) != QLatin1String("false");
    return tls;
}

UserMessage problem(const char* source, const QStringList& args = {})
{
    return UserMessage(Context, source, args);
}

} // namespace

const QList<ElementField>& ElementSettings::fields()
{
    static const QList<ElementField> all = buildFields();
    return all;
}

QList<ElementField> ElementSettings::fieldsOf(ElementPage page)
{
    QList<ElementField> result;
    for (const ElementField& field : fields())
        if (field.page == page)
            result << field;
    return result;
}

QList<ElementPage> ElementSettings::pages()
{
    return {ElementPage::Ocs, ElementPage::Hss,  ElementPage::Iptv,   ElementPage::Radius,
            ElementPage::Sip, ElementPage::Mail, ElementPage::SimKeys};
}

const char* ElementSettings::pageName(ElementPage page)
{
    switch (page) {
    case ElementPage::Ocs:
        return QT_TRANSLATE_NOOP("ElementSettings", "OCS (CGRateS)");
    case ElementPage::Hss:
        return QT_TRANSLATE_NOOP("ElementSettings", "HSS / HLR");
    case ElementPage::Iptv:
        return QT_TRANSLATE_NOOP("ElementSettings", "IPTV middleware");
    case ElementPage::Radius:
        return QT_TRANSLATE_NOOP("ElementSettings", "RADIUS");
    case ElementPage::Sip:
        return QT_TRANSLATE_NOOP("ElementSettings", "SIP registrar");
    case ElementPage::Mail:
        return QT_TRANSLATE_NOOP("ElementSettings", "Mail (SMTP)");
    case ElementPage::SimKeys:
        return QT_TRANSLATE_NOOP("ElementSettings", "SIM keys");
    }
    return "";
}

const ElementField* ElementSettings::field(const QString& key)
{
    for (const ElementField& field : fields())
        if (key == QLatin1String(field.key))
            return &field;
    return nullptr;
}

ElementSettings::Values ElementSettings::load(const QSettings& settings)
{
    Values values;
    for (const ElementField& field : fields()) {
        const QString key = QLatin1String(field.key);
        QString value = settings.value(key).toString().trimmed();
        if (isFlag(field))
            value = flagText(settings.value(key, true).toBool());
        else if (field.kind == Kind::Choice && !field.choices.contains(value))
            value = field.choices.value(0);
        values.insert(key, value);
    }
    for (const ElementField& field : fields()) {
        if (field.kind != Kind::DatabaseUrl)
            continue;
        QString password;
        const QString key = QLatin1String(field.key);
        values[key] = withoutPassword(values.value(key), &password);
        if (!password.isEmpty() && values.value(passwordKeyOf(key)).isEmpty())
            values[passwordKeyOf(key)] = password;
    }
    return values;
}

void ElementSettings::save(QSettings& settings, const Values& values, const QSet<QString>& clearedSecrets)
{
    Values toWrite = values;
    for (const ElementField& field : fields()) { // a password typed into a database URL goes to its own key
        if (field.kind != Kind::DatabaseUrl)
            continue;
        QString password;
        const QString key = QLatin1String(field.key);
        toWrite[key] = withoutPassword(toWrite.value(key).trimmed(), &password);
        if (!password.isEmpty() && toWrite.value(passwordKeyOf(key)).isEmpty())
            toWrite[passwordKeyOf(key)] = password;
    }
    for (const ElementField& field : fields()) {
        const QString key = QLatin1String(field.key);
        const QString value = field.secret ? toWrite.value(key) : toWrite.value(key).trimmed();
        if (field.secret) {
            if (!value.isEmpty())
                settings.setValue(key, value);
            else if (clearedSecrets.contains(key))
                settings.remove(key);
        } else if (isFlag(field)) {
            settings.setValue(key, value != QLatin1String("false"));
        } else if (value.isEmpty()) {
            settings.remove(key);
        } else {
            settings.setValue(key, value);
        }
    }
    settings.sync();
    // The element secrets are in this file: readable by its owner only, as libpq demands of ~/.pgpass.
    bool holdsSecret = false;
    for (const ElementField& field : fields())
        holdsSecret = holdsSecret || (field.secret && settings.contains(QLatin1String(field.key)));
    if (holdsSecret && QFile::exists(settings.fileName()))
        QFile::setPermissions(settings.fileName(), QFile::ReadOwner | QFile::WriteOwner);
}

UserMessage ElementSettings::check(const ElementField& field, const QString& rawValue)
{
    const QString value = rawValue.trimmed();
    if (value.isEmpty())
        return {};
    switch (field.kind) {
    case Kind::Url: {
        const QUrl url(value, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() ||
            (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return problem(QT_TRANSLATE_NOOP("ElementSettings",
                                             "Enter a full address that starts with http:// or "
                                             "https://, for example https://ocs.example.net:2080/jsonrpc."));
        return {};
    }
    case Kind::DatabaseUrl: {
        const Result<DatabaseUrl> url = DatabaseUrl::parse(value);
        if (!url)
            return url.error().message;
        return {};
    }
    case Kind::HostPort: {
        static const QRegularExpression pattern(QStringLiteral("^([^\\s:/]+):(\\d{1,5})$"));
        const QRegularExpressionMatch match = pattern.match(value);
        const int port = match.hasMatch() ? match.captured(2).toInt() : 0;
        if (port < 1 || port > 65535)
            return problem(QT_TRANSLATE_NOOP("ElementSettings", "Enter host:port, for example 127.0.0.1:4259, with a "
                                                                "port from 1 to 65535."));
        return {};
    }
    case Kind::Host: {
        static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._\\-\\[\\]]+$"));
        if (!pattern.match(value).hasMatch())
            return problem(QT_TRANSLATE_NOOP("ElementSettings", "Enter a host name or IP address only, without "
                                                                "http:// or a port."));
        return {};
    }
    case Kind::Port: {
        bool ok = false;
        const int port = value.toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return problem(QT_TRANSLATE_NOOP("ElementSettings", "Enter a port from 1 to 65535."));
        return {};
    }
    case Kind::Email: {
        static const QRegularExpression pattern(QStringLiteral("^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$"));
        if (!pattern.match(value).hasMatch())
            return problem(QT_TRANSLATE_NOOP("ElementSettings", "Enter an email address such as noreply@example.com."));
        return {};
    }
    case Kind::HexKey: {
        static const QRegularExpression pattern(QStringLiteral("^[0-9A-Fa-f]{32}$"));
        if (!pattern.match(value).hasMatch())
            return problem(QT_TRANSLATE_NOOP("ElementSettings", "Enter 32 hexadecimal digits (16 bytes)."));
        return {};
    }
    case Kind::File: {
        const QFileInfo file(value);
        if (!file.exists())
            return problem(QT_TRANSLATE_NOOP("ElementSettings", "The file %1 does not exist. Check the path."),
                           {value});
        if (!file.isFile() || !file.isReadable())
            return problem(QT_TRANSLATE_NOOP("ElementSettings", "Switchboard cannot read the file %1. Check that it is "
                                                                "a file and its permissions."),
                           {value});
        return {};
    }
    case Kind::TimeoutMs: {
        bool ok = false;
        const int ms = value.toInt(&ok);
        if (!ok || ms < 1 || ms > 600000)
            return problem(QT_TRANSLATE_NOOP("ElementSettings", "Enter a timeout from 1 to 600 seconds."));
        return {};
    }
    case Kind::Choice:
        if (!field.choices.contains(value))
            return problem(QT_TRANSLATE_NOOP("ElementSettings", "Choose one of the listed kinds."));
        return {};
    case Kind::Text:
    case Kind::Verify:
    case Kind::Flag:
        break;
    }
    return {};
}

ElementEndpoint ElementSettings::endpoint(ElementPage page, const Values& values)
{
    NetworkEndpoints names; // element names as the adapters use them in messages
    const int shared = timeoutOf(values, "network/timeout_ms", 10000);
    switch (page) {
    case ElementPage::Ocs: {
        ElementEndpoint ocs = names.ocs;
        ocs.url = QUrl(values.value(QStringLiteral("network/ocs_url")));
        ocs.timeoutMs = timeoutOf(values, "network/ocs_timeout_ms", shared);
        ocs.tls = tlsOf(values, QStringLiteral("network/ocs_"));
        return ocs;
    }
    case ElementPage::Hss: {
        const bool osmo = values.value(QStringLiteral("network/hss_kind")) == QLatin1String("osmo-hlr");
        ElementEndpoint hss = osmo ? names.hlr : names.hss;
        if (osmo) {
            const QString ctrl = values.value(QStringLiteral("network/hss_ctrl"));
            hss.url = QUrl(QStringLiteral("tcp://") + (ctrl.isEmpty() ? QStringLiteral("127.0.0.1:4259") : ctrl));
        } else {
            hss.url = QUrl(values.value(QStringLiteral("network/hss_url")));
            hss.provisioningKey = values.value(QStringLiteral("network/hss_provisioning_key"));
            hss.tls = tlsOf(values, QStringLiteral("network/hss_"));
        }
        hss.timeoutMs = timeoutOf(values, "network/hss_timeout_ms", shared);
        return hss;
    }
    case ElementPage::Iptv: {
        ElementEndpoint iptv = names.iptv;
        iptv.url = QUrl(values.value(QStringLiteral("network/iptv_url")));
        iptv.provisioningKey = values.value(QStringLiteral("network/iptv_api_key"));
        iptv.timeoutMs = timeoutOf(values, "network/iptv_timeout_ms", shared);
        iptv.tls = tlsOf(values, QStringLiteral("network/iptv_"));
        return iptv;
    }
    case ElementPage::Radius:
    case ElementPage::Sip:
    case ElementPage::Mail:
    case ElementPage::SimKeys:
        break;
    }
    return {};
}

SmtpSettings ElementSettings::mail(const Values& values)
{
    SmtpSettings smtp;
    smtp.host = values.value(QStringLiteral("mail/host")).trimmed();
    const int port = values.value(QStringLiteral("mail/port")).toInt();
    smtp.port = port > 0 && port < 65536 ? quint16(port) : quint16(587);
    smtp.from = values.value(QStringLiteral("mail/from")).trimmed();
    smtp.username = values.value(QStringLiteral("mail/username"));
    smtp.password = values.value(QStringLiteral("mail/password"));
    smtp.startTls = values.value(QStringLiteral("mail/starttls")) != QLatin1String("false");
    smtp.tls = tlsOf(values, QStringLiteral("mail/"));
    smtp.timeoutMs = timeoutOf(values, "mail/timeout_ms", 30000);
    return smtp;
}

QString ElementSettings::databaseUrl(ElementPage page, const Values& values)
{
    const QString prefix =
        page == ElementPage::Sip ? QStringLiteral("network/sip/") : QStringLiteral("network/radius/");
    return withPassword(values.value(prefix + QStringLiteral("db_url")).trimmed(),
                        values.value(prefix + QStringLiteral("db_password")));
}

QString ElementSettings::withPassword(const QString& text, const QString& password)
{
    if (text.isEmpty() || password.isEmpty())
        return text;
    QUrl url(text);
    if (!url.isValid() || !url.password().isEmpty() || url.scheme().startsWith(QLatin1String("sqlite")))
        return text;
    url.setPassword(password);
    return url.toString();
}

} // namespace sb
