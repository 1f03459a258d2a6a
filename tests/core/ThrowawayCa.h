#pragma once

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// Certificates for one test run, made with the openssl CLI in a temporary folder: a CA the client trusts (ca.crt),
// a CA nobody trusts (other-ca.crt), a server certificate for localhost / 127.0.0.1 signed by the first
// (server.crt, server.key) and client certificates signed by each (client.crt/.key, stranger.crt/.key).
class ThrowawayCa
{
public:
    bool create()
    {
        if (!m_dir.isValid()) {
            m_error = QStringLiteral("no temporary folder");
            return false;
        }
        m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (m_openssl.isEmpty()) {
            m_error = QStringLiteral("the openssl command is missing (Debian package openssl)");
            return false;
        }
        return makeCa(QStringLiteral("ca")) && makeCa(QStringLiteral("other-ca")) &&
               makeLeaf(QStringLiteral("server"), QStringLiteral("ca"),
                        "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n") &&
               makeLeaf(QStringLiteral("client"), QStringLiteral("ca"), "extendedKeyUsage=clientAuth\n") &&
               makeLeaf(QStringLiteral("stranger"), QStringLiteral("other-ca"), "extendedKeyUsage=clientAuth\n");
    }

    QString error() const { return m_error; }
    QString file(const QString& name) const { return m_dir.filePath(name); }
    QString path() const { return m_dir.path(); }

private:
    bool run(const QStringList& args)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setWorkingDirectory(m_dir.path());
        process.start(m_openssl, args);
        const bool finished = process.waitForFinished(60000);
        if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
            return true;
        m_error = QStringLiteral("openssl %1 failed: %2")
                      .arg(args.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAll()));
        return false;
    }

    static QStringList newEcKey()
    {
        return {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    }

    bool makeCa(const QString& name)
    {
        return run(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + newEcKey() +
                   QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                               name + QStringLiteral(".crt"), QStringLiteral("-days"), QStringLiteral("2"),
                               QStringLiteral("-subj"), QStringLiteral("/CN=Switchboard test ") + name});
    }

    bool makeLeaf(const QString& name, const QString& ca, const char* extensions)
    {
        QFile ext(m_dir.filePath(name + QStringLiteral(".ext")));
        if (!ext.open(QIODevice::WriteOnly) || ext.write(extensions) < 0)
            return false;
        ext.close();
        const QString subject = name == QLatin1String("server") ? QStringLiteral("/CN=localhost")
                                                                : QStringLiteral("/CN=switchboard-") + name;
        return run(QStringList{QStringLiteral("req")} + newEcKey() +
                   QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                               name + QStringLiteral(".csr"), QStringLiteral("-subj"), subject}) &&
               run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    name + QStringLiteral(".csr"), QStringLiteral("-CA"), ca + QStringLiteral(".crt"),
                    QStringLiteral("-CAkey"), ca + QStringLiteral(".key"), QStringLiteral("-CAcreateserial"),
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                    name + QStringLiteral(".ext"), QStringLiteral("-out"), name + QStringLiteral(".crt")});
    }

    QTemporaryDir m_dir;
    QString m_openssl;
    QString m_error;
};
