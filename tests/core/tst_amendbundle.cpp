// Amend Bundle Services (seed 004) in core: every validation accepted and rejected with its message and the
// database untouched after a rejection, the scheduling inputs, the wallet, distributors, dated states and
// scheduled actions. Runs on SQLite, and on PostgreSQL when SWITCHBOARD_TEST_PG is set.
#include "TestDatabase.h"

#include "domain/BundleRules.h"
#include "network/NetworkSimulator.h"
#include "network/SimulatorThread.h"
#include "provisioning/EmbeddedWorker.h"
#include "store/AuditRepository.h"
#include "store/BundleDemoSeeder.h"
#include "store/JobRepository.h"
#include "store/ScheduledActionRepository.h"
#include "store/SubscriptionRepository.h"
#include "store/WalletRepository.h"
#include "workflows/AmendBundleWorkflow.h"
#include "workflows/ScheduledActionRunner.h"
#include "workflows/SubscriptionWorkflow.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <memory>

using namespace sb;

namespace {
constexpr qint64 dayMs = 24LL * 3600 * 1000;
}

class TestAmendBundle : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_test;
    Actor m_clerk{QStringLiteral("clerk"), Role::BillingClerk};

    Database& db() { return m_test->db(); }

    // Every row of the tables an amendment may touch, as text.
    QString snapshot()
    {
        static const QStringList tables{
            QStringLiteral("subscriptions"),        QStringLiteral("subscription_state_history"),
            QStringLiteral("services"),             QStringLiteral("service_state_history"),
            QStringLiteral("wallets"),              QStringLiteral("wallet_ledger"),
            QStringLiteral("provisioning_distributors"), QStringLiteral("service_distributions"),
            QStringLiteral("scheduled_actions"),    QStringLiteral("provisioning_jobs"),
            QStringLiteral("provisioning_tasks"),   QStringLiteral("audit_log")};
        QString text;
        for (const QString& table : tables) {
            QSqlQuery q(db().connection());
            q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table));
            while (q.next()) {
                QStringList values;
                for (int i = 0; i < q.record().count(); ++i)
                    values << q.value(i).toString();
                text += table + QLatin1Char(':') + values.join(QLatin1Char('|')) + QLatin1Char('\n');
            }
        }
        return text;
    }

    qint64 scalar(const QString& sql)
    {
        QSqlQuery q(db().connection());
        q.exec(sql);
        return q.next() ? q.value(0).toLongLong() : -1;
    }

    // The current service of a subscription with the product (the bundle itself or a component).
    qint64 serviceOf(const QString& number, const QString& slug)
    {
        return scalar(QStringLiteral("SELECT s.id FROM services s JOIN subscriptions u ON u.id = s.subscription_id"
                                     " JOIN products p ON p.id = s.product_id WHERE u.number = '%1' AND p.slug = '%2'"
                                     " AND s.status <> 'cancelled'")
                          .arg(number, slug));
    }

    qint64 bundleOf(const QString& number)
    {
        for (const QString& slug : {QStringLiteral("iptv-flex"), QStringLiteral("voice-flex"), QStringLiteral("iptv-essentials")})
            if (const qint64 id = serviceOf(number, slug); id > 0)
                return id;
        return 0;
    }

    AmendBundleRequest request(const QString& number, const QStringList& add = {}, const QStringList& removeSlugs = {})
    {
        AmendBundleRequest r;
        r.bundleServiceId = bundleOf(number);
        r.addProductSlugs = add;
        for (const QString& slug : removeSlugs)
            r.removeServiceIds << serviceOf(number, slug);
        r.actionType = QStringLiteral("UPGRADE");
        r.subActionType = QStringLiteral("CUSTOMER_REQUEST");
        return r;
    }

    qint64 balance(const QString& number)
    {
        return scalar(QStringLiteral("SELECT COALESCE(SUM(l.amount), 0) FROM wallet_ledger l JOIN wallets w ON w.id = l.wallet_id"
                                     " JOIN subscriptions s ON s.id = w.subscription_id WHERE s.number = '%1'")
                          .arg(number));
    }

    static bool mentions(const QList<UserMessage>& problems, const QString& part)
    {
        for (const UserMessage& m : problems)
            if (m.source().contains(part) || m.englishText().contains(part))
                return true;
        return false;
    }

    static QString listed(const QList<UserMessage>& problems)
    {
        QStringList texts;
        for (const UserMessage& m : problems)
            texts << m.englishText();
        return texts.join(QLatin1Char('\n'));
    }

private slots:
    void init()
    {
        m_test = std::make_unique<TestDatabase>();
        QVERIFY(m_test->ok());
        QVERIFY(guardedStatus([&] {
            Transaction tx(db());
            BundleDemoSeeder(db()).seed();
            AuditRepository audit(db());
            audit.ensureUser(QStringLiteral("clerk"), QStringLiteral("Billing Clerk"), QStringLiteral("billing_clerk"));
            audit.ensureUser(QStringLiteral("store"), QStringLiteral("Store Staff"), QStringLiteral("staff"));
            audit.ensureUser(QStringLiteral("boss"), QStringLiteral("Admin"), QStringLiteral("administrator"));
            tx.commit();
        }).ok());
        QVERIFY(bundleOf(QStringLiteral("SUB-100001")) > 0);
    }

    void cleanup() { m_test.reset(); }

    void validations_data()
    {
        QTest::addColumn<QString>("subscription");
        QTest::addColumn<QString>("serviceSlug"); // empty: the subscription's bundle
        QTest::addColumn<QStringList>("add");
        QTest::addColumn<QStringList>("remove");
        QTest::addColumn<QString>("performedBy");
        QTest::addColumn<QString>("actionType");
        QTest::addColumn<QString>("subActionType");
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<QString>("problem"); // empty: accepted

        auto row = [&](const char* name, const char* sub, const char* slug, QStringList add, QStringList remove,
                       const char* problem, QString schedule = QStringLiteral("now"), QString by = {},
                       QString action = QStringLiteral("UPGRADE"), QString subAction = QStringLiteral("CUSTOMER_REQUEST")) {
            QTest::newRow(name) << QString::fromLatin1(sub) << QString::fromLatin1(slug) << add << remove << by << action
                                << subAction << schedule << QString::fromLatin1(problem);
        };
        const QStringList none;
        // Life cycle states.
        row("effective accepted", "SUB-100001", "", {"pack-movies"}, none, "");
        row("nothing chosen", "SUB-100003", "", none, none, "Choose at least one component");
        row("terminated rejected", "SUB-100005", "", {"pack-kids"}, none, "Bundle services can be amended only while");
        // Flexible Bundle.
        row("no flexible bundle", "SUB-100006", "iptv-essentials", {"pack-kids"}, none, "has no service of type Flexible Bundle");
        row("component is not the bundle", "SUB-100001", "pack-basic", {"pack-movies"}, none, "is not a Flexible Bundle service");
        // Composition.
        row("allowed", "SUB-100002", "", {"pack-kids"}, none, "");
        row("not allowed", "SUB-100001", "", {"pack-radio"}, none, "is not allowed in the bundle");
        row("mandatory removed", "SUB-100001", "", none, {"pack-basic"}, "is mandatory in the bundle");
        row("minimum", "SUB-100003", "", none, {"pack-basic"}, "needs at least");
        row("maximum", "SUB-100002", "", {"pack-cinema-premiere"}, none, "allows at most");
        row("within maximum after removal", "SUB-100002", "", {"pack-cinema-premiere"}, {"pack-movies"}, "");
        row("already in the bundle", "SUB-100001", "", {"pack-kids"}, none, "is already in the bundle");
        row("unknown product", "SUB-100001", "", {"pack-nope"}, none, "There is no product");
        row("not a component", "SUB-100001", "", none, {"voice-flex"}, "is not a current component");
        // Dependencies.
        row("requires met", "SUB-100001", "", {"pack-sports-extra"}, none, "");
        row("requires missing", "SUB-100002", "", {"pack-sports-extra"}, none, "requires");
        row("required one removed", "SUB-100004", "", {"feat-auto-attendant"}, {"feat-call-recording"}, "requires");
        row("excludes", "SUB-100001", "", {"pack-late-night"}, none, "cannot be combined with");
        row("excluded one removed", "SUB-100001", "", {"pack-late-night"}, {"pack-kids"}, "");
        // Scheduled removal of the bundle.
        row("scheduled removal", "SUB-100007", "", {"pack-kids"}, none, "is scheduled to be removed");
        // Prepaid wallet.
        row("wallet funds", "SUB-100001", "", {"pack-world-news"}, none, "");
        row("wallet short", "SUB-100003", "", {"pack-kids"}, none, "Top up the wallet");
        // Action details.
        row("performed by someone", "SUB-100002", "", {"pack-kids"}, none, "", QStringLiteral("now"), QStringLiteral("store"));
        row("performed by nobody", "SUB-100002", "", {"pack-kids"}, none, "There is no staff user", QStringLiteral("now"),
            QStringLiteral("ghost"));
        row("action type missing", "SUB-100002", "", {"pack-kids"}, none, "Choose an Action Type", QStringLiteral("now"), {},
            QString());
        row("action type unknown", "SUB-100002", "", {"pack-kids"}, none, "is not an Action Type", QStringLiteral("now"), {},
            QStringLiteral("SIDEGRADE"));
        row("sub action type missing", "SUB-100002", "", {"pack-kids"}, none, "Choose a Sub Action Type",
            QStringLiteral("now"), {}, QStringLiteral("DOWNGRADE"), QString());
        row("sub action type unknown", "SUB-100002", "", {"pack-kids"}, none, "is not a Sub Action Type",
            QStringLiteral("now"), {}, QStringLiteral("DOWNGRADE"), QStringLiteral("BORED"));
        // Scheduling.
        row("on a date", "SUB-100002", "", {"pack-kids"}, none, "", QStringLiteral("2099-01-01"));
        row("on a date and time", "SUB-100002", "", {"pack-kids"}, none, "", QStringLiteral("2099-01-01T10:30"));
        row("date in the past", "SUB-100002", "", {"pack-kids"}, none, "must be greater than the current date",
            QStringLiteral("2020-01-01T10:00"));
        row("after days", "SUB-100002", "", {"pack-kids"}, none, "", QStringLiteral("days:7"));
        row("zero days", "SUB-100002", "", {"pack-kids"}, none, "must be an integer greater than 0", QStringLiteral("days:0"));
        row("negative days", "SUB-100002", "", {"pack-kids"}, none, "must be an integer greater than 0",
            QStringLiteral("days:-3"));
        row("fractional days", "SUB-100002", "", {"pack-kids"}, none, "must be an integer greater than 0",
            QStringLiteral("days:1.5"));
        row("days not a number", "SUB-100002", "", {"pack-kids"}, none, "must be an integer greater than 0",
            QStringLiteral("days:seven"));
    }

    void validations()
    {
        QFETCH(QString, subscription);
        QFETCH(QString, serviceSlug);
        QFETCH(QStringList, add);
        QFETCH(QStringList, remove);
        QFETCH(QString, performedBy);
        QFETCH(QString, actionType);
        QFETCH(QString, subActionType);
        QFETCH(QString, schedule);
        QFETCH(QString, problem);

        AmendBundleRequest r = request(subscription, add, {});
        if (!serviceSlug.isEmpty())
            r.bundleServiceId = serviceOf(subscription, serviceSlug);
        for (const QString& slug : remove) {
            const qint64 id = slug == QLatin1String("voice-flex") ? serviceOf(QStringLiteral("SUB-100004"), QStringLiteral("feat-voicemail"))
                                                                 : serviceOf(subscription, slug);
            QVERIFY(id > 0);
            r.removeServiceIds << id;
        }
        r.performedBy = performedBy;
        r.actionType = actionType;
        r.subActionType = subActionType;
        QVERIFY(Schedule::parse(schedule, &r.schedule));

        const AmendResult checked = AmendBundleWorkflow(db()).check(r, m_clerk);
        const QString before = snapshot();
        const AmendResult result = AmendBundleWorkflow(db()).submit(r, m_clerk);
        QCOMPARE(checked.problems.size(), result.problems.size());
        if (problem.isEmpty()) {
            QVERIFY2(result.ok(), qPrintable(listed(result.problems)));
            QVERIFY(result.outcome.actionId > 0);
            QVERIFY(snapshot() != before);
            const auto action = ScheduledActionRepository(db()).byId(result.outcome.actionId);
            QVERIFY(action.has_value());
            QCOMPARE(action->status, schedule == QLatin1String("now") ? ScheduledActionStatus::Completed
                                                                      : ScheduledActionStatus::Scheduled);
            QCOMPARE(action->performedBy, performedBy.isEmpty() ? m_clerk.login() : performedBy);
            QCOMPARE(action->actionType, actionType);
        } else {
            QVERIFY2(!result.ok(), qPrintable(problem));
            QVERIFY2(mentions(result.problems, problem), qPrintable(listed(result.problems)));
            QCOMPARE(snapshot(), before); // a rejected action leaves no trace
        }
    }

    void everyProblemIsReported()
    {
        AmendBundleRequest r = request(QStringLiteral("SUB-100005"), {QStringLiteral("pack-radio")}, {QStringLiteral("pack-basic")});
        r.performedBy = QStringLiteral("ghost");
        r.actionType.clear();
        r.schedule = Schedule::afterDays(QStringLiteral("0"));
        const QString before = snapshot();
        const AmendResult result = AmendBundleWorkflow(db()).submit(r, m_clerk);
        QVERIFY(!result.ok());
        for (const char* part : {"Bundle services can be amended only while", "is not allowed in the bundle",
                                 "is mandatory in the bundle", "There is no staff user", "Choose an Action Type",
                                 "must be an integer greater than 0"})
            QVERIFY2(mentions(result.problems, QString::fromLatin1(part)), part);
        QCOMPARE(snapshot(), before);
    }

    void roles_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<int>("role");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("billing clerk") << "clerk" << int(Role::BillingClerk) << true;
        QTest::newRow("administrator") << "boss" << int(Role::Administrator) << true;
        QTest::newRow("store staff") << "store" << int(Role::Staff) << false;
        QTest::newRow("nobody") << "" << int(Role::Staff) << false;
    }

    void roles()
    {
        QFETCH(QString, login);
        QFETCH(int, role);
        QFETCH(bool, allowed);
        const Actor actor(login, Role(role));
        const QString before = snapshot();
        const AmendResult result =
            AmendBundleWorkflow(db()).submit(request(QStringLiteral("SUB-100002"), {QStringLiteral("pack-kids")}), actor);
        QCOMPARE(result.ok(), allowed);
        if (!allowed) {
            QCOMPARE(snapshot(), before);
            QVERIFY(result.problems.first().context() == QLatin1String("Roles"));
        } else {
            QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'amend_bundle' AND staff_login = '%1'")
                                .arg(login)),
                     1);
        }
    }

    void scheduleInputs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("parses");
        QTest::addColumn<qint64>("offsetMs"); // due - now; -1: rejected
        QTest::newRow("now") << "now" << true << qint64(0);
        QTest::newRow("one day") << "days:1" << true << dayMs;
        QTest::newRow("thirty days") << "days:30" << true << 30 * dayMs;
        QTest::newRow("zero days") << "days:0" << true << qint64(-1);
        QTest::newRow("negative days") << "days:-1" << true << qint64(-1);
        QTest::newRow("fraction of days") << "days:2.5" << true << qint64(-1);
        QTest::newRow("words for days") << "days:two" << true << qint64(-1);
        QTest::newRow("empty days") << "days:" << true << qint64(-1);
        QTest::newRow("garbage") << "tomorrow" << false << qint64(-1);
    }

    void scheduleInputs()
    {
        QFETCH(QString, text);
        QFETCH(bool, parses);
        QFETCH(qint64, offsetMs);
        Schedule schedule;
        QCOMPARE(Schedule::parse(text, &schedule), parses);
        if (!parses)
            return;
        const qint64 now = QDateTime(QDate(2026, 5, 10), QTime(9, 15)).toMSecsSinceEpoch();
        const ScheduleDue due = ScheduleRules::resolve(schedule, now);
        if (offsetMs < 0) {
            QVERIFY(!due.problem.isEmpty());
            QVERIFY(due.problem.source().contains(QLatin1String("integer greater than 0")));
        } else {
            QVERIFY(due.problem.isEmpty());
            QCOMPARE(due.dueMs, offsetMs == 0 ? 0 : now + offsetMs);
        }
    }

    void scheduleDates()
    {
        const QDateTime now(QDate(2026, 5, 10), QTime(9, 15));
        const qint64 nowMs = now.toMSecsSinceEpoch();
        // Midnight unless a time is given.
        Schedule onDay;
        QVERIFY(Schedule::parse(QStringLiteral("2026-05-12"), &onDay));
        QCOMPARE(onDay.onDate, QDateTime(QDate(2026, 5, 12), QTime(0, 0)));
        QCOMPARE(Schedule::onDay(QDate(2026, 5, 12)).onDate.time(), QTime(0, 0));
        QCOMPARE(ScheduleRules::resolve(onDay, nowMs).dueMs, QDateTime(QDate(2026, 5, 12), QTime(0, 0)).toMSecsSinceEpoch());
        // Today at midnight is already past; the very moment of now is not later than now.
        for (const QDateTime& when : {QDateTime(QDate(2026, 5, 10), QTime(0, 0)), now, now.addSecs(-60)}) {
            const ScheduleDue due = ScheduleRules::resolve(Schedule::at(when), nowMs);
            QVERIFY2(due.problem.source().contains(QLatin1String("must be greater than the current date")),
                     qPrintable(when.toString()));
        }
        QVERIFY(ScheduleRules::resolve(Schedule::at(now.addSecs(60)), nowMs).problem.isEmpty());
        QVERIFY(ScheduleRules::resolve(Schedule::at(QDateTime()), nowMs).problem.source().contains(QLatin1String("mandatory")));
        Schedule timed;
        QVERIFY(Schedule::parse(QStringLiteral("2026-05-12T14:30"), &timed));
        QCOMPARE(timed.onDate, QDateTime(QDate(2026, 5, 12), QTime(14, 30)));
    }

    void walletRejectsTheWholeAction()
    {
        // 3.00 funds World News (3.00) but not Kids Pack (5.00) as well: nothing is added, nothing debited.
        QVERIFY(guardedStatus([&] {
            WalletRepository wallets(db());
            const auto sub = SubscriptionRepository(db()).byNumber(QStringLiteral("SUB-100003"));
            wallets.addEntry(wallets.forSubscription(sub->id)->id, 100, QStringLiteral("top-up"), QStringLiteral("t1"),
                             QStringLiteral("clerk"));
        }).ok());
        QCOMPARE(balance(QStringLiteral("SUB-100003")), 300);
        const QString before = snapshot();
        const AmendResult result = AmendBundleWorkflow(db()).submit(
            request(QStringLiteral("SUB-100003"), {QStringLiteral("pack-world-news"), QStringLiteral("pack-kids")}), m_clerk);
        QVERIFY(!result.ok());
        QCOMPARE(result.problems.size(), 1);
        QVERIFY(result.problems.first().englishText().contains(QLatin1String("Kids Pack")));
        QVERIFY(!result.problems.first().englishText().contains(QLatin1String("World News,")));
        QCOMPARE(snapshot(), before);
        // One of them alone is funded.
        QVERIFY(AmendBundleWorkflow(db()).submit(request(QStringLiteral("SUB-100003"), {QStringLiteral("pack-world-news")}),
                                                 m_clerk).ok());
        QCOMPARE(balance(QStringLiteral("SUB-100003")), 0);
    }

    void walletDebitedOnceWhenRetried()
    {
        const qint64 start = balance(QStringLiteral("SUB-100001"));
        AmendBundleRequest r = request(QStringLiteral("SUB-100001"), {QStringLiteral("pack-movies"), QStringLiteral("pack-world-news")});
        r.requestKey = QStringLiteral("dialog-42");
        const AmendResult first = AmendBundleWorkflow(db()).submit(r, m_clerk);
        QVERIFY2(first.ok(), qPrintable(listed(first.problems)));
        QCOMPARE(first.outcome.debited.minorUnits, 1200);
        QCOMPARE(balance(QStringLiteral("SUB-100001")), start - 1200);
        const QString after = snapshot();
        const AmendResult retried = AmendBundleWorkflow(db()).submit(r, m_clerk);
        QVERIFY(retried.ok());
        QVERIFY(retried.outcome.replayed);
        QCOMPARE(retried.outcome.actionId, first.outcome.actionId);
        QCOMPARE(retried.outcome.addedServiceIds, first.outcome.addedServiceIds);
        QCOMPARE(snapshot(), after);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM wallet_ledger WHERE idempotency_key LIKE 'AMENDBUNDLEDSERVICE:dialog-42:%'")), 2);
    }

    void scheduledRunDebitsOnce()
    {
        const qint64 start = balance(QStringLiteral("SUB-100001"));
        AmendBundleRequest r = request(QStringLiteral("SUB-100001"), {QStringLiteral("pack-movies")});
        r.schedule = Schedule::afterDays(QStringLiteral("1"));
        const AmendResult scheduled = AmendBundleWorkflow(db()).submit(r, m_clerk);
        QVERIFY2(scheduled.ok(), qPrintable(listed(scheduled.problems)));
        QVERIFY(scheduled.outcome.scheduled);
        QCOMPARE(balance(QStringLiteral("SUB-100001")), start); // debited when it runs
        QCOMPARE(serviceOf(QStringLiteral("SUB-100001"), QStringLiteral("pack-movies")), -1);
        QCOMPARE(ScheduledActionRunner(db()).runDue(), 0); // not due yet
        const qint64 later = Database::nowMs() + 2 * dayMs;
        QCOMPARE(ScheduledActionRunner(db()).runDue(later), 1);
        QCOMPARE(ScheduledActionRunner(db()).runDue(later), 0);
        const auto again = AmendBundleWorkflow(db()).runScheduled(scheduled.outcome.actionId, later);
        QVERIFY(again.ok());
        QCOMPARE(*again, ScheduledActionStatus::Completed);
        QCOMPARE(balance(QStringLiteral("SUB-100001")), start - 900);
        QVERIFY(serviceOf(QStringLiteral("SUB-100001"), QStringLiteral("pack-movies")) > 0);
        QCOMPARE(ScheduledActionRepository(db()).byId(scheduled.outcome.actionId)->status, ScheduledActionStatus::Completed);
    }

    void distributorRemovedWhenNothingIsLeftOnIt()
    {
        const auto sub = *SubscriptionRepository(db()).byNumber(QStringLiteral("SUB-100001"));
        auto distributor = [&](const QString& serial) {
            for (const Distributor& d : SubscriptionRepository(db()).distributors(sub.id, true))
                if (d.serial == serial)
                    return d;
            return Distributor{};
        };
        // Kids Pack is on the living-room box, which still carries the bundle: the box stays.
        AmendResult kids = AmendBundleWorkflow(db()).submit(request(QStringLiteral("SUB-100001"), {}, {QStringLiteral("pack-kids")}), m_clerk);
        QVERIFY2(kids.ok(), qPrintable(listed(kids.problems)));
        QVERIFY(kids.outcome.removedDistributorIds.isEmpty());
        QCOMPARE(distributor(QStringLiteral("STB4K-900001")).removedMs, 0);
        // Multiroom is all the bedroom box carries: the box goes.
        AmendResult multiroom = AmendBundleWorkflow(db()).submit(
            request(QStringLiteral("SUB-100001"), {}, {QStringLiteral("iptv-multiroom")}), m_clerk);
        QVERIFY2(multiroom.ok(), qPrintable(listed(multiroom.problems)));
        const Distributor bedroom = distributor(QStringLiteral("STB4K-900002"));
        QVERIFY(bedroom.removedMs > 0);
        QCOMPARE(multiroom.outcome.removedDistributorIds, QList<qint64>{bedroom.id});
        QVERIFY(bedroom.serviceIds.isEmpty());
        // The smartcard keeps its installed item and the bundle.
        const Distributor card = distributor(QStringLiteral("SC-500001"));
        QCOMPARE(card.removedMs, 0);
        QCOMPARE(card.installedItems, QStringList{QStringLiteral("CA module CAM-77001")});

        // The network side: the remaining box gets the new package list, the removed box none.
        QCOMPARE(multiroom.outcome.jobIds.size(), 2);
        QStringList serials;
        for (qint64 jobId : multiroom.outcome.jobIds) {
            const auto job = JobRepository(db()).byId(jobId);
            QVERIFY(job.has_value());
            QCOMPARE(job->kind, QStringLiteral("amend_bundle"));
            QCOMPARE(job->tasks.size(), 1);
            QCOMPARE(job->tasks.first().action, QStringLiteral("iptv.activate"));
            const QString serial = job->tasks.first().params.value(QStringLiteral("serial")).toString();
            const QJsonArray packages = job->tasks.first().params.value(QStringLiteral("packages")).toArray();
            serials << serial;
            if (serial == QLatin1String("STB4K-900002"))
                QVERIFY(packages.isEmpty());
            else
                QCOMPARE(packages, (QJsonArray{QStringLiteral("basic"), QStringLiteral("news"), QStringLiteral("sports")}));
        }
        serials.sort();
        QCOMPARE(serials, (QStringList{QStringLiteral("STB4K-900001"), QStringLiteral("STB4K-900002")}));

        // An added component is distributed where its bundle is.
        AmendResult movies = AmendBundleWorkflow(db()).submit(request(QStringLiteral("SUB-100001"), {QStringLiteral("pack-movies")}), m_clerk);
        QVERIFY(movies.ok());
        QVERIFY(distributor(QStringLiteral("STB4K-900001")).serviceIds.contains(movies.outcome.addedServiceIds.first()));
        QVERIFY(distributor(QStringLiteral("SC-500001")).serviceIds.contains(movies.outcome.addedServiceIds.first()));
    }

    void historyStates()
    {
        // SUB-100002's bundle is Effective for 60 more days, then Not Effective.
        const qint64 moviesId = serviceOf(QStringLiteral("SUB-100002"), QStringLiteral("pack-movies"));
        const AmendResult result = AmendBundleWorkflow(db()).submit(
            request(QStringLiteral("SUB-100002"), {QStringLiteral("pack-cinema-premiere")}, {QStringLiteral("pack-movies")}),
            m_clerk);
        QVERIFY2(result.ok(), qPrintable(listed(result.problems)));
        SubscriptionRepository subscriptions(db());
        const auto bundle = *subscriptions.service(bundleOf(QStringLiteral("SUB-100002")));
        const auto added = *subscriptions.service(result.outcome.addedServiceIds.first());
        QCOMPARE(added.parentServiceId, bundle.id);
        QCOMPARE(added.history.size(), 2);
        QCOMPARE(added.history.at(0).state, LifecycleState::Effective);
        QCOMPARE(added.history.at(0).toMs, bundle.history.at(0).toMs);
        QCOMPARE(added.history.at(1).state, LifecycleState::NotEffective);
        QCOMPARE(added.history.at(1).fromMs, bundle.history.at(1).fromMs);
        QCOMPARE(added.history.at(1).toMs, 0);
        const auto removed = *subscriptions.service(moviesId);
        QCOMPARE(removed.status, ServiceStatus::Cancelled);
        QCOMPARE(removed.history.last().state, LifecycleState::Removed);
        QCOMPARE(removed.history.last().toMs, 0);
        QCOMPARE(removed.history.at(removed.history.size() - 2).toMs, removed.history.last().fromMs);
        QCOMPARE(removed.stateAt(Database::nowMs() + 1000).state, LifecycleState::Removed);
        // Removing it again is refused: it is no current component any more.
        const AmendResult again = AmendBundleWorkflow(db()).submit(
            [&] { AmendBundleRequest r = request(QStringLiteral("SUB-100002")); r.removeServiceIds = {moviesId}; return r; }(),
            m_clerk);
        QVERIFY(mentions(again.problems, QStringLiteral("is not a current component")));
        // The audit log says who did what.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'amend_bundle' AND staff_login = 'clerk'"
                                       " AND entity_id = %1 AND details LIKE '%pack-cinema-premiere%'")
                            .arg(bundle.id)),
                 1);
    }

    void scheduledActionThatBecameInvalidFails()
    {
        AmendBundleRequest r = request(QStringLiteral("SUB-100002"), {QStringLiteral("pack-kids")});
        r.schedule = Schedule::afterDays(QStringLiteral("3"));
        const AmendResult scheduled = AmendBundleWorkflow(db()).submit(r, m_clerk);
        QVERIFY2(scheduled.ok(), qPrintable(listed(scheduled.problems)));
        // Meanwhile the bundle's removal is scheduled, and Late Night (which excludes Kids) is added.
        QVERIFY(guardedStatus([&] {
            ScheduledAction removal;
            removal.behaviorCode = BehaviorCodes::removeService;
            removal.businessClassificationCode = BehaviorCodes::removeService;
            removal.subscriptionId = SubscriptionRepository(db()).byNumber(QStringLiteral("SUB-100002"))->id;
            removal.serviceId = bundleOf(QStringLiteral("SUB-100002"));
            removal.dueMs = Database::nowMs() + 10 * dayMs;
            removal.performedBy = removal.requestedBy = QStringLiteral("clerk");
            ScheduledActionRepository(db()).insert(removal);
        }).ok());
        QVERIFY(AmendBundleWorkflow(db()).submit(request(QStringLiteral("SUB-100002"), {QStringLiteral("pack-late-night")}), m_clerk).ok() == false);
        const QString before = snapshot();
        QCOMPARE(ScheduledActionRunner(db()).runDue(Database::nowMs() + 4 * dayMs), 1);
        const auto action = *ScheduledActionRepository(db()).byId(scheduled.outcome.actionId);
        QCOMPARE(action.status, ScheduledActionStatus::Failed);
        QVERIFY2(mentions(action.failureMessages(), QStringLiteral("is scheduled to be removed")), qPrintable(action.failureReason));
        QCOMPARE(serviceOf(QStringLiteral("SUB-100002"), QStringLiteral("pack-kids")), -1);
        // Nothing but the action's status and the audit entry of the failure changed.
        const QString after = snapshot();
        auto without = [](const QString& text) {
            QStringList kept;
            for (const QString& line : text.split(QLatin1Char('\n')))
                if (!line.startsWith(QLatin1String("scheduled_actions:")) && !line.startsWith(QLatin1String("audit_log:")))
                    kept << line;
            return kept;
        };
        QCOMPARE(without(after), without(before));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'amend_bundle_failed'")), 1);
    }

    void cancelBeforeItRuns()
    {
        AmendBundleRequest r = request(QStringLiteral("SUB-100002"), {QStringLiteral("pack-kids")});
        r.schedule = Schedule::onDay(QDate::currentDate().addDays(2));
        const AmendResult scheduled = AmendBundleWorkflow(db()).submit(r, m_clerk);
        QVERIFY2(scheduled.ok(), qPrintable(listed(scheduled.problems)));
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(scheduled.outcome.dueMs).time(), QTime(0, 0));
        const auto listedActions = SubscriptionWorkflow(db()).scheduledActions(
            SubscriptionRepository(db()).byNumber(QStringLiteral("SUB-100002"))->id);
        QVERIFY(listedActions.ok());
        QCOMPARE(listedActions->first().id, scheduled.outcome.actionId);
        QCOMPARE(listedActions->first().status, ScheduledActionStatus::Scheduled);

        QVERIFY(!AmendBundleWorkflow(db()).cancelScheduled(scheduled.outcome.actionId, Actor(QStringLiteral("store"), Role::Staff)).ok());
        QVERIFY(AmendBundleWorkflow(db()).cancelScheduled(scheduled.outcome.actionId, m_clerk).ok());
        QCOMPARE(ScheduledActionRepository(db()).byId(scheduled.outcome.actionId)->status, ScheduledActionStatus::Cancelled);
        QCOMPARE(ScheduledActionRunner(db()).runDue(Database::nowMs() + 5 * dayMs), 0);
        QCOMPARE(serviceOf(QStringLiteral("SUB-100002"), QStringLiteral("pack-kids")), -1);
        const Status again = AmendBundleWorkflow(db()).cancelScheduled(scheduled.outcome.actionId, m_clerk);
        QVERIFY(!again.ok());
        QVERIFY(again.error.message.source().contains(QLatin1String("cannot be cancelled")));
        QVERIFY(!AmendBundleWorkflow(db()).cancelScheduled(999999, m_clerk).ok());
    }

    // The embedded worker of the GUI runs the set-top box jobs on the IPTV middleware and the due scheduled actions.
    void setTopBoxesAndScheduledActionsOnTheWorker()
    {
        SimulatorThread simulator;
        QVERIFY(simulator.start());
        const NetworkEndpoints endpoints = NetworkEndpoints::forSimulator(simulator.baseUrl());
        EmbeddedWorker worker(db(), endpoints);
        worker.start();
        auto packagesOn = [&](const QString& serial) {
            QStringList packages;
            for (const QJsonValue& p : simulator.simulator()->iptvDevice(serial).value(QStringLiteral("packages")).toArray())
                packages << p.toString();
            return packages;
        };
        auto jobsDone = [&](const QList<qint64>& ids) {
            for (qint64 id : ids) {
                const auto job = JobRepository(db()).byId(id);
                if (!job || job->status != JobStatus::Succeeded)
                    return false;
            }
            return true;
        };

        const AmendResult now = AmendBundleWorkflow(db()).submit(
            request(QStringLiteral("SUB-100001"), {QStringLiteral("pack-movies")}, {QStringLiteral("iptv-multiroom")}), m_clerk);
        QVERIFY2(now.ok(), qPrintable(listed(now.problems)));
        QTRY_VERIFY_WITH_TIMEOUT(jobsDone(now.outcome.jobIds), 20000);
        QCOMPARE(packagesOn(QStringLiteral("STB4K-900001")),
                 (QStringList{QStringLiteral("basic"), QStringLiteral("kids"), QStringLiteral("movies"), QStringLiteral("news"),
                              QStringLiteral("sports")}));
        QCOMPARE(packagesOn(QStringLiteral("STB4K-900002")), QStringList{});

        AmendBundleRequest later = request(QStringLiteral("SUB-100001"), {QStringLiteral("pack-world-news")});
        later.schedule = Schedule::afterDays(QStringLiteral("1"));
        const AmendResult scheduled = AmendBundleWorkflow(db()).submit(later, m_clerk);
        QVERIFY2(scheduled.ok(), qPrintable(listed(scheduled.problems)));
        QVERIFY(guardedStatus([&] {
            Sql(db(), QStringLiteral("UPDATE scheduled_actions SET due_ms = :due WHERE id = :id"))
                .bind(QStringLiteral(":due"), Database::nowMs() - 1000)
                .bind(QStringLiteral(":id"), scheduled.outcome.actionId)
                .exec();
        }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(ScheduledActionRepository(db()).byId(scheduled.outcome.actionId)->status,
                                  ScheduledActionStatus::Completed, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(packagesOn(QStringLiteral("STB4K-900001")).contains(QStringLiteral("world_news")), 20000);
        worker.stop();
        simulator.stop();
    }

    void readsForTheDialog()
    {
        SubscriptionWorkflow workflow(db());
        const auto byNumber = workflow.search(QStringLiteral("sub-10000"));
        QVERIFY(byNumber.ok());
        QCOMPARE(byNumber->size(), 7);
        const QString customer = byNumber->first().customerName;
        const auto byCustomer = workflow.search(customer.left(4).toUpper());
        QVERIFY(byCustomer.ok());
        QVERIFY(std::any_of(byCustomer->begin(), byCustomer->end(), [](const Subscription& s) { return s.number == QLatin1String("SUB-100001"); }));
        const auto details = workflow.detailsByNumber(QStringLiteral("SUB-100001"));
        QVERIFY(details.ok());
        QCOMPARE(details->flexibleBundles().size(), 1);
        QCOMPARE(details->componentsOf(details->flexibleBundles().first().id).size(), 4);
        QVERIFY(details->hasWallet);
        QCOMPARE(details->wallet.balance.minorUnits, 3800);
        const auto composition = workflow.composition(details->flexibleBundles().first().id);
        QVERIFY(composition.ok());
        QCOMPARE(composition->rules.size(), 4);
        QVERIFY(std::none_of(composition->allowedProducts.begin(), composition->allowedProducts.end(),
                             [](const BundleProduct& p) { return p.slug == QLatin1String("pack-radio"); }));
        QVERIFY(std::any_of(composition->allowedProducts.begin(), composition->allowedProducts.end(),
                            [](const BundleProduct& p) { return p.slug == QLatin1String("pack-movies") && p.productFamily == QLatin1String("Movies"); }));
        const auto choices = workflow.customActionChoices();
        QVERIFY(choices.ok());
        QCOMPARE(choices->actionTypes.size(), 2);
        QCOMPARE(choices->subActionTypes.size(), 2);
        const auto staff = workflow.staffUsers(QStringLiteral("CLE"));
        QVERIFY(staff.ok());
        QCOMPARE(staff->size(), 1);
        QVERIFY(!workflow.detailsByNumber(QStringLiteral("SUB-999")).ok());
    }
};

QTEST_GUILESS_MAIN(TestAmendBundle)
#include "tst_amendbundle.moc"
