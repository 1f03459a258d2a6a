#pragma once

#include "domain/UserMessage.h"

#include <QList>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>

class QSettings;

namespace sb {

// How a client checks a server's certificate and proves its own identity. Verification is on unless turned off.
struct TlsSettings
{
    QString caFile;         // PEM bundle trusted in addition to the system's CAs; empty = the system's only
    QString clientCertFile; // PEM client certificate (may also hold the key); empty = none
    QString clientKeyFile;  // PEM private key of the client certificate, unencrypted; empty = in clientCertFile
    bool verifyPeer = true;

    // Keys <prefix>ca_file, <prefix>client_cert, <prefix>client_key, <prefix>tls_verify, e.g. prefix "network/ocs_".
    static TlsSettings fromSettings(const QSettings& settings, const QString& prefix);

    // The configuration for a client connection to `element` (its name in messages, e.g. "OCS"). Fails with a
    // sentence when a file cannot be read.
    Result<QSslConfiguration> clientConfiguration(const QString& element) const;
};

// Why a TLS handshake failed, in the terms a person can act on.
enum class TlsProblem {
    None,
    UntrustedCertificate,      // not signed by a CA we trust (unknown or self-signed CA)
    HostNameMismatch,          // signed, but for another host name
    CertificateExpired,        // expired or not valid yet
    ClientCertificateRejected, // the server wants a client certificate and did not accept ours (or none)
    Other
};

TlsProblem classifyTlsFailure(const QList<QSslError>& errors, const QString& errorText);
QString tlsProblemName(TlsProblem problem); // for logs

} // namespace sb
