#include "SimulatedProvisioning.h"
#include "ThrowawayCa.h"

#include "network/TlsTcpServer.h"
#include "security/ElementCredentials.h"
#include "security/SimKeys.h"
#include "store/ServiceRepository.h"
#include "workflows/ProvisioningWorkflow.h"

#include <QRegularExpression>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>

#include <functional>

using namespace sb;

// Every fault a network element can show, during a real provisioning job against the built-in simulator: the task
// ends failed with a sentence that names the element and what to check, its log keeps the request and the response
// with the secrets masked, and once the element is back, Retry finishes the job and the service is Active.
class TestFaults : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimulatedProvisioning> m_env;
    std::unique_ptr<ThrowawayCa> m_ca; // made once, for the TLS row
    std::unique_ptr<SimulatorThread> m_tlsSim;

    Database& db() { return m_env->db(); }

    static quint16 closedPort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        const quint16 port = probe.serverPort();
        probe.close();
        return port;
    }

    // The OCS on an HTTPS simulator of its own whose certificate comes from a CA the endpoint does not trust yet.
    bool startUntrustedOcs()
    {
        if (!m_ca) {
            m_ca = std::make_unique<ThrowawayCa>();
            if (!m_ca->create()) {
                qWarning("%s", qPrintable(m_ca->error()));
                return false;
            }
        }
        TlsServerSettings server;
        server.certificateFile = m_ca->file(QStringLiteral("server.crt"));
        server.keyFile = m_ca->file(QStringLiteral("server.key"));
        const Result<QSslConfiguration> tls = server.serverConfiguration();
        if (!tls)
            return false;
        m_tlsSim = std::make_unique<SimulatorThread>();
        m_tlsSim->setServerTls(*tls);
        if (!m_tlsSim->start())
            return false;
        m_env->endpoints.ocs.url = NetworkEndpoints::forSimulator(m_tlsSim->baseUrl()).ocs.url;
        return true;
    }

    // Puts the fault in place. Returns what undoes it ("the element is back").
    std::function<void()> inject(const QString& fault)
    {
        NetworkEndpoints& e = m_env->endpoints;
        const NetworkEndpoints healthy = e;
        const auto restore = [this, healthy] {
            m_env->sim()->clearFaults();
            m_env->endpoints = healthy;
        };
        if (fault == QLatin1String("refused")) {
            e.ocs.url.setPort(closedPort());
        } else if (fault == QLatin1String("https-to-http")) {
            e.ocs.url.setScheme(QStringLiteral("https"));
        } else if (fault == QLatin1String("untrusted-ca")) {
            if (!startUntrustedOcs())
                return {};
            return [this] { m_env->endpoints.ocs.tls.caFile = m_ca->file(QStringLiteral("ca.crt")); };
        } else if (fault == QLatin1String("wrong-provisioning-key")) {
            m_env->sim()->setProvisioningKey(QStringLiteral("pyhss-right-key-1234"));
            e.hss.provisioningKey = QStringLiteral("pyhss-wrong-key-5678");
            return [this] { m_env->endpoints.hss.provisioningKey = QStringLiteral("pyhss-right-key-1234"); };
        } else {
            if (fault.endsWith(QLatin1String(":timeout")))
                e.ocs.timeoutMs = e.hss.timeoutMs = e.iptv.timeoutMs = 500;
            const Result<NetworkSimulator::FaultRule> rule = NetworkSimulator::parseFault(fault);
            if (!rule)
                return {};
            m_env->sim()->addFault(*rule);
        }
        return restore;
    }

    // Secrets the job handles: none may appear in a task log.
    QStringList secretsOf(const ProvisioningJob& job, const QString& serviceUuid)
    {
        QStringList secrets{QStringLiteral("pyhss-wrong-key-5678"), QStringLiteral("pyhss-right-key-1234")};
        const QJsonObject sim = job.variables[QStringLiteral("inventory")][QStringLiteral("sim_card")].toObject();
        if (!sim.isEmpty()) {
            const Result<SimKeys> keys = SimKeys::unseal(SealedSimKeys::fromJson(sim), {}, {});
            if (keys)
                secrets << keys->kiHex() << keys->opcHex();
        }
        if (const Result<ElementCredentials> credentials = ElementCredentials::open(m_env->endpoints.credentialsKeyPath()))
            secrets << credentials->radiusPassword(serviceUuid) << credentials->sipPassword(serviceUuid);
        return secrets;
    }

private slots:
    void init()
    {
        m_env = std::make_unique<SimulatedProvisioning>();
        QVERIFY(m_env->start());
    }

    void cleanup()
    {
        m_tlsSim.reset();
        m_env.reset();
    }

    void faultFailsTheTaskThenRetrySucceeds_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QString>("failedTask");
        QTest::addColumn<QString>("expected"); // part of the sentence the person reads

        const QString ocs = QStringLiteral("Configuring OCS account");
        const QString hss = QStringLiteral("Activating SIM in HLR/HSS (IMSI: %1)");
        const QString iptv = QStringLiteral("Activating set-top box on IPTV middleware");
        // transport
        QTest::newRow("connection refused") << "refused" << "fiber-100" << ocs
                                            << "Unable to connect to OCS at http://127.0.0.1:";
        QTest::newRow("TLS to a plain HTTP element") << "https-to-http" << "fiber-100" << ocs
                                                     << "The secure connection to the OCS at https://127.0.0.1:";
        QTest::newRow("TLS with an untrusted CA") << "untrusted-ca" << "fiber-100" << ocs
                                                  << "presented a certificate that is not signed by a trusted CA. "
                                                     "Set the CA bundle in Settings";
        QTest::newRow("timeout") << "APIerSv1.SetAccount:timeout" << "fiber-100" << ocs
                                 << "did not answer within 0.5 seconds. Check that it is running and not overloaded";
        QTest::newRow("OCS HTTP 503") << "ocs:http503" << "fiber-100" << ocs
                                      << "The OCS at http://127.0.0.1:";
        QTest::newRow("HSS HTTP 500") << "PUT /subscriber/:http500" << "mobile-20gb" << hss
                                      << "reported an internal error (HTTP 500). Check its logs, then retry.";
        QTest::newRow("IPTV HTTP 502") << "iptv:http502" << "iptv-essentials" << iptv
                                       << "The IPTV middleware at http://127.0.0.1:";
        QTest::newRow("OCS malformed JSON") << "ocs:malformed" << "fiber-100" << ocs
                                            << "sent a reply that could not be read";
        QTest::newRow("HSS malformed JSON") << "hss:malformed" << "mobile-20gb" << hss
                                            << "sent a reply that could not be read";
        QTest::newRow("IPTV malformed JSON") << "iptv:malformed" << "iptv-essentials" << iptv
                                             << "sent a reply that could not be read";
        // CGRateS error strings, in the JSON-RPC envelope with HTTP 200
        QTest::newRow("NOT_FOUND") << "APIerSv2.GetAccount:error=NOT_FOUND" << "fiber-100" << ocs
                                   << "The OCS has no account";
        QTest::newRow("MANDATORY_IE_MISSING") << "APIerSv1.SetAccount:error=MANDATORY_IE_MISSING: [Account]"
                                              << "fiber-100" << ocs
                                              << "required fields are missing: Account. Check the parameters";
        QTest::newRow("EXISTS") << "APIerSv1.SetAccount:error=EXISTS" << "fiber-100" << ocs
                                << "(EXISTS). Check whether an earlier attempt created it.";
        QTest::newRow("SERVER_ERROR") << "APIerSv1.AddBalance:error=SERVER_ERROR: disk full" << "fiber-100" << ocs
                                      << "internal error for APIerSv1.AddBalance: disk full. Check the OCS logs";
        QTest::newRow("INSUFFICIENT_CREDIT") << "APIerSv1.AddBalance:error=INSUFFICIENT_CREDIT" << "fiber-100" << ocs
                                             << "has insufficient credit. Top up the account";
        QTest::newRow("ACCOUNT_DISABLED") << "APIerSv1.AddBalance:error=ACCOUNT_DISABLED" << "fiber-100" << ocs
                                          << "is disabled. Enable the account in the OCS";
        QTest::newRow("MAX_CONCURRENT_RPC_EXCEEDED") << "APIerSv1.SetAccount:error=MAX_CONCURRENT_RPC_EXCEEDED"
                                                     << "fiber-100" << ocs << "The OCS is busy";
        QTest::newRow("rpc: can't find service") << "APIerSv1.SetAccount:error=rpc: can't find service APIerSv1.SetAccount"
                                                 << "fiber-100" << ocs
                                                 << "does not know the method APIerSv1.SetAccount. Check that the "
                                                    "address in Settings points to CGRateS";
        // PyHSS errors
        QTest::newRow("PyHSS 401 provisioning key") << "wrong-provisioning-key" << "mobile-20gb" << hss
                                                    << "The HSS refused the provisioning key. Check the HSS "
                                                       "provisioning key in Settings";
        QTest::newRow("PyHSS 400 integrity error")
            << "PUT /auc/:error=A database integrity error occurred: UNIQUE constraint failed: auc.imsi"
            << "mobile-20gb" << hss << "The HSS already has authentication data (AuC) for IMSI";
        QTest::newRow("PyHSS 404") << "PUT /subscriber/:http404" << "mobile-20gb" << hss
                                   << "The HSS at http://127.0.0.1:";
    }

    void faultFailsTheTaskThenRetrySucceeds()
    {
        QFETCH(QString, fault);
        QFETCH(QString, slug);
        QFETCH(QString, failedTask);
        QFETCH(QString, expected);

        const AssignResult assigned = m_env->assign(slug, 1);
        QVERIFY(assigned.jobId);
        const std::function<void()> elementIsBack = inject(fault);
        QVERIFY2(elementIsBack, "the fault could not be put in place");
        QCOMPARE(m_env->runNext(), JobStatus::Failed);

        // The task and the job fail with a sentence that names the element and what to do.
        const ProvisioningJob failed = *JobRepository(db()).byId(assigned.jobId);
        const ProvisioningTask* task = nullptr;
        for (const ProvisioningTask& t : failed.tasks)
            if (t.status == TaskStatus::Failed)
                task = &t;
        QVERIFY(task);
        QCOMPARE(task->label, failedTask);
        const QString sentence = UserMessage::fromJsonString(failed.error).englishText();
        QVERIFY2(sentence.contains(expected), qPrintable(sentence));
        const QString element = failedTask == QLatin1String("Configuring OCS account") ? QStringLiteral("OCS")
                                : failedTask.startsWith(QLatin1String("Activating SIM")) ? QStringLiteral("HSS")
                                                                                         : QStringLiteral("IPTV middleware");
        QVERIFY2(sentence.contains(element), qPrintable(sentence));
        static const QRegularExpression whatToDo(QStringLiteral("\\b(check|retry|top up|enable|set)\\b"),
                                                 QRegularExpression::CaseInsensitiveOption);
        QVERIFY2(sentence.contains(whatToDo), qPrintable(sentence));
        QCOMPARE(UserMessage::fromJsonString(task->error).englishText(), sentence);
        QCOMPARE(ServiceRepository(db()).byId(assigned.serviceId)->status, ServiceStatus::ProvisioningFailed);

        // The log keeps the request and what came back, with no secret in clear.
        QVERIFY2(task->log.contains(QStringLiteral("→ ")), qPrintable(task->log));
        QVERIFY2(task->log.contains(QStringLiteral("← ")), qPrintable(task->log));
        const QString uuid = ServiceRepository(db()).byId(assigned.serviceId)->serviceUuid;
        QString allLogs;
        for (const ProvisioningTask& t : failed.tasks)
            allLogs += t.log + t.error;
        allLogs += failed.error;
        for (const QString& secret : secretsOf(failed, uuid))
            QVERIFY2(!allLogs.contains(secret, Qt::CaseInsensitive), qPrintable(QStringLiteral("secret in a log")));
        if (task->log.contains(QLatin1String("PUT ")) && task->log.contains(QLatin1String("/auc/")))
            QVERIFY2(task->log.contains(QLatin1String("\"ki\":\"***\"")), qPrintable(task->log));

        // The element is back: Retry resumes at the failed task and the service becomes Active.
        elementIsBack();
        const Status retried = ProvisioningWorkflow(db()).retry(assigned.jobId, m_env->actor);
        QVERIFY2(retried.ok(), qPrintable(retried.error.message.englishText()));
        QCOMPARE(m_env->runNext(), JobStatus::Succeeded);
        const ProvisioningJob done = *JobRepository(db()).byId(assigned.jobId);
        QCOMPARE(done.attempt, 2);
        QCOMPARE(ServiceRepository(db()).byId(assigned.serviceId)->status, ServiceStatus::Active);
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
