// "Test connection" of the network elements (ElementProbe) against the built-in simulator, a closed port and
// element databases; the element settings keys round-trip through the settings file and are what the worker reads;
// switchboard-ctl --config reads the same file.
#include "network/ElementEndpoint.h"
#include "network/ElementProbe.h"
#include "network/ElementSettings.h"
#include "network/NetworkSimulator.h"
#include "network/SimulatorThread.h"
#include "store/Database.h"
#include "store/RadiusUserStore.h"

#include <QProcess>
#include <QSettings>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;

namespace {

// A loopback port that nothing listens on: bound once by the system, then released.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

QString text(const Result<UserMessage>& result)
{
    return result ? result->englishText() : result.error().message.englishText();
}

} // namespace

class ElementProbeTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_simulator.stop(); }
    void ocsPyHssAndIptvAnswerOnTheSimulator();
    void wrongKeyIsNamed();
    void closedPortIsUnableToConnect();
    void emptyAddressMeansTheBuiltInDefault();
    void radiusDatabaseNeedsItsTable();
    void mailServerRefused();
    void mailServerAnswers();
    void settingsRoundTripIntoWhatTheWorkerReads();
    void passwordInsideADatabaseUrlMovesToItsOwnKey();
    void fieldChecks_data();
    void fieldChecks();
    void ctlReadsTheConfigFile();

private:
    SimulatorThread m_simulator;
    ElementSettings::Values m_values;
};

void ElementProbeTest::initTestCase()
{
    QVERIFY(m_simulator.start(0));
    const NetworkEndpoints simulated = NetworkEndpoints::forSimulator(m_simulator.baseUrl());
    m_values.insert(QStringLiteral("network/ocs_url"), simulated.ocs.url.toString());
    m_values.insert(QStringLiteral("network/hss_url"), simulated.hss.url.toString());
    m_values.insert(QStringLiteral("network/iptv_url"), simulated.iptv.url.toString());
}

void ElementProbeTest::ocsPyHssAndIptvAnswerOnTheSimulator()
{
    for (ElementPage page : {ElementPage::Ocs, ElementPage::Hss, ElementPage::Iptv}) {
        const Result<UserMessage> result = ElementProbe::test(page, m_values);
        QVERIFY2(result.ok(), qPrintable(text(result) + QLatin1Char(' ') + result.error().detail));
        QVERIFY2(text(result).startsWith(QLatin1String("Connected: the ")), qPrintable(text(result)));
    }
}

void ElementProbeTest::wrongKeyIsNamed()
{
    m_simulator.simulator()->setProvisioningKey(QStringLiteral("right-key"));
    ElementSettings::Values values = m_values;
    values.insert(QStringLiteral("network/hss_provisioning_key"), QStringLiteral("wrong-key"));
    const Result<UserMessage> wrong = ElementProbe::test(ElementPage::Hss, values);
    values.insert(QStringLiteral("network/hss_provisioning_key"), QStringLiteral("right-key"));
    const Result<UserMessage> right = ElementProbe::test(ElementPage::Hss, values);
    m_simulator.simulator()->setProvisioningKey(QString());
    QVERIFY(!wrong.ok());
    QVERIFY2(text(wrong).contains(QLatin1String("refused the provisioning key (HTTP 401)")), qPrintable(text(wrong)));
    QVERIFY2(right.ok(), qPrintable(text(right)));
}

void ElementProbeTest::closedPortIsUnableToConnect()
{
    const QString address = QStringLiteral("http://127.0.0.1:%1").arg(closedPort());
    ElementSettings::Values values;
    values.insert(QStringLiteral("network/ocs_url"), address + QStringLiteral("/jsonrpc"));
    const Result<UserMessage> ocs = ElementProbe::test(ElementPage::Ocs, values);
    QVERIFY(!ocs.ok());
    QVERIFY2(text(ocs).startsWith(QLatin1String("Unable to connect to OCS at ")), qPrintable(text(ocs)));

    values.insert(QStringLiteral("network/hss_kind"), QStringLiteral("osmo-hlr"));
    values.insert(QStringLiteral("network/hss_ctrl"), QStringLiteral("127.0.0.1:%1").arg(closedPort()));
    const Result<UserMessage> hlr = ElementProbe::test(ElementPage::Hss, values);
    QVERIFY(!hlr.ok());
    QVERIFY2(text(hlr).startsWith(QLatin1String("Unable to connect to the HLR (osmo-hlr CTRL)")),
             qPrintable(text(hlr)));
}

void ElementProbeTest::emptyAddressMeansTheBuiltInDefault()
{
    const ElementSettings::Values none;
    QVERIFY(text(ElementProbe::test(ElementPage::Ocs, none)).contains(QLatin1String("built-in simulator")));
    QVERIFY(text(ElementProbe::test(ElementPage::Radius, none)).contains(QLatin1String("embedded")));
    QVERIFY(text(ElementProbe::test(ElementPage::Mail, none)).contains(QLatin1String("outbox folder")));
}

void ElementProbeTest::radiusDatabaseNeedsItsTable()
{
    QTemporaryDir dir;
    const QString url = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("radius.db"));
    {
        Database db(*DatabaseUrl::parse(url));
        QVERIFY(db.open().ok());
        Sql::run(db, QStringLiteral("CREATE TABLE unrelated (id INTEGER)"));
    }
    const Result<UserMessage> missing =
        ElementProbe::database(QStringLiteral("RADIUS server"), url, QStringLiteral("radcheck"));
    QVERIFY(!missing.ok());
    QVERIFY2(text(missing).contains(QLatin1String("has no table radcheck")), qPrintable(text(missing)));
    {
        Database db(*DatabaseUrl::parse(url));
        RadiusUserStore(db).ensureSchema();
    }
    ElementSettings::Values values;
    values.insert(QStringLiteral("network/radius/db_url"), url);
    const Result<UserMessage> present = ElementProbe::test(ElementPage::Radius, values);
    QVERIFY2(present.ok(), qPrintable(text(present)));
    QVERIFY(text(present).contains(QLatin1String("has the table radcheck")));

    values.insert(QStringLiteral("network/radius/db_url"),
                  QStringLiteral("postgresql://radius@127.0.0.1:%1/radius").arg(closedPort()));
    const Result<UserMessage> unreachable = ElementProbe::test(ElementPage::Radius, values);
    QVERIFY(!unreachable.ok());
    QVERIFY2(text(unreachable).startsWith(QLatin1String("Unable to connect to the RADIUS server database")),
             qPrintable(text(unreachable)));
}

void ElementProbeTest::mailServerRefused()
{
    ElementSettings::Values values;
    values.insert(QStringLiteral("mail/host"), QStringLiteral("127.0.0.1"));
    values.insert(QStringLiteral("mail/port"), QString::number(closedPort()));
    const Result<UserMessage> result = ElementProbe::test(ElementPage::Mail, values);
    QVERIFY(!result.ok());
    QVERIFY2(text(result).startsWith(QLatin1String("Unable to connect to the mail server at 127.0.0.1:")),
             qPrintable(text(result)));
}

// A plain SMTP server from Python (aiosmtpd when installed, else the standard library's smtpd): no STARTTLS.
void ElementProbeTest::mailServerAnswers()
{
    const quint16 port = closedPort();
    const QString listen = QStringLiteral("127.0.0.1:%1").arg(port);
    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    QProcess check;
    check.start(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")});
    const bool hasAiosmtpd = check.waitForFinished(15000) && check.exitCode() == 0;
    if (hasAiosmtpd)
        server.start(QStringLiteral("python3"), {QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"),
                                                 QStringLiteral("-l"), listen});
    else
        server.start(QStringLiteral("python3"),
                     {QStringLiteral("-W"), QStringLiteral("ignore"), QStringLiteral("-m"), QStringLiteral("smtpd"),
                      QStringLiteral("-n"), QStringLiteral("-c"), QStringLiteral("DebuggingServer"), listen});
    if (!server.waitForStarted(10000))
        QFAIL("python3 is not installed: it runs the SMTP server of this test");
    bool listening = false;
    for (int i = 0; i < 100 && !listening; ++i) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        listening = socket.waitForConnected(100);
        if (!listening)
            QTest::qWait(100);
    }
    if (!listening) {
        server.kill();
        server.waitForFinished();
        QFAIL(
            qPrintable(QStringLiteral("the Python SMTP server did not start: ") + QString::fromUtf8(server.readAll())));
    }
    ElementSettings::Values values;
    values.insert(QStringLiteral("mail/host"), QStringLiteral("127.0.0.1"));
    values.insert(QStringLiteral("mail/port"), QString::number(port));
    values.insert(QStringLiteral("mail/starttls"), QStringLiteral("false"));
    const Result<UserMessage> plain = ElementProbe::test(ElementPage::Mail, values);
    values.insert(QStringLiteral("mail/starttls"), QStringLiteral("true"));
    const Result<UserMessage> wantsTls = ElementProbe::test(ElementPage::Mail, values);
    server.terminate();
    if (!server.waitForFinished(5000)) {
        server.kill();
        server.waitForFinished();
    }
    QVERIFY2(plain.ok(), qPrintable(text(plain) + QLatin1Char(' ') + plain.error().detail));
    QCOMPARE(text(plain), QStringLiteral("Connected: the mail server at %1 answered.").arg(listen));
    QVERIFY(!wantsTls.ok());
    QVERIFY2(text(wantsTls).contains(QLatin1String("does not offer STARTTLS")), qPrintable(text(wantsTls)));
}

void ElementProbeTest::settingsRoundTripIntoWhatTheWorkerReads()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("switchboard.ini"));
    ElementSettings::Values values;
    values.insert(QStringLiteral("network/ocs_url"), QStringLiteral("https://ocs.example.net:2080/jsonrpc"));
    values.insert(QStringLiteral("network/ocs_timeout_ms"), QStringLiteral("4000"));
    values.insert(QStringLiteral("network/ocs_tls_verify"), QStringLiteral("false"));
    values.insert(QStringLiteral("network/hss_provisioning_key"), QStringLiteral("hss-key"));
    values.insert(QStringLiteral("network/radius/db_url"), QStringLiteral("postgresql://radius@db.example.net/radius"));
    values.insert(QStringLiteral("network/radius/db_password"), QStringLiteral("radius-secret"));
    values.insert(QStringLiteral("mail/host"), QStringLiteral("smtp.example.net"));
    values.insert(QStringLiteral("mail/port"), QStringLiteral("2525"));
    values.insert(QStringLiteral("sim/op"), QStringLiteral("cdc202d5123e20f62b6d676ac72cb318"));
    {
        QSettings settings(file, QSettings::IniFormat);
        ElementSettings::save(settings, values, {});
    }
    QSettings settings(file, QSettings::IniFormat);
    const ElementSettings::Values back = ElementSettings::load(settings);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        QCOMPARE(back.value(it.key()), it.value());
    const NetworkEndpoints endpoints = NetworkEndpoints::fromSettings(settings);
    QCOMPARE(endpoints.ocs.timeoutMs, 4000);
    QCOMPARE(endpoints.hss.timeoutMs, 10000);
    QCOMPARE(endpoints.ocs.tls.verifyPeer, false);
    QCOMPARE(endpoints.hss.provisioningKey, QStringLiteral("hss-key"));
    QCOMPARE(endpoints.radiusDbUrl, QStringLiteral("postgresql://radius:radius-secret@db.example.net/radius"));
    QCOMPARE(endpoints.mail.port, quint16(2525));
    QCOMPARE(endpoints.simOp, QStringLiteral("cdc202d5123e20f62b6d676ac72cb318"));

    // A secret left empty stays; one in the cleared set goes.
    values.insert(QStringLiteral("network/hss_provisioning_key"), QString());
    values.insert(QStringLiteral("sim/op"), QString());
    ElementSettings::save(settings, values, {QStringLiteral("sim/op")});
    QCOMPARE(settings.value(QStringLiteral("network/hss_provisioning_key")).toString(), QStringLiteral("hss-key"));
    QVERIFY(!settings.contains(QStringLiteral("sim/op")));
}

void ElementProbeTest::passwordInsideADatabaseUrlMovesToItsOwnKey()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("network/sip/db_url"), QStringLiteral("postgresql://kamailio:kpw@db/kamailio"));
    const ElementSettings::Values values = ElementSettings::load(settings);
    QCOMPARE(values.value(QStringLiteral("network/sip/db_url")), QStringLiteral("postgresql://kamailio@db/kamailio"));
    QCOMPARE(values.value(QStringLiteral("network/sip/db_password")), QStringLiteral("kpw"));
    ElementSettings::save(settings, values, {});
    QCOMPARE(settings.value(QStringLiteral("network/sip/db_url")).toString(),
             QStringLiteral("postgresql://kamailio@db/kamailio"));
    QCOMPARE(NetworkEndpoints::fromSettings(settings).sipDbUrl,
             QStringLiteral("postgresql://kamailio:kpw@db/kamailio"));
}

void ElementProbeTest::fieldChecks_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem"); // the start of the sentence; empty = accepted
    QTest::newRow("url ok") << "network/ocs_url"
                            << "https://ocs.example.net:2080/jsonrpc"
                            << "";
    QTest::newRow("url without scheme") << "network/ocs_url"
                                        << "ocs.example.net/jsonrpc"
                                        << "Enter a full address";
    QTest::newRow("url ftp") << "network/iptv_url"
                             << "ftp://iptv.example.net"
                             << "Enter a full address";
    QTest::newRow("empty means default") << "network/hss_url"
                                         << ""
                                         << "";
    QTest::newRow("ctrl ok") << "network/hss_ctrl"
                             << "10.0.0.5:4259"
                             << "";
    QTest::newRow("ctrl port too big") << "network/hss_ctrl"
                                       << "10.0.0.5:70000"
                                       << "Enter host:port";
    QTest::newRow("port 0") << "mail/port"
                            << "0"
                            << "Enter a port from 1 to 65535.";
    QTest::newRow("port 65536") << "mail/port"
                                << "65536"
                                << "Enter a port from 1 to 65535.";
    QTest::newRow("host with scheme") << "mail/host"
                                      << "smtp://mail"
                                      << "Enter a host name";
    QTest::newRow("from") << "mail/from"
                          << "nobody"
                          << "Enter an email address";
    QTest::newRow("op short") << "sim/op"
                              << "abcd"
                              << "Enter 32 hexadecimal digits";
    QTest::newRow("missing file") << "network/ocs_ca_file"
                                  << "/nonexistent/ca.pem"
                                  << "The file /nonexistent/ca.pem does not exist";
    QTest::newRow("db url") << "network/sip/db_url"
                            << "mysql://x"
                            << "";
}

void ElementProbeTest::fieldChecks()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, problem);
    const ElementField* field = ElementSettings::field(key);
    QVERIFY(field);
    const UserMessage why = ElementSettings::check(*field, value);
    if (key == QLatin1String("network/sip/db_url")) { // DatabaseUrl's own sentence
        QVERIFY(!why.isEmpty());
        return;
    }
    if (problem.isEmpty())
        QVERIFY2(why.isEmpty(), qPrintable(why.englishText()));
    else
        QVERIFY2(why.englishText().startsWith(problem), qPrintable(why.englishText()));
}

void ElementProbeTest::ctlReadsTheConfigFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("switchboard.ini"));
    const QString database = dir.filePath(QStringLiteral("from-config.db"));
    {
        QSettings settings(file, QSettings::IniFormat);
        settings.setValue(QStringLiteral("database/engine"), QStringLiteral("sqlite"));
        settings.setValue(QStringLiteral("database/sqlitePath"), database);
    }
    QProcess ctl;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    ctl.setProcessEnvironment(env);
    ctl.start(QStringLiteral(SWITCHBOARD_CTL), {QStringLiteral("--config"), file, QStringLiteral("init")});
    QVERIFY(ctl.waitForFinished(60000));
    QVERIFY2(ctl.exitCode() == 0, ctl.readAllStandardError().constData());
    QVERIFY2(QFile::exists(database), "switchboard-ctl --config did not use the [database] group of the file");

    ctl.start(QStringLiteral(SWITCHBOARD_CTL), {QStringLiteral("--config"), dir.filePath(QStringLiteral("none.ini")),
                                                QStringLiteral("products"), QStringLiteral("list")});
    QVERIFY(ctl.waitForFinished(60000));
    QCOMPARE(ctl.exitCode(), 1);
    QVERIFY(ctl.readAllStandardError().contains("does not exist or cannot be read"));
}

QTEST_GUILESS_MAIN(ElementProbeTest)
#include "tst_elementprobe.moc"
