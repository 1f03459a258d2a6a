// switchboard-ctl and staff accounts: user add/passwd/list, --user with the password on stdin or in
// SWITCHBOARD_PASSWORD, and a store-staff login refused the administrator's commands.

#include "TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCtlRoles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_pgName;

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
        QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
    };

    Run ctl(const QStringList& arguments, const QByteArray& input = {}, const QString& envPassword = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("SWITCHBOARD_PASSWORD"));
        if (!envPassword.isEmpty())
            environment.insert(QStringLiteral("SWITCHBOARD_PASSWORD"), envPassword);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SWITCHBOARD_CTL), QStringList{QStringLiteral("--db"), m_db} + arguments);
        process.write(input);
        process.closeWriteChannel();
        Run run;
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            run.err = QStringLiteral("timed out");
            return run;
        }
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QStringList logins()
    {
        const Run list = ctl({QStringLiteral("--user"), QStringLiteral("boss"), QStringLiteral("--json"),
                              QStringLiteral("user"), QStringLiteral("list")},
                             "boss-password\n");
        QStringList result;
        for (const QJsonValue& user : list.json().array())
            result << user[QStringLiteral("login")].toString();
        return result;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        m_db = TestDatabase::createUrl(m_dir, &m_pgName);
        QCOMPARE(ctl({QStringLiteral("init")}).code, 0);
        // SQLite: the local user is an administrator. PostgreSQL: the first administrator needs no sign-in.
        const Run boss =
            ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("boss"), QStringLiteral("--role"),
                 QStringLiteral("administrator"), QStringLiteral("--name"), QStringLiteral("The Boss")},
                "boss-password\n");
        QVERIFY2(boss.code == 0, qPrintable(boss.err));
        QVERIFY(!boss.out.contains(QLatin1String("boss-password")));
        const Run seed = ctl({QStringLiteral("--user"), QStringLiteral("boss"), QStringLiteral("seed-demo"),
                              QStringLiteral("--customers"), QStringLiteral("30")},
                             {}, QStringLiteral("boss-password"));
        QVERIFY2(seed.code == 0, qPrintable(seed.err));
        const Run clerk =
            ctl({QStringLiteral("--user"), QStringLiteral("boss"), QStringLiteral("--json"), QStringLiteral("user"),
                 QStringLiteral("add"), QStringLiteral("counter1"), QStringLiteral("--role"), QStringLiteral("staff")},
                "boss-password\ncounter-password\n");
        QVERIFY2(clerk.code == 0, qPrintable(clerk.err));
        QCOMPARE(clerk.json()[QStringLiteral("role")].toString(), QStringLiteral("staff"));
    }

    void listShowsRoles()
    {
        const Run list = ctl({QStringLiteral("--user"), QStringLiteral("counter1"), QStringLiteral("--json"),
                              QStringLiteral("user"), QStringLiteral("list")},
                             "counter-password\n");
        QVERIFY2(list.code == 0, qPrintable(list.err));
        QMap<QString, QString> roles;
        for (const QJsonValue& user : list.json().array())
            roles.insert(user[QStringLiteral("login")].toString(), user[QStringLiteral("role")].toString());
        QCOMPARE(roles.value(QStringLiteral("boss")), QStringLiteral("administrator"));
        QCOMPARE(roles.value(QStringLiteral("counter1")), QStringLiteral("staff"));
        for (const QJsonValue& user : list.json().array())
            QVERIFY(!user.toObject().contains(QLatin1String("password_hash")));
    }

    void staffIsRefusedAdministratorCommands_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("user add")
            << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("intruder"),
                           QStringLiteral("--role"), QStringLiteral("administrator")}
            << QByteArray("counter-password\nintruder-password\n")
            << "Your role (Store staff) does not allow managing staff accounts. Ask an administrator.";
        QTest::newRow("seed-demo") << QStringList{QStringLiteral("seed-demo"), QStringLiteral("--customers"),
                                                  QStringLiteral("200")}
                                   << QByteArray("counter-password\n")
                                   << "Your role (Store staff) does not allow loading demo data. Ask an administrator.";
        QTest::newRow("someone else's password")
            << QStringList{QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("boss")}
            << QByteArray("counter-password\ntaken-over-password\n") << "does not allow managing staff accounts";
    }

    void staffIsRefusedAdministratorCommands()
    {
        QFETCH(QStringList, command);
        QFETCH(QByteArray, input);
        QFETCH(QString, message);
        const QStringList before = logins();
        const Run run = ctl(QStringList{QStringLiteral("--user"), QStringLiteral("counter1")} + command, input);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(logins(), before);
        const Run customers =
            ctl({QStringLiteral("--json"), QStringLiteral("customers"), QStringLiteral("search"), QStringLiteral("a")});
        QVERIFY(customers.json().array().size() <= 30);
        // the administrator's password still works
        QCOMPARE(ctl({QStringLiteral("--user"), QStringLiteral("boss"), QStringLiteral("user"), QStringLiteral("list")},
                     "boss-password\n")
                     .code,
                 0);
    }

    void badSignInIsRefused_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("envPassword");
        QTest::addColumn<QString>("message");
        QTest::newRow("wrong password") << "counter1" << QByteArray("not-my-password\n") << QString()
                                        << "The login or password is not correct";
        QTest::newRow("wrong password in env") << "counter1" << QByteArray() << "not-my-password"
                                               << "The login or password is not correct";
        QTest::newRow("unknown login") << "nobody-here" << QByteArray("counter-password\n") << QString()
                                       << "The login or password is not correct";
        QTest::newRow("no password at all") << "counter1" << QByteArray() << QString() << "No password for counter1";
    }

    void badSignInIsRefused()
    {
        QFETCH(QString, login);
        QFETCH(QByteArray, input);
        QFETCH(QString, envPassword);
        QFETCH(QString, message);
        const Run run =
            ctl({QStringLiteral("--user"), login, QStringLiteral("jobs"), QStringLiteral("retry"), QStringLiteral("1")},
                input, envPassword);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(!run.err.contains(QLatin1String("not-my-password")));
    }

    void localUserWithoutAccount()
    {
        const Run run = ctl({QStringLiteral("user"), QStringLiteral("list")});
        if (TestDatabase::isPostgres()) {
            QCOMPARE(run.code, 1);
            QVERIFY2(run.err.contains(QLatin1String("has no staff account on this PostgreSQL database")),
                     qPrintable(run.err));
        } else {
            QVERIFY2(run.code == 0, qPrintable(run.err)); // the embedded default signs the local user in
        }
    }

    void staffChangesOwnPassword()
    {
        const Run changed = ctl({QStringLiteral("--user"), QStringLiteral("counter1"), QStringLiteral("user"),
                                 QStringLiteral("passwd"), QStringLiteral("counter1")},
                                "counter-password\nsecond-password\n");
        QVERIFY2(changed.code == 0, qPrintable(changed.err));
        QCOMPARE(
            ctl({QStringLiteral("--user"), QStringLiteral("counter1"), QStringLiteral("user"), QStringLiteral("list")},
                "counter-password\n")
                .code,
            1);
        QCOMPARE(
            ctl({QStringLiteral("--user"), QStringLiteral("counter1"), QStringLiteral("user"), QStringLiteral("list")},
                "second-password\n")
                .code,
            0);
        // the administrator sets it back
        const Run reset = ctl({QStringLiteral("--user"), QStringLiteral("boss"), QStringLiteral("user"),
                               QStringLiteral("passwd"), QStringLiteral("counter1")},
                              "boss-password\ncounter-password\n");
        QVERIFY2(reset.code == 0, qPrintable(reset.err));
        QCOMPARE(
            ctl({QStringLiteral("--user"), QStringLiteral("counter1"), QStringLiteral("user"), QStringLiteral("list")},
                "counter-password\n")
                .code,
            0);
    }

    void badUserCommands_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("add without role")
            << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("x")} << 2
            << "user add needs a LOGIN and --role ROLE";
        QTest::newRow("unknown role") << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("x"),
                                                     QStringLiteral("--role"), QStringLiteral("king")}
                                      << 2 << "--role must be one of staff, billing_clerk, administrator";
        QTest::newRow("passwd without login")
            << QStringList{QStringLiteral("user"), QStringLiteral("passwd")} << 2 << "user passwd needs the LOGIN";
    }

    void badUserCommands()
    {
        QFETCH(QStringList, command);
        QFETCH(int, code);
        QFETCH(QString, message);
        const Run run = ctl(command);
        QCOMPARE(run.code, code);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void cleanupTestCase()
    {
        if (!m_pgName.isEmpty()) {
            const auto server = sb::DatabaseUrl::parse(qEnvironmentVariable("SWITCHBOARD_TEST_PG"));
            sb::Database maintenance(*server);
            try {
                sb::Sql::run(maintenance, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgName));
            } catch (const sb::StoreException&) {
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCtlRoles)
#include "tst_ctlroles.moc"
