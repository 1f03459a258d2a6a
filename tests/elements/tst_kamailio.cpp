#include "ElementProvisioning.h"
#include "ElementServer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sb;

// A VoIP plan provisions a subscriber that a real Kamailio (auth_db on the same SQLite file, ha1 only)
// lets REGISTER; a wrong password and a cancelled service are refused.
class TestKamailio : public QObject
{
    Q_OBJECT

private:
    static constexpr int SipPort = 15060;
    const QString m_domain = QStringLiteral("voice.switchboard.example");
    ElementProvisioning m_provisioning;
    std::unique_ptr<QTemporaryDir> m_confDir;
    std::unique_ptr<ElementServer> m_server;
    QString m_sipsak;

    // sipsak in usrloc mode: one REGISTER, answering the digest challenge. The exit code; output in *output.
    int registerAs(const QString& number, const QString& password, QString* output)
    {
        return ElementServer::runClient(m_sipsak,
                                        {QStringLiteral("-U"), QStringLiteral("-vvv"), QStringLiteral("-s"),
                                         QStringLiteral("sip:%1@127.0.0.1:%2").arg(number).arg(SipPort),
                                         QStringLiteral("-u"), number, QStringLiteral("-a"), password},
                                        {}, output);
    }

    bool startKamailio(const QString& program)
    {
        const QString dir = m_confDir->path();
        const QString config = dir + QStringLiteral("/kamailio.cfg");
        if (!ElementServer::renderTemplate(QStringLiteral("kamailio/kamailio.cfg"), config,
                                           {{QStringLiteral("SIP_PORT"), QString::number(SipPort)},
                                            {QStringLiteral("SIP_DOMAIN"), m_domain},
                                            {QStringLiteral("KAMAILIO_DB"),
                                             ElementProvisioning::sqliteFile(m_provisioning.endpoints.sipDatabaseUrl())}}))
            return false;
        m_server = std::make_unique<ElementServer>();
        if (!m_server->start(program, {QStringLiteral("-DD"), QStringLiteral("-E"), QStringLiteral("-f"), config}, dir,
                             [](const QString& output) { return output.contains(QLatin1String("Listening on")); }))
            return false;
        // Listening is printed before the sockets serve: wait for the first answer to an OPTIONS probe.
        for (int attempt = 0; attempt < 50; ++attempt) {
            QString probe;
            ElementServer::runClient(m_sipsak, {QStringLiteral("-vv"), QStringLiteral("-s"),
                                                QStringLiteral("sip:probe@127.0.0.1:%1").arg(SipPort)},
                                     {}, &probe, 3000);
            if (probe.contains(QLatin1String("SIP/2.0 ")) || probe.contains(QLatin1String("405")))
                return true;
            QTest::qWait(100);
        }
        return false;
    }

private slots:
    void init()
    {
        QVERIFY(m_provisioning.start());
        m_confDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_confDir->isValid());
    }

    void cleanup()
    {
        if (m_server && QTest::currentTestFailed())
            qWarning("kamailio output:\n%s", qPrintable(m_server->output()));
        m_server.reset(); // stops kamailio and its children, also after a failure
        m_confDir.reset();
    }

    void provisionedSubscriberRegistersUntilCancelled()
    {
        const QString kamailio = ElementServer::findProgram(QStringLiteral("kamailio"));
        m_sipsak = ElementServer::findProgram(QStringLiteral("sipsak"));
        if (kamailio.isEmpty() || m_sipsak.isEmpty())
            QFAIL("kamailio and sipsak are needed (Debian packages kamailio, kamailio-sqlite-modules, sipsak: scripts/install-deps.sh).");

        ProvisioningJob job;
        const Service service = m_provisioning.provisionService(QStringLiteral("voip-business"), 4, &job);
        QVERIFY2(service.id, "the VoIP plan was not provisioned");
        const QString number = job.variables[QStringLiteral("inventory")][QStringLiteral("sip_did")][QStringLiteral("msisdn")].toString();
        const QString password = m_provisioning.credentials().sipPassword(service.serviceUuid);
        const QString mail = m_provisioning.welcomeMailText(service.id);
        QVERIFY2(mail.contains(number), qPrintable(mail));
        QVERIFY2(mail.contains(password), qPrintable(mail));
        QVERIFY(!m_provisioning.jobLog(job.id).contains(password));

        QVERIFY2(startKamailio(kamailio), qPrintable(m_server ? m_server->output() : QStringLiteral("no configuration")));

        QString registered;
        QCOMPARE(registerAs(number, password, &registered), 0);
        QVERIFY2(registered.contains(QLatin1String("SIP/2.0 200 OK")), qPrintable(registered));

        QString wrong;
        QVERIFY(registerAs(number, password + QStringLiteral("x"), &wrong) != 0);
        QVERIFY2(!wrong.contains(QLatin1String("SIP/2.0 200 OK")), qPrintable(wrong));
        QVERIFY2(wrong.contains(QLatin1String("SIP/2.0 401")), qPrintable(wrong));

        QVERIFY(m_provisioning.cancel(service.id));
        QString afterCancel;
        QVERIFY(registerAs(number, password, &afterCancel) != 0);
        QVERIFY2(!afterCancel.contains(QLatin1String("SIP/2.0 200 OK")), qPrintable(afterCancel));
    }
};

QTEST_GUILESS_MAIN(TestKamailio)
#include "tst_kamailio.moc"
