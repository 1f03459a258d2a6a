// TLS to the HTTP elements (OCS, HSS, IPTV middleware): the built-in simulator serves HTTPS with a throwaway CA made
// by the openssl CLI; the clients verify the server (CA bundle from the settings) and present a client certificate
// when the server demands one. Failures read as sentences naming the element and what to check.
#include "ThrowawayCa.h"

#include "network/CgratesClient.h"
#include "network/ElementEndpoint.h"
#include "network/IptvClient.h"
#include "network/NetworkSimulator.h"
#include "network/PyHssClient.h"
#include "network/SimulatorThread.h"
#include "network/TlsTcpServer.h"

#include <QSettings>
#include <QTest>

using namespace sb;

class ElementTlsTest : public QObject
{
    Q_OBJECT

private:
    ThrowawayCa m_ca;
    SimulatorThread m_server;       // HTTPS, any client
    SimulatorThread m_strictServer; // HTTPS, client certificate signed by ca.crt required

    static constexpr quint16 ServerPort = 18443;
    static constexpr quint16 StrictServerPort = 18444;

    NetworkEndpoints endpoints(const SimulatorThread& server, const TlsSettings& tls) const
    {
        NetworkEndpoints result = NetworkEndpoints::forSimulator(server.baseUrl());
        for (ElementEndpoint* endpoint : {&result.ocs, &result.hss, &result.iptv}) {
            endpoint->tls = tls;
            endpoint->timeoutMs = 10000;
        }
        return result;
    }

    TlsSettings trusting(const QString& caFile) const
    {
        TlsSettings tls;
        tls.caFile = m_ca.file(caFile);
        return tls;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (OpenSSL) here");
        QVERIFY2(m_ca.create(), qPrintable(m_ca.error()));

        TlsServerSettings server;
        server.certificateFile = m_ca.file(QStringLiteral("server.crt"));
        server.keyFile = m_ca.file(QStringLiteral("server.key"));
        const Result<QSslConfiguration> open = server.serverConfiguration();
        QVERIFY2(open.ok(), qPrintable(open.error().detail));
        m_server.setServerTls(*open);
        QVERIFY2(m_server.start(ServerPort), "the HTTPS simulator could not listen on its port");
        QCOMPARE(m_server.baseUrl().scheme(), QStringLiteral("https"));

        server.clientCaFile = m_ca.file(QStringLiteral("ca.crt"));
        const Result<QSslConfiguration> strict = server.serverConfiguration();
        QVERIFY2(strict.ok(), qPrintable(strict.error().detail));
        m_strictServer.setServerTls(*strict);
        QVERIFY2(m_strictServer.start(StrictServerPort),
                 "the client-certificate simulator could not listen on its port");
    }

    void cleanupTestCase()
    {
        m_server.stop();
        m_strictServer.stop();
    }

    void trustedCaSucceedsOnEveryElement()
    {
        const NetworkEndpoints elements = endpoints(m_server, trusting(QStringLiteral("ca.crt")));
        QString log;
        const Status account = CgratesClient(elements.ocs).setAccount({}, QStringLiteral("tls-account"), {}, &log);
        QVERIFY2(account.ok(),
                 qPrintable(account.error.message.englishText() + QLatin1Char(' ') + account.error.detail));
        QVERIFY(
            !m_server.simulator()->ocsAccount(QStringLiteral("cgrates.org"), QStringLiteral("tls-account")).isEmpty());
        QVERIFY2(log.contains(QLatin1String("https://127.0.0.1")), qPrintable(log));

        const Result<QJsonObject> auc =
            PyHssClient(elements.hss)
                .putAuc({{QStringLiteral("imsi"), QStringLiteral("001010000012345")},
                         {QStringLiteral("iccid"), QStringLiteral("8900000000000012345")},
                         {QStringLiteral("ki"), QStringLiteral("465B5CE8B199B49FAA5F0A2EE238A6BC")},
                         {QStringLiteral("opc"), QStringLiteral("CD63CB71954A9F4E48A5994E37A02BAF")},
                         {QStringLiteral("amf"), QStringLiteral("8000")}});
        QVERIFY2(auc.ok(), qPrintable(auc.ok() ? QString() : auc.error().message.englishText()));
        QVERIFY(!m_server.simulator()->hssAuc(QStringLiteral("001010000012345")).isEmpty());

        const Result<QJsonObject> device =
            IptvClient(elements.iptv)
                .activateDevice(QStringLiteral("STB-TLS-1"), QStringLiteral("tls-account"), {QStringLiteral("basic")});
        QVERIFY2(device.ok(), qPrintable(device.ok() ? QString() : device.error().message.englishText()));
        QVERIFY(!m_server.simulator()->iptvDevice(QStringLiteral("STB-TLS-1")).isEmpty());
    }

    void unknownCaFailsWithAClearMessage_data()
    {
        QTest::addColumn<QString>("caFile");
        QTest::newRow("system CAs only") << QString();
        QTest::newRow("another CA") << QStringLiteral("other-ca.crt");
    }

    void unknownCaFailsWithAClearMessage()
    {
        QFETCH(QString, caFile);
        TlsSettings tls;
        if (!caFile.isEmpty())
            tls.caFile = m_ca.file(caFile);
        const NetworkEndpoints elements = endpoints(m_server, tls);
        QString log;
        const Status status = CgratesClient(elements.ocs).setAccount({}, QStringLiteral("never"), {}, &log);
        QVERIFY(!status.ok());
        QCOMPARE(status.error.message.englishText(),
                 QStringLiteral("The OCS at %1/jsonrpc presented a certificate that is not signed by a trusted CA. "
                                "Set the CA bundle in Settings or check the server's certificate.")
                     .arg(m_server.baseUrl().toString()));
        QVERIFY2(status.error.detail.contains(QLatin1String("untrusted certificate")), qPrintable(status.error.detail));
        QVERIFY(m_server.simulator()->ocsAccount(QStringLiteral("cgrates.org"), QStringLiteral("never")).isEmpty());

        const Result<QJsonObject> hss =
            PyHssClient(elements.hss).getSubscriberByImsi(QStringLiteral("001010000099999"));
        QVERIFY(!hss.ok());
        QVERIFY2(hss.error().message.englishText().startsWith(QStringLiteral("The HSS at https://127.0.0.1:")),
                 qPrintable(hss.error().message.englishText()));
    }

    void verificationCanBeTurnedOff()
    {
        TlsSettings tls;
        tls.verifyPeer = false; // an explicit choice in Settings; the default is on (previous test)
        const Status status = CgratesClient(endpoints(m_server, tls).ocs).setAccount({}, QStringLiteral("unverified"));
        QVERIFY2(status.ok(), qPrintable(status.error.detail));
    }

    void clientCertificateRequired_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("without a client certificate") << QString() << false;
        QTest::newRow("with one from an unknown CA") << QStringLiteral("stranger") << false;
        QTest::newRow("with the client certificate") << QStringLiteral("client") << true;
    }

    void clientCertificateRequired()
    {
        QFETCH(QString, certificate);
        QFETCH(bool, accepted);
        TlsSettings tls = trusting(QStringLiteral("ca.crt"));
        if (!certificate.isEmpty()) {
            tls.clientCertFile = m_ca.file(certificate + QStringLiteral(".crt"));
            tls.clientKeyFile = m_ca.file(certificate + QStringLiteral(".key"));
        }
        const QString account =
            QStringLiteral("mtls-") + (certificate.isEmpty() ? QStringLiteral("none") : certificate);
        QString log;
        const Status status = CgratesClient(endpoints(m_strictServer, tls).ocs).setAccount({}, account, {}, &log);
        if (accepted) {
            QVERIFY2(status.ok(),
                     qPrintable(status.error.message.englishText() + QLatin1Char(' ') + status.error.detail));
            QVERIFY(!m_strictServer.simulator()->ocsAccount(QStringLiteral("cgrates.org"), account).isEmpty());
            return;
        }
        QVERIFY(!status.ok());
        QVERIFY2(status.error.detail.contains(QLatin1String("client certificate required or rejected")),
                 qPrintable(status.error.detail));
        QVERIFY2(log.contains(QStringLiteral("← no answer (tls")), qPrintable(log));
        QCOMPARE(status.error.message.englishText(),
                 QStringLiteral("The OCS at %1/jsonrpc requires a client certificate and did not accept ours. Set the "
                                "client certificate and key for it in Settings, signed by a CA the OCS trusts.")
                     .arg(m_strictServer.baseUrl().toString()));
        QVERIFY(m_strictServer.simulator()->ocsAccount(QStringLiteral("cgrates.org"), account).isEmpty());
    }

    void unreadableTlsFilesAreNamed()
    {
        TlsSettings tls;
        tls.caFile = m_ca.file(QStringLiteral("missing-ca.pem"));
        Status status = CgratesClient(endpoints(m_server, tls).ocs).setAccount({}, QStringLiteral("x"));
        QVERIFY(!status.ok());
        QCOMPARE(status.error.message.englishText(),
                 QStringLiteral("The CA bundle %1 set for the OCS cannot be read or holds no PEM certificate. Check "
                                "the file and its path in Settings.")
                     .arg(tls.caFile));

        tls = trusting(QStringLiteral("ca.crt"));
        tls.clientCertFile = m_ca.file(QStringLiteral("client.crt"));
        tls.clientKeyFile = m_ca.file(QStringLiteral("client.csr")); // not a key
        status = CgratesClient(endpoints(m_strictServer, tls).ocs).setAccount({}, QStringLiteral("x"));
        QVERIFY(!status.ok());
        QVERIFY2(status.error.message.englishText().startsWith(
                     QStringLiteral("The client key %1 set for the OCS cannot be read.").arg(tls.clientKeyFile)),
                 qPrintable(status.error.message.englishText()));
    }

    void settingsFileCarriesTheTlsKeys()
    {
        QSettings settings(m_ca.file(QStringLiteral("switchboard.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("network/ocs_url"),
                          QString(m_strictServer.baseUrl().toString() + QStringLiteral("/jsonrpc")));
        settings.setValue(QStringLiteral("network/ocs_ca_file"), m_ca.file(QStringLiteral("ca.crt")));
        settings.setValue(QStringLiteral("network/ocs_client_cert"), m_ca.file(QStringLiteral("client.crt")));
        settings.setValue(QStringLiteral("network/ocs_client_key"), m_ca.file(QStringLiteral("client.key")));
        settings.setValue(QStringLiteral("network/hss_ca_file"), m_ca.file(QStringLiteral("other-ca.crt")));
        settings.setValue(QStringLiteral("network/iptv_tls_verify"), false);
        settings.sync();

        const NetworkEndpoints configured = NetworkEndpoints::fromSettings(settings);
        QCOMPARE(configured.ocs.tls.caFile, m_ca.file(QStringLiteral("ca.crt")));
        QCOMPARE(configured.ocs.tls.clientKeyFile, m_ca.file(QStringLiteral("client.key")));
        QVERIFY(configured.ocs.tls.verifyPeer);
        QCOMPARE(configured.hss.tls.caFile, m_ca.file(QStringLiteral("other-ca.crt")));
        QVERIFY(configured.hss.tls.verifyPeer);
        QVERIFY(!configured.iptv.tls.verifyPeer);

        const Status status = CgratesClient(configured.ocs).setAccount({}, QStringLiteral("from-settings"));
        QVERIFY2(status.ok(), qPrintable(status.error.message.englishText() + QLatin1Char(' ') + status.error.detail));
        QVERIFY(!m_strictServer.simulator()
                     ->ocsAccount(QStringLiteral("cgrates.org"), QStringLiteral("from-settings"))
                     .isEmpty());
    }
};

QTEST_GUILESS_MAIN(ElementTlsTest)
#include "tst_elementtls.moc"
