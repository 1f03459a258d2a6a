#include "core/TestDatabase.h"

#include "network/OsmoHlrCtlClient.h"
#include "network/SimulatorThread.h"
#include "provisioning/ProvisioningActions.h"
#include "provisioning/ProvisioningRunner.h"
#include "security/Milenage.h"
#include "security/SimKeys.h"
#include "store/CatalogRepository.h"
#include "store/InventoryRepository.h"
#include "store/JobRepository.h"
#include "store/ServiceRepository.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/ProvisioningWorkflow.h"
#include "workflows/SimImportWorkflow.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

using namespace sb;

// A mobile plan provisions a REAL osmo-hlr (Debian package) through its CTRL interface: the subscriber exists with
// the MSISDN and the MILENAGE keys of the SIM card, whose Ki came in a vendor batch file encrypted under a transport
// key and was decrypted only in memory. osmo-hlr listens on its fixed ports (CTRL 4259, GSUP 4222, VTY 4258).
class TestOsmoHlr : public QObject
{
    Q_OBJECT

private:
    static constexpr quint16 ctrlPort = 4259;
    const QByteArray m_op = QByteArray::fromHex("cdc202d5123e20f62b6d676ac72cb318");
    const QByteArray m_ki = QByteArray::fromHex("465b5ce8b199b49faa5f0a2ee238a6bc");
    const QString m_iccid = QStringLiteral("8944099900000077001");
    const QString m_imsi = QStringLiteral("001010000077001");

    QString m_hlrBinary;
    QTemporaryDir m_dir;
    QString m_keyFile;
    QProcess m_hlr;
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<SimulatorThread> m_sim;
    NetworkEndpoints m_endpoints;

    Database& db() { return m_test->db(); }

    bool startHlr()
    {
        const QString config = m_dir.filePath(QStringLiteral("osmo-hlr.cfg"));
        QFile::remove(config);
        if (!QFile::copy(QStringLiteral(SWITCHBOARD_SOURCE_DIR "/tests/elements/servers/osmo-hlr/osmo-hlr.cfg"),
                         config))
            return false;
        m_hlr.setProcessChannelMode(QProcess::MergedChannels);
        m_hlr.setWorkingDirectory(m_dir.path());
        m_hlr.start(m_hlrBinary,
                    {QStringLiteral("-c"), config, QStringLiteral("-l"), m_dir.filePath(QStringLiteral("hlr.db"))});
        if (!m_hlr.waitForStarted(10000))
            return false;
        const QDeadlineTimer ready(15000);
        while (!ready.hasExpired() && m_hlr.state() == QProcess::Running) {
            QTcpSocket probe;
            probe.connectToHost(QStringLiteral("127.0.0.1"), ctrlPort);
            if (probe.waitForConnected(500))
                return true;
            QTest::qWait(100);
        }
        qWarning("osmo-hlr did not open CTRL: %s", m_hlr.readAll().constData());
        return false;
    }

    void stopHlr()
    {
        if (m_hlr.state() == QProcess::NotRunning)
            return;
        m_hlr.terminate();
        if (!m_hlr.waitForFinished(10000)) {
            m_hlr.kill();
            m_hlr.waitForFinished(5000);
        }
    }

    // One CTRL GET written out by hand (IPA framing), so that the check does not rely on the adapter under test.
    QString ctrlGet(const QString& variable)
    {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), ctrlPort);
        if (!socket.waitForConnected(5000))
            return QStringLiteral("no connection");
        const QByteArray text = "GET 4711 " + variable.toUtf8();
        QByteArray frame;
        frame.append(char((text.size() + 1) >> 8))
            .append(char((text.size() + 1) & 0xff))
            .append(char(0xEE))
            .append('\0');
        socket.write(frame + text);
        QByteArray reply;
        while (socket.waitForReadyRead(5000)) {
            reply += socket.readAll();
            if (reply.size() >= 3 && reply.size() >= 3 + ((quint8(reply.at(0)) << 8) | quint8(reply.at(1))))
                break;
        }
        return QString::fromUtf8(reply.mid(4));
    }

    // The subscriber as osmo-hlr reports it ("info-all"), or empty when it has none with this IMSI.
    QMap<QString, QString> hlrSubscriber(const QString& imsi)
    {
        const QString reply = ctrlGet(QStringLiteral("subscriber.by-imsi-%1.info-all").arg(imsi));
        QMap<QString, QString> fields;
        if (!reply.startsWith(QLatin1String("GET_REPLY 4711 ")))
            return fields;
        for (const QString& line : reply.split(QLatin1Char('\n')).mid(1)) {
            const QStringList pair = line.split(QLatin1Char('\t'));
            if (pair.size() == 2)
                fields.insert(pair.at(0), pair.at(1));
        }
        return fields;
    }

    void writeKeyFile(const QString& path, const char* hex)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("# transport key 7\n") + hex + '\n');
    }

    // The batch file as the SIM vendor sends it: Ki encrypted under transport key 7.
    void importSimBatch()
    {
        const TransportKey key = *TransportKey::load(m_keyFile);
        const QString batch =
            QStringLiteral("*HEADER DESCRIPTION\nQuantity : 1\nBatch : HLR-TEST\nTransport_key : 7\n"
                           "Key_check : %1\nvar_out: ICCID/IMSI/KI/PIN1/PUK1\n%2 %3 %4 0000 12345678\n")
                .arg(key.checkValue(), m_iccid, m_imsi, QString::fromLatin1(key.encrypt(m_ki).toHex()));
        const Result<SimBatch> parsed = SimBatchFile::parse(batch.toUtf8());
        QVERIFY(parsed.ok());
        const Result<SimImportSummary> imported = SimImportWorkflow(db()).importBatch(
            Actor(QStringLiteral("admin"), Role::Administrator), *parsed, m_keyFile, QString::fromLatin1(m_op.toHex()));
        QVERIFY2(imported.ok(), qPrintable(imported.error().message.englishText()));
    }

    // Assigns the mobile plan with the imported SIM card; returns the job id.
    qint64 assignMobilePlan(QString* msisdn)
    {
        AssignPlanWorkflow workflow(db());
        const Product product = *CatalogRepository(db()).bySlug(QStringLiteral("mobile-20gb"));
        const QString holder = QStringLiteral("hlr-test");
        AssignRequest request;
        request.customerId = 1;
        request.productId = product.id;
        request.reservationHolder = holder;
        const auto sims = workflow.availableItems(QStringLiteral("SIM Card"), holder);
        for (const InventoryItem& sim : *sims)
            if (sim.identifier == m_iccid)
                request.items.insert(QStringLiteral("SIM Card"), sim.id);
        const auto numbers = workflow.availableItems(QStringLiteral("Mobile Number"), holder);
        const InventoryItem number = numbers->first();
        *msisdn = number.attributes.value(QStringLiteral("msisdn")).toString();
        request.items.insert(QStringLiteral("Mobile Number"), number.id);
        for (const qint64 id : request.items)
            workflow.reserve(id, holder);
        const auto result = workflow.submit(request, Actor(QStringLiteral("tester"), Role::Staff));
        if (!result.ok())
            qWarning() << result.error().text();
        return result.ok() ? result->jobId : 0;
    }

    ProvisioningJob runJob(qint64 jobId)
    {
        ProvisioningRunner(db(), m_endpoints, QStringLiteral("hlr-worker")).runJob(jobId);
        return *JobRepository(db()).byId(jobId);
    }

    static const ProvisioningTask* hssTask(const ProvisioningJob& job)
    {
        for (const ProvisioningTask& task : job.tasks)
            if (task.action == QLatin1String("hss.create_subscriber"))
                return &task;
        return nullptr;
    }

    QString opcHex() const { return QString::fromLatin1(Milenage::opc(m_ki, m_op).toHex()); }

    // Neither the Ki nor the OPc appears in clear in the job: variables, parameters, logs.
    void verifyNoClearKeys(const ProvisioningJob& job)
    {
        const QString kiHex = QString::fromLatin1(m_ki.toHex());
        QString all = QString::fromUtf8(QJsonDocument(job.variables).toJson());
        for (const ProvisioningTask& task : job.tasks)
            all += QString::fromUtf8(QJsonDocument(task.params).toJson()) + task.log + task.error;
        QVERIFY2(!all.contains(kiHex, Qt::CaseInsensitive), qPrintable(all));
        QVERIFY2(!all.contains(opcHex(), Qt::CaseInsensitive), qPrintable(all));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        m_hlrBinary = QStandardPaths::findExecutable(QStringLiteral("osmo-hlr"));
        if (m_hlrBinary.isEmpty())
            m_hlrBinary = QStandardPaths::findExecutable(QStringLiteral("osmo-hlr"),
                                                         {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (m_hlrBinary.isEmpty())
            QFAIL("osmo-hlr is not installed. Install the Debian package osmo-hlr (scripts/install-deps.sh does).");
        m_keyFile = m_dir.filePath(QStringLiteral("transport-7.key"));
        writeKeyFile(m_keyFile, "000102030405060708090a0b0c0d0e0f");
    }

    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("hlr.db")));
        QVERIFY2(startHlr(), "osmo-hlr did not start; is another osmo-hlr holding port 4259?");
        m_test = std::make_unique<TestDatabase>(true, 5);
        QVERIFY(m_test->ok());
        importSimBatch();
        m_sim = std::make_unique<SimulatorThread>();
        QVERIFY(m_sim->start());
        m_endpoints = NetworkEndpoints::forSimulator(m_sim->baseUrl()); // OCS (CGRateS) is simulated
        m_endpoints.outboxDir = m_test->path(QStringLiteral("outbox"));
        m_endpoints.standinDir = m_test->path(QStringLiteral("elements"));
        m_endpoints.hssKind = QStringLiteral("osmo-hlr");
        m_endpoints.hlr.url = QUrl(QStringLiteral("tcp://127.0.0.1:%1").arg(ctrlPort));
        m_endpoints.hlr.timeoutMs = 5000;
        m_endpoints.simTransportKeyFile = m_keyFile;
    }

    void cleanup()
    {
        m_sim.reset();
        m_test.reset();
        stopHlr();
    }

    void mobilePlanCreatesHlrSubscriber()
    {
        QString msisdn;
        const qint64 jobId = assignMobilePlan(&msisdn);
        QVERIFY(jobId);
        const ProvisioningJob job = runJob(jobId);
        QVERIFY2(job.status == JobStatus::Succeeded, qPrintable(UserMessage::fromJsonString(job.error).englishText()));

        const QMap<QString, QString> subscriber = hlrSubscriber(m_imsi);
        QVERIFY2(!subscriber.isEmpty(),
                 qPrintable(ctrlGet(QStringLiteral("subscriber.by-imsi-%1.info-all").arg(m_imsi))));
        QCOMPARE(subscriber.value(QStringLiteral("imsi")), m_imsi);
        QCOMPARE(subscriber.value(QStringLiteral("msisdn")), msisdn);
        QCOMPARE(subscriber.value(QStringLiteral("aud3g.algo")), QStringLiteral("MILENAGE"));
        QCOMPARE(subscriber.value(QStringLiteral("aud3g.k")), QString::fromLatin1(m_ki.toHex()));
        QCOMPARE(subscriber.value(QStringLiteral("aud3g.opc")), opcHex());

        const ProvisioningTask* task = hssTask(job);
        QVERIFY(task);
        QVERIFY2(task->log.contains(QLatin1String("subscriber.create")), qPrintable(task->log));
        QVERIFY2(task->log.contains(QLatin1String("milenage,***,OPC,***")), qPrintable(task->log));
        verifyNoClearKeys(job);
    }

    // Running the task again (a retry after a crash) changes nothing; the rescue removes the subscriber, twice safely.
    void retryIsHarmlessAndRescueDeletes()
    {
        QString msisdn;
        const qint64 jobId = assignMobilePlan(&msisdn);
        const ProvisioningJob job = runJob(jobId);
        QCOMPARE(job.status, JobStatus::Succeeded);
        const ProvisioningTask* task = hssTask(job);
        QVERIFY(task);

        ActionContext again{db(), m_endpoints, job, 10000, {}};
        const Status repeated = (*ProvisioningActions::find(task->action))(again, task->params);
        QVERIFY2(repeated.ok(), qPrintable(repeated.error.message.englishText()));
        QVERIFY2(again.log.contains(QLatin1String("already exists")), qPrintable(again.log));
        QCOMPARE(hlrSubscriber(m_imsi).value(QStringLiteral("aud3g.opc")), opcHex());

        const QString rescueAction = task->rescue.value(QStringLiteral("action")).toString();
        QCOMPARE(rescueAction, QStringLiteral("hss.delete_subscriber"));
        for (int round = 0; round < 2; ++round) {
            ActionContext undo{db(), m_endpoints, job, 10000, {}};
            const Status deleted = (*ProvisioningActions::find(rescueAction))(
                undo, task->rescue.value(QStringLiteral("params")).toObject());
            QVERIFY2(deleted.ok(), qPrintable(deleted.error.message.englishText()));
        }
        QVERIFY(hlrSubscriber(m_imsi).isEmpty());
        QVERIFY(ctrlGet(QStringLiteral("subscriber.by-imsi-%1.info-all").arg(m_imsi))
                    .contains(QLatin1String("No such subscriber")));
    }

    // With osmo-hlr down the task fails with a sentence naming the HLR and what to check; Retry succeeds once it is
    // back.
    void hlrDownThenRetry()
    {
        stopHlr();
        QString msisdn;
        const qint64 jobId = assignMobilePlan(&msisdn);
        const ProvisioningJob failed = runJob(jobId);
        QCOMPARE(failed.status, JobStatus::Failed);
        const QString message = UserMessage::fromJsonString(failed.error).englishText();
        QVERIFY2(message.contains(QLatin1String("Unable to connect to the HLR (osmo-hlr CTRL) at 127.0.0.1:4259")),
                 qPrintable(message));
        QVERIFY(message.contains(QLatin1String("hss_ctrl")));
        verifyNoClearKeys(failed);

        QVERIFY(startHlr());
        const Status retried = ProvisioningWorkflow(db()).retry(jobId, Actor(QStringLiteral("tester"), Role::Staff));
        QVERIFY2(retried.ok(), qPrintable(retried.error.message.englishText()));
        const ProvisioningJob done = runJob(jobId);
        QVERIFY2(done.status == JobStatus::Succeeded,
                 qPrintable(UserMessage::fromJsonString(done.error).englishText()));
        QCOMPARE(hlrSubscriber(m_imsi).value(QStringLiteral("msisdn")), msisdn);
    }

    // A worker with another transport key refuses to provision keys it cannot decrypt, and says which key to set.
    void wrongTransportKeyIsNamed()
    {
        const QString otherKey = m_dir.filePath(QStringLiteral("other.key"));
        writeKeyFile(otherKey, "ffeeddccbbaa99887766554433221100");
        m_endpoints.simTransportKeyFile = otherKey;
        QString msisdn;
        const ProvisioningJob failed = runJob(assignMobilePlan(&msisdn));
        QCOMPARE(failed.status, JobStatus::Failed);
        const QString message = UserMessage::fromJsonString(failed.error).englishText();
        QVERIFY2(message.contains(QLatin1String("transport_key_file")) && message.contains(otherKey),
                 qPrintable(message));
        QVERIFY(hlrSubscriber(m_imsi).isEmpty());
    }

    // An ERROR reply of osmo-hlr becomes a sentence with its reason.
    void errorReplyIsExplained()
    {
        OsmoHlrCtlClient hlr(m_endpoints.hlr);
        QString log;
        QVERIFY(hlr.createSubscriber(m_imsi, &log).ok());
        const Status refused = hlr.setMsisdn(m_imsi, QStringLiteral("not-a-number"), &log);
        QVERIFY(!refused.ok());
        const QString message = refused.error.message.englishText();
        QVERIFY2(message.contains(QLatin1String("The HLR at 127.0.0.1:4259 refused")) &&
                     message.contains(QLatin1String("Value failed verification")),
                 qPrintable(message));
        QVERIFY(hlr.setMilenage(m_imsi, QString::fromLatin1(m_ki.toHex()), opcHex(), &log).ok());
        const auto read = hlr.subscriber(m_imsi, &log);
        QVERIFY(read.ok() && read->has_value());
        QCOMPARE(read->value().value(QStringLiteral("aud3g.k")), QString::fromLatin1(m_ki.toHex()));
        QVERIFY(hlr.deleteSubscriber(m_imsi, &log).ok());
        // the keys are in the log neither as sent nor as read back
        QVERIFY2(log.contains(QLatin1String("aud3g.k=***")) && !log.contains(QString::fromLatin1(m_ki.toHex())) &&
                     !log.contains(opcHex()),
                 qPrintable(log));
    }
};

QTEST_GUILESS_MAIN(TestOsmoHlr)
#include "tst_osmohlr.moc"
