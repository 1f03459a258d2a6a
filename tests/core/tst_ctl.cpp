#include <QDir>
#include <QEventLoop>
#include <QFile>
#include "TestDatabase.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Drives the real switchboard-ctl executable as a user would.
class TestCtl : public QObject
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

    Run ctl(const QStringList& arguments, int timeoutMs = 60000, const QProcessEnvironment& environment = {})
    {
        QProcess process;
        if (!environment.isEmpty())
            process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SWITCHBOARD_CTL), arguments);
        process.closeWriteChannel(); // a password prompt reads the end of input, never waits
        Run run;
        if (!process.waitForFinished(timeoutMs)) {
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

    // On PostgreSQL the writing commands need a staff login: an administrator created in initTestCase().
    QStringList db(QStringList rest)
    {
        QStringList user;
        if (TestDatabase::isPostgres())
            user << QStringLiteral("--user") << QStringLiteral("ctl-admin");
        return QStringList{QStringLiteral("--db"), m_db} + user + rest;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The user's own settings (configured elements) must not leak into the tests.
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        m_db = TestDatabase::createUrl(m_dir, &m_pgName);
        const Run init = ctl(db({QStringLiteral("init")}));
        QCOMPARE(init.code, 0);
        QVERIFY(init.out.contains(QLatin1String("schema version")));
        if (TestDatabase::isPostgres()) {
            QProcess add;
            add.start(QStringLiteral(SWITCHBOARD_CTL),
                      {QStringLiteral("--db"), m_db, QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("ctl-admin"),
                       QStringLiteral("--role"), QStringLiteral("administrator")});
            add.write("ctl-admin-password\n");
            add.closeWriteChannel();
            QVERIFY(add.waitForFinished(60000));
            QVERIFY2(add.exitCode() == 0, add.readAllStandardError().constData());
            qputenv("SWITCHBOARD_PASSWORD", "ctl-admin-password");
        }
        const Run seed = ctl(db({QStringLiteral("seed-demo"), QStringLiteral("--customers"), QStringLiteral("220")}));
        QVERIFY2(seed.code == 0, qPrintable(seed.err));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{} << 2 << "No command given";
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2 << "Unknown command";
        QTest::newRow("bad url") << QStringList{QStringLiteral("--db"), QStringLiteral("mysql://x"), QStringLiteral("init")} << 1
                                 << "is not a database URL";
        QTest::newRow("db without value") << QStringList{QStringLiteral("--db")} << 2 << "--db needs a value";
        QTest::newRow("customer not a number") << QStringList{QStringLiteral("assign"), QStringLiteral("--customer"), QStringLiteral("abc")}
                                               << 2 << "must be a whole number";
        QTest::newRow("assign without product") << QStringList{QStringLiteral("assign"), QStringLiteral("--customer"), QStringLiteral("1")}
                                                << 2 << "assign needs --customer ID and --product SLUG";
        QTest::newRow("bad auto-renew") << QStringList{QStringLiteral("assign"), QStringLiteral("--customer"), QStringLiteral("1"),
                                                       QStringLiteral("--product"), QStringLiteral("mobile-20gb"),
                                                       QStringLiteral("--auto-renew"), QStringLiteral("maybe")}
                                        << 2 << "must be yes or no";
        QTest::newRow("bad item") << QStringList{QStringLiteral("assign"), QStringLiteral("--customer"), QStringLiteral("1"),
                                                 QStringLiteral("--product"), QStringLiteral("mobile-20gb"), QStringLiteral("--item"),
                                                 QStringLiteral("SIM Card")}
                                  << 2 << "must be TEMPLATE=ITEM_ID";
        QTest::newRow("unknown product") << QStringList{QStringLiteral("assign"), QStringLiteral("--customer"), QStringLiteral("1"),
                                                        QStringLiteral("--product"), QStringLiteral("no-such")}
                                         << 1 << "There is no product";
        QTest::newRow("ineligible") << QStringList{QStringLiteral("assign"), QStringLiteral("--customer"), QStringLiteral("1"),
                                                   QStringLiteral("--product"), QStringLiteral("fiber-business-1g")}
                                    << 1 << "only available to business customers";
        QTest::newRow("unknown template") << QStringList{QStringLiteral("inventory"), QStringLiteral("list"), QStringLiteral("--template"),
                                                         QStringLiteral("Toaster")}
                                          << 1 << "no inventory template called";
        QTest::newRow("jobs show text") << QStringList{QStringLiteral("jobs"), QStringLiteral("show"), QStringLiteral("x")} << 2
                                        << "whole number";
        QTest::newRow("unknown job") << QStringList{QStringLiteral("jobs"), QStringLiteral("retry"), QStringLiteral("9999")} << 1
                                     << "does not exist";
        QTest::newRow("bad fault spec") << QStringList{QStringLiteral("nesim"), QStringLiteral("--port"), QStringLiteral("0"),
                                                       QStringLiteral("--fail"), QStringLiteral("ocs:explode")}
                                        << 1 << "";
        QTest::newRow("bad customers count") << QStringList{QStringLiteral("seed-demo"), QStringLiteral("--customers"), QStringLiteral("-5")}
                                             << 2 << "must be a whole number of at least 1";
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QString, message);
        const bool hasDb = arguments.contains(QLatin1String("--db"));
        const Run run = ctl(hasDb ? arguments : db(arguments));
        QCOMPARE(run.code, code);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(!run.err.trimmed().isEmpty());
    }

    void listsAsJson()
    {
        const Run products = ctl(db({QStringLiteral("--json"), QStringLiteral("products"), QStringLiteral("list")}));
        QCOMPARE(products.code, 0);
        QVERIFY(products.json().array().size() >= 16);
        const Run customers = ctl(db({QStringLiteral("--json"), QStringLiteral("customers"), QStringLiteral("search"),
                                      QStringLiteral("+44 7700 100000")}));
        QCOMPARE(customers.code, 0);
        QCOMPARE(customers.json().array().first()[QStringLiteral("name")].toString(), QStringLiteral("John Smith"));
        const Run sims = ctl(db({QStringLiteral("--json"), QStringLiteral("inventory"), QStringLiteral("list"),
                                 QStringLiteral("--template"), QStringLiteral("SIM Card"), QStringLiteral("--available")}));
        QCOMPARE(sims.code, 0);
        QVERIFY(sims.json().array().size() >= 400);
        for (const QJsonValue& item : sims.json().array()) {
            const QString status = item[QStringLiteral("status")].toString();
            QVERIFY2(status == QLatin1String("New") || status == QLatin1String("In Stock"), qPrintable(status));
        }
        const Run missing = ctl(db({QStringLiteral("customers"), QStringLiteral("search"), QStringLiteral("Zyxwv")}));
        QCOMPARE(missing.code, 0);
        QVERIFY(missing.out.contains(QLatin1String("Customer not found")));
    }

    void assignAndWait()
    {
        const Run sims = ctl(db({QStringLiteral("--json"), QStringLiteral("inventory"), QStringLiteral("list"),
                                 QStringLiteral("--template"), QStringLiteral("SIM Card"), QStringLiteral("--available")}));
        const qint64 sim = sims.json().array().first()[QStringLiteral("id")].toInteger();
        const Run run = ctl(db({QStringLiteral("--json"), QStringLiteral("assign"), QStringLiteral("--customer"), QStringLiteral("1"),
                                QStringLiteral("--product"), QStringLiteral("mobile-20gb"), QStringLiteral("--item"),
                                QStringLiteral("SIM Card=%1").arg(sim), QStringLiteral("--auto-renew"), QStringLiteral("yes"),
                                QStringLiteral("--wait")}));
        QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
        const QJsonObject job = run.json().object();
        QCOMPARE(job[QStringLiteral("status")].toString(), QStringLiteral("succeeded"));
        QCOMPARE(job[QStringLiteral("tasks")].toArray().size(), 7);
        // the picked SIM is now assigned
        const Run after = ctl(db({QStringLiteral("--json"), QStringLiteral("inventory"), QStringLiteral("list"),
                                  QStringLiteral("--template"), QStringLiteral("SIM Card")}));
        bool found = false;
        for (const QJsonValue& item : after.json().array())
            if (item[QStringLiteral("id")].toInteger() == sim) {
                QCOMPARE(item[QStringLiteral("status")].toString(), QStringLiteral("Assigned"));
                found = true;
            }
        QVERIFY(found);
        const Run shown = ctl(db({QStringLiteral("jobs"), QStringLiteral("show"), QString::number(job[QStringLiteral("id")].toInteger())}));
        QCOMPARE(shown.code, 0);
        QVERIFY(shown.out.contains(QStringLiteral("✓ Configuring OCS account")));
    }

    void assignQueuesWithoutWait()
    {
        // Johnson Enterprises has more than one site: the order must name one, and carry its PO number.
        const QStringList order{QStringLiteral("--json"), QStringLiteral("assign"), QStringLiteral("--customer"), QStringLiteral("4"),
                                QStringLiteral("--product"), QStringLiteral("fiber-business-1g")};
        const Run noSite = ctl(db(order));
        QCOMPARE(noSite.code, 1);
        QVERIFY2(noSite.err.contains(QStringLiteral("Select the installation site")), qPrintable(noSite.err));
        const Run wrongSite = ctl(db(order + QStringList{QStringLiteral("--site"), QStringLiteral("Atlantis Office")}));
        QCOMPARE(wrongSite.code, 1);
        QVERIFY2(wrongSite.err.contains(QStringLiteral("no site \"Atlantis Office\"")), qPrintable(wrongSite.err));
        const Run noPo = ctl(db(order + QStringList{QStringLiteral("--site"), QStringLiteral("lyon office")}));
        QCOMPARE(noPo.code, 1);
        QVERIFY2(noPo.err.contains(QStringLiteral("Purchase Order Number is required")), qPrintable(noPo.err));
        const Run run = ctl(db(order + QStringList{QStringLiteral("--site"), QStringLiteral("Lyon Office"), QStringLiteral("--field"),
                                                   QStringLiteral("po_number=PO-2025-001234")}));
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.json()[QStringLiteral("status")].toString(), QStringLiteral("queued"));
        const Run jobs = ctl(db({QStringLiteral("--json"), QStringLiteral("jobs"), QStringLiteral("list")}));
        QCOMPARE(jobs.json().array().first()[QStringLiteral("status")].toString(), QStringLiteral("queued"));
    }

    void workerRunsQueuedJobsAndStopsOnSigterm()
    {
        const Run queued = ctl(db({QStringLiteral("--json"), QStringLiteral("assign"), QStringLiteral("--customer"), QStringLiteral("2"),
                                   QStringLiteral("--product"), QStringLiteral("iptv-essentials")}));
        QVERIFY2(queued.code == 0, qPrintable(queued.err));
        const qint64 jobId = queued.json()[QStringLiteral("job_id")].toInteger();
        QProcess worker;
        worker.start(QStringLiteral(SWITCHBOARD_CTL), db({QStringLiteral("worker")}));
        QVERIFY(worker.waitForStarted());
        QString status;
        for (int i = 0; i < 100 && status != QLatin1String("succeeded"); ++i) {
            QTest::qWait(200);
            status = ctl(db({QStringLiteral("--json"), QStringLiteral("jobs"), QStringLiteral("show"), QString::number(jobId)}))
                         .json()[QStringLiteral("status")]
                         .toString();
        }
        QCOMPARE(status, QStringLiteral("succeeded"));
        worker.terminate(); // SIGTERM
        QVERIFY(worker.waitForFinished(10000));
        QCOMPARE(worker.exitStatus(), QProcess::NormalExit);
        QCOMPARE(worker.exitCode(), 0);
    }

    void configuredElementIsUsedInsteadOfTheSimulator()
    {
        QProcess nesim;
        nesim.start(QStringLiteral(SWITCHBOARD_CTL), {QStringLiteral("nesim"), QStringLiteral("--port"), QStringLiteral("0"),
                                                      QStringLiteral("--fail"), QStringLiteral("APIerSv1.SetAccount:error=ACCOUNT_DISABLED")});
        QVERIFY(nesim.waitForReadyRead(10000));
        const QString banner = QString::fromUtf8(nesim.readAllStandardOutput());
        const QRegularExpressionMatch url = QRegularExpression(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+)")).match(banner);
        QVERIFY2(url.hasMatch(), qPrintable(banner));
        QTemporaryDir config;
        QDir(config.path()).mkpath(QStringLiteral("Switchboard"));
        QFile file(config.filePath(QStringLiteral("Switchboard/Switchboard.conf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("[network]\nocs_url=%1/jsonrpc\n").arg(url.captured(1)).toUtf8());
        file.close();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        const Run run = ctl(db({QStringLiteral("assign"), QStringLiteral("--customer"), QStringLiteral("1"), QStringLiteral("--product"),
                                QStringLiteral("fiber-100"), QStringLiteral("--wait")}),
                            60000, environment);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QLatin1String("OCS")) && run.err.contains(QLatin1String("Provision ID:")), qPrintable(run.err));
        nesim.terminate();
        QVERIFY(nesim.waitForFinished(10000));
    }

    void simulatorInjectsFaultsFromTheCommandLine()
    {
        QProcess nesim;
        nesim.start(QStringLiteral(SWITCHBOARD_CTL), {QStringLiteral("nesim"), QStringLiteral("--port"), QStringLiteral("0"),
                                                      QStringLiteral("--fail"), QStringLiteral("APIerSv1.SetAccount:error=INSUFFICIENT_CREDIT")});
        QVERIFY(nesim.waitForReadyRead(10000));
        const QString banner = QString::fromUtf8(nesim.readAllStandardOutput());
        const QRegularExpressionMatch url = QRegularExpression(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+)")).match(banner);
        QVERIFY2(url.hasMatch(), qPrintable(banner));
        QNetworkAccessManager http;
        QNetworkRequest request(QUrl(url.captured(1) + QStringLiteral("/jsonrpc")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply* reply = http.post(request, R"({"method":"APIerSv1.SetAccount","params":[{"Tenant":"cgrates.org","Account":"a1"}],"id":7})");
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        QCOMPARE(answer[QStringLiteral("id")].toInt(), 7);
        QCOMPARE(answer[QStringLiteral("error")].toString(), QStringLiteral("INSUFFICIENT_CREDIT"));
        QVERIFY(answer[QStringLiteral("result")].isNull());
        nesim.terminate();
        QVERIFY(nesim.waitForFinished(10000));
        QCOMPARE(nesim.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCtl)
#include "tst_ctl.moc"
