#include "TlsTcpServer.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace sb {

static QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Result<QSslConfiguration> TlsServerSettings::serverConfiguration() const
{
    const QList<QSslCertificate> chain = QSslCertificate::fromData(readAll(certificateFile), QSsl::Pem);
    const QByteArray keyPem = readAll(keyFile.isEmpty() ? certificateFile : keyFile);
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    const QList<QSslCertificate> clientCas =
        clientCaFile.isEmpty() ? QList<QSslCertificate>() : QSslCertificate::fromData(readAll(clientCaFile), QSsl::Pem);
    if (chain.isEmpty() || key.isNull() || (!clientCaFile.isEmpty() && clientCas.isEmpty())) {
        return Error{
            UserMessage("NetworkSimulator",
                        QT_TRANSLATE_NOOP("NetworkSimulator",
                                          "The simulator cannot serve HTTPS: the certificate %1, its key or "
                                          "the client CA bundle cannot be read. Check the files (PEM, key "
                                          "unencrypted)."),
                        {certificateFile}),
            QStringLiteral("simulator TLS files: certificate %1 (%2 found), key %3 (%4), client CA %5 (%6 found)")
                .arg(certificateFile)
                .arg(chain.size())
                .arg(keyFile, key.isNull() ? QStringLiteral("unreadable") : QStringLiteral("ok"), clientCaFile)
                .arg(clientCas.size())};
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    if (clientCas.isEmpty()) {
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    } else {
        configuration.setCaCertificates(clientCas);
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        // Refuse inside the handshake, as real servers do, so the client gets a TLS alert that says why (with these
        // off, Qt would finish the handshake and then drop the connection without a word).
        configuration.setMissingCertificateIsFatal(true);
        configuration.setHandshakeMustInterruptOnError(true);
    }
    return configuration;
}

void TlsTcpServer::setSslConfiguration(const QSslConfiguration& configuration)
{
    m_configuration = configuration;
    m_encrypted = true;
}

void TlsTcpServer::incomingConnection(qintptr handle)
{
    if (!m_encrypted) {
        QTcpServer::incomingConnection(handle);
        return;
    }
    auto* socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    socket->setSslConfiguration(m_configuration);
    // A failed handshake (no or an unknown client certificate) ends the connection; the owner sees disconnected().
    addPendingConnection(socket);
    socket->startServerEncryption();
}

} // namespace sb
