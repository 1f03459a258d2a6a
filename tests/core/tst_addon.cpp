#include "SimulatedProvisioning.h"

#include "domain/AddonRules.h"
#include "network/CgratesClient.h"
#include "provisioning/ProvisioningActions.h"
#include "store/AuditRepository.h"
#include "store/InventoryRepository.h"
#include "store/ServiceAddonRepository.h"
#include "store/ServiceRepository.h"
#include "workflows/AddonWorkflow.h"
#include "workflows/ProvisioningWorkflow.h"
#include "workflows/StaffWorkflow.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;

// Seed 000, "Adding Add-ons to Existing Service": an add-on goes onto an existing service of its service type, no new
// service is created, its inventory is assigned to that service, its balance lands on that service's OCS account (once,
// also after a Retry), and a paid add-on needs a valid payment method on file.
class TestAddon : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimulatedProvisioning> m_env;

    Database& db() { return m_env->db(); }
    Product product(const char* slug) { return *CatalogRepository(db()).bySlug(QString::fromLatin1(slug)); }

    qint64 count(const QString& sql)
    {
        QSqlQuery q(db().connection());
        if (!q.exec(sql) || !q.next())
            qFatal("%s", qPrintable(sql));
        return q.value(0).toLongLong();
    }

    void exec(const QString& sql)
    {
        QSqlQuery q(db().connection());
        QVERIFY2(q.exec(sql), qPrintable(sql));
    }

    // The rows an add-on purchase writes, to prove that a refused one wrote none.
    QList<qint64> writtenRows()
    {
        return {count(QStringLiteral("SELECT COUNT(*) FROM services")),
                count(QStringLiteral("SELECT COUNT(*) FROM service_addons")),
                count(QStringLiteral("SELECT COUNT(*) FROM provisioning_jobs")),
                count(QStringLiteral("SELECT COUNT(*) FROM audit_log")),
                count(QStringLiteral(
                    "SELECT COUNT(*) FROM inventory_items WHERE status = 'Reserved' AND service_id IS NOT NULL"))};
    }

    qint64 provisioned(const char* slug, qint64 customerId)
    {
        const AssignResult assigned = m_env->provision(QString::fromLatin1(slug), customerId);
        return assigned.serviceId;
    }

    // The sum of the account's balances of one type on the simulated OCS.
    double ocsBalance(qint64 serviceId, const QString& type)
    {
        const QString uuid = ServiceRepository(db()).byId(serviceId)->serviceUuid;
        const QJsonObject account = m_env->sim()->ocsAccount(QStringLiteral("cgrates.org"), uuid);
        double total = 0;
        for (const QJsonValue& balance : account[QStringLiteral("BalanceMap")][type].toArray())
            total += balance[QStringLiteral("Value")].toDouble();
        return total;
    }

    static double gib(double n) { return n * 1024.0 * 1024.0 * 1024.0; }

    AddonRequest request(const char* slug, qint64 customerId, qint64 serviceId = 0)
    {
        AddonRequest r;
        r.customerId = customerId;
        r.productId = product(slug).id;
        r.serviceId = serviceId;
        r.reservationHolder = QStringLiteral("addon-test");
        return r;
    }

    AddonResult submitted(const AddonRequest& r)
    {
        const Result<AddonResult> result = AddonWorkflow(db()).submit(r, m_env->actor);
        if (!result)
            qWarning("%s (%s)", qPrintable(result.error().text()), qPrintable(result.error().detail));
        return result ? *result : AddonResult{};
    }

    ServiceStatus statusOf(qint64 serviceId) { return ServiceRepository(db()).byId(serviceId)->status; }

private slots:
    void init()
    {
        m_env = std::make_unique<SimulatedProvisioning>();
        QVERIFY(m_env->start());
    }

    void cleanup() { m_env.reset(); }

    void onlyServicesOfTheAddonsServiceType()
    {
        const qint64 mobile = provisioned("mobile-unlimited", 4); // customer 4 is a business
        const qint64 tv = provisioned("iptv-hospitality", 4);
        QVERIFY(mobile && tv);
        AddonWorkflow workflow(db());

        const Result<QList<Service>> forData = workflow.targetServices(product("addon-data-5gb").id, 4);
        QVERIFY2(forData.ok(), qPrintable(forData.error().text()));
        QCOMPARE(forData->size(), 1);
        QCOMPARE(forData->first().id, mobile);

        // an internet add-on is not offered for a mobile service
        const Result<QList<Service>> forStaticIp = workflow.targetServices(product("addon-static-ip").id, 4);
        QVERIFY(!forStaticIp.ok());
        QVERIFY2(forStaticIp.error().text().contains(QLatin1String("has no active Internet service")),
                 qPrintable(forStaticIp.error().text()));
        const QList<qint64> before = writtenRows();
        const Result<AddonResult> refused =
            AddonWorkflow(db()).submit(request("addon-static-ip", 4, mobile), m_env->actor);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().text().contains(QLatin1String("is an add-on for services of type Internet")),
                 qPrintable(refused.error().text()));
        QCOMPARE(writtenRows(), before);

        // a plan is not an add-on
        const Result<QList<Service>> plan = workflow.targetServices(product("mobile-20gb").id, 1);
        QVERIFY(!plan.ok());
        QVERIFY2(plan.error().text().contains(QLatin1String("is not an add-on")), qPrintable(plan.error().text()));
    }

    void inactiveAndOtherCustomersServicesAreNotTargets()
    {
        const qint64 mine = provisioned("mobile-20gb", 1);
        const qint64 theirs = provisioned("mobile-20gb", 2);
        QVERIFY(mine && theirs);
        const qint64 addonId = product("addon-data-5gb").id;
        const QList<qint64> before = writtenRows();
        const Result<AddonResult> other =
            AddonWorkflow(db()).submit(request("addon-data-5gb", 1, theirs), m_env->actor);
        QVERIFY(!other.ok());
        QVERIFY2(other.error().text().contains(QLatin1String("does not belong to")), qPrintable(other.error().text()));

        ServiceRepository(db()).setStatus(mine, ServiceStatus::Suspended, QStringLiteral("tester"));
        const Result<QList<Service>> none = AddonWorkflow(db()).targetServices(addonId, 1);
        QVERIFY(!none.ok());
        const Result<AddonResult> suspended =
            AddonWorkflow(db()).submit(request("addon-data-5gb", 1, mine), m_env->actor);
        QVERIFY(!suspended.ok());
        QVERIFY2(suspended.error().text().contains(QLatin1String("is not active")),
                 qPrintable(suspended.error().text()));
        QCOMPARE(writtenRows(), before);
    }

    void severalMatchingServicesAreListed()
    {
        const qint64 first = provisioned("mobile-20gb", 1);
        const qint64 second = provisioned("mobile-5gb", 1);
        QVERIFY(first && second);
        const Result<QList<Service>> targets = AddonWorkflow(db()).targetServices(product("addon-data-5gb").id, 1);
        QVERIFY(targets.ok());
        QCOMPARE(targets->size(), 2);
        QVERIFY(QSet<qint64>({targets->at(0).id, targets->at(1).id}) == QSet<qint64>({first, second}));
        QVERIFY(targets->at(0).name.startsWith(QLatin1String("Mobile - +44 7700 ")));

        // the user must say which one
        const Result<AddonResult> unchosen = AddonWorkflow(db()).submit(request("addon-data-5gb", 1), m_env->actor);
        QVERIFY(!unchosen.ok());
        QVERIFY2(unchosen.error().text().contains(QLatin1String("Choose which service should receive this add-on")),
                 qPrintable(unchosen.error().text()));
        const AddonResult chosen = submitted(request("addon-data-5gb", 1, second));
        QVERIFY(chosen.jobId);
        QCOMPARE(chosen.serviceId, second);
    }

    void noNewServiceAndInventoryGoesToTheExistingService()
    {
        const qint64 tv = provisioned("iptv-essentials", 1);
        QVERIFY(tv);
        const qint64 servicesBefore = count(QStringLiteral("SELECT COUNT(*) FROM services"));
        AssignPlanWorkflow assign(db());
        const QString holder = QStringLiteral("addon-test");
        const qint64 box = assign.availableItems(QStringLiteral("Set-top Box"), holder)->first().id;
        QVERIFY(assign.reserve(box, holder).ok());

        // without the box the add-on is refused
        QVERIFY(!AddonWorkflow(db()).submit(request("addon-extra-stb", 1, tv), m_env->actor).ok());
        AddonRequest r = request("addon-extra-stb", 1, tv);
        r.items.insert(QStringLiteral("Set-top Box"), box);
        // a billing clerk may not buy add-ons
        QVERIFY(!AddonWorkflow(db()).submit(r, Actor(QStringLiteral("clerk"), Role::BillingClerk)).ok());
        const AddonResult bought = submitted(r);
        QVERIFY(bought.addonId && bought.jobId);
        QCOMPARE(bought.serviceId, tv);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM services")), servicesBefore);

        const ProvisioningJob job = *JobRepository(db()).byId(bought.jobId);
        QCOMPARE(job.kind, QStringLiteral("addon"));
        QCOMPARE(job.serviceId, tv);
        QCOMPARE(job.customerId, qint64(1));
        QCOMPARE(job.variables[QStringLiteral("service")][QStringLiteral("uuid")].toString(),
                 ServiceRepository(db()).byId(tv)->serviceUuid);
        InventoryItem held = *InventoryRepository(db()).byId(box);
        QCOMPARE(held.serviceId, tv);
        QCOMPARE(held.status, InventoryStatus::Reserved);
        const AddonPurchase pending = *ServiceAddonRepository(db()).byId(bought.addonId);
        QCOMPARE(pending.status, QStringLiteral("pending"));
        QCOMPARE(pending.jobId, bought.jobId);
        QVERIFY(pending.setupCost == product("addon-extra-stb").setupCost);
        QCOMPARE(AuditRepository(db()).countByStaff(QStringLiteral("tester"), QStringLiteral("buy_addon")), 1);

        QCOMPARE(m_env->runNext(), JobStatus::Succeeded);
        held = *InventoryRepository(db()).byId(box);
        QCOMPARE(held.status, InventoryStatus::Assigned);
        QCOMPARE(held.serviceId, tv);
        QCOMPARE(statusOf(tv), ServiceStatus::Active);
        QCOMPARE(ServiceAddonRepository(db()).byId(bought.addonId)->status, QStringLiteral("active"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM services")), servicesBefore);
        const Result<QList<AddonPurchase>> listed = AddonWorkflow(db()).addonsOf(tv);
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().productName, QStringLiteral("Extra Set-top Box"));
    }

    void paidAddonNeedsValidPaymentMethod_data()
    {
        QTest::addColumn<QString>("update");
        QTest::addColumn<QString>("expected");
        const qint64 yesterday = Database::nowMs() - 24 * 3600 * 1000;
        QTest::newRow("none on file") << QStringLiteral("payment_method = NULL")
                                      << QStringLiteral("has no valid payment method on file. Add a payment method to "
                                                        "the customer before buying 5GB Data Boost.");
        QTest::newRow("expired") << QStringLiteral("payment_method_valid_until_ms = %1").arg(yesterday)
                                 << QStringLiteral("expired on");
    }

    void paidAddonNeedsValidPaymentMethod()
    {
        QFETCH(QString, update);
        QFETCH(QString, expected);
        const qint64 mobile = provisioned("mobile-20gb", 1);
        QVERIFY(mobile);
        const qint64 addonId = product("addon-data-5gb").id;
        QVERIFY(AddonWorkflow(db()).checkPayment(addonId, 1).ok());
        exec(QStringLiteral("UPDATE customers SET %1 WHERE id = 1").arg(update));

        const Status payment = AddonWorkflow(db()).checkPayment(addonId, 1);
        QVERIFY(!payment.ok());
        QVERIFY2(payment.error.text().contains(expected), qPrintable(payment.error.text()));
        const QList<qint64> before = writtenRows();
        const Result<AddonResult> refused =
            AddonWorkflow(db()).submit(request("addon-data-5gb", 1, mobile), m_env->actor);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().text().contains(expected), qPrintable(refused.error().text()));
        QCOMPARE(writtenRows(), before);
        QCOMPARE(ocsBalance(mobile, QStringLiteral("*data")), gib(20));

        // a free add-on needs no payment method
        exec(QStringLiteral("UPDATE products SET setup_cost = 0, monthly_cost = 0 WHERE id = %1").arg(addonId));
        QVERIFY(AddonWorkflow(db()).checkPayment(addonId, 1).ok());
        QVERIFY(submitted(request("addon-data-5gb", 1, mobile)).jobId);
    }

    void jobAddsTheBalanceToTheExistingOcsAccount()
    {
        const qint64 mobile = provisioned("mobile-20gb", 1);
        QVERIFY(mobile);
        QCOMPARE(ocsBalance(mobile, QStringLiteral("*data")), gib(20));
        const AddonResult bought = submitted(request("addon-data-5gb", 1));
        QVERIFY(bought.jobId);
        QCOMPARE(bought.serviceId, mobile);
        QCOMPARE(m_env->runNext(), JobStatus::Succeeded);

        QCOMPARE(ocsBalance(mobile, QStringLiteral("*data")), gib(25));
        const AddonPurchase done = *ServiceAddonRepository(db()).byId(bought.addonId);
        QCOMPARE(done.status, QStringLiteral("active"));
        QVERIFY2(done.balance.contains(QLatin1String("*data: 25 GB")), qPrintable(done.balance));
        QVERIFY2(done.balance.contains(QLatin1String("*voice: 500 min")), qPrintable(done.balance));
        QCOMPARE(statusOf(mobile), ServiceStatus::Active);

        const ProvisioningJob job = *JobRepository(db()).byId(bought.jobId);
        QStringList labels;
        for (const ProvisioningTask& task : job.tasks)
            labels << task.label;
        QCOMPARE(labels, QStringList({QStringLiteral("Validating customer account"),
                                      QStringLiteral("Adding %1 to the OCS account"), QStringLiteral("Reading balance"),
                                      QStringLiteral("Activating add-on")}));
        QCOMPARE(job.tasks.at(1).displayLabel(), QStringLiteral("Adding 5GB Data Boost to the OCS account"));
        QVERIFY2(job.tasks.at(2).log.contains(QLatin1String("*data: 25 GB")), qPrintable(job.tasks.at(2).log));
        const Result<std::optional<AddonPurchase>> ofJob = AddonWorkflow(db()).purchaseOfJob(bought.jobId);
        QVERIFY(ofJob.ok() && ofJob->has_value());
        QCOMPARE((*ofJob)->id, bought.addonId);

        // the add-balance step is idempotent: run again, it finds its balance and adds nothing
        ActionContext context{db(), m_env->endpoints, job, 30000, {}};
        QVERIFY((*ProvisioningActions::find(QStringLiteral("ocs.add_balance")))(context, job.tasks.at(1).params).ok());
        QVERIFY2(context.log.contains(QLatin1String("not added again")), qPrintable(context.log));
        QCOMPARE(ocsBalance(mobile, QStringLiteral("*data")), gib(25));

        // a second boost is a balance of its own: balances accumulate
        QVERIFY(submitted(request("addon-data-5gb", 1)).jobId);
        QCOMPARE(m_env->runNext(), JobStatus::Succeeded);
        QCOMPARE(ocsBalance(mobile, QStringLiteral("*data")), gib(30));
    }

    void failingOcsFailsTheAddonNotTheServiceAndRetryAddsOnce()
    {
        const qint64 mobile = provisioned("mobile-20gb", 1);
        QVERIFY(mobile);
        m_env->sim()->addFault(
            *NetworkSimulator::parseFault(QStringLiteral("APIerSv1.AddBalance:error=SERVER_ERROR: disk full:once")));
        const AddonResult bought = submitted(request("addon-data-5gb", 1));
        QCOMPARE(m_env->runNext(), JobStatus::Failed);
        QCOMPARE(ServiceAddonRepository(db()).byId(bought.addonId)->status, QStringLiteral("failed"));
        QCOMPARE(statusOf(mobile), ServiceStatus::Active);
        QCOMPARE(ocsBalance(mobile, QStringLiteral("*data")), gib(20));
        const ProvisioningJob failed = *JobRepository(db()).byId(bought.jobId);
        QCOMPARE(failed.tasks.at(1).status, TaskStatus::Failed);
        QVERIFY2(UserMessage::fromJsonString(failed.error).text().contains(QLatin1String("OCS")),
                 qPrintable(failed.error));

        const Status retried = ProvisioningWorkflow(db()).retry(bought.jobId, m_env->actor);
        QVERIFY2(retried.ok(), qPrintable(retried.error.text()));
        QCOMPARE(ServiceAddonRepository(db()).byId(bought.addonId)->status, QStringLiteral("pending"));
        QCOMPARE(m_env->runNext(), JobStatus::Succeeded);
        QCOMPARE(ServiceAddonRepository(db()).byId(bought.addonId)->status, QStringLiteral("active"));
        QCOMPARE(ocsBalance(mobile, QStringLiteral("*data")), gib(25));
        QCOMPARE(statusOf(mobile), ServiceStatus::Active);
        // the service's own provisioning is still what Cancel and Verify look at
        QVERIFY(JobRepository(db()).latestForService(mobile).value_or(0) != bought.jobId);
    }

    void retryAfterALostReplyDoesNotAddTwice()
    {
        const qint64 mobile = provisioned("mobile-20gb", 1);
        QVERIFY(mobile);
        // the OCS answers the boost with an error...
        m_env->sim()->addFault(
            *NetworkSimulator::parseFault(QStringLiteral("APIerSv1.AddBalance:error=SERVER_ERROR: timeout:once")));
        const AddonResult bought = submitted(request("addon-data-5gb", 1));
        QCOMPARE(m_env->runNext(), JobStatus::Failed);
        // ...although it had applied it (its reply was lost): the balance with the add-on's ID is there
        const QString uuid = ServiceRepository(db()).byId(mobile)->serviceUuid;
        QVERIFY(CgratesClient(m_env->endpoints.ocs)
                    .addBalance({}, uuid, QStringLiteral("*data"), gib(5),
                                {{QStringLiteral("ID"), QStringLiteral("addon-%1").arg(bought.addonId)}})
                    .ok());
        QCOMPARE(ocsBalance(mobile, QStringLiteral("*data")), gib(25));
        QVERIFY(ProvisioningWorkflow(db()).retry(bought.jobId, m_env->actor).ok());
        const int addsBefore = m_env->sim()->requestCount(QStringLiteral("APIerSv1.AddBalance"));
        QCOMPARE(m_env->runNext(), JobStatus::Succeeded);
        QCOMPARE(m_env->sim()->requestCount(QStringLiteral("APIerSv1.AddBalance")), addsBefore);
        QCOMPARE(ocsBalance(mobile, QStringLiteral("*data")), gib(25));
        QVERIFY(ServiceAddonRepository(db()).byId(bought.addonId)->balance.contains(QLatin1String("*data: 25 GB")));
    }

    // switchboard-ctl addons buy / addons list, against the test's simulated OCS.
    void ctlBuysAnAddonOntoTheChosenService()
    {
        const qint64 first = provisioned("mobile-20gb", 1);
        const qint64 second = provisioned("mobile-5gb", 1);
        QVERIFY(first && second);
        QVERIFY(StaffWorkflow(db())
                    .addUser(Actor(QStringLiteral("setup"), Role::Administrator), QStringLiteral("clerk-ctl"),
                             QStringLiteral("Clerk"), Role::Staff, QStringLiteral("ctl-staff-password"))
                    .ok());
        QTemporaryDir config;
        QVERIFY(QDir(config.path()).mkpath(QStringLiteral("Switchboard")));
        QFile file(config.filePath(QStringLiteral("Switchboard/Switchboard.conf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("[network]\nocs_url=%1\n").arg(m_env->endpoints.ocs.url.toString()).toUtf8());
        file.close();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        environment.insert(QStringLiteral("SWITCHBOARD_PASSWORD"), QStringLiteral("ctl-staff-password"));
        const QStringList base{QStringLiteral("--db"), m_env->test().url(), QStringLiteral("--user"),
                               QStringLiteral("clerk-ctl")};
        auto ctl = [&](const QStringList& arguments, QString* out, QString* err) {
            QProcess process;
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral(SWITCHBOARD_CTL), base + arguments);
            process.closeWriteChannel();
            if (!process.waitForFinished(60000)) {
                process.kill();
                process.waitForFinished();
                return -1;
            }
            *out = QString::fromUtf8(process.readAllStandardOutput());
            *err = QString::fromUtf8(process.readAllStandardError());
            return process.exitCode();
        };
        const QStringList buy{QStringLiteral("addons"), QStringLiteral("buy"),       QStringLiteral("--customer"),
                              QStringLiteral("1"),      QStringLiteral("--product"), QStringLiteral("addon-data-5gb"),
                              QStringLiteral("--wait")};
        QString out, err;
        QCOMPARE(ctl(buy, &out, &err), 2);
        QVERIFY2(err.contains(QLatin1String("Which service should receive this add-on?")) &&
                     err.contains(QStringLiteral("--service %1").arg(second)),
                 qPrintable(err));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM service_addons")), qint64(0));

        const int code = ctl(QStringList{QStringLiteral("--json")} + buy +
                                 QStringList{QStringLiteral("--service"), QString::number(second)},
                             &out, &err);
        QVERIFY2(code == 0, qPrintable(out + err));
        const QJsonObject bought = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(bought[QStringLiteral("status")].toString(), QStringLiteral("active"));
        QCOMPARE(bought[QStringLiteral("service_id")].toInteger(), second);
        QVERIFY2(bought[QStringLiteral("balance")].toString().contains(QLatin1String("*data: 10 GB")), qPrintable(out));
        QCOMPARE(ocsBalance(second, QStringLiteral("*data")), gib(10));
        QCOMPARE(ocsBalance(first, QStringLiteral("*data")), gib(20));

        QCOMPARE(ctl({QStringLiteral("--json"), QStringLiteral("addons"), QStringLiteral("list"),
                      QStringLiteral("--service"), QString::number(second)},
                     &out, &err),
                 0);
        const QJsonArray listed = QJsonDocument::fromJson(out.toUtf8()).array();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first()[QStringLiteral("product")].toString(), QStringLiteral("5GB Data Boost"));
    }

    // The demo operator shows the payment rule: customers 7 (individual) and 12 (business) have no payment method on
    // file, customer 14's card has expired; customers 1 to 6 can pay.
    void demoCustomersWithoutValidPaymentMethod()
    {
        const qint64 boost = product("addon-data-5gb").id;
        AddonWorkflow workflow(db());
        for (qint64 id : {1, 2, 3, 4, 5, 6})
            QVERIFY(workflow.checkPayment(boost, id).ok());
        for (qint64 id : {7, 12})
            QVERIFY(workflow.checkPayment(boost, id).error.text().contains(
                QLatin1String("has no valid payment method on file")));
        QVERIFY(workflow.checkPayment(boost, 14).error.text().contains(QLatin1String("expired on")));
    }

    void balanceSummaryReadsLikeThePerson()
    {
        const QJsonObject account{
            {QStringLiteral("BalanceMap"),
             QJsonObject{{QStringLiteral("*data"), QJsonArray{QJsonObject{{QStringLiteral("Value"), gib(20)}},
                                                              QJsonObject{{QStringLiteral("Value"), gib(5)}}}},
                         {QStringLiteral("*voice"), QJsonArray{QJsonObject{{QStringLiteral("Value"), 300 * 60e9}}}},
                         {QStringLiteral("*monetary"), QJsonArray{QJsonObject{{QStringLiteral("Value"), 12.5}}}}}}};
        QCOMPARE(AddonRules::balanceSummary(account), QStringLiteral("*data: 25 GB, *monetary: 12.5, *voice: 300 min"));
        QCOMPARE(AddonRules::balanceSummary(QJsonObject{{QStringLiteral("BalanceMap"), QJsonValue::Null}}), QString());
    }
};

QTEST_GUILESS_MAIN(TestAddon)
#include "tst_addon.moc"
