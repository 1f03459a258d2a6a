#include "BusinessOrder.h"
#include "TestDatabase.h"

#include "network/SimulatorThread.h"
#include "network/NetworkSimulator.h"
#include "provisioning/ProvisioningActions.h"
#include "provisioning/ProvisioningRunner.h"
#include "security/ElementCredentials.h"
#include "security/ElementPasswordHash.h"
#include "store/CatalogRepository.h"
#include "store/JobRepository.h"
#include "store/RadiusUserStore.h"
#include "store/ServiceRepository.h"
#include "store/SipSubscriberStore.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/CancelServiceWorkflow.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlRecord>
#include <QTest>

using namespace sb;

// Internet and VoIP plans write real FreeRADIUS and Kamailio rows (no clear password anywhere), and a
// cancelled service is removed from the elements by a cancel job. The servers themselves: tests/elements.
class TestCancelService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<SimulatorThread> m_sim;
    NetworkEndpoints m_endpoints;
    const Actor m_staff{QStringLiteral("tester"), Role::Staff};

    Database& db() { return m_test->db(); }

    AssignResult assign(const QString& slug, qint64 customerId)
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
        const auto result = workflow.submit(request, m_staff);
        return result.ok() ? *result : AssignResult{};
    }

    JobStatus runNext()
    {
        ProvisioningRunner runner(db(), m_endpoints, QStringLiteral("test-worker"));
        const auto id = runner.runNext();
        return id ? JobRepository(db()).byId(*id)->status : JobStatus::Queued;
    }

    AssignResult provision(const QString& slug, qint64 customerId)
    {
        const AssignResult assigned = assign(slug, customerId);
        if (assigned.jobId == 0 || runNext() != JobStatus::Succeeded)
            return {};
        return assigned;
    }

    std::unique_ptr<Database> elementDatabase(const QString& url) { return std::make_unique<Database>(*DatabaseUrl::parse(url)); }

    QString derived(const char* purpose, const QString& uuid)
    {
        return ElementCredentials::open(m_endpoints.credentialsKeyPath())->password(purpose, uuid);
    }

    // Every value of the element tables, to show that a retry changes nothing.
    static QStringList rows(Database& element, const QStringList& tables)
    {
        QStringList all;
        for (const QString& table : tables) {
            Sql q(element, QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table));
            q.exec();
            while (q.next()) {
                QStringList row{table};
                for (int i = 0; i < q.query().record().count(); ++i)
                    row << q.value(i).toString();
                all << row.join(QLatin1Char('|'));
            }
        }
        return all;
    }

    QString allTaskText(qint64 jobId)
    {
        QString text;
        for (const ProvisioningTask& t : JobRepository(db()).tasks(jobId))
            text += t.log + QJsonDocument(t.params).toJson() + QJsonDocument(t.rescue).toJson();
        return text;
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

    void internetPlanWritesRadiusUserWithHashedPassword()
    {
        const AssignResult assigned = provision(QStringLiteral("fiber-100"), 1);
        QVERIFY(assigned.jobId);
        const Service service = *ServiceRepository(db()).byId(assigned.serviceId);
        const ProvisioningJob job = *JobRepository(db()).byId(assigned.jobId);
        const QString mac = job.variables[QStringLiteral("inventory")][QStringLiteral("cpe_modem")][QStringLiteral("mac")].toString();

        auto radius = elementDatabase(m_endpoints.radiusDatabaseUrl());
        const auto user = RadiusUserStore(*radius).find(service.serviceUuid);
        QVERIFY(user);
        QCOMPARE(user->rateLimit, QStringLiteral("20M/100M")); // 100M down / 20M up, as the router sees it
        QCOMPARE(user->callingStationId, mac.toUpper().replace(QLatin1Char(':'), QLatin1Char('-')));
        QCOMPARE(user->group, QStringLiteral("fiber-100"));
        const QString password = derived(ElementCredentials::RadiusPurpose, service.serviceUuid);
        QCOMPARE(password.size(), 16);
        QVERIFY(ElementPasswordHash::radiusSsha256Matches(user->passwordHash, password));
        QVERIFY(!ElementPasswordHash::radiusSsha256Matches(user->passwordHash, password + QLatin1Char('x')));

        // the clear password is nowhere: not in the RADIUS rows, not in our jobs and logs
        const QStringList radiusRows = rows(*radius, {QStringLiteral("radcheck"), QStringLiteral("radreply")});
        QVERIFY(!radiusRows.join(QLatin1Char('\n')).contains(password));
        QVERIFY(!radiusRows.join(QLatin1Char('\n')).contains(QLatin1String("Cleartext-Password")));
        QVERIFY(!allTaskText(assigned.jobId).contains(password));
        // the installation key is readable by its owner only (0600)
        const QFileDevice::Permissions keyPermissions = QFile::permissions(m_endpoints.credentialsKeyPath());
        QVERIFY(keyPermissions.testFlag(QFileDevice::ReadOwner));
        QCOMPARE(int(keyPermissions & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                                       QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther)),
                 0);

        // a retry of the task changes nothing
        const ProvisioningTask create = [&] {
            for (const ProvisioningTask& t : job.tasks)
                if (t.action == QLatin1String("radius.create_user"))
                    return t;
            return ProvisioningTask{};
        }();
        ActionContext context{db(), m_endpoints, job, 30000, {}};
        QVERIFY((*ProvisioningActions::find(create.action))(context, create.params).ok());
        QVERIFY2(context.log.contains(QLatin1String("nothing to do")), qPrintable(context.log));
        const QStringList tables{QStringLiteral("radcheck"), QStringLiteral("radreply"), QStringLiteral("radusergroup")};
        const QStringList before = rows(*radius, tables);
        QVERIFY((*ProvisioningActions::find(create.action))(context, create.params).ok());
        QCOMPARE(rows(*radius, tables), before);
    }

    void voipPlanWritesKamailioSubscriberWithHa1Only()
    {
        const AssignResult assigned = provision(QStringLiteral("voip-business"), 4);
        QVERIFY(assigned.jobId);
        const Service service = *ServiceRepository(db()).byId(assigned.serviceId);
        const ProvisioningJob job = *JobRepository(db()).byId(assigned.jobId);
        const QString number = job.variables[QStringLiteral("inventory")][QStringLiteral("sip_did")][QStringLiteral("msisdn")].toString();
        const QString domain = QStringLiteral("voice.switchboard.example");

        auto kamailio = elementDatabase(m_endpoints.sipDatabaseUrl());
        const auto subscriber = SipSubscriberStore(*kamailio).find(number, domain);
        QVERIFY(subscriber);
        const QString password = derived(ElementCredentials::SipPurpose, service.serviceUuid);
        QCOMPARE(subscriber->ha1, ElementPasswordHash::sipHa1(number, domain, password));
        QCOMPARE(subscriber->ha1b, ElementPasswordHash::sipHa1b(number, domain, password));
        Sql row(*kamailio, QStringLiteral("SELECT password FROM subscriber WHERE username = :u"));
        row.bind(QStringLiteral(":u"), number).exec();
        QVERIFY(row.next());
        QCOMPARE(row.value(0).toString(), QString());
        Sql version(*kamailio, QStringLiteral("SELECT table_version FROM version WHERE table_name = 'subscriber'"));
        version.exec();
        QVERIFY(version.next());
        QCOMPARE(version.value(0).toInt(), 7);
        QVERIFY(!allTaskText(assigned.jobId).contains(password));
        // RADIUS and SIP passwords of one service differ
        QVERIFY(password != derived(ElementCredentials::RadiusPurpose, service.serviceUuid));
    }

    void sipDomainFromSettingsWins()
    {
        m_endpoints.sipDomain = QStringLiteral("sip.operator.example");
        const AssignResult assigned = provision(QStringLiteral("voip-business"), 4);
        QVERIFY(assigned.jobId);
        const ProvisioningJob job = *JobRepository(db()).byId(assigned.jobId);
        const QString number = job.variables[QStringLiteral("inventory")][QStringLiteral("sip_did")][QStringLiteral("msisdn")].toString();
        auto kamailio = elementDatabase(m_endpoints.sipDatabaseUrl());
        QVERIFY(SipSubscriberStore(*kamailio).find(number, QStringLiteral("sip.operator.example")));
        QVERIFY(!SipSubscriberStore(*kamailio).find(number, QStringLiteral("voice.switchboard.example")));
    }

    void cancelUndoesTheElementsInReverseOrder()
    {
        const AssignResult assigned = provision(QStringLiteral("fiber-100"), 1);
        QVERIFY(assigned.jobId);
        const QString uuid = ServiceRepository(db()).byId(assigned.serviceId)->serviceUuid;
        CancelServiceWorkflow cancel(db());

        const Result<qint64> refused = cancel.cancelService(assigned.serviceId, Actor(QStringLiteral("clerk"), Role::BillingClerk));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.englishText().contains(QLatin1String("does not allow cancelling services")),
                 qPrintable(refused.error().message.englishText()));

        const Result<qint64> jobId = cancel.cancelService(assigned.serviceId, m_staff);
        QVERIFY2(jobId.ok(), qPrintable(jobId.error().message.englishText()));
        const ProvisioningJob queued = *JobRepository(db()).byId(*jobId);
        QCOMPARE(queued.kind, QStringLiteral("cancel_service"));
        QStringList actions;
        for (const ProvisioningTask& t : queued.tasks)
            actions << t.action;
        QCOMPARE(actions, (QStringList{QStringLiteral("ocs.remove_account"), QStringLiteral("radius.delete_user"),
                                       QStringLiteral("service.cancel")}));
        QCOMPARE(queued.tasks.at(1).displayLabel(), QStringLiteral("Removing RADIUS user (%1)").arg(uuid));
        QVERIFY(!cancel.cancelService(assigned.serviceId, m_staff).ok()); // already queued

        QCOMPARE(runNext(), JobStatus::Succeeded);
        QCOMPARE(ServiceRepository(db()).byId(assigned.serviceId)->status, ServiceStatus::Cancelled);
        auto radius = elementDatabase(m_endpoints.radiusDatabaseUrl());
        QVERIFY(!RadiusUserStore(*radius).find(uuid));
        QVERIFY(m_sim->simulator()->ocsAccount(QStringLiteral("cgrates.org"), uuid).isEmpty());

        const Result<qint64> again = cancel.cancelService(assigned.serviceId, m_staff);
        QVERIFY(!again.ok());
        QVERIFY(again.error().message.englishText().contains(QLatin1String("already cancelled")));
    }

    void cancelWaitsForRunningProvisioning()
    {
        const AssignResult assigned = assign(QStringLiteral("voip-business"), 4);
        QVERIFY(assigned.jobId);
        const Result<qint64> refused = CancelServiceWorkflow(db()).cancelService(assigned.serviceId, m_staff);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.englishText().contains(QLatin1String("being provisioned")));
    }

    void cancelOfUnknownServiceIsRefused()
    {
        QVERIFY(!CancelServiceWorkflow(db()).cancelService(999999, m_staff).ok());
    }
};

QTEST_GUILESS_MAIN(TestCancelService)
#include "tst_cancelservice.moc"
