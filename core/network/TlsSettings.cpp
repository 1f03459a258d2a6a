#include "TlsSettings.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QSslCertificate>
#include <QSslKey>

namespace sb {

TlsSettings TlsSettings::fromSettings(const QSettings& settings, const QString& prefix)
{
    TlsSettings tls;
    tls.caFile = settings.value(prefix + QStringLiteral("ca_file")).toString();
    tls.clientCertFile = settings.value(prefix + QStringLiteral("client_cert")).toString();
    tls.clientKeyFile = settings.value(prefix + QStringLiteral("client_key")).toString();
    tls.verifyPeer = settings.value(prefix + QStringLiteral("tls_verify"), true).toBool();
    return tls;
}

static QByteArray readFile(const QString& path, bool* ok)
{
    QFile file(path);
    *ok = file.open(QIODevice::ReadOnly);
    return *ok ? file.readAll() : QByteArray();
}

static QSslKey keyFrom(const QByteArray& pem)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

Result<QSslConfiguration> TlsSettings::clientConfiguration(const QString& element) const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(verifyPeer ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
    bool readable = false;

    if (!caFile.isEmpty()) {
        const QList<QSslCertificate> authorities = QSslCertificate::fromData(readFile(caFile, &readable), QSsl::Pem);
        if (authorities.isEmpty()) {
            return Error{UserMessage("NetworkError",
                                     QT_TRANSLATE_NOOP("NetworkError",
                                                       "The CA bundle %1 set for the %2 cannot be read or holds no "
                                                       "PEM certificate. Check the file and its path in Settings."),
                                     {caFile, element}),
                         QStringLiteral("%1: CA bundle %2 %3")
                             .arg(element, caFile,
                                  readable ? QStringLiteral("has no certificate") : QStringLiteral("unreadable"))};
        }
        config.addCaCertificates(authorities);
    }

    if (!clientCertFile.isEmpty()) {
        const QByteArray certificatePem = readFile(clientCertFile, &readable);
        const QList<QSslCertificate> certificates = QSslCertificate::fromData(certificatePem, QSsl::Pem);
        if (certificates.isEmpty()) {
            return Error{UserMessage("NetworkError",
                                     QT_TRANSLATE_NOOP("NetworkError",
                                                       "The client certificate %1 set for the %2 cannot be read or "
                                                       "holds no PEM certificate. Check the file and its path in "
                                                       "Settings."),
                                     {clientCertFile, element}),
                         QStringLiteral("%1: client certificate %2 unusable").arg(element, clientCertFile)};
        }
        const QString keyPath = clientKeyFile.isEmpty() ? clientCertFile : clientKeyFile;
        const QSslKey key = keyFrom(keyPath == clientCertFile ? certificatePem : readFile(keyPath, &readable));
        if (key.isNull()) {
            return Error{UserMessage("NetworkError",
                                     QT_TRANSLATE_NOOP("NetworkError",
                                                       "The client key %1 set for the %2 cannot be read. It must be "
                                                       "an unencrypted PEM private key; check the file and its path "
                                                       "in Settings."),
                                     {keyPath, element}),
                         QStringLiteral("%1: client key %2 unusable").arg(element, keyPath)};
        }
        // Every certificate after the first is an intermediate the server may need to build the chain.
        config.setLocalCertificateChain(certificates);
        config.setPrivateKey(key);
    }
    return config;
}

TlsProblem classifyTlsFailure(const QList<QSslError>& errors, const QString& errorText)
{
    for (const QSslError& error : errors) {
        switch (error.error()) {
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
        case QSslError::CertificateRejected:
        case QSslError::InvalidCaCertificate:
            return TlsProblem::UntrustedCertificate;
        case QSslError::CertificateExpired:
        case QSslError::CertificateNotYetValid:
            return TlsProblem::CertificateExpired;
        case QSslError::HostNameMismatch:
            return TlsProblem::HostNameMismatch;
        default:
            break;
        }
    }
    // The server's alerts arrive only as OpenSSL's text (TLS 1.2 "handshake failure", TLS 1.3 "certificate required").
    const QString text = errorText.toLower();
    if (text.contains(QLatin1String("certificate required")) ||
        text.contains(QLatin1String("peer did not return a certificate")) ||
        text.contains(QLatin1String("alert bad certificate")) || text.contains(QLatin1String("alert unknown ca")) ||
        text.contains(QLatin1String("alert handshake failure")))
        return TlsProblem::ClientCertificateRejected;
    return TlsProblem::Other;
}

QString tlsProblemName(TlsProblem problem)
{
    switch (problem) {
    case TlsProblem::None:
        return QStringLiteral("none");
    case TlsProblem::UntrustedCertificate:
        return QStringLiteral("untrusted certificate");
    case TlsProblem::HostNameMismatch:
        return QStringLiteral("host name mismatch");
    case TlsProblem::CertificateExpired:
        return QStringLiteral("certificate expired or not yet valid");
    case TlsProblem::ClientCertificateRejected:
        return QStringLiteral("client certificate required or rejected");
    case TlsProblem::Other:
        return QStringLiteral("other");
    }
    return {};
}

} // namespace sb
