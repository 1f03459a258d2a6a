#include "SimulatedProvisioning.h"

#include "network/CgratesClient.h"
#include "network/IptvClient.h"
#include "network/PyHssClient.h"
#include "security/SimKeys.h"
#include "store/RadiusUserStore.h"
#include "store/ServiceRepository.h"
#include "store/SipSubscriberStore.h"
#include "workflows/CancelServiceWorkflow.h"
#include "workflows/ServiceVerifier.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>
#include <QTcpServer>
#include <QTest>

#include <algorithm>

using namespace sb;
using Outcome = VerifyCheck::Outcome;

// Verify service against the built-in simulator and the RADIUS / SIP databases: a freshly provisioned service reads
// back clean from every element; whatever is changed behind Switchboard's back is reported with what to do.
class TestVerifyService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimulatedProvisioning> m_env;

    Database& db() { return m_env->db(); }

    VerifyReport verify(qint64 serviceId)
    {
        const Result<VerifyReport> report = ServiceVerifier(db(), m_env->endpoints).verify(serviceId);
        if (!report)
            qWarning() << report.error().message.englishText() << report.error().detail;
        return report.ok() ? *report : VerifyReport{};
    }

    static QString describe(const VerifyReport& report)
    {
        return QString::fromUtf8(QJsonDocument(report.toJson()).toJson());
    }

    // The one check that is not ok; fails the test when there is not exactly one.
    static VerifyCheck onlyProblem(const VerifyReport& report)
    {
        QList<VerifyCheck> problems;
        for (const VerifyCheck& c : report.checks)
            if (!c.ok())
                problems << c;
        if (problems.size() != 1) {
            qWarning("%s", qPrintable(describe(report)));
            return {};
        }
        return problems.first();
    }

    QString variable(qint64 jobId, const char* item, const char* field)
    {
        return JobRepository(db()).byId(jobId)->variables[QStringLiteral("inventory")][QLatin1String(item)][QLatin1String(field)].toString();
    }

    std::unique_ptr<Database> elementDatabase(const QString& url)
    {
        return std::make_unique<Database>(*DatabaseUrl::parse(url));
    }

private slots:
    void init()
    {
        m_env = std::make_unique<SimulatedProvisioning>();
        QVERIFY(m_env->start());
    }

    void cleanup() { m_env.reset(); }

    void provisionedServiceVerifiesClean_data()
    {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<qint64>("customer");
        QTest::addColumn<QStringList>("elements");
        QTest::newRow("mobile") << "mobile-20gb" << qint64(1) << QStringList{"Switchboard", "OCS", "HSS"};
        QTest::newRow("internet") << "fiber-100" << qint64(1) << QStringList{"Switchboard", "OCS", "RADIUS server"};
        QTest::newRow("voip") << "voip-business" << qint64(4) << QStringList{"Switchboard", "OCS", "SIP registrar"};
        QTest::newRow("iptv") << "iptv-essentials" << qint64(1) << QStringList{"Switchboard", "OCS", "IPTV middleware"};
    }

    void provisionedServiceVerifiesClean()
    {
        QFETCH(QString, slug);
        QFETCH(qint64, customer);
        QFETCH(QStringList, elements);
        const AssignResult assigned = m_env->provision(slug, customer);
        QVERIFY(assigned.jobId);
        const VerifyReport report = verify(assigned.serviceId);
        QVERIFY2(report.clean(), qPrintable(describe(report)));
        QStringList seen;
        for (const VerifyCheck& c : report.checks) {
            if (!seen.contains(c.element))
                seen << c.element;
            QVERIFY(c.advice().isEmpty());
        }
        std::sort(seen.begin(), seen.end());
        std::sort(elements.begin(), elements.end());
        QCOMPARE(seen, elements);
    }

    void mobileReportShowsNoSecret()
    {
        const AssignResult assigned = m_env->provision(QStringLiteral("mobile-20gb"), 1);
        QVERIFY(assigned.jobId);
        const QJsonObject sealed =
            JobRepository(db()).byId(assigned.jobId)->variables[QStringLiteral("inventory")][QStringLiteral("sim_card")].toObject();
        const Result<SimKeys> keys = SimKeys::unseal(SealedSimKeys::fromJson(sealed), {}, {});
        QVERIFY(keys.ok());
        const VerifyReport report = verify(assigned.serviceId);
        QVERIFY2(report.clean(), qPrintable(describe(report)));
        const QString all = describe(report);
        QVERIFY(all.contains(QLatin1String("Authentication keys (Ki, OPc)")));
        QVERIFY(!all.contains(keys->kiHex(), Qt::CaseInsensitive));
        QVERIFY(!all.contains(keys->opcHex(), Qt::CaseInsensitive));
        QVERIFY(all.contains(variable(assigned.jobId, "mobile_number", "msisdn")));
    }

    void deletedOcsAccountIsReported()
    {
        const AssignResult assigned = m_env->provision(QStringLiteral("fiber-100"), 1);
        QVERIFY(assigned.jobId);
        const QString uuid = ServiceRepository(db()).byId(assigned.serviceId)->serviceUuid;
        QVERIFY(CgratesClient(m_env->endpoints.ocs).removeAccount({}, uuid).ok());

        const VerifyCheck problem = onlyProblem(verify(assigned.serviceId));
        QCOMPARE(problem.outcome, Outcome::Mismatch);
        QCOMPARE(problem.element, QStringLiteral("OCS"));
        QCOMPARE(problem.expected.englishText(), QStringLiteral("present"));
        QCOMPARE(problem.found.englishText(), QStringLiteral("absent"));
        QCOMPARE(problem.advice(), QStringLiteral("The OCS has no record of %1 for this service. Cancel the service and "
                                                  "assign the plan again, or correct it on the OCS by hand.")
                                       .arg(uuid));
    }

    void changedRateLimitIsReported()
    {
        const AssignResult assigned = m_env->provision(QStringLiteral("fiber-100"), 1);
        QVERIFY(assigned.jobId);
        const QString uuid = ServiceRepository(db()).byId(assigned.serviceId)->serviceUuid;
        {
            auto radius = elementDatabase(m_env->endpoints.radiusDatabaseUrl());
            RadiusUserStore store(*radius);
            RadiusUser user = *store.find(uuid);
            user.rateLimit = QStringLiteral("1M/1M");
            QVERIFY(store.save(user));
        }
        const VerifyCheck problem = onlyProblem(verify(assigned.serviceId));
        QCOMPARE(problem.outcome, Outcome::Mismatch);
        QCOMPARE(problem.element, QStringLiteral("RADIUS server"));
        QCOMPARE(problem.subject.englishText(), QStringLiteral("Rate limit"));
        QCOMPARE(problem.expected.englishText(), QStringLiteral("20M/100M"));
        QCOMPARE(problem.found.englishText(), QStringLiteral("1M/1M"));
        QVERIFY2(problem.advice().startsWith(
                     QStringLiteral("The RADIUS user %1 has a rate limit that differs from the product's.").arg(uuid)),
                 qPrintable(problem.advice()));
    }

    void otherModemIsReported()
    {
        const AssignResult assigned = m_env->provision(QStringLiteral("fiber-100"), 1);
        QVERIFY(assigned.jobId);
        const QString uuid = ServiceRepository(db()).byId(assigned.serviceId)->serviceUuid;
        {
            auto radius = elementDatabase(m_env->endpoints.radiusDatabaseUrl());
            RadiusUserStore store(*radius);
            RadiusUser user = *store.find(uuid);
            user.callingStationId = QStringLiteral("02-00-00-00-00-01");
            QVERIFY(store.save(user));
        }
        const VerifyCheck problem = onlyProblem(verify(assigned.serviceId));
        QCOMPARE(problem.subject.englishText(), QStringLiteral("Calling-Station-Id (modem)"));
        QCOMPARE(problem.found.englishText(), QStringLiteral("02-00-00-00-00-01"));
        QVERIFY(problem.advice().contains(QLatin1String("bound to another modem")));
    }

    void removedSipRowIsReported()
    {
        const AssignResult assigned = m_env->provision(QStringLiteral("voip-business"), 4);
        QVERIFY(assigned.jobId);
        const QString number = variable(assigned.jobId, "sip_did", "msisdn");
        const QString domain = QStringLiteral("voice.switchboard.example");
        {
            auto kamailio = elementDatabase(m_env->endpoints.sipDatabaseUrl());
            QVERIFY(SipSubscriberStore(*kamailio).remove(number, domain));
        }
        const VerifyCheck problem = onlyProblem(verify(assigned.serviceId));
        QCOMPARE(problem.outcome, Outcome::Mismatch);
        QCOMPARE(problem.element, QStringLiteral("SIP registrar"));
        QCOMPARE(problem.subject.englishText(), QStringLiteral("Subscriber %1@%2").arg(number, domain));
        QCOMPARE(problem.advice(), QStringLiteral("The SIP registrar has no record of %1@%2 for this service. Cancel "
                                                  "the service and assign the plan again, or correct it on the SIP "
                                                  "registrar by hand.")
                                       .arg(number, domain));
    }

    void deactivatedIptvDeviceIsReported()
    {
        const AssignResult assigned = m_env->provision(QStringLiteral("iptv-essentials"), 1);
        QVERIFY(assigned.jobId);
        const QString serial = variable(assigned.jobId, "set_top_box", "identifier");
        QVERIFY(IptvClient(m_env->endpoints.iptv).deactivateDevice(serial).ok());
        const VerifyCheck problem = onlyProblem(verify(assigned.serviceId));
        QCOMPARE(problem.outcome, Outcome::Mismatch);
        QCOMPARE(problem.element, QStringLiteral("IPTV middleware"));
        QCOMPARE(problem.subject.englishText(), QStringLiteral("Device status"));
        QCOMPARE(problem.found.englishText(), QStringLiteral("inactive"));
        QVERIFY2(problem.advice().startsWith(
                     QStringLiteral("Set-top box %1 is not active on the IPTV middleware (status inactive).").arg(serial)),
                 qPrintable(problem.advice()));
    }

    void changedMsisdnIsReported()
    {
        const AssignResult assigned = m_env->provision(QStringLiteral("mobile-20gb"), 1);
        QVERIFY(assigned.jobId);
        const QString imsi = variable(assigned.jobId, "sim_card", "imsi");
        PyHssClient hss(m_env->endpoints.hss);
        const qint64 id = hss.getSubscriberByImsi(imsi)->value(QStringLiteral("subscriber_id")).toVariant().toLongLong();
        QVERIFY(hss.patchSubscriber(id, {{QStringLiteral("msisdn"), QStringLiteral("5599000000000")}}).ok());
        const VerifyCheck problem = onlyProblem(verify(assigned.serviceId));
        QCOMPARE(problem.element, QStringLiteral("HSS"));
        QCOMPARE(problem.subject.englishText(), QStringLiteral("MSISDN"));
        QCOMPARE(problem.expected.englishText(), variable(assigned.jobId, "mobile_number", "msisdn"));
        QCOMPARE(problem.found.englishText(), QStringLiteral("5599000000000"));
    }

    void unreachableElementIsReportedAsSuch()
    {
        const AssignResult assigned = m_env->provision(QStringLiteral("iptv-essentials"), 1);
        QVERIFY(assigned.jobId);
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        m_env->endpoints.ocs.url.setPort(closedPort);

        const VerifyReport report = verify(assigned.serviceId);
        const VerifyCheck problem = onlyProblem(report);
        QCOMPARE(problem.outcome, Outcome::Unreachable);
        QCOMPARE(problem.element, QStringLiteral("OCS"));
        QCOMPARE(problem.found.englishText(), QStringLiteral("no answer"));
        QVERIFY2(problem.advice().startsWith(QLatin1String("Unable to connect to OCS at http://127.0.0.1:")),
                 qPrintable(problem.advice()));
        QVERIFY(problem.advice().endsWith(QLatin1String("Then verify the service again.")));
        QCOMPARE(report.count(Outcome::Unreachable), 1);
        QCOMPARE(report.count(Outcome::Mismatch), 0);
    }

    void failedProvisioningAdvisesRetry()
    {
        m_env->sim()->addFault(*NetworkSimulator::parseFault(QStringLiteral("APIerSv1.SetAccount:error=SERVER_ERROR: db down")));
        const AssignResult assigned = m_env->assign(QStringLiteral("fiber-100"), 1);
        QCOMPARE(m_env->runNext(), JobStatus::Failed);
        const VerifyReport report = verify(assigned.serviceId);
        QVERIFY(!report.clean());
        const VerifyCheck status = report.checks.first();
        QCOMPARE(status.element, QStringLiteral("Switchboard"));
        QCOMPARE(status.advice(), QStringLiteral("Switchboard shows the service as \"Not activated\" instead of \"Active\". "
                                                 "Re-run provisioning with Retry on the Provisioning page."));
    }

    void cancelledServiceExpectsEverythingAbsent()
    {
        const AssignResult assigned = m_env->provision(QStringLiteral("fiber-100"), 1);
        QVERIFY(assigned.jobId);
        const QString uuid = ServiceRepository(db()).byId(assigned.serviceId)->serviceUuid;
        QVERIFY(CancelServiceWorkflow(db()).cancelService(assigned.serviceId, m_env->actor).ok());
        QCOMPARE(m_env->runNext(), JobStatus::Succeeded);

        const VerifyReport report = verify(assigned.serviceId);
        QVERIFY2(report.clean(), qPrintable(describe(report)));
        QCOMPARE(report.checks.size(), 3); // service status, OCS account, RADIUS user
        for (int i = 1; i < report.checks.size(); ++i)
            QCOMPARE(report.checks.at(i).expected.englishText(), QStringLiteral("absent"));

        // something left behind on an element
        QVERIFY(CgratesClient(m_env->endpoints.ocs).setAccount({}, uuid).ok());
        const VerifyCheck problem = onlyProblem(verify(assigned.serviceId));
        QCOMPARE(problem.element, QStringLiteral("OCS"));
        QCOMPARE(problem.advice(), QStringLiteral("The OCS still has %1 although the service is cancelled. Retry the "
                                                  "cancel job on the Provisioning page, or remove it from the OCS by "
                                                  "hand.")
                                       .arg(uuid));
    }

    void unknownServiceIsAnError()
    {
        const Result<VerifyReport> report = ServiceVerifier(db(), m_env->endpoints).verify(987654);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().message.englishText(), QStringLiteral("Service 987654 does not exist. Check the service ID."));
    }

    // switchboard-ctl services verify ID: the report on stdout, exit code 0 when clean, 3 on a mismatch.
    void ctlExitCode()
    {
        if (TestDatabase::isPostgres())
            return; // the CLI reads the same database through its URL; one engine is enough here
        const AssignResult assigned = m_env->provision(QStringLiteral("fiber-100"), 1);
        QVERIFY(assigned.jobId);
        const QString config = m_env->test().path(QStringLiteral("config"));
        {
            QSettings settings(config + QStringLiteral("/Switchboard/Switchboard.conf"), QSettings::IniFormat);
            const NetworkEndpoints& e = m_env->endpoints;
            settings.setValue(QStringLiteral("network/ocs_url"), e.ocs.url.toString());
            settings.setValue(QStringLiteral("network/hss_url"), e.hss.url.toString());
            settings.setValue(QStringLiteral("network/iptv_url"), e.iptv.url.toString());
            settings.setValue(QStringLiteral("network/radius/db_url"), e.radiusDatabaseUrl());
            settings.setValue(QStringLiteral("network/sip/db_url"), e.sipDatabaseUrl());
            settings.setValue(QStringLiteral("network/credentials_key_file"), e.credentialsKeyPath());
        }
        const auto ctl = [&](QStringList args, QString* out) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral(SWITCHBOARD_CTL), QStringList{QStringLiteral("--db"), m_env->test().url()} + args);
            process.closeWriteChannel();
            if (!process.waitForFinished(60000))
                return -1;
            *out = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
            return process.exitCode();
        };
        const QString id = QString::number(assigned.serviceId);
        QString out;
        QCOMPARE(ctl({QStringLiteral("services"), QStringLiteral("verify"), id}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("RADIUS server")) && out.contains(QLatin1String("20M/100M")), qPrintable(out));

        const QString uuid = ServiceRepository(db()).byId(assigned.serviceId)->serviceUuid;
        QVERIFY(CgratesClient(m_env->endpoints.ocs).removeAccount({}, uuid).ok());
        QCOMPARE(ctl({QStringLiteral("services"), QStringLiteral("verify"), id}, &out), 3);
        QVERIFY2(out.contains(QLatin1String("The OCS has no record of %1 for this service.").arg(uuid)), qPrintable(out));

        QCOMPARE(ctl({QStringLiteral("--json"), QStringLiteral("services"), QStringLiteral("verify"), id}, &out), 3);
        const QJsonObject json = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("clean")).toBool(true), false);
        QCOMPARE(ctl({QStringLiteral("services"), QStringLiteral("verify"), QStringLiteral("x")}, &out), 2);
    }
};

QTEST_GUILESS_MAIN(TestVerifyService)
#include "tst_verifyservice.moc"
