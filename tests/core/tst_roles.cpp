// Roles enforced in core: each role against each writing workflow, allowed (and audited under its login) or refused
// with its sentence and nothing written; signing in; the first administrator of a new shared database.

#include "TestDatabase.h"

#include "security/PasswordHasher.h"
#include "store/AuditRepository.h"
#include "store/CatalogRepository.h"
#include "store/JobRepository.h"
#include "store/StaffRepository.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/DemoDataWorkflow.h"
#include "workflows/ProvisioningWorkflow.h"
#include "workflows/StaffWorkflow.h"

#include <QSqlQuery>
#include <QTest>

using namespace sb;

class TestRoles : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_test;
    QString m_otherHash; // one PBKDF2 run for all rows

    Database& db() { return m_test->db(); }

    qint64 countRows(const QString& table)
    {
        QSqlQuery q(db().connection());
        q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
        q.next();
        return q.value(0).toLongLong();
    }

    QMap<QString, qint64> snapshot()
    {
        QMap<QString, qint64> counts;
        for (const QString& table :
             {QStringLiteral("services"), QStringLiteral("provisioning_jobs"), QStringLiteral("audit_log"),
              QStringLiteral("staff_users"), QStringLiteral("customers"), QStringLiteral("provisioning_tasks")})
            counts.insert(table, countRows(table));
        return counts;
    }

    static Actor administrator() { return Actor(QStringLiteral("root-admin"), Role::Administrator); }

    AssignRequest mobileRequest(const QString& holder)
    {
        AssignPlanWorkflow workflow(db());
        AssignRequest request;
        request.customerId = 1;
        request.productId = CatalogRepository(db()).bySlug(QStringLiteral("mobile-20gb"))->id;
        request.reservationHolder = holder;
        for (const QString& t : {QStringLiteral("SIM Card"), QStringLiteral("Mobile Number")}) {
            const qint64 id = workflow.availableItems(t, holder)->first().id;
            workflow.reserve(id, holder);
            request.items.insert(t, id);
        }
        return request;
    }

    qint64 failedJob()
    {
        const auto assigned = AssignPlanWorkflow(db()).submit(mobileRequest(QStringLiteral("setup")), administrator());
        if (!assigned)
            return 0;
        JobRepository(db()).finishJob(assigned->jobId, JobStatus::Failed, UserMessage("Test", "Broken on purpose"),
                                      Database::nowMs());
        return assigned->jobId;
    }

    // Runs one writing workflow as the actor; what it needs is set up before the counts are taken.
    Status perform(const QString& action, const Actor& actor, QMap<QString, qint64>* before)
    {
        if (action == QLatin1String("assign")) {
            const AssignRequest request = mobileRequest(QStringLiteral("matrix"));
            *before = snapshot();
            const auto result = AssignPlanWorkflow(db()).submit(request, actor);
            return result ? Status::success() : Status(result.error());
        }
        if (action == QLatin1String("retry")) {
            const qint64 jobId = failedJob();
            *before = snapshot();
            const Status status = ProvisioningWorkflow(db()).retry(jobId, actor);
            if (!status)
                [&] { QCOMPARE(JobRepository(db()).byId(jobId)->status, JobStatus::Failed); }();
            return status;
        }
        if (action == QLatin1String("user add")) {
            *before = snapshot();
            const auto added = StaffWorkflow(db()).addUser(actor, QStringLiteral("newbie"), QStringLiteral("New Bie"),
                                                           Role::Staff, QStringLiteral("newbie-password"));
            return added ? Status::success() : Status(added.error());
        }
        if (action == QLatin1String("user passwd")) {
            *before = snapshot();
            const Status status =
                StaffWorkflow(db()).changePassword(actor, QStringLiteral("other"), QStringLiteral("changed-password"));
            const QString hash = StaffRepository(db()).passwordHash(QStringLiteral("other"));
            [&] { QCOMPARE(hash == m_otherHash, !status.ok()); }();
            return status;
        }
        if (action == QLatin1String("seed demo")) {
            *before = snapshot();
            DemoSize size;
            size.customers = 45; // the test database has 40
            return DemoDataWorkflow(db()).seed(actor, size);
        }
        return Status(Error{UserMessage("Test", "unknown action"), action});
    }

private slots:
    void initTestCase() { m_otherHash = PasswordHasher().hash(QStringLiteral("other-password")); }

    void init()
    {
        m_test = std::make_unique<TestDatabase>();
        QVERIFY(m_test->ok());
        StaffUser other;
        other.login = QStringLiteral("other");
        other.displayName = QStringLiteral("Other");
        other.role = QStringLiteral("staff");
        StaffRepository(db()).insert(other, m_otherHash);
    }

    void cleanup() { m_test.reset(); }

    void matrix_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("auditAction");
        QTest::addColumn<QString>("table"); // what an allowed action adds a row to
        QTest::addColumn<QString>("refusal");
        struct Case
        {
            const char* action;
            bool staff, clerk, admin;
            const char* audit;
            const char* table;
            const char* refusal;
        };
        const Case cases[] = {
            {"assign", true, false, true, "assign_plan", "services", "does not allow assigning plans"},
            {"retry", true, false, true, "retry_provisioning", "", "does not allow retrying provisioning"},
            {"user add", false, false, true, "user_add", "staff_users", "does not allow managing staff accounts"},
            {"user passwd", false, false, true, "user_passwd", "", "does not allow managing staff accounts"},
            {"seed demo", false, false, true, "seed_demo", "customers", "does not allow loading demo data"},
        };
        for (const Case& c : cases) {
            const std::pair<Role, bool> roles[] = {
                {Role::Staff, c.staff}, {Role::BillingClerk, c.clerk}, {Role::Administrator, c.admin}};
            for (const auto& [role, allowed] : roles)
                QTest::addRow("%s, %s", qPrintable(toCode(role)), c.action)
                    << int(role) << QString::fromLatin1(c.action) << allowed << QString::fromLatin1(c.audit)
                    << QString::fromLatin1(c.table) << QString::fromLatin1(c.refusal);
        }
    }

    void matrix()
    {
        QFETCH(int, role);
        QFETCH(QString, action);
        QFETCH(bool, allowed);
        QFETCH(QString, auditAction);
        QFETCH(QString, table);
        QFETCH(QString, refusal);
        const Actor actor(QStringLiteral("matrix-user"), Role(role));
        QMap<QString, qint64> before;
        const Status status = perform(action, actor, &before);
        if (QTest::currentTestFailed())
            return;
        const QMap<QString, qint64> after = snapshot();
        if (!allowed) {
            QVERIFY(!status.ok());
            const QString text = status.error.text();
            QVERIFY2(text.contains(refusal), qPrintable(text));
            QVERIFY2(text.startsWith(QStringLiteral("Your role (%1)").arg(displayName(Role(role)))), qPrintable(text));
            QVERIFY(text.endsWith(QLatin1String("Ask an administrator.")));
            QCOMPARE(after, before); // nothing written
            QCOMPARE(AuditRepository(db()).countByStaff(actor.login(), auditAction), 0);
            return;
        }
        QVERIFY2(status.ok(), qPrintable(status.error.text() + QLatin1Char(' ') + status.error.detail));
        QCOMPARE(AuditRepository(db()).countByStaff(actor.login(), auditAction), 1);
        QCOMPARE(after.value(QStringLiteral("audit_log")), before.value(QStringLiteral("audit_log")) + 1);
        if (!table.isEmpty())
            QVERIFY(after.value(table) > before.value(table));
    }

    void nobodySignedInIsRefused_data()
    {
        QTest::addColumn<QString>("action");
        for (const char* action : {"assign", "retry", "user passwd", "seed demo"})
            QTest::newRow(action) << QString::fromLatin1(action);
    }

    void nobodySignedInIsRefused()
    {
        QFETCH(QString, action);
        QMap<QString, qint64> before;
        const Status status = perform(action, Actor(), &before);
        QVERIFY(!status.ok());
        QVERIFY2(status.error.text().contains(QLatin1String("Nobody is signed in")), qPrintable(status.error.text()));
        QCOMPARE(snapshot(), before);
    }

    void everyoneMayChangeTheirOwnPassword_data()
    {
        QTest::addColumn<int>("role");
        QTest::newRow("staff") << int(Role::Staff);
        QTest::newRow("billing clerk") << int(Role::BillingClerk);
    }

    void everyoneMayChangeTheirOwnPassword()
    {
        QFETCH(int, role);
        StaffRepository(db()).setPasswordHash(QStringLiteral("other"), m_otherHash);
        QSqlQuery q(db().connection());
        q.prepare(QStringLiteral("UPDATE staff_users SET role = :r WHERE login = 'other'"));
        q.bindValue(QStringLiteral(":r"), toCode(Role(role)));
        QVERIFY(q.exec());
        const Actor self(QStringLiteral("other"), Role(role));
        QVERIFY(
            StaffWorkflow(db()).changePassword(self, QStringLiteral("other"), QStringLiteral("my-new-password")).ok());
        QVERIFY(StaffWorkflow(db()).authenticate(QStringLiteral("other"), QStringLiteral("my-new-password")).ok());
        QVERIFY(!StaffWorkflow(db()).authenticate(QStringLiteral("other"), QStringLiteral("other-password")).ok());
        QCOMPARE(AuditRepository(db()).countByStaff(QStringLiteral("other"), QStringLiteral("user_passwd")), 1);
    }

    void authenticate_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("right") << "other"
                               << "other-password" << true;
        QTest::newRow("wrong password") << "other"
                                        << "other-passwore" << false;
        QTest::newRow("unknown login") << "ghost"
                                       << "other-password" << false;
        QTest::newRow("empty password") << "other"
                                        << "" << false;
    }

    void authenticate()
    {
        QFETCH(QString, login);
        QFETCH(QString, password);
        QFETCH(bool, accepted);
        const Result<Actor> actor = StaffWorkflow(db()).authenticate(login, password);
        QCOMPARE(actor.ok(), accepted);
        if (accepted) {
            QCOMPARE(actor->login(), login);
            QCOMPARE(actor->role(), Role::Staff);
        } else {
            // The same sentence whether the login exists or not.
            QCOMPARE(actor.error().text(),
                     QStringLiteral("The login or password is not correct. Check both and try again."));
            QVERIFY(!actor.error().detail.contains(password) || password.isEmpty());
        }
    }

    void passwordIsStoredHashed()
    {
        const Actor admin = administrator();
        QVERIFY(StaffWorkflow(db())
                    .addUser(admin, QStringLiteral("hashed"), {}, Role::BillingClerk, QStringLiteral("plain-text-pw"))
                    .ok());
        const QString stored = StaffRepository(db()).passwordHash(QStringLiteral("hashed"));
        QVERIFY(PasswordHasher::isWellFormed(stored));
        QVERIFY(!stored.contains(QLatin1String("plain-text-pw")));
        QSqlQuery q(db().connection());
        q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE details LIKE '%plain-text-pw%'"));
        q.next();
        QCOMPARE(q.value(0).toInt(), 0);
        const auto short_ =
            StaffWorkflow(db()).addUser(admin, QStringLiteral("shorty"), {}, Role::Staff, QStringLiteral("short"));
        QVERIFY(!short_.ok());
        QVERIFY(short_.error().text().contains(QLatin1String("at least 8 characters")));
        const auto twice =
            StaffWorkflow(db()).addUser(admin, QStringLiteral("hashed"), {}, Role::Staff, QStringLiteral("another-pw"));
        QVERIFY(!twice.ok());
        QVERIFY(twice.error().text().contains(QLatin1String("already a staff account")));
        const auto badLogin = StaffWorkflow(db()).addUser(admin, QStringLiteral("two words"), {}, Role::Staff,
                                                          QStringLiteral("another-pw"));
        QVERIFY(!badLogin.ok());
        QVERIFY(badLogin.error().text().contains(QLatin1String("is not a valid login")));
    }

    void firstAdministratorOfANewDatabase()
    {
        StaffWorkflow staff(db());
        QVERIFY(staff.needsFirstAdministrator());
        // Nobody may create a staff account, only the first administrator.
        QVERIFY(
            !staff.addUser(Actor(), QStringLiteral("early"), {}, Role::Staff, QStringLiteral("early-password")).ok());
        const auto first =
            staff.addUser(Actor(), QStringLiteral("boss"), {}, Role::Administrator, QStringLiteral("boss-password"));
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().text()));
        QCOMPARE(AuditRepository(db()).countByStaff(QStringLiteral("boss"), QStringLiteral("user_add")), 1);
        QVERIFY(!staff.needsFirstAdministrator());
        const auto second =
            staff.addUser(Actor(), QStringLiteral("boss2"), {}, Role::Administrator, QStringLiteral("boss-password"));
        QVERIFY(!second.ok());
        QVERIFY(second.error().text().contains(QLatin1String("Nobody is signed in")));
    }

    void localUserSignsInOnSqliteOnly()
    {
        const Result<Actor> local = StaffWorkflow(db()).signInLocalUser(QStringLiteral("desk-user"));
        if (TestDatabase::isPostgres()) {
            QVERIFY(!local.ok());
            QVERIFY(local.error().text().contains(QLatin1String("shared PostgreSQL database")));
            QVERIFY(!StaffWorkflow(db()).exists(QStringLiteral("desk-user")));
        } else {
            QVERIFY(local.ok());
            QCOMPARE(local->role(), Role::Administrator);
            QVERIFY(StaffWorkflow(db()).exists(QStringLiteral("desk-user")));
        }
    }

    void roleCodes()
    {
        for (Role role : {Role::Staff, Role::BillingClerk, Role::Administrator}) {
            Role parsed = Role::Administrator;
            QVERIFY(fromCode(toCode(role), &parsed));
            QCOMPARE(parsed, role);
        }
        Role untouched = Role::BillingClerk;
        QVERIFY(!fromCode(QStringLiteral("superuser"), &untouched));
        QCOMPARE(untouched, Role::BillingClerk);
        QVERIFY(Actor::roleAllows(Role::BillingClerk, Permission::AmendBundle));
        QVERIFY(!Actor::roleAllows(Role::Staff, Permission::AmendBundle));
        QVERIFY(Actor::roleAllows(Role::Administrator, Permission::AmendBundle));
        QVERIFY(!Actor().can(Permission::AssignPlan));
    }
};

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
