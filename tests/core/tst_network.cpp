#include "network/CgratesClient.h"
#include "network/ElementEndpoint.h"
#include "network/HttpJsonClient.h"
#include "network/IptvClient.h"
#include "network/NetworkSimulator.h"
#include "network/PyHssClient.h"
#include "network/SimulatorThread.h"

#include <QJsonArray>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QtTest>

using namespace sb;
using Failure = HttpJsonClient::Response::Failure;
using Kind = NetworkSimulator::FaultRule::Kind;

// Network-element adapters against the built-in simulator, which runs on its own thread so that the synchronous
// clients can block in the test thread.
class TestNetwork : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void endpointsForSimulator();
    void ocsSetAndGetAccount();
    void ocsSetAccountIsIdempotent();
    void ocsAddBalanceAccumulates();
    void ocsRemoveAccount();
    void ocsSimulatedErrors();
    void ocsErrorStrings_data();
    void ocsErrorStrings();
    void hssCreateGetDelete();
    void hssDuplicateImsi();
    void hssProvisioningKey();
    void iptvActivateDeactivate();
    void faults_data();
    void faults();
    void connectionRefused();
    void tlsFailure();
    void faultOnceThenRetrySucceeds();
    void parseFault_data();
    void parseFault();
    void logMasksSecrets();
    void adminRoutes();
    void keepAliveAndPipelining();
    void latencyCausesTimeout();
    void clientOnPlainThread();

private:
    NetworkSimulator* sim() const { return m_simulatorThread.simulator(); }
    ElementEndpoint ocs(int timeoutMs = 5000) const { return withTimeout(m_endpoints.ocs, timeoutMs); }
    ElementEndpoint hss(int timeoutMs = 5000) const { return withTimeout(m_endpoints.hss, timeoutMs); }
    ElementEndpoint iptv(int timeoutMs = 5000) const { return withTimeout(m_endpoints.iptv, timeoutMs); }
    static ElementEndpoint withTimeout(ElementEndpoint endpoint, int timeoutMs)
    {
        endpoint.timeoutMs = timeoutMs;
        return endpoint;
    }
    static QJsonObject auc(const QString& imsi)
    {
        return {{"ki", "465B5CE8B199B49FAA5F0A2EE238A6BC"},
                {"opc", "E8ED289DEBA952E4283B54E88E6183CA"},
                {"amf", "8000"},
                {"imsi", imsi},
                {"iccid", "8988211" + imsi.right(12)}};
    }
    static QJsonObject subscriber(const QString& imsi, qint64 aucId)
    {
        return {{"imsi", imsi},     {"enabled", true}, {"auc_id", aucId},
                {"default_apn", 1}, {"apn_list", "1"}, {"msisdn", "5511987654321"}};
    }

    SimulatorThread m_simulatorThread;
    NetworkEndpoints m_endpoints;
};

void TestNetwork::initTestCase()
{
    QVERIFY(m_simulatorThread.start(0));
    QVERIFY(m_simulatorThread.baseUrl().port() > 0);
    m_endpoints = NetworkEndpoints::forSimulator(m_simulatorThread.baseUrl());
}

void TestNetwork::init()
{
    sim()->reset();
}

void TestNetwork::endpointsForSimulator()
{
    const NetworkEndpoints endpoints = NetworkEndpoints::forSimulator(QUrl("http://127.0.0.1:5000"));
    QCOMPARE(endpoints.ocs.url, QUrl("http://127.0.0.1:5000/jsonrpc"));
    QCOMPARE(endpoints.hss.url.toString(), QString("http://127.0.0.1:5000"));
    QCOMPARE(endpoints.iptv.url, QUrl("http://127.0.0.1:5000/iptv"));
    QCOMPARE(endpoints.ocs.element, QString("OCS"));
    QCOMPARE(endpoints.hss.element, QString("HSS"));
    QCOMPARE(endpoints.iptv.element, QString("IPTV middleware"));
    QVERIFY(endpoints.hasOcs() && endpoints.hasHss() && endpoints.hasIptv());
    QVERIFY(!NetworkEndpoints().hasOcs());

    CgratesClient unset(NetworkEndpoints().ocs);
    const Status status = unset.setAccount({}, "1001");
    QVERIFY(!status);
    QVERIFY(status.error.message.englishText().contains("address of the OCS is not set"));
}

void TestNetwork::ocsSetAndGetAccount()
{
    CgratesClient client(ocs());
    QString log;
    const Status set = client.setAccount({}, "1001", {{"AllowNegative", true}}, &log);
    QVERIFY2(set.ok(), qPrintable(set.error.detail));
    QVERIFY(log.contains(QString("→ POST %1").arg(m_endpoints.ocs.url.toString())));
    QVERIFY(log.contains("\"method\":\"APIerSv1.SetAccount\""));
    QVERIFY2(log.endsWith("\n← 200 {\"error\":null,\"id\":1,\"result\":\"OK\"}\n"), qPrintable(log));

    const Result<QJsonObject> account = client.getAccount("cgrates.org", "1001", &log);
    QVERIFY2(account.ok(), qPrintable(account.error().detail));
    QCOMPARE(account->value("ID").toString(), QString("cgrates.org:1001"));
    QCOMPARE(account->value("AllowNegative").toBool(), true);
    QCOMPARE(account->value("Disabled").toBool(), false);
    QCOMPARE(sim()->ocsAccount("cgrates.org", "1001").value("ID").toString(), QString("cgrates.org:1001"));
    QCOMPARE(sim()->requestCount("APIerSv1.SetAccount"), 1);
    QCOMPARE(sim()->requestCount("APIerSv2.GetAccount"), 1);
}

void TestNetwork::ocsSetAccountIsIdempotent()
{
    CgratesClient client(ocs());
    QVERIFY(client.setAccount({}, "1002").ok());
    QVERIFY(client.addBalance({}, "1002", "*monetary", 10, {}).ok());
    QVERIFY(client.setAccount({}, "1002", {{"Disabled", true}}).ok()); // again: no EXISTS, balances kept
    const QJsonObject account = sim()->ocsAccount("cgrates.org", "1002");
    QCOMPARE(account.value("Disabled").toBool(), true);
    QCOMPARE(account.value("BalanceMap").toObject().value("*monetary").toArray().size(), 1);
}

void TestNetwork::ocsAddBalanceAccumulates()
{
    CgratesClient client(ocs());
    QVERIFY(client.setAccount({}, "1003").ok());
    QVERIFY(client.addBalance({}, "1003", "*data", 1073741824, {{"Weight", 10}}).ok());
    QVERIFY(client.addBalance({}, "1003", "*data", 536870912, {}).ok());
    QVERIFY(client.addBalance({}, "1003", "*voice", 3.6e12, {{"ID", "minutes"}}).ok());

    const Result<QJsonObject> account = client.getAccount({}, "1003");
    QVERIFY(account.ok());
    const QJsonObject balances = account->value("BalanceMap").toObject();
    const QJsonArray data = balances.value("*data").toArray();
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.at(0).toObject().value("Value").toDouble(), 1610612736.0);
    QCOMPARE(data.at(0).toObject().value("Weight").toDouble(), 10.0);
    const QJsonArray voice = balances.value("*voice").toArray();
    QCOMPARE(voice.size(), 1);
    QCOMPARE(voice.at(0).toObject().value("ID").toString(), QString("minutes"));
    QCOMPARE(voice.at(0).toObject().value("Value").toDouble(), 3.6e12);
    QCOMPARE(sim()->requestCount("APIerSv1.AddBalance"), 3);
}

void TestNetwork::ocsRemoveAccount()
{
    CgratesClient client(ocs());
    QVERIFY(client.setAccount({}, "1004").ok());
    QVERIFY(client.removeAccount({}, "1004").ok());
    QVERIFY(sim()->ocsAccount({}, "1004").isEmpty());
    const Status again = client.removeAccount({}, "1004");
    QVERIFY(!again);
    QVERIFY(again.error.detail.contains("NOT_FOUND"));
}

void TestNetwork::ocsSimulatedErrors()
{
    CgratesClient client(ocs());
    const Result<QJsonObject> missing = client.getAccount({}, "nobody");
    QVERIFY(!missing);
    QCOMPARE(missing.error().message.englishText(),
             QString("The OCS has no account \"nobody\" in tenant \"cgrates.org\". Check the account name, or create "
                     "the account first."));
    QVERIFY(missing.error().detail.contains("\"NOT_FOUND\""));

    const Result<QJsonValue> noAccount = client.call("APIerSv1.SetAccount", {{"Tenant", "cgrates.org"}});
    QVERIFY(!noAccount);
    QVERIFY(noAccount.error().detail.contains("MANDATORY_IE_MISSING: [Account]"));
    QVERIFY(noAccount.error().message.englishText().contains("required fields are missing: Account."));

    const Result<QJsonValue> noFields = client.call("APIerSv1.AddBalance", {});
    QVERIFY(!noFields);
    QVERIFY(noFields.error().detail.contains("MANDATORY_IE_MISSING: [Account BalanceType]"));

    const Result<QJsonValue> unknownService = client.call("APIerSv9.Foo", {});
    QVERIFY(!unknownService);
    QVERIFY(unknownService.error().detail.contains("rpc: can't find service APIerSv9.Foo"));
    QVERIFY(unknownService.error().message.englishText().contains("The OCS does not know the method APIerSv9.Foo"));

    const Result<QJsonValue> unknownMethod = client.call("APIerSv1.Foo", {});
    QVERIFY(!unknownMethod);
    QVERIFY(unknownMethod.error().detail.contains("rpc: can't find method APIerSv1.Foo"));
}

void TestNetwork::ocsErrorStrings_data()
{
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("expected");
    QTest::newRow("NOT_FOUND") << "NOT_FOUND"
                               << "has no account \"2001\" in tenant \"cgrates.org\"";
    QTest::newRow("EXISTS") << "EXISTS"
                            << "already holds what APIerSv1.SetAccount tried to create";
    QTest::newRow("MANDATORY_IE_MISSING") << "MANDATORY_IE_MISSING: [Account BalanceType]"
                                          << "required fields are missing: Account, BalanceType";
    QTest::newRow("SERVER_ERROR") << "SERVER_ERROR: disk full"
                                  << "internal error for APIerSv1.SetAccount: disk full";
    QTest::newRow("INSUFFICIENT_CREDIT") << "INSUFFICIENT_CREDIT"
                                         << "account \"2001\" has insufficient credit";
    QTest::newRow("ACCOUNT_DISABLED") << "ACCOUNT_DISABLED"
                                      << "account \"2001\" is disabled";
    QTest::newRow("MAX_CONCURRENT_RPC_EXCEEDED") << "MAX_CONCURRENT_RPC_EXCEEDED"
                                                 << "too many requests at once";
    QTest::newRow("can't find service") << "rpc: can't find service APIerSv1.SetAccount"
                                        << "does not know the method APIerSv1.SetAccount";
    QTest::newRow("unknown") << "SOMETHING_NEW"
                             << "rejected APIerSv1.SetAccount: SOMETHING_NEW";
}

void TestNetwork::ocsErrorStrings()
{
    QFETCH(QString, error);
    QFETCH(QString, expected);
    const Result<NetworkSimulator::FaultRule> rule = NetworkSimulator::parseFault("APIerSv1.SetAccount:error=" + error);
    QVERIFY(rule.ok());
    sim()->addFault(rule.value());

    CgratesClient client(ocs());
    const Status status = client.setAccount({}, "2001");
    QVERIFY(!status);
    const QString text = status.error.message.englishText();
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY2(text.startsWith("The OCS "), qPrintable(text));
    QVERIFY(text.contains("Check") || text.contains("retry") || text.contains("Top up"));
    QCOMPARE(status.error.message.context(), QString("NetworkError"));
    QCOMPARE(status.error.text(), text); // no translator installed: the English sentence
    QVERIFY2(status.error.detail.contains(error), qPrintable(status.error.detail));
    QVERIFY(sim()->ocsAccount({}, "2001").isEmpty());
}

void TestNetwork::hssCreateGetDelete()
{
    PyHssClient client(hss());
    const QString imsi = "001010000000001";
    const Result<QJsonObject> createdAuc = client.putAuc(auc(imsi));
    QVERIFY2(createdAuc.ok(), qPrintable(createdAuc.error().detail));
    const qint64 aucId = createdAuc->value("auc_id").toInteger();
    QVERIFY(aucId > 0);
    QCOMPARE(sim()->hssAuc(imsi).value("auc_id").toInteger(), aucId);

    const Result<QJsonObject> created = client.putSubscriber(subscriber(imsi, aucId));
    QVERIFY2(created.ok(), qPrintable(created.error().detail));
    const qint64 subscriberId = created->value("subscriber_id").toInteger();
    QVERIFY(subscriberId > 0);

    const Result<QJsonObject> fetched = client.getSubscriberByImsi(imsi);
    QVERIFY(fetched.ok());
    QCOMPARE(fetched->value("msisdn").toString(), QString("5511987654321"));
    QCOMPARE(fetched->value("subscriber_id").toInteger(), subscriberId);

    const Result<QJsonObject> patched = client.patchSubscriber(subscriberId, {{"enabled", false}});
    QVERIFY(patched.ok());
    QCOMPARE(sim()->hssSubscriber(imsi).value("enabled").toBool(), false);

    QVERIFY(client.deleteSubscriber(subscriberId).ok());
    QVERIFY(sim()->hssSubscriber(imsi).isEmpty());
    const Result<QJsonObject> gone = client.getSubscriberByImsi(imsi);
    QVERIFY(!gone);
    QCOMPARE(gone.error().message.englishText(),
             QString("The HSS has no subscriber with IMSI 001010000000001. Check the IMSI, or create the subscriber "
                     "first."));
    QVERIFY(client.deleteAuc(aucId).ok());
    const Status again = client.deleteAuc(aucId);
    QVERIFY(!again);
    QVERIFY(again.error.message.englishText().contains("no AuC with id"));
    QCOMPARE(sim()->requestCount("PUT /subscriber/"), 1);
    QCOMPARE(sim()->requestCount("DELETE /auc/{id}"), 2);
}

void TestNetwork::hssDuplicateImsi()
{
    PyHssClient client(hss());
    const QString imsi = "001010000000002";
    const Result<QJsonObject> first = client.putAuc(auc(imsi));
    QVERIFY(first.ok());
    QVERIFY(client.putSubscriber(subscriber(imsi, first->value("auc_id").toInteger())).ok());

    const Result<QJsonObject> duplicateAuc = client.putAuc(auc(imsi));
    QVERIFY(!duplicateAuc);
    QVERIFY(duplicateAuc.error().message.englishText().contains("already has authentication data (AuC) for IMSI "
                                                                "001010000000002"));
    QVERIFY(duplicateAuc.error().detail.contains("HTTP 400"));

    QJsonObject otherSim = auc("001010000000099");
    const Result<QJsonObject> second = client.putAuc(otherSim);
    QVERIFY(second.ok());
    const Result<QJsonObject> duplicate = client.putSubscriber(subscriber(imsi, second->value("auc_id").toInteger()));
    QVERIFY(!duplicate);
    QVERIFY(duplicate.error().message.englishText().startsWith("The HSS already has a subscriber with IMSI "
                                                               "001010000000002"));
    QVERIFY(duplicate.error().detail.contains("A database integrity error occurred"));

    // The raw reply is PyHSS's.
    HttpJsonClient http(3000);
    const QJsonDocument body(subscriber(imsi, second->value("auc_id").toInteger()));
    const HttpJsonClient::Response raw =
        http.send("PUT", m_simulatorThread.baseUrl().resolved(QUrl("/subscriber/")), &body);
    QCOMPARE(raw.httpStatus, 400);
    const QJsonObject json = QJsonDocument::fromJson(raw.body).object();
    QCOMPARE(json.value("result").toString(), QString("Failed"));
    QVERIFY(json.value("reason").toString().startsWith("A database integrity error occurred"));
}

void TestNetwork::hssProvisioningKey()
{
    sim()->setProvisioningKey("s3cret");
    ElementEndpoint wrong = hss();
    wrong.provisioningKey = "guess";
    for (const ElementEndpoint& endpoint : {wrong, hss()}) {
        PyHssClient client(endpoint);
        const Result<QJsonObject> refused = client.putAuc(auc("001010000000003"));
        QVERIFY(!refused);
        QVERIFY(refused.error().message.englishText().startsWith("The HSS refused the provisioning key."));
        QVERIFY(refused.error().detail.contains("HTTP 401"));
    }
    ElementEndpoint right = hss();
    right.provisioningKey = "s3cret";
    PyHssClient client(right);
    QString log;
    QVERIFY(client.putAuc(auc("001010000000003"), &log).ok());
    QVERIFY(!log.contains("s3cret"));

    ElementEndpoint iptvWrong = iptv();
    iptvWrong.provisioningKey = "guess";
    const Result<QJsonObject> iptvRefused = IptvClient(iptvWrong).activateDevice("STB-1", "acct", {});
    QVERIFY(!iptvRefused);
    QVERIFY(iptvRefused.error().message.englishText().contains("refused the API key"));
    ElementEndpoint iptvRight = iptv();
    iptvRight.provisioningKey = "s3cret";
    QVERIFY(IptvClient(iptvRight).activateDevice("STB-1", "acct", {}).ok());
}

void TestNetwork::iptvActivateDeactivate()
{
    IptvClient client(iptv());
    QString log;
    const Result<QJsonObject> device = client.activateDevice("STB-0001", "CUST-42", {"basic", "sports"}, &log);
    QVERIFY2(device.ok(), qPrintable(device.error().detail));
    QVERIFY(device->value("device_id").toInteger() > 0);
    QCOMPARE(device->value("status").toString(), QString("active"));
    QVERIFY(log.contains("← 201 "));
    const QJsonObject stored = sim()->iptvDevice("STB-0001");
    QCOMPARE(stored.value("account").toString(), QString("CUST-42"));
    QCOMPARE(stored.value("packages").toArray(), QJsonArray({"basic", "sports"}));

    QVERIFY(client.activateDevice("STB-0001", "CUST-42", {"basic"}).ok()); // idempotent for the same account
    const Result<QJsonObject> taken = client.activateDevice("STB-0001", "CUST-99", {"basic"});
    QVERIFY(!taken);
    QVERIFY(taken.error().message.englishText().contains("already active on another account in the IPTV "
                                                         "middleware"));

    QVERIFY(client.deactivateDevice("STB-0001").ok());
    QCOMPARE(sim()->iptvDevice("STB-0001").value("status").toString(), QString("inactive"));
    const Status again = client.deactivateDevice("STB-0001");
    QVERIFY(!again);
    QVERIFY(again.error.message.englishText().contains("The IPTV middleware has no device with serial STB-0001"));

    const Result<QJsonObject> noSerial = client.activateDevice({}, "CUST-42", {});
    QVERIFY(!noSerial);
    QVERIFY(noSerial.error().message.englishText().contains("serial and account are required"));
}

void TestNetwork::faults_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("element");
    QTest::addColumn<int>("failure");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("expected");
    const int none = int(Failure::None);
    QTest::newRow("ocs error reply") << "APIerSv1.SetAccount:error=SERVER_ERROR: db down"
                                     << "ocs" << none << 200
                                     << "The OCS reported an internal error for APIerSv1.SetAccount: db down";
    QTest::newRow("ocs http500") << "ocs:http500"
                                 << "ocs" << none << 500 << "reported an internal error (HTTP 500)";
    QTest::newRow("ocs http404") << "POST /jsonrpc:http404"
                                 << "ocs" << none << 404 << "rejected the request (HTTP 404)";
    QTest::newRow("ocs timeout") << "APIerSv1.SetAccount:timeout"
                                 << "ocs" << int(Failure::Timeout) << 0 << "did not answer within 0.3 seconds";
    QTest::newRow("ocs drop") << "ocs:drop"
                              << "ocs" << int(Failure::Dropped) << 0 << "closed the connection";
    QTest::newRow("ocs malformed") << "ocs:malformed"
                                   << "ocs" << none << 200 << "sent a reply that could not be read";
    QTest::newRow("hss error reply") << "hss:error=disk quota"
                                     << "hss" << none << 400 << "The HSS rejected PUT /subscriber/: disk quota";
    QTest::newRow("hss http503") << "PUT /subscriber/:http503"
                                 << "hss" << none << 503 << "(HTTP 503)";
    QTest::newRow("hss timeout") << "hss:timeout"
                                 << "hss" << int(Failure::Timeout) << 0 << "did not answer";
    QTest::newRow("hss drop") << "PUT /subscriber/:drop"
                              << "hss" << int(Failure::Dropped) << 0 << "closed the connection";
    QTest::newRow("hss malformed") << "hss:malformed"
                                   << "hss" << none << 200 << "could not be read";
    QTest::newRow("iptv http500") << "iptv:http500"
                                  << "iptv" << none << 500 << "(HTTP 500)";
    QTest::newRow("iptv timeout") << "POST /iptv/devices:timeout"
                                  << "iptv" << int(Failure::Timeout) << 0 << "did not answer";
    QTest::newRow("iptv drop") << "iptv:drop"
                               << "iptv" << int(Failure::Dropped) << 0 << "closed the connection";
    QTest::newRow("iptv malformed") << "iptv:malformed"
                                    << "iptv" << none << 200 << "could not be read";
}

void TestNetwork::faults()
{
    QFETCH(QString, spec);
    QFETCH(QString, element);
    QFETCH(int, failure);
    QFETCH(int, httpStatus);
    QFETCH(QString, expected);
    const Result<NetworkSimulator::FaultRule> rule = NetworkSimulator::parseFault(spec);
    QVERIFY2(rule.ok(), qPrintable(rule.error().detail));
    sim()->addFault(rule.value());
    constexpr int timeoutMs = 300;

    // What the transport sees.
    const QJsonObject auc1 = auc("001010000000010");
    QUrl url;
    QJsonDocument body;
    if (element == "ocs") {
        url = m_endpoints.ocs.url;
        body = QJsonDocument(QJsonObject{
            {"method", "APIerSv1.SetAccount"}, {"params", QJsonArray{QJsonObject{{"Account", "3001"}}}}, {"id", 1}});
    } else if (element == "hss") {
        url = m_simulatorThread.baseUrl().resolved(QUrl("/subscriber/"));
        body = QJsonDocument(subscriber("001010000000010", 1));
    } else {
        url = m_simulatorThread.baseUrl().resolved(QUrl("/iptv/devices"));
        body = QJsonDocument(QJsonObject{{"serial", "STB-9"}, {"account", "A"}});
    }
    HttpJsonClient http(timeoutMs);
    const HttpJsonClient::Response response = http.send(element == "hss" ? "PUT" : "POST", url, &body);
    QCOMPARE(int(response.failure), failure);
    QCOMPARE(response.httpStatus, httpStatus);
    if (response.failure == Failure::Timeout)
        QVERIFY(response.elapsedMs < 3000);

    // What the person reads.
    Error error;
    QString name;
    if (element == "ocs") {
        const Status status = CgratesClient(ocs(timeoutMs)).setAccount({}, "3001");
        QVERIFY(!status);
        error = status.error;
        name = "OCS";
    } else if (element == "hss") {
        sim()->clearFaults(); // the AuC must exist for the subscriber
        const Result<QJsonObject> created = PyHssClient(hss()).putAuc(auc1);
        QVERIFY(created.ok());
        sim()->addFault(rule.value());
        const Result<QJsonObject> result =
            PyHssClient(hss(timeoutMs))
                .putSubscriber(subscriber("001010000000010", created->value("auc_id").toInteger()));
        QVERIFY(!result);
        error = result.error();
        name = "HSS";
    } else {
        const Result<QJsonObject> result = IptvClient(iptv(timeoutMs)).activateDevice("STB-9", "A", {});
        QVERIFY(!result);
        error = result.error();
        name = "IPTV middleware";
    }
    const QString text = error.message.englishText();
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY2(text.contains(name), qPrintable(text));
    QVERIFY(text.contains("Check"));
    QVERIFY(!error.detail.isEmpty());
}

void TestNetwork::connectionRefused()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 closedPort = probe.serverPort();
    probe.close();

    const QUrl url(QString("http://127.0.0.1:%1/jsonrpc").arg(closedPort));
    HttpJsonClient http(3000);
    const QJsonDocument body(QJsonObject{{"method", "APIerSv1.SetAccount"}});
    QCOMPARE(int(http.send("POST", url, &body).failure), int(Failure::Refused));

    ElementEndpoint endpoint = ocs();
    endpoint.url = url;
    QString log;
    const Status status = CgratesClient(endpoint).setAccount({}, "1001", {}, &log);
    QVERIFY(!status);
    QCOMPARE(status.error.message.englishText(),
             QString("Unable to connect to OCS at %1. Check that it is online and that its address in Settings is "
                     "right.")
                 .arg(url.toString()));
    QVERIFY(status.error.detail.contains("refused"));
    QVERIFY(log.contains("← no answer (refused"));
}

void TestNetwork::tlsFailure()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    // The simulator speaks plain HTTP, so a TLS handshake with it fails.
    QUrl url = m_endpoints.ocs.url;
    url.setScheme("https");
    HttpJsonClient http(3000);
    const QJsonDocument body(QJsonObject{{"method", "APIerSv2.GetAccount"}});
    const HttpJsonClient::Response response = http.send("POST", url, &body);
    QCOMPARE(int(response.failure), int(Failure::Tls));

    ElementEndpoint endpoint = ocs();
    endpoint.url = url;
    const Result<QJsonObject> result = CgratesClient(endpoint).getAccount({}, "1001");
    QVERIFY(!result);
    QVERIFY(result.error().message.englishText().startsWith("The secure connection to the OCS at https://"));
}

void TestNetwork::faultOnceThenRetrySucceeds()
{
    sim()->addFault(NetworkSimulator::parseFault("APIerSv1.SetAccount:error=MAX_CONCURRENT_RPC_EXCEEDED:once").value());
    CgratesClient client(ocs());
    const Status busy = client.setAccount({}, "4001");
    QVERIFY(!busy);
    QVERIFY(busy.error.message.englishText().contains("The OCS is busy"));
    QVERIFY(sim()->faults().isEmpty());
    QVERIFY(client.setAccount({}, "4001").ok()); // the retry
    QCOMPARE(sim()->requestCount("APIerSv1.SetAccount"), 2);

    sim()->addFault(NetworkSimulator::parseFault("APIerSv2.GetAccount:timeout:once").value());
    CgratesClient impatient(ocs(300));
    QVERIFY(!impatient.getAccount({}, "4001").ok());
    QVERIFY(impatient.getAccount({}, "4001").ok());

    NetworkSimulator::FaultRule twice;
    twice.target = "HSS";
    twice.kind = Kind::HttpError;
    twice.httpStatus = 502;
    twice.remaining = 2;
    sim()->addFault(twice);
    PyHssClient hssClient(hss());
    QVERIFY(!hssClient.putAuc(auc("001010000000020")).ok());
    QVERIFY(!hssClient.putAuc(auc("001010000000020")).ok());
    QVERIFY(hssClient.putAuc(auc("001010000000020")).ok());

    // A connection dropped once: Qt 6.4 may re-send the request by itself, so the first call may already succeed;
    // either way the element saw the request and a retry works.
    sim()->addFault(NetworkSimulator::parseFault("iptv:drop:once").value());
    IptvClient iptvClient(iptv());
    const Result<QJsonObject> first = iptvClient.activateDevice("STB-7", "A", {});
    QVERIFY(first.ok() || first.error().message.englishText().contains("closed the connection"));
    QVERIFY(iptvClient.activateDevice("STB-7", "A", {}).ok());
    QVERIFY(sim()->requestCount("POST /iptv/devices") >= 2);
}

void TestNetwork::parseFault_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("errorText");
    QTest::addColumn<int>("remaining");
    QTest::addColumn<int>("httpStatus");
    const QString injected = "SERVER_ERROR: injected fault";
    const int error = int(Kind::ErrorReply);
    QTest::newRow("method") << "APIerSv1.SetAccount" << true << "APIerSv1.SetAccount" << error << injected << -1 << 500;
    QTest::newRow("timeout") << "APIerSv1.SetAccount:timeout" << true << "APIerSv1.SetAccount" << int(Kind::Timeout)
                             << injected << -1 << 500;
    QTest::newRow("element drop") << "ocs:drop" << true << "ocs" << int(Kind::Drop) << injected << -1 << 500;
    QTest::newRow("element case") << " OCS:drop " << true << "ocs" << int(Kind::Drop) << injected << -1 << 500;
    QTest::newRow("http500") << "hss:http500" << true << "hss" << int(Kind::HttpError) << injected << -1 << 500;
    QTest::newRow("http404 once") << "iptv:http404:once" << true << "iptv" << int(Kind::HttpError) << injected << 1
                                  << 404;
    QTest::newRow("error text") << "APIerSv1.SetAccount:error=INSUFFICIENT_CREDIT" << true << "APIerSv1.SetAccount"
                                << error << "INSUFFICIENT_CREDIT" << -1 << 500;
    QTest::newRow("error text with colon") << "APIerSv1.AddBalance:error=SERVER_ERROR: disk full:once" << true
                                           << "APIerSv1.AddBalance" << error << "SERVER_ERROR: disk full" << 1 << 500;
    QTest::newRow("once only") << "APIerSv1.SetAccount:once" << true << "APIerSv1.SetAccount" << error << injected << 1
                               << 500;
    QTest::newRow("route times") << "PUT /subscriber/:malformed:times=3" << true << "PUT /subscriber/"
                                 << int(Kind::MalformedJson) << injected << 3 << 500;
    QTest::newRow("route lower verb") << "delete /auc/{id}:drop" << true << "DELETE /auc/{id}" << int(Kind::Drop)
                                      << injected << -1 << 500;
    QTest::newRow("path only") << "/iptv/:timeout" << true << "/iptv/" << int(Kind::Timeout) << injected << -1 << 500;

    for (const char* bad : {"", "  ", ":timeout", "ocs:explode", "ocs:http200", "ocs:http5000", "ocs:times=0",
                            "no such target:drop", "ocs:error=", "ocs:timeout:drop", "APIerSv1:drop"})
        QTest::newRow(qPrintable(QString("bad '%1'").arg(bad))) << bad << false << "" << 0 << "" << 0 << 0;
}

void TestNetwork::parseFault()
{
    QFETCH(QString, spec);
    QFETCH(bool, valid);
    const Result<NetworkSimulator::FaultRule> rule = NetworkSimulator::parseFault(spec);
    QCOMPARE(rule.ok(), valid);
    if (!valid) {
        QCOMPARE(rule.error().message.context(), QString("NetworkSimulator"));
        QVERIFY(!rule.error().message.englishText().isEmpty());
        return;
    }
    QFETCH(QString, target);
    QFETCH(int, kind);
    QFETCH(QString, errorText);
    QFETCH(int, remaining);
    QFETCH(int, httpStatus);
    QCOMPARE(rule->target, target);
    QCOMPARE(int(rule->kind), kind);
    QCOMPARE(rule->errorText, errorText);
    QCOMPARE(rule->remaining, remaining);
    QCOMPARE(rule->httpStatus, httpStatus);
    // toSpec() round-trips.
    const Result<NetworkSimulator::FaultRule> again = NetworkSimulator::parseFault(rule->toSpec());
    QVERIFY(again.ok());
    QCOMPARE(again->toSpec(), rule->toSpec());
}

void TestNetwork::logMasksSecrets()
{
    ElementEndpoint endpoint = hss();
    endpoint.provisioningKey = "prov-key-value";
    PyHssClient client(endpoint);
    QString log;
    QJsonObject nested = auc("001010000000030");
    nested.insert("extra", QJsonObject{{"Password", "hunter2"}, {"op", "OPVALUE"}, {"note", "visible"}});
    QVERIFY(client.putAuc(nested, &log).ok());
    QVERIFY(log.contains(QString("→ PUT %1/auc/ {").arg(m_simulatorThread.baseUrl().toString())));
    QVERIFY(log.contains("\n← 200 {"));
    QVERIFY(log.contains("\"ki\":\"***\""));
    QVERIFY(log.contains("\"opc\":\"***\""));
    QVERIFY(log.contains("\"Password\":\"***\""));
    QVERIFY(log.contains("\"note\":\"visible\""));
    QVERIFY(log.contains("\"imsi\":\"001010000000030\""));
    for (const char* secret : {"465B5CE8B199B49FAA5F0A2EE238A6BC", "E8ED289DEBA952E4283B54E88E6183CA", "hunter2",
                               "OPVALUE", "prov-key-value"})
        QVERIFY2(!log.contains(secret), secret);
    QCOMPARE(log.count('\n'), 2);
}

void TestNetwork::adminRoutes()
{
    const QUrl base = m_simulatorThread.baseUrl();
    HttpJsonClient http(3000);
    const QJsonDocument add(QJsonObject{{"spec", "ocs:http500"}});
    const HttpJsonClient::Response added = http.send("POST", base.resolved(QUrl("/_sim/faults")), &add);
    QCOMPARE(added.httpStatus, 200);
    QCOMPARE(sim()->faults().size(), 1);

    CgratesClient client(ocs());
    QVERIFY(!client.setAccount({}, "5001").ok());

    const QJsonDocument bad(QJsonObject{{"spec", "ocs:explode"}});
    const HttpJsonClient::Response rejected = http.send("POST", base.resolved(QUrl("/_sim/faults")), &bad);
    QCOMPARE(rejected.httpStatus, 400);
    QVERIFY(QJsonDocument::fromJson(rejected.body).object().value("error").toString().contains("explode"));

    QCOMPARE(http.send("DELETE", base.resolved(QUrl("/_sim/faults")), nullptr).httpStatus, 200);
    QVERIFY(client.setAccount({}, "5001").ok());

    const HttpJsonClient::Response state = http.send("GET", base.resolved(QUrl("/_sim/state")), nullptr);
    QCOMPARE(state.httpStatus, 200);
    const QJsonObject json = QJsonDocument::fromJson(state.body).object();
    const QJsonArray accounts = json.value("ocs").toObject().value("accounts").toArray();
    QCOMPARE(accounts.size(), 1);
    QCOMPARE(accounts.at(0).toObject().value("ID").toString(), QString("cgrates.org:5001"));
    QCOMPARE(json.value("requests").toObject().value("APIerSv1.SetAccount").toInt(), 2);
    QVERIFY(json.value("hss").toObject().contains("subscribers"));
    QVERIFY(json.value("iptv").toObject().contains("devices"));

    QCOMPARE(http.send("POST", base.resolved(QUrl("/_sim/reset")), nullptr).httpStatus, 200);
    QVERIFY(sim()->ocsAccount({}, "5001").isEmpty());
}

// Reads complete HTTP responses (status, body) from a blocking socket.
static QList<QPair<int, QByteArray>> readResponses(QTcpSocket& socket, int count)
{
    QList<QPair<int, QByteArray>> responses;
    QByteArray buffer;
    while (responses.size() < count) {
        const int headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            const QByteArray header = buffer.left(headerEnd).toLower();
            const int at = header.indexOf("content-length:");
            const int length = header.mid(at + 15, header.indexOf("\r\n", at) - at - 15).trimmed().toInt();
            if (buffer.size() >= headerEnd + 4 + length) {
                responses.append({buffer.mid(9, 3).toInt(), buffer.mid(headerEnd + 4, length)});
                buffer.remove(0, headerEnd + 4 + length);
                continue;
            }
        }
        if (!socket.waitForReadyRead(3000))
            break;
        buffer += socket.readAll();
    }
    return responses;
}

void TestNetwork::keepAliveAndPipelining()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_simulatorThread.baseUrl().port());
    QVERIFY(socket.waitForConnected(3000));

    const QByteArray rpc = R"({"method":"APIerSv1.SetAccount","params":[{"Account":"6001"}],"id":7})";
    const QByteArray first = "GET /subscriber/imsi/999 HTTP/1.1\r\nHost: x\r\n\r\n";
    const QByteArray second = "POST /jsonrpc HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              "Content-Length: " +
                              QByteArray::number(rpc.size()) + "\r\n\r\n" + rpc;
    // Two pipelined requests; the second arrives in pieces, split inside its header and inside its body.
    socket.write(first + second.left(20));
    socket.flush();
    QTest::qWait(50);
    socket.write(second.mid(20, second.size() - 20 - 10));
    socket.flush();
    QTest::qWait(50);
    socket.write(second.right(10));
    const QList<QPair<int, QByteArray>> responses = readResponses(socket, 2);
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses.at(0).first, 404);
    QCOMPARE(QJsonDocument::fromJson(responses.at(0).second).object().value("result").toString(), QString("Failed"));
    QCOMPARE(responses.at(1).first, 200);
    const QJsonObject envelope = QJsonDocument::fromJson(responses.at(1).second).object();
    QCOMPARE(envelope.value("id").toInt(), 7);
    QCOMPARE(envelope.value("result").toString(), QString("OK"));
    QVERIFY(envelope.contains("error") && envelope.value("error").isNull());

    // Still open (keep-alive); "Connection: close" ends it after the answer.
    socket.write("GET /_sim/state HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const QList<QPair<int, QByteArray>> last = readResponses(socket, 1);
    QCOMPARE(last.size(), 1);
    QCOMPARE(last.at(0).first, 200);
    QVERIFY(socket.state() == QAbstractSocket::UnconnectedState || socket.waitForDisconnected(3000));
    QCOMPARE(sim()->ocsAccount({}, "6001").value("ID").toString(), QString("cgrates.org:6001"));
}

void TestNetwork::latencyCausesTimeout()
{
    sim()->setLatencyMs(600);
    CgratesClient slow(ocs(200));
    const Status status = slow.setAccount({}, "7001");
    QVERIFY(!status);
    QVERIFY(status.error.message.englishText().contains("did not answer within 0.2 seconds"));

    CgratesClient patient(ocs(5000));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(patient.setAccount({}, "7001").ok());
    QVERIFY(clock.elapsed() >= 500);
    sim()->setLatencyMs(0);
}

void TestNetwork::clientOnPlainThread()
{
    // A worker thread with no event loop running; the client is created on the test thread, used on both.
    CgratesClient client(ocs());
    QVERIFY(client.setAccount({}, "8001").ok());
    Status onThread;
    Status created;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        onThread = client.addBalance({}, "8001", "*data", 100, {});
        CgratesClient own(ocs());
        created = own.addBalance({}, "8001", "*data", 50, {});
    }));
    thread->start();
    QVERIFY(thread->wait(10000));
    QVERIFY2(onThread.ok(), qPrintable(onThread.error.detail));
    QVERIFY2(created.ok(), qPrintable(created.error.detail));
    QCOMPARE(sim()
                 ->ocsAccount({}, "8001")
                 .value("BalanceMap")
                 .toObject()
                 .value("*data")
                 .toArray()
                 .at(0)
                 .toObject()
                 .value("Value")
                 .toDouble(),
             150.0);
}

QTEST_GUILESS_MAIN(TestNetwork)
#include "tst_network.moc"
