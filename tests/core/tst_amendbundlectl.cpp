// switchboard-ctl amend-bundle, scheduled list/cancel and subscriptions show/search, driven as a user would.
#include "TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestAmendBundleCtl : public QObject
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

    Run ctl(const QStringList& arguments, const QByteArray& input = {})
    {
        QProcess process;
        process.start(QStringLiteral(SWITCHBOARD_CTL), arguments);
        if (!input.isEmpty())
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

    QStringList db(QStringList rest)
    {
        QStringList user;
        if (TestDatabase::isPostgres())
            user << QStringLiteral("--user") << QStringLiteral("ctl-admin");
        return QStringList{QStringLiteral("--db"), m_db} + user + rest;
    }

    QJsonObject show(const QString& number)
    {
        const Run run = ctl(db({QStringLiteral("--json"), QStringLiteral("subscriptions"), QStringLiteral("show"), number}));
        return run.code == 0 ? run.json().object() : QJsonObject{};
    }

    qint64 serviceId(const QString& number, const QString& slug)
    {
        for (const QJsonValue& s : show(number).value(QStringLiteral("services")).toArray())
            if (s[QStringLiteral("product")].toString() == slug && s[QStringLiteral("status")].toString() != QLatin1String("cancelled"))
                return s[QStringLiteral("id")].toVariant().toLongLong();
        return 0;
    }

    QStringList amend(const QString& number, QStringList rest)
    {
        return db(QStringList{QStringLiteral("--json"), QStringLiteral("amend-bundle"), QStringLiteral("--service"),
                              QString::number(serviceId(number, QStringLiteral("iptv-flex")))} +
                  rest);
    }

    static QStringList actionDetails()
    {
        return {QStringLiteral("--action-type"), QStringLiteral("UPGRADE"), QStringLiteral("--sub-action-type"),
                QStringLiteral("CUSTOMER_REQUEST")};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        m_db = TestDatabase::createUrl(m_dir, &m_pgName);
        QCOMPARE(ctl(db({QStringLiteral("init")})).code, 0);
        if (TestDatabase::isPostgres()) {
            const Run add = ctl({QStringLiteral("--db"), m_db, QStringLiteral("user"), QStringLiteral("add"),
                                 QStringLiteral("ctl-admin"), QStringLiteral("--role"), QStringLiteral("administrator")},
                                "ctl-admin-password\n");
            QVERIFY2(add.code == 0, qPrintable(add.err));
            qputenv("SWITCHBOARD_PASSWORD", "ctl-admin-password");
        }
        const Run seed = ctl(db({QStringLiteral("seed-demo"), QStringLiteral("--customers"), QStringLiteral("120")}));
        QVERIFY2(seed.code == 0, qPrintable(seed.err));
    }

    void cleanupTestCase()
    {
        if (!m_pgName.isEmpty()) {
            const auto server = sb::DatabaseUrl::parse(qEnvironmentVariable("SWITCHBOARD_TEST_PG"));
            sb::Database maintenance(*server);
            sb::guardedStatus([&] { sb::Sql::run(maintenance, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgName)); });
        }
    }

    void searchAndShow()
    {
        const Run search = ctl(db({QStringLiteral("--json"), QStringLiteral("subscriptions"), QStringLiteral("search"),
                                   QStringLiteral("SUB-1000")}));
        QCOMPARE(search.code, 0);
        QCOMPARE(search.json().array().size(), 7);
        const Run text = ctl(db({QStringLiteral("subscriptions"), QStringLiteral("show"), QStringLiteral("SUB-100001")}));
        QCOMPARE(text.code, 0);
        for (const char* part : {"Basic Channels", "Sports Pack", "Multiroom", "STB4K-900002", "Wallet balance: 38.00",
                                 "Effective", "Allowed components of", "pack-movies"})
            QVERIFY2(text.out.contains(QString::fromUtf8(part)), part);
        const QJsonObject json = show(QStringLiteral("SUB-100001"));
        QCOMPARE(json.value(QStringLiteral("payment_type")).toString(), QStringLiteral("prepaid"));
        QCOMPARE(json.value(QStringLiteral("services")).toArray().size(), 5);
        QCOMPARE(json.value(QStringLiteral("wallet")).toObject().value(QStringLiteral("balance")).toDouble(), 38.0);
        const Run missing = ctl(db({QStringLiteral("subscriptions"), QStringLiteral("show"), QStringLiteral("SUB-9")}));
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains(QLatin1String("does not exist")));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no service") << QStringList{QStringLiteral("amend-bundle")} << 2 << "amend-bundle needs --service ID";
        QTest::newRow("bad remove") << QStringList{QStringLiteral("amend-bundle"), QStringLiteral("--service"), QStringLiteral("1"),
                                                   QStringLiteral("--remove"), QStringLiteral("kids")}
                                    << 2 << "--remove must be the ID of a component service";
        QTest::newRow("bad schedule") << QStringList{QStringLiteral("amend-bundle"), QStringLiteral("--service"), QStringLiteral("1"),
                                                     QStringLiteral("--schedule"), QStringLiteral("tomorrow")}
                                      << 2 << "--schedule must be now";
        QTest::newRow("bad performed date") << QStringList{QStringLiteral("amend-bundle"), QStringLiteral("--service"),
                                                           QStringLiteral("1"), QStringLiteral("--performed-date"),
                                                           QStringLiteral("soon")}
                                            << 2 << "--performed-date must be";
        QTest::newRow("unknown service") << QStringList{QStringLiteral("amend-bundle"), QStringLiteral("--service"),
                                                        QStringLiteral("999999"), QStringLiteral("--add"), QStringLiteral("pack-kids")}
                                         << 1 << "does not exist";
        QTest::newRow("cancel without id") << QStringList{QStringLiteral("scheduled"), QStringLiteral("cancel")} << 2
                                           << "scheduled cancel needs the ID";
        QTest::newRow("cancel unknown") << QStringList{QStringLiteral("scheduled"), QStringLiteral("cancel"), QStringLiteral("999999")}
                                        << 1 << "does not exist";
        QTest::newRow("show without number") << QStringList{QStringLiteral("subscriptions"), QStringLiteral("show")} << 2
                                             << "subscriptions show needs";
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QString, message);
        const Run run = ctl(db(arguments));
        QCOMPARE(run.code, code);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void rejectedWithEveryReason()
    {
        const QJsonObject before = show(QStringLiteral("SUB-100001"));
        const Run run = ctl(amend(QStringLiteral("SUB-100001"), {QStringLiteral("--add"), QStringLiteral("pack-radio"),
                                                                 QStringLiteral("--add"), QStringLiteral("pack-late-night"),
                                                                 QStringLiteral("--schedule"), QStringLiteral("days:0")}));
        QCOMPARE(run.code, 1);
        const QStringList lines = run.err.trimmed().split(QLatin1Char('\n'));
        for (const char* part : {"is not allowed in the bundle", "cannot be combined with", "Choose an Action Type",
                                 "Choose a Sub Action Type", "must be an integer greater than 0"})
            QVERIFY2(std::any_of(lines.begin(), lines.end(), [&](const QString& l) { return l.contains(QLatin1String(part)); }),
                     qPrintable(run.err));
        QCOMPARE(show(QStringLiteral("SUB-100001")), before);
    }

    void amendNowAndRetry()
    {
        const QStringList args = QStringList{QStringLiteral("--add"), QStringLiteral("pack-movies"), QStringLiteral("--remove"),
                                             QString::number(serviceId(QStringLiteral("SUB-100001"), QStringLiteral("iptv-multiroom"))),
                                             QStringLiteral("--request-key"), QStringLiteral("ctl-retry-1"),
                                             QStringLiteral("--performed-date"), QStringLiteral("2026-05-31T14:30")} +
                                 actionDetails();
        const Run run = ctl(amend(QStringLiteral("SUB-100001"), args));
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject result = run.json().object();
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(result.value(QStringLiteral("debited")).toDouble(), 9.0);
        QCOMPARE(result.value(QStringLiteral("added_service_ids")).toArray().size(), 1);
        QCOMPARE(result.value(QStringLiteral("removed_distributor_ids")).toArray().size(), 1);
        QVERIFY(!result.value(QStringLiteral("job_ids")).toArray().isEmpty());
        const Run retried = ctl(amend(QStringLiteral("SUB-100001"), args));
        // The multiroom component is gone, so the retry's --remove id names a removed service: the request key wins.
        QVERIFY2(retried.code == 0, qPrintable(retried.err));
        QVERIFY(retried.json().object().value(QStringLiteral("replayed")).toBool());
        const QJsonObject after = show(QStringLiteral("SUB-100001"));
        QCOMPARE(after.value(QStringLiteral("wallet")).toObject().value(QStringLiteral("balance")).toDouble(), 29.0);
        const QJsonArray actions = after.value(QStringLiteral("actions")).toArray();
        QCOMPARE(actions.size(), 1);
        QCOMPARE(actions.first()[QStringLiteral("status")].toString(), QStringLiteral("completed"));
        QCOMPARE(actions.first()[QStringLiteral("performed")].toString(), QStringLiteral("2026-05-31 14:30"));
    }

    void scheduleListCancel()
    {
        const Run scheduled = ctl(amend(QStringLiteral("SUB-100002"), QStringList{QStringLiteral("--add"), QStringLiteral("pack-kids"),
                                                                                   QStringLiteral("--schedule"), QStringLiteral("days:3")} +
                                                                           actionDetails()));
        QVERIFY2(scheduled.code == 0, qPrintable(scheduled.err));
        QCOMPARE(scheduled.json().object().value(QStringLiteral("status")).toString(), QStringLiteral("scheduled"));
        const qint64 id = scheduled.json().object().value(QStringLiteral("action_id")).toVariant().toLongLong();
        const Run list = ctl(db({QStringLiteral("--json"), QStringLiteral("scheduled"), QStringLiteral("list"),
                                 QStringLiteral("--subscription"), QStringLiteral("SUB-100002")}));
        QCOMPARE(list.code, 0);
        QCOMPARE(list.json().array().size(), 1);
        QCOMPARE(list.json().array().first()[QStringLiteral("id")].toVariant().toLongLong(), id);
        QCOMPARE(list.json().array().first()[QStringLiteral("status")].toString(), QStringLiteral("scheduled"));
        const Run cancel = ctl(db({QStringLiteral("scheduled"), QStringLiteral("cancel"), QString::number(id)}));
        QVERIFY2(cancel.code == 0, qPrintable(cancel.err));
        QVERIFY(cancel.out.contains(QLatin1String("is cancelled")));
        const Run text = ctl(db({QStringLiteral("scheduled"), QStringLiteral("list")}));
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains(QLatin1String("Cancelled")));
        const Run again = ctl(db({QStringLiteral("scheduled"), QStringLiteral("cancel"), QString::number(id)}));
        QCOMPARE(again.code, 1);
        QVERIFY(again.err.contains(QLatin1String("cannot be cancelled")));
        const Run past = ctl(amend(QStringLiteral("SUB-100002"), QStringList{QStringLiteral("--add"), QStringLiteral("pack-kids"),
                                                                              QStringLiteral("--schedule"), QStringLiteral("2020-01-01T00:00")} +
                                                                      actionDetails()));
        QCOMPARE(past.code, 1);
        QVERIFY(past.err.contains(QLatin1String("must be greater than the current date")));
    }
};

QTEST_GUILESS_MAIN(TestAmendBundleCtl)
#include "tst_amendbundlectl.moc"
