#include "ElementEndpoint.h"

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
    endpoints.outboxDir = value("outbox_dir");
    return endpoints;
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
