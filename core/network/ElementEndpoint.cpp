#include "ElementEndpoint.h"

#include "ElementSettings.h"

#include <QDir>

#include <utility>

namespace sb {

static QUrl withPath(QUrl base, const QString& path)
{
    QString basePath = base.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    base.setPath(basePath + path);
    return base;
}

NetworkEndpoints NetworkEndpoints::fromSettings(const QSettings& settings)
{
    auto value = [&](const char* key) { return settings.value(QStringLiteral("network/") + QLatin1String(key)).toString(); };
    NetworkEndpoints endpoints;
    const int timeoutMs = settings.value(QStringLiteral("network/timeout_ms"), 10000).toInt();
    endpoints.ocs.url = QUrl(value("ocs_url"));
    endpoints.hss.url = QUrl(value("hss_url"));
    endpoints.hss.provisioningKey = value("hss_provisioning_key");
    endpoints.iptv.url = QUrl(value("iptv_url"));
    endpoints.iptv.provisioningKey = value("iptv_api_key");
    for (ElementEndpoint* endpoint : {&endpoints.ocs, &endpoints.hss, &endpoints.iptv})
        endpoint->timeoutMs = timeoutMs > 0 ? timeoutMs : 10000;
    endpoints.ocs.tls = TlsSettings::fromSettings(settings, QStringLiteral("network/ocs_"));
    endpoints.hss.tls = TlsSettings::fromSettings(settings, QStringLiteral("network/hss_"));
    endpoints.iptv.tls = TlsSettings::fromSettings(settings, QStringLiteral("network/iptv_"));
    // Per element, <element>_timeout_ms overrides timeout_ms (Settings → Network elements writes those).
    for (auto [endpoint, key] : {std::pair{&endpoints.ocs, "ocs_timeout_ms"}, std::pair{&endpoints.hss, "hss_timeout_ms"},
                                 std::pair{&endpoints.iptv, "iptv_timeout_ms"}})
        if (const int ms = value(key).toInt(); ms > 0)
            endpoint->timeoutMs = ms;
    endpoints.mail = SmtpSettings::fromSettings(settings);
    endpoints.outboxDir = value("outbox_dir");
    endpoints.radiusDbUrl = ElementSettings::withPassword(value("radius/db_url"), value("radius/db_password"));
    endpoints.sipDbUrl = ElementSettings::withPassword(value("sip/db_url"), value("sip/db_password"));
    endpoints.sipDomain = value("sip/domain");
    endpoints.credentialsKeyFile = value("credentials_key_file");
    endpoints.hssKind = value("hss_kind");
    if (endpoints.usesOsmoHlr()) // osmo-hlr's CTRL port is 4259 unless its configuration says otherwise
        endpoints.hlr.url = QUrl(QStringLiteral("tcp://") + (value("hss_ctrl").isEmpty() ? QStringLiteral("127.0.0.1:4259") : value("hss_ctrl")));
    endpoints.hlr.timeoutMs = timeoutMs > 0 ? timeoutMs : 10000;
    if (const int ms = value("hss_timeout_ms").toInt(); ms > 0)
        endpoints.hlr.timeoutMs = ms;
    endpoints.simTransportKeyFile = settings.value(QStringLiteral("sim/transport_key_file")).toString();
    endpoints.simOp = settings.value(QStringLiteral("sim/op")).toString();
    return endpoints;
}

static QString elementDatabase(const QString& configured, const QString& folder, const char* file)
{
    if (!configured.isEmpty() || folder.isEmpty())
        return configured;
    return QStringLiteral("sqlite://") + folder + QLatin1Char('/') + QLatin1String(file);
}

QString NetworkEndpoints::radiusDatabaseUrl() const
{
    return elementDatabase(radiusDbUrl, standinDir, "radius.db");
}

QString NetworkEndpoints::sipDatabaseUrl() const
{
    return elementDatabase(sipDbUrl, standinDir, "kamailio.db");
}

QString NetworkEndpoints::credentialsKeyPath() const
{
    if (!credentialsKeyFile.isEmpty() || standinDir.isEmpty())
        return credentialsKeyFile;
    // Next to the element databases' folder, not in it: the RADIUS and SIP servers read that folder.
    return QDir::cleanPath(standinDir + QStringLiteral("/../credentials.key"));
}

NetworkEndpoints NetworkEndpoints::forSimulator(const QUrl& base)
{
    NetworkEndpoints endpoints;
    endpoints.ocs.url = withPath(base, QStringLiteral("/jsonrpc"));
    endpoints.hss.url = withPath(base, QString());
    endpoints.iptv.url = withPath(base, QStringLiteral("/iptv"));
    return endpoints;
}

} // namespace sb
