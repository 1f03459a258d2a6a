#include "network/CgratesClient.h"
#include "network/ElementEndpoint.h"
#include "network/HttpJsonClient.h"
#include "network/IptvClient.h"
#include "network/NetworkSimulator.h"
#include "network/PyHssClient.h"
#include "network/SimulatedElements.h"
#include "network/SimulatorThread.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// The built-in simulator keeps what was provisioned on it in a state file, so that a restarted application finds
// its accounts, subscribers and devices again, as it would on real elements.
class TestSimulatorState : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void stateSurvivesRestart();
    void corruptFileStartsEmpty();
    void malformedStateIsRefused_data();
    void malformedStateIsRefused();
    void resetDeletesTheFile();
    void withoutStateFileNothingIsWritten();

private:
    // A fresh simulator thread on the state file; the previous one is stopped first (and saves).
    void restart(bool withStateFile = true)
    {
        m_thread.reset();
        m_thread = std::make_unique<SimulatorThread>();
        if (withStateFile)
            m_thread->setStateFile(stateFile());
        QVERIFY(m_thread->start(0));
        m_endpoints = NetworkEndpoints::forSimulator(m_thread->baseUrl());
    }
    QString stateFile() const { return m_dir->filePath(QStringLiteral("simulator-state.json")); }
    static QJsonObject auc(const QString& imsi)
    {
        return {{"ki", "465B5CE8B199B49FAA5F0A2EE238A6BC"},
                {"opc", "E8ED289DEBA952E4283B54E88E6183CA"},
                {"amf", "8000"},
                {"imsi", imsi},
                {"iccid", "8988211" + imsi.right(12)}};
    }
    // An AuC and a subscriber on it; returns the subscriber's id.
    qint64 createSubscriber(const QString& imsi, qint64* aucId = nullptr)
    {
        PyHssClient hss(m_endpoints.hss);
        const Result<QJsonObject> createdAuc = hss.putAuc(auc(imsi));
        if (!createdAuc)
            return 0;
        const qint64 newAucId = createdAuc->value("auc_id").toInteger();
        if (aucId)
            *aucId = newAucId;
        const Result<QJsonObject> created =
            hss.putSubscriber({{"imsi", imsi}, {"auc_id", newAucId}, {"msisdn", "5511987654321"}});
        return created ? created->value("subscriber_id").toInteger() : 0;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SimulatorThread> m_thread;
    NetworkEndpoints m_endpoints;
};

void TestSimulatorState::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSimulatorState::cleanup()
{
    m_thread.reset();
    m_dir.reset();
}

void TestSimulatorState::stateSurvivesRestart()
{
    restart();
    CgratesClient ocs(m_endpoints.ocs);
    QVERIFY(ocs.setAccount({}, "5511987654321").ok());
    QVERIFY(ocs.addBalance({}, "5511987654321", "*data", 1073741824.0, {{"ID", "plan-data"}}).ok());

    qint64 firstAucId = 0;
    const qint64 firstSubscriberId = createSubscriber("001010000000001", &firstAucId);
    QVERIFY(firstSubscriberId > 0);
    // A deleted subscriber's id is not handed out again after the restart either.
    const qint64 deletedSubscriberId = createSubscriber("001010000000002");
    QVERIFY(deletedSubscriberId > firstSubscriberId);
    QVERIFY(PyHssClient(m_endpoints.hss).deleteSubscriber(deletedSubscriberId).ok());

    IptvClient iptv(m_endpoints.iptv);
    const Result<QJsonObject> device = iptv.activateDevice("STB-0001", "5511987654321", {"basic"});
    QVERIFY2(device.ok(), qPrintable(device.error().detail));
    const qint64 deviceId = device->value("device_id").toInteger();
    QVERIFY(deviceId > 0);

    restart();
    QVERIFY(QFile::exists(stateFile()));

    const Result<QJsonObject> account = CgratesClient(m_endpoints.ocs).getAccount({}, "5511987654321");
    QVERIFY2(account.ok(), qPrintable(account.error().detail));
    const QJsonArray data = account->value("BalanceMap").toObject().value("*data").toArray();
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.at(0).toObject().value("ID").toString(), QString("plan-data"));
    QCOMPARE(data.at(0).toObject().value("Value").toDouble(), 1073741824.0);

    PyHssClient hss(m_endpoints.hss);
    const Result<std::optional<QJsonObject>> subscriber = hss.findSubscriberByImsi("001010000000001");
    QVERIFY2(subscriber.ok(), qPrintable(subscriber.error().detail));
    QVERIFY(subscriber->has_value());
    QCOMPARE((*subscriber)->value("subscriber_id").toInteger(), firstSubscriberId);
    QCOMPARE((*subscriber)->value("msisdn").toString(), QString("5511987654321"));
    QCOMPARE(hss.getAucByImsi("001010000000001")->value("auc_id").toInteger(), firstAucId);
    const Result<std::optional<QJsonObject>> deleted = hss.findSubscriberByImsi("001010000000002");
    QVERIFY(deleted.ok());
    QVERIFY(!deleted->has_value());

    const Result<std::optional<QJsonObject>> found = IptvClient(m_endpoints.iptv).findDevice("STB-0001");
    QVERIFY2(found.ok(), qPrintable(found.error().detail));
    QVERIFY(found->has_value());
    QCOMPARE((*found)->value("device_id").toInteger(), deviceId);
    QCOMPARE((*found)->value("status").toString(), QString("active"));

    // New ids continue after the old ones, deleted ones included.
    qint64 newAucId = 0;
    const qint64 newSubscriberId = createSubscriber("001010000000003", &newAucId);
    QCOMPARE(newSubscriberId, deletedSubscriberId + 1);
    QCOMPARE(newAucId, firstAucId + 2);
    const Result<QJsonObject> newDevice = IptvClient(m_endpoints.iptv).activateDevice("STB-0002", "5511987654321", {});
    QVERIFY(newDevice.ok());
    QCOMPARE(newDevice->value("device_id").toInteger(), deviceId + 1);

    // The new changes are kept as well.
    restart();
    QVERIFY(m_thread->simulator()->hssSubscriber("001010000000003").value("subscriber_id").toInteger() ==
            newSubscriberId);
    QVERIFY(!m_thread->simulator()->iptvDevice("STB-0002").isEmpty());
}

void TestSimulatorState::corruptFileStartsEmpty()
{
    QFile corrupt(stateFile());
    QVERIFY(corrupt.open(QIODevice::WriteOnly));
    corrupt.write("{\"ocs\": {\"accounts\": [");
    corrupt.close();

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("state file .* is unusable .*; starting empty"));
    restart();
    const Result<QJsonObject> account = CgratesClient(m_endpoints.ocs).getAccount({}, "5511987654321");
    QVERIFY(!account);
    QVERIFY(QFile::exists(stateFile() + ".corrupt")); // kept aside, not overwritten
    QVERIFY(!QFile::exists(stateFile()));

    // It keeps working and saves afresh.
    QVERIFY(CgratesClient(m_endpoints.ocs).setAccount({}, "1001").ok());
    restart();
    QVERIFY(!m_thread->simulator()->ocsAccount({}, "1001").isEmpty());
}

void TestSimulatorState::malformedStateIsRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("accounts not a list") << QByteArray(R"({"ocs": {"accounts": {}}})");
    QTest::newRow("account without ID") << QByteArray(R"({"ocs": {"accounts": [{"BalanceMap": null}]}})");
    QTest::newRow("same account twice")
        << QByteArray(R"({"ocs": {"accounts": [{"ID": "cgrates.org:1"}, {"ID": "cgrates.org:1"}]}})");
    QTest::newRow("auc id not a number") << QByteArray(R"({"hss": {"auc": [{"auc_id": "7"}]}})");
    QTest::newRow("subscriber without id") << QByteArray(R"({"hss": {"subscribers": [{"imsi": "1"}]}})");
    QTest::newRow("device without serial") << QByteArray(R"({"iptv": {"devices": [{"device_id": 1}]}})");
    QTest::newRow("hss not an object") << QByteArray(R"({"hss": []})");
}

void TestSimulatorState::malformedStateIsRefused()
{
    QFETCH(QByteArray, json);
    SimulatedElements elements;
    SimulatedElements::Request put{"POST", "/iptv/devices", R"({"serial": "STB-9", "account": "1"})", {}, {}};
    QCOMPARE(elements.handle(put).status, 201);

    QVERIFY(!elements.restore(QJsonDocument::fromJson(json).object()));
    QVERIFY(!elements.iptvDevice("STB-9").isEmpty()); // left unchanged

    // What state() writes always restores, into the same state.
    SimulatedElements copy;
    QVERIFY(copy.restore(elements.state()));
    QCOMPARE(copy.state(), elements.state());

    // Through the simulator: a warning, and it starts empty.
    QFile file(stateFile());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("state file .* is unusable \\(not a simulator state\\)"));
    restart();
    QCOMPARE(m_thread->simulator()->state().value("ocs").toObject().value("accounts").toArray().size(), 0);
}

void TestSimulatorState::resetDeletesTheFile()
{
    restart();
    QVERIFY(CgratesClient(m_endpoints.ocs).setAccount({}, "1001").ok());
    m_thread->simulator()->saveState();
    QVERIFY(QFile::exists(stateFile()));

    HttpJsonClient http(3000);
    QCOMPARE(http.send("POST", m_thread->baseUrl().resolved(QUrl("/_sim/reset")), nullptr).httpStatus, 200);
    QVERIFY(!QFile::exists(stateFile()));
    restart();
    QVERIFY(m_thread->simulator()->ocsAccount({}, "1001").isEmpty());
}

void TestSimulatorState::withoutStateFileNothingIsWritten()
{
    restart(false);
    QVERIFY(CgratesClient(m_endpoints.ocs).setAccount({}, "1001").ok());
    m_thread.reset();
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::NoDotAndDotDot), QStringList());
}

QTEST_GUILESS_MAIN(TestSimulatorState)
#include "tst_simulatorstate.moc"
