// TLS to PostgreSQL with certificate verification, against a server of its own that only this test uses:
// a throwaway CA and server certificate made with the openssl CLI, scripts/pg-test-server.sh start PORT --tls.
// Also checks that DatabaseProbe ("Test connection") names each kind of failure. Fails (never skips) when the
// certificates or the server cannot be made.

#include "store/Database.h"
#include "store/DatabaseProbe.h"
#include "store/Migrations.h"

#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;

class PostgresTlsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void verifyFullWithTheRightCaConnects();
    void unknownCaFailsWithTheTlsMessage();
    void missingCaFileFailsWithTheTlsMessage();
    void unreachableServer();
    void badPassword();
    void noSuchDatabase();
    void schemaNewerThanThisProgram();
    void notASwitchboardDatabase();
    void switchboardDatabaseUpToDate();

private:
    bool run(const QString& program, const QStringList& args, QString* output = nullptr);
    QString url(const QString& user, const QString& database, const QString& ca,
                const QString& sslmode = QStringLiteral("verify-full")) const;
    void superuser(const QString& statement);
    DatabaseProbe::Report probe(const QString& text);

    QTemporaryDir m_dir;
    int m_port = 55472;
    bool m_started = false;
    QString m_script;
};

bool PostgresTlsTest::run(const QString& program, const QStringList& args, QString* output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir.path());
    process.start(program, args);
    const bool finished = process.waitForFinished(120000);
    const QString text = QString::fromLocal8Bit(process.readAll());
    if (output)
        *output = text;
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))), qPrintable(text));
        return false;
    }
    return true;
}

QString PostgresTlsTest::url(const QString& user, const QString& database, const QString& ca,
                             const QString& sslmode) const
{
    QString text = QStringLiteral("postgresql://%1@127.0.0.1:%2/%3?sslmode=%4")
                       .arg(user)
                       .arg(m_port)
                       .arg(database, sslmode);
    if (!ca.isEmpty())
        text += QStringLiteral("&sslrootcert=") + m_dir.filePath(ca);
    return text;
}

void PostgresTlsTest::superuser(const QString& statement)
{
    const auto parsed = DatabaseUrl::parse(url(QStringLiteral("switchboard"), QStringLiteral("postgres"),
                                               QStringLiteral("ca.crt")));
    QVERIFY(parsed.ok());
    Database db(*parsed);
    try {
        Sql::run(db, statement);
    } catch (const StoreException& e) {
        QFAIL(qPrintable(e.error().detail));
    }
}

DatabaseProbe::Report PostgresTlsTest::probe(const QString& text)
{
    const auto parsed = DatabaseUrl::parse(text);
    DatabaseProbe::Report report;
    if (!parsed.ok())
        return report;
    const Status status = DatabaseProbe::test(*parsed, &report);
    qInfo("%s -> %s (%s)", qPrintable(parsed->toDisplayString()), qPrintable(report.message.englishText()),
          qPrintable(status.error.detail.simplified()));
    return report;
}

void PostgresTlsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_port = qEnvironmentVariableIntValue("SWITCHBOARD_TEST_PG_TLS_PORT");
    if (m_port == 0)
        m_port = 55472;
    m_script = QStringLiteral(SWITCHBOARD_SOURCE_DIR "/scripts/pg-test-server.sh");
    const QString openssl = QStringLiteral("openssl");
    const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    // The CA the client trusts, another CA it does not know, and a server certificate for 127.0.0.1 / localhost.
    for (const QString& ca : {QStringLiteral("ca"), QStringLiteral("other-ca")})
        QVERIFY2(run(openssl, QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec +
                                  QStringList{QStringLiteral("-keyout"), ca + QStringLiteral(".key"),
                                              QStringLiteral("-out"), ca + QStringLiteral(".crt"),
                                              QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                                              QStringLiteral("/CN=Switchboard test ") + ca}),
                 "openssl could not make a CA");
    QVERIFY(run(openssl, QStringList{QStringLiteral("req")} + ec +
                             QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                                         QStringLiteral("server.csr"), QStringLiteral("-subj"),
                                         QStringLiteral("/CN=localhost")}));
    QFile extensions(m_dir.filePath(QStringLiteral("server.ext")));
    QVERIFY(extensions.open(QIODevice::WriteOnly));
    extensions.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
    extensions.close();
    QVERIFY(run(openssl, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                          QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.crt"),
                          QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                          QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                          QStringLiteral("server.ext"), QStringLiteral("-out"), QStringLiteral("server.crt")}));

    // The port lies in the kernel's ephemeral range, so a client socket of an earlier test may hold it for a
    // moment: then the next port is tried.
    QString output;
    for (int attempt = 0; attempt < 5; ++attempt, ++m_port) {
        m_started = run(m_script, {QStringLiteral("start"), QString::number(m_port), QStringLiteral("--tls"),
                                   m_dir.filePath(QStringLiteral("server.crt")), m_dir.filePath(QStringLiteral("server.key"))},
                        &output);
        if (m_started || !output.contains(QLatin1String("Address already in use")))
            break;
        run(m_script, {QStringLiteral("stop"), QString::number(m_port)});
    }
    QVERIFY2(m_started, qPrintable(QStringLiteral("the TLS PostgreSQL server did not start: ") + output));

    superuser(QStringLiteral("CREATE ROLE sbpassword LOGIN PASSWORD 'right horse battery'"));
    superuser(QStringLiteral("CREATE DATABASE sb_newer"));
    superuser(QStringLiteral("CREATE DATABASE sb_other"));
    superuser(QStringLiteral("CREATE DATABASE sb_current"));
}

void PostgresTlsTest::cleanupTestCase()
{
    if (m_started)
        run(m_script, {QStringLiteral("stop"), QString::number(m_port)});
}

void PostgresTlsTest::verifyFullWithTheRightCaConnects()
{
    const auto parsed = DatabaseUrl::parse(url(QStringLiteral("switchboard"), QStringLiteral("postgres"),
                                               QStringLiteral("ca.crt")));
    QVERIFY(parsed.ok());
    Database db(*parsed);
    const Status opened = db.open();
    QVERIFY2(opened.ok(), qPrintable(opened.error.detail));
    Sql q(db, QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
    q.exec();
    QVERIFY(q.next());
    QVERIFY2(q.value(0).toBool(), "the connection is not encrypted");

    const DatabaseProbe::Report report = probe(url(QStringLiteral("switchboard"), QStringLiteral("postgres"),
                                                   QStringLiteral("ca.crt")));
    QCOMPARE(report.outcome, DatabaseProbe::Outcome::Ok);
}

void PostgresTlsTest::unknownCaFailsWithTheTlsMessage()
{
    const auto parsed = DatabaseUrl::parse(url(QStringLiteral("switchboard"), QStringLiteral("postgres"),
                                               QStringLiteral("other-ca.crt")));
    QVERIFY(parsed.ok());
    Database db(*parsed);
    const Status opened = db.open();
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error.detail.contains(QLatin1String("certificate verify failed")), qPrintable(opened.error.detail));

    const DatabaseProbe::Report report = probe(url(QStringLiteral("switchboard"), QStringLiteral("postgres"),
                                                   QStringLiteral("other-ca.crt")));
    QCOMPARE(report.outcome, DatabaseProbe::Outcome::Tls);
    QVERIFY2(report.message.englishText().contains(QLatin1String("secure (TLS) connection")),
             qPrintable(report.message.englishText()));
    QVERIFY(report.message.englishText().contains(QStringLiteral("127.0.0.1:%1").arg(m_port)));
}

void PostgresTlsTest::missingCaFileFailsWithTheTlsMessage()
{
    const DatabaseProbe::Report report = probe(
        url(QStringLiteral("switchboard"), QStringLiteral("postgres"), QStringLiteral("no-such-ca.crt")));
    QCOMPARE(report.outcome, DatabaseProbe::Outcome::Tls);
}

void PostgresTlsTest::unreachableServer()
{
    QTcpServer server; // a port that was free a moment ago and has nobody listening now
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const quint16 freePort = server.serverPort();
    server.close();
    const DatabaseProbe::Report report = probe(
        QStringLiteral("postgresql://switchboard@127.0.0.1:%1/postgres?sslmode=verify-full&sslrootcert=%2")
            .arg(freePort)
            .arg(m_dir.filePath(QStringLiteral("ca.crt"))));
    QCOMPARE(report.outcome, DatabaseProbe::Outcome::Unreachable);
    QVERIFY(report.message.englishText().startsWith(QLatin1String("Cannot reach the database server")));
}

void PostgresTlsTest::badPassword()
{
    const DatabaseProbe::Report wrong =
        probe(url(QStringLiteral("sbpassword:wrong"), QStringLiteral("postgres"), QStringLiteral("ca.crt")));
    QCOMPARE(wrong.outcome, DatabaseProbe::Outcome::BadCredentials);
    QVERIFY(wrong.message.englishText().contains(QLatin1String("did not accept the user sbpassword")));
    const DatabaseProbe::Report none =
        probe(url(QStringLiteral("sbpassword"), QStringLiteral("postgres"), QStringLiteral("ca.crt")));
    QCOMPARE(none.outcome, DatabaseProbe::Outcome::BadCredentials);
    const DatabaseProbe::Report right = probe(
        url(QStringLiteral("sbpassword:right%20horse%20battery"), QStringLiteral("postgres"), QStringLiteral("ca.crt")));
    QCOMPARE(right.outcome, DatabaseProbe::Outcome::Ok);
}

void PostgresTlsTest::noSuchDatabase()
{
    const DatabaseProbe::Report report =
        probe(url(QStringLiteral("switchboard"), QStringLiteral("sb_missing"), QStringLiteral("ca.crt")));
    QCOMPARE(report.outcome, DatabaseProbe::Outcome::NoSuchDatabase);
}

void PostgresTlsTest::schemaNewerThanThisProgram()
{
    const QString text = url(QStringLiteral("switchboard"), QStringLiteral("sb_newer"), QStringLiteral("ca.crt"));
    {
        Database db(*DatabaseUrl::parse(text));
        const Status migrated = Migrations::migrate(db);
        QVERIFY2(migrated.ok(), qPrintable(migrated.error.detail));
        Sql(db, QStringLiteral("INSERT INTO schema_version (version, description, applied_ms) VALUES (:v, 'future', 0)"))
            .bind(QStringLiteral(":v"), Migrations::latestVersion() + 1)
            .exec();
    }
    const DatabaseProbe::Report report = probe(text);
    QCOMPARE(report.outcome, DatabaseProbe::Outcome::SchemaTooNew);
    QCOMPARE(report.schemaVersion, Migrations::latestVersion() + 1);
    QVERIFY(report.message.englishText().contains(QLatin1String("Install the newer Switchboard")));
}

void PostgresTlsTest::notASwitchboardDatabase()
{
    const QString text = url(QStringLiteral("switchboard"), QStringLiteral("sb_other"), QStringLiteral("ca.crt"));
    {
        Database db(*DatabaseUrl::parse(text));
        Sql::run(db, QStringLiteral("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total NUMERIC)"));
    }
    const DatabaseProbe::Report report = probe(text);
    QCOMPARE(report.outcome, DatabaseProbe::Outcome::NotSwitchboard);
    QVERIFY(report.message.englishText().contains(QLatin1String("is not a Switchboard database")));
}

void PostgresTlsTest::switchboardDatabaseUpToDate()
{
    const QString text = url(QStringLiteral("switchboard"), QStringLiteral("sb_current"), QStringLiteral("ca.crt"));
    {
        Database db(*DatabaseUrl::parse(text));
        QVERIFY(Migrations::migrate(db).ok());
    }
    const DatabaseProbe::Report report = probe(text);
    QCOMPARE(report.outcome, DatabaseProbe::Outcome::Ok);
    QCOMPARE(report.schemaVersion, Migrations::latestVersion());
}

QTEST_GUILESS_MAIN(PostgresTlsTest)
#include "tst_postgres_tls.moc"
