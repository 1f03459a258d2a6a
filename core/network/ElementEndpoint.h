#pragma once

#include "SmtpClient.h"
#include "TlsSettings.h"

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
    TlsSettings tls{};       // for https URLs: CA bundle, client certificate and key, verification (on by default)

    bool isSet() const { return url.isValid() && !url.isEmpty(); }
};

// Every element the provisioning runner may talk to, as configured in Settings.
struct NetworkEndpoints
{
    ElementEndpoint ocs{QStringLiteral("OCS"), {}, {}};
    ElementEndpoint hss{QStringLiteral("HSS"), {}, {}};
    ElementEndpoint iptv{QStringLiteral("IPTV middleware"), {}, {}};
    QString outboxDir;  // mail outbox folder (used when no SMTP server is set)
    SmtpSettings mail;  // the SMTP server for customer mail, group [mail]; no host = the outbox folder
    QString standinDir; // folder of the embedded RADIUS and SIP databases (SQLite files with the real schemas)
    QString radiusDbUrl; // FreeRADIUS SQL database (sqlite:///… or postgresql://…); empty: <standinDir>/radius.db
    QString sipDbUrl;    // Kamailio database with the subscriber table; empty: <standinDir>/kamailio.db
    QString sipDomain;   // the registrar's SIP domain; empty: the product's sip_domain
    QString credentialsKeyFile; // installation key of ElementCredentials; empty: <standinDir>/../credentials.key
    QString hssKind; // [network] hss_kind: "pyhss" (default: REST at hss) or "osmo-hlr" (CTRL at hlr)
    ElementEndpoint hlr{QStringLiteral("HLR"), {}, {}}; // osmo-hlr CTRL: [network] hss_ctrl = host:port (tcp://…)
    QString simTransportKeyFile; // [sim] transport_key_file: decrypts the SIM cards' Ki while provisioning
    QString simOp;               // [sim] op: the operator's OP, for SIM cards imported without OPc
    bool usesOsmoHlr() const { return hssKind == QLatin1String("osmo-hlr"); }

    bool hasOcs() const { return ocs.isSet(); }
    bool hasHss() const { return hss.isSet(); }
    bool hasIptv() const { return iptv.isSet(); }
    QString radiusDatabaseUrl() const;
    QString sipDatabaseUrl() const;
    QString credentialsKeyPath() const;

    // Addresses from the settings file, group [network]: ocs_url, hss_url, hss_provisioning_key, iptv_url,
    // iptv_api_key, timeout_ms, outbox_dir, radius/db_url, sip/db_url, sip/domain, credentials_key_file. A
    // missing address means the built-in simulator (or, for RADIUS and SIP, a database file in the data directory) serves that element.
    // TLS per element: ocs_ca_file, ocs_client_cert, ocs_client_key, ocs_tls_verify (same for hss_, iptv_).
    // Also ocs_timeout_ms, hss_timeout_ms, iptv_timeout_ms (override timeout_ms) and radius/db_password,
    // sip/db_password (the password of a database URL that has none).
    static NetworkEndpoints fromSettings(const QSettings& settings);

    // The built-in simulator serves all three on one port: OCS at /jsonrpc, PyHSS at the root, IPTV at /iptv.
    static NetworkEndpoints forSimulator(const QUrl& base);
};

} // namespace sb
