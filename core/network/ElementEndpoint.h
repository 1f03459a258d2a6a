#pragma once

#include <QSettings>
#include <QString>
#include <QUrl>

namespace sb {

// Where one network element is reached and how long to wait for it.
struct ElementEndpoint
{
    QString element;         // display name used in messages: "OCS", "HSS", "IPTV middleware"
    QUrl url;                // OCS: the JSON-RPC URL (…/jsonrpc); HSS and IPTV: the REST base URL
    QString provisioningKey; // HSS: Provisioning-Key header; IPTV: X-Api-Key header; empty = none
    int timeoutMs = 10000;

    bool isSet() const { return url.isValid() && !url.isEmpty(); }
};

// Every element the provisioning runner may talk to, as configured in Settings.
struct NetworkEndpoints
{
    ElementEndpoint ocs{QStringLiteral("OCS"), {}, {}};
    ElementEndpoint hss{QStringLiteral("HSS"), {}, {}};
    ElementEndpoint iptv{QStringLiteral("IPTV middleware"), {}, {}};
    QString outboxDir;  // mail outbox folder (used instead of SMTP)
    QString standinDir; // RADIUS/SIP stand-ins (SQLite files with the real schemas)

    bool hasOcs() const { return ocs.isSet(); }
    bool hasHss() const { return hss.isSet(); }
    bool hasIptv() const { return iptv.isSet(); }

    // Addresses from the settings file, group [network]: ocs_url, hss_url, hss_provisioning_key, iptv_url,
    // iptv_api_key, timeout_ms, outbox_dir. A missing address means the built-in simulator serves that element.
    static NetworkEndpoints fromSettings(const QSettings& settings);

    // The built-in simulator serves all three on one port: OCS at /jsonrpc, PyHSS at the root, IPTV at /iptv.
    static NetworkEndpoints forSimulator(const QUrl& base);
};

} // namespace sb
