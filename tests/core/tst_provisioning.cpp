#include "BusinessOrder.h"
#include "TestDatabase.h"

#include "network/NetworkSimulator.h"
#include "network/SimulatorThread.h"
#include "provisioning/Playbook.h"
#include "provisioning/PlaybookLabels.h"
#include "provisioning/ProvisioningRunner.h"
#include "security/SimKeys.h"
#include "store/CatalogRepository.h"
#include "store/InventoryRepository.h"
#include "store/JobRepository.h"
#include "store/ServiceRepository.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/ProvisioningWorkflow.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace sb;

class TestProvisioning : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<SimulatorThread> m_sim;
    NetworkEndpoints m_endpoints;

    Database& db() { return m_test->db(); }
    NetworkSimulator* sim() { return m_sim->simulator(); }

    AssignResult assign(const QString& slug, qint64 customerId = 1)
    {
        AssignPlanWorkflow workflow(db());
        const Product product = *CatalogRepository(db()).bySlug(slug);
        const QString holder = QStringLiteral("test-") + slug;
        AssignRequest request;
        request.customerId = customerId;
        request.productId = product.id;
        request.reservationHolder = holder;
        for (const QString& t : product.inventoryItemsList) {
            const qint64 id = workflow.availableItems(t, holder)->first().id;
            workflow.reserve(id, holder);
            request.items.insert(t, id);
        }
        fillBusinessDetails(workflow, request);
        const auto result = workflow.submit(request, Actor(QStringLiteral("tester"), Role::Staff));
        if (!result.ok())
            qWarning() << result.error().text();
        return result.ok() ? *result : AssignResult{};
    }

    ProvisioningJob job(qint64 id) { return *JobRepository(db()).byId(id); }

    ProvisioningRunner runner(RunnerSettings settings = {})
    {
        return ProvisioningRunner(db(), m_endpoints, QStringLiteral("test-worker"), settings);
    }

private slots:
    void init()
    {
        m_test = std::make_unique<TestDatabase>();
        QVERIFY(m_test->ok());
        m_sim = std::make_unique<SimulatorThread>();
        QVERIFY(m_sim->start());
        m_endpoints = NetworkEndpoints::forSimulator(m_sim->baseUrl());
        m_endpoints.outboxDir = m_test->path(QStringLiteral("outbox"));
        m_endpoints.standinDir = m_test->path(QStringLiteral("elements"));
    }

    void cleanup()
    {
        m_sim.reset();
        m_test.reset();
    }

    void mobilePlanProvisionsEveryElement()
    {
        const AssignResult assigned = assign(QStringLiteral("mobile-20gb"));
        QVERIFY(assigned.jobId);
        auto r = runner();
        QCOMPARE(r.runNext().value_or(0), assigned.jobId);
        const ProvisioningJob done = job(assigned.jobId);
        QCOMPARE(done.status, JobStatus::Succeeded);
        QCOMPARE(done.completedTasks(), done.tasks.size());
        for (const ProvisioningTask& t : done.tasks) {
            QCOMPARE(t.status, TaskStatus::Done);
            QVERIFY(t.startedMs > 0 && t.finishedMs >= t.startedMs);
        }
        const Service service = *ServiceRepository(db()).byId(assigned.serviceId);
        QCOMPARE(service.status, ServiceStatus::Active);
        for (const InventoryItem& item : InventoryRepository(db()).forService(assigned.serviceId))
            QCOMPARE(item.status, InventoryStatus::Assigned);
        // the OCS account and the HSS subscriber exist on the elements
        QVERIFY(!sim()->ocsAccount(QStringLiteral("cgrates.org"), service.serviceUuid).isEmpty());
        const QString imsi = done.variables[QStringLiteral("inventory")][QStringLiteral("sim_card")][QStringLiteral("imsi")].toString();
        QVERIFY(!sim()->hssSubscriber(imsi).isEmpty());
        QVERIFY(QFile::exists(m_endpoints.outboxDir + QStringLiteral("/welcome-service-%1.eml").arg(assigned.serviceId)));
        // secrets are masked in the task logs
        // the SIM's Ki is stored sealed only, and its clear value (unsealed here with the demo key) is in no log
        const QJsonObject sealedSim = done.variables[QStringLiteral("inventory")][QStringLiteral("sim_card")].toObject();
        QVERIFY(!sealedSim.contains(QStringLiteral("ki")) && !sealedSim.contains(QStringLiteral("opc")));
        const Result<SimKeys> keys = SimKeys::unseal(SealedSimKeys::fromJson(sealedSim), {}, {});
        QVERIFY(keys.ok());
        const QString ki = keys->kiHex();
        for (const ProvisioningTask& t : done.tasks)
            QVERIFY2(!t.log.contains(ki), qPrintable(t.log));
    }

    void everyServiceTypeProvisions_data()
    {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<qint64>("customer");
        QTest::newRow("internet") << "fiber-100" << qint64(1);
        QTest::newRow("iptv") << "iptv-essentials" << qint64(1);
        QTest::newRow("voip") << "voip-business" << qint64(4);
    }

    void everyServiceTypeProvisions()
    {
        QFETCH(QString, slug);
        QFETCH(qint64, customer);
        const AssignResult assigned = assign(slug, customer);
        QVERIFY(assigned.jobId);
        auto r = runner();
        r.runNext();
        const ProvisioningJob done = job(assigned.jobId);
        QVERIFY2(done.status == JobStatus::Succeeded, qPrintable(UserMessage::fromJsonString(done.error).text()));
        QCOMPARE(ServiceRepository(db()).byId(assigned.serviceId)->status, ServiceStatus::Active);
    }

    void failureThenRetryResumesAtFailedTask()
    {
        sim()->addFault(*NetworkSimulator::parseFault(QStringLiteral("APIerSv1.SetAccount:once")));
        const AssignResult assigned = assign(QStringLiteral("mobile-20gb"));
        auto r = runner();
        r.runNext();
        ProvisioningJob failed = job(assigned.jobId);
        QCOMPARE(failed.status, JobStatus::Failed);
        const int ocsTask = 4; // Configuring OCS account
        QCOMPARE(failed.tasks.at(ocsTask).label, QStringLiteral("Configuring OCS account"));
        for (int i = 0; i < ocsTask; ++i)
            QCOMPARE(failed.tasks.at(i).status, TaskStatus::Done);
        QCOMPARE(failed.tasks.at(ocsTask).status, TaskStatus::Failed);
        QCOMPARE(failed.tasks.at(ocsTask + 1).status, TaskStatus::Pending);
        const QString error = UserMessage::fromJsonString(failed.error).text();
        QVERIFY2(error.contains(QLatin1String("OCS")), qPrintable(error));
        QVERIFY(failed.tasks.at(ocsTask).log.contains(QLatin1String("APIerSv1.SetAccount")));
        QCOMPARE(ServiceRepository(db()).byId(assigned.serviceId)->status, ServiceStatus::ProvisioningFailed);
        const int hssPuts = sim()->requestCount(QStringLiteral("PUT /subscriber/"));
        QCOMPARE(hssPuts, 1);

        const Status retryStatus = ProvisioningWorkflow(db()).retry(assigned.jobId, Actor(QStringLiteral("tester"), Role::Staff));
        QVERIFY2(retryStatus.ok(), qPrintable(retryStatus.error.text() + retryStatus.error.detail));
        QVERIFY(!ProvisioningWorkflow(db()).retry(assigned.jobId, Actor(QStringLiteral("tester"), Role::Staff)).ok()); // only failed jobs
        QCOMPARE(r.runNext().value_or(0), assigned.jobId);
        const ProvisioningJob retried = job(assigned.jobId);
        QCOMPARE(retried.status, JobStatus::Succeeded);
        QCOMPARE(retried.attempt, 2);
        QCOMPARE(sim()->requestCount(QStringLiteral("PUT /subscriber/")), hssPuts); // done tasks did not run again
        QVERIFY(!retried.tasks.first().log.contains(QLatin1String("attempt 2")));
        QVERIFY(retried.tasks.at(ocsTask).log.contains(QLatin1String("attempt 2")));
        QCOMPARE(ServiceRepository(db()).byId(assigned.serviceId)->status, ServiceStatus::Active);
    }

    void failedTaskRunsItsRescue()
    {
        sim()->addFault(*NetworkSimulator::parseFault(QStringLiteral("APIerSv1.AddBalance:error=SERVER_ERROR: disk full:once")));
        const AssignResult assigned = assign(QStringLiteral("mobile-20gb"));
        auto r = runner();
        r.runNext();
        const ProvisioningJob failed = job(assigned.jobId);
        QCOMPARE(failed.status, JobStatus::Failed);
        QVERIFY(failed.tasks.at(4).log.contains(QLatin1String("rescue ocs.remove_account: done")));
        const QString uuid = ServiceRepository(db()).byId(assigned.serviceId)->serviceUuid;
        QVERIFY(sim()->ocsAccount(QStringLiteral("cgrates.org"), uuid).isEmpty());
    }

    void jobTimesOut()
    {
        sim()->addFault(*NetworkSimulator::parseFault(QStringLiteral("APIerSv1.SetAccount:timeout")));
        const AssignResult assigned = assign(QStringLiteral("mobile-20gb"));
        RunnerSettings settings;
        settings.jobTimeoutMs = 1500;
        auto r = runner(settings);
        QElapsedTimer clock;
        clock.start();
        r.runNext();
        QVERIFY2(clock.elapsed() < 10000, "the job must not wait past its timeout");
        const ProvisioningJob failed = job(assigned.jobId);
        QCOMPARE(failed.status, JobStatus::Failed);
        const QString error = UserMessage::fromJsonString(failed.error).text();
        QVERIFY2(error.contains(QLatin1String("OCS")), qPrintable(error));
    }

    void expiredDeadlineFailsBeforeTheNextTask()
    {
        const AssignResult assigned = assign(QStringLiteral("mobile-20gb"));
        RunnerSettings settings;
        settings.jobTimeoutMs = -1; // already past its deadline when claimed
        auto r = runner(settings);
        r.runNext();
        const ProvisioningJob failed = job(assigned.jobId);
        QCOMPARE(failed.status, JobStatus::Failed);
        QVERIFY(UserMessage::fromJsonString(failed.error).text().contains(QLatin1String("timed out")));
    }

    void expiredLeaseIsTakenOver()
    {
        const AssignResult assigned = assign(QStringLiteral("mobile-20gb"));
        JobRepository jobs(db());
        const qint64 now = Database::nowMs();
        QCOMPARE(jobs.claimNext(QStringLiteral("crashed-worker"), 100, 300000, now).value_or(0), assigned.jobId);
        QVERIFY(!jobs.claimNext(QStringLiteral("other"), 100, 300000, now + 50)); // lease still held
        // the first worker "crashes" after marking a task running; another takes over after the lease
        jobs.markTaskRunning(job(assigned.jobId).tasks.first().id, now);
        QTest::qWait(150);
        auto r = runner();
        QCOMPARE(r.runNext().value_or(0), assigned.jobId);
        QCOMPARE(job(assigned.jobId).status, JobStatus::Succeeded);
    }

    void builtInPlaybookLabelsAreTranslatable()
    {
        const QStringList known = builtInPlaybookLabels();
        QDirIterator it(QStringLiteral(":/playbooks"), {QStringLiteral("*.json")});
        int playbooks = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QJsonArray tasks = QJsonDocument::fromJson(file.readAll())[QStringLiteral("tasks")].toArray();
            QVERIFY(!tasks.isEmpty());
            for (const QJsonValue& t : tasks) {
                const QString label = t[QStringLiteral("label")].toString();
                QVERIFY2(known.contains(label), qPrintable(label + QStringLiteral(" is missing from PlaybookLabels.cpp")));
                QVERIFY2(t[QStringLiteral("action")].isString(), qPrintable(label));
            }
            ++playbooks;
        }
        QVERIFY(playbooks >= 4);
    }

    void playbookRendering()
    {
        const auto playbook = Playbook::fromJson(
            QStringLiteral("t"),
            R"({"tasks":[{"label":"A %1","label_args":["{{x.name}}"],"action":"a","params":{"n":"{{x.n}}","s":"id-{{x.n}}"}},
                         {"label":"B","action":"b","when":"x.missing"}]})");
        QVERIFY(playbook.ok());
        const auto tasks = playbook->instantiate(QJsonObject{{QStringLiteral("x"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Ann")},
                                                                                            {QStringLiteral("n"), 7}}}});
        QVERIFY(tasks.ok());
        QCOMPARE(tasks->size(), 1); // "when" left B out
        QCOMPARE(tasks->first().displayLabel(), QStringLiteral("A Ann"));
        QCOMPARE(tasks->first().params.value(QStringLiteral("n")).toInt(), 7);
        QCOMPARE(tasks->first().params.value(QStringLiteral("s")).toString(), QStringLiteral("id-7"));
        const auto missing = playbook->instantiate({});
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().text().contains(QLatin1String("x.n")));
        QVERIFY(!Playbook::fromJson(QStringLiteral("bad"), "{not json").ok());
        QVERIFY(!Playbook::load(QStringLiteral("../etc/passwd")).ok());
        QVERIFY(!Playbook::load(QStringLiteral("no_such_playbook")).ok());
    }
};

QTEST_GUILESS_MAIN(TestProvisioning)
#include "tst_provisioning.moc"
