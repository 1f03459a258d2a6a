#include "ElementProvisioning.h"
#include "ElementServer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sb;

// An internet plan provisions a user that a real FreeRADIUS (rlm_sql on the same SQLite file) authenticates,
// with the plan's rate limit in the Access-Accept; a cancelled service is rejected.
class TestRadius : public QObject
{
    Q_OBJECT

private:
    static constexpr int AuthPort = 18120;
    static constexpr int AcctPort = 18121;
    const QString m_secret = QStringLiteral("switchboard-test-secret");
    ElementProvisioning m_provisioning;
    std::unique_ptr<QTemporaryDir> m_confDir;
    std::unique_ptr<ElementServer> m_server;
    QString m_radclient;

    // One Access-Request; the reply as radclient prints it.
    QString authenticate(const QString& user, const QString& password, const QString& callingStationId)
    {
        const QByteArray request = QStringLiteral("User-Name = \"%1\", User-Password = \"%2\", Calling-Station-Id = \"%3\"\n")
                                       .arg(user, password, callingStationId)
                                       .toUtf8();
        QString output;
        ElementServer::runClient(m_radclient,
                                 {QStringLiteral("-x"), QStringLiteral("-r"), QStringLiteral("1"), QStringLiteral("-t"),
                                  QStringLiteral("3"), QStringLiteral("127.0.0.1:%1").arg(AuthPort), QStringLiteral("auth"), m_secret},
                                 request, &output);
        return output;
    }

    bool startFreeRadius(const QString& program)
    {
        const QString dir = m_confDir->path();
        QString copyOutput;
        if (ElementServer::runClient(QStringLiteral("cp"), {QStringLiteral("-a"), QStringLiteral("/etc/freeradius/3.0/."), dir}, {},
                                     &copyOutput) != 0) {
            qWarning("copying /etc/freeradius/3.0 failed: %s", qPrintable(copyOutput));
            return false;
        }
        QDir(dir).mkpath(QStringLiteral("run"));
        QDir(dir).mkpath(QStringLiteral("log"));
        const QMap<QString, QString> values{
            {QStringLiteral("CONFDIR"), dir},
            {QStringLiteral("SECRET"), m_secret},
            {QStringLiteral("RADIUS_DB"), ElementProvisioning::sqliteFile(m_provisioning.endpoints.radiusDatabaseUrl())},
            {QStringLiteral("AUTH_PORT"), QString::number(AuthPort)},
            {QStringLiteral("ACCT_PORT"), QString::number(AcctPort)},
        };
        for (const char* file : {"radiusd.conf", "switchboard-sql.conf", "switchboard-site.conf"})
            if (!ElementServer::renderTemplate(QStringLiteral("freeradius/") + QLatin1String(file),
                                               dir + QLatin1Char('/') + QLatin1String(file), values))
                return false;
        m_server = std::make_unique<ElementServer>();
        return m_server->start(program, {QStringLiteral("-f"), QStringLiteral("-d"), dir}, dir, [](const QString& output) {
            return output.contains(QLatin1String("Ready to process requests"));
        });
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
            qWarning("freeradius output:\n%s", qPrintable(m_server->output()));
        m_server.reset(); // stops freeradius, also after a failure
        m_confDir.reset();
    }

    void provisionedUserIsAcceptedUntilCancelled()
    {
        const QString freeradius = ElementServer::findProgram(QStringLiteral("freeradius"));
        m_radclient = ElementServer::findProgram(QStringLiteral("radclient"));
        if (freeradius.isEmpty() || m_radclient.isEmpty())
            QFAIL("freeradius and radclient are needed (Debian packages freeradius, freeradius-utils: scripts/install-deps.sh).");

        ProvisioningJob job;
        const Service service = m_provisioning.provisionService(QStringLiteral("fiber-100"), 1, &job);
        QVERIFY2(service.id, "the internet plan was not provisioned");
        const QString mac = job.variables[QStringLiteral("inventory")][QStringLiteral("cpe_modem")][QStringLiteral("mac")].toString();
        const QString station = mac.toUpper().replace(QLatin1Char(':'), QLatin1Char('-'));
        const QString password = m_provisioning.credentials().radiusPassword(service.serviceUuid);
        // The customer learns the sign-in details from the welcome mail (in their language); the task logs
        // never show the password.
        const QString mail = m_provisioning.welcomeMailText(service.id);
        QVERIFY2(mail.contains(service.serviceUuid), qPrintable(mail));
        QVERIFY2(mail.contains(password), qPrintable(mail));
        QVERIFY(!m_provisioning.jobLog(job.id).contains(password));

        QVERIFY2(startFreeRadius(freeradius), qPrintable(m_server ? m_server->output() : QStringLiteral("no configuration")));

        const QString accepted = authenticate(service.serviceUuid, password, station);
        QVERIFY2(accepted.contains(QLatin1String("Received Access-Accept")), qPrintable(accepted));
        QVERIFY2(accepted.contains(QLatin1String("Mikrotik-Rate-Limit = \"20M/100M\"")), qPrintable(accepted));

        const QString wrongPassword = authenticate(service.serviceUuid, password + QStringLiteral("x"), station);
        QVERIFY2(wrongPassword.contains(QLatin1String("Received Access-Reject")), qPrintable(wrongPassword));

        const QString otherModem = authenticate(service.serviceUuid, password, QStringLiteral("00-1A-2B-FF-FF-FF"));
        QVERIFY2(otherModem.contains(QLatin1String("Received Access-Reject")), qPrintable(otherModem));

        QVERIFY(m_provisioning.cancel(service.id));
        QCOMPARE(ServiceRepository(m_provisioning.db()).byId(service.id)->status, ServiceStatus::Cancelled);
        const QString afterCancel = authenticate(service.serviceUuid, password, station);
        QVERIFY2(afterCancel.contains(QLatin1String("Received Access-Reject")), qPrintable(afterCancel));
    }
};

QTEST_GUILESS_MAIN(TestRadius)
#include "tst_radius.moc"
