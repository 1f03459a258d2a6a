#pragma once

#include "domain/UserMessage.h"

#include <QSslConfiguration>
#include <QTcpServer>

namespace sb {

// What a TLS server presents, and whether it demands a client certificate.
struct TlsServerSettings
{
    QString certificateFile; // PEM server certificate (chain)
    QString keyFile;         // PEM private key, unencrypted; empty = in certificateFile
    QString clientCaFile;    // non-empty: clients must present a certificate signed by a CA in this PEM bundle

    bool isSet() const { return !certificateFile.isEmpty(); }
    Result<QSslConfiguration> serverConfiguration() const;
};

// A QTcpServer whose connections are QSslSockets doing the server side of TLS once a configuration is set; the
// pending connections are still QTcpSocket pointers (readyRead only ever delivers decrypted bytes).
class TlsTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    using QTcpServer::QTcpServer;

    void setSslConfiguration(const QSslConfiguration& configuration);
    bool isEncrypted() const { return m_encrypted; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    QSslConfiguration m_configuration;
    bool m_encrypted = false;
};

} // namespace sb
