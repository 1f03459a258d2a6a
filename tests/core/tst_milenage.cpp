#include "security/Milenage.h"
#include "security/SimKeys.h"
#include "security/TransportKey.h"

#include <QProcess>
#include <QTest>

using namespace sb;

// The test sets 1 to 6 of 3GPP TS 35.208 (MILENAGE conformance) and the SIM key sealing built on them.
class TestMilenage : public QObject
{
    Q_OBJECT

private:
    static QByteArray h(const char* hex) { return QByteArray::fromHex(hex); }

    static void addSets()
    {
        QTest::addColumn<QByteArray>("k");
        QTest::addColumn<QByteArray>("rand");
        QTest::addColumn<QByteArray>("sqn");
        QTest::addColumn<QByteArray>("amf");
        QTest::addColumn<QByteArray>("op");
        QTest::addColumn<QByteArray>("opc");
        QTest::addColumn<QByteArray>("f1");
        QTest::addColumn<QByteArray>("f1star");
        QTest::addColumn<QByteArray>("f2");
        QTest::addColumn<QByteArray>("f3");
        QTest::addColumn<QByteArray>("f4");
        QTest::addColumn<QByteArray>("f5");
        QTest::addColumn<QByteArray>("f5star");
        QTest::newRow("test set 1") << h("465b5ce8b199b49faa5f0a2ee238a6bc") << h("23553cbe9637a89d218ae64dae47bf35")
                                    << h("ff9bb4d0b607") << h("b9b9") << h("cdc202d5123e20f62b6d676ac72cb318")
                                    << h("cd63cb71954a9f4e48a5994e37a02baf") << h("4a9ffac354dfafb3")
                                    << h("01cfaf9ec4e871e9") << h("a54211d5e3ba50bf")
                                    << h("b40ba9a3c58b2a05bbf0d987b21bf8cb") << h("f769bcd751044604127672711c6d3441")
                                    << h("aa689c648370") << h("451e8beca43b");
        QTest::newRow("test set 2") << h("0396eb317b6d1c36f19c1c84cd6ffd16") << h("c00d603103dcee52c4478119494202e8")
                                    << h("fd8eef40df7d") << h("af17") << h("ff53bade17df5d4e793073ce9d7579fa")
                                    << h("53c15671c60a4b731c55b4a441c0bde2") << h("5df5b31807e258b0")
                                    << h("a8c016e51ef4a343") << h("d3a628ed988620f0")
                                    << h("58c433ff7a7082acd424220f2b67c556") << h("21a8c1f929702adb3e738488b9f5c5da")
                                    << h("c47783995f72") << h("30f1197061c1");
        QTest::newRow("test set 3") << h("fec86ba6eb707ed08905757b1bb44b8f") << h("9f7c8d021accf4db213ccff0c7f71a6a")
                                    << h("9d0277595ffc") << h("725c") << h("dbc59adcb6f9a0ef735477b7fadf8374")
                                    << h("1006020f0a478bf6b699f15c062e42b3") << h("9cabc3e99baf7281")
                                    << h("95814ba2b3044324") << h("8011c48c0c214ed2")
                                    << h("5dbdbb2954e8f3cde665b046179a5098") << h("59a92d3b476a0443487055cf88b2307b")
                                    << h("33484dc2136b") << h("deacdd848cc6");
        QTest::newRow("test set 4") << h("9e5944aea94b81165c82fbf9f32db751") << h("ce83dbc54ac0274a157c17f80d017bd6")
                                    << h("0b604a81eca8") << h("9e09") << h("223014c5806694c007ca1eeef57f004f")
                                    << h("a64a507ae1a2a98bb88eb4210135dc87") << h("74a58220cba84c49")
                                    << h("ac2cc74a96871837") << h("f365cd683cd92e96")
                                    << h("e203edb3971574f5a94b0d61b816345d") << h("0c4524adeac041c4dd830d20854fc46b")
                                    << h("f0b9c08ad02e") << h("6085a86c6f63");
        QTest::newRow("test set 5") << h("4ab1deb05ca6ceb051fc98e77d026a84") << h("74b0cd6031a1c8339b2b6ce2b8c4a186")
                                    << h("e880a1b580b6") << h("9f07") << h("2d16c5cd1fdf6b22383584e3bef2a8d8")
                                    << h("dcf07cbd51855290b92a07a9891e523e") << h("49e785dd12626ef2")
                                    << h("9e85790336bb3fa2") << h("5860fc1bce351e7e")
                                    << h("7657766b373d1c2138f307e3de9242f9") << h("1c42e960d89b8fa99f2744e0708ccb53")
                                    << h("31e11a609118") << h("fe2555e54aa9");
        QTest::newRow("test set 6") << h("6c38a116ac280c454f59332ee35c8c4f") << h("ee6466bc96202c5a557abbeff8babf63")
                                    << h("414b98222181") << h("4464") << h("1ba00a1a7c6700ac8c3ff3e96ad08725")
                                    << h("3803ef5363b947c6aaa225e58fae3934") << h("078adfb488241a57")
                                    << h("80246b8d0186bcf1") << h("16c8233f05a0ac28")
                                    << h("3f8c7587fe8e4b233af676aede30ba3b") << h("a7466cc1e6b2a1337d49d3b66e95d7b4")
                                    << h("45b0f69ab06c") << h("1f53cd2b1113");
    }

private slots:
    void opcFromOp_data() { addSets(); }
    void opcFromOp()
    {
        QFETCH(QByteArray, k);
        QFETCH(QByteArray, op);
        QFETCH(QByteArray, opc);
        QCOMPARE(Milenage::opc(k, op).toHex(), opc.toHex());
    }

    void functionsF1ToF5_data() { addSets(); }
    void functionsF1ToF5()
    {
        QFETCH(QByteArray, k);
        QFETCH(QByteArray, rand);
        QFETCH(QByteArray, sqn);
        QFETCH(QByteArray, amf);
        QFETCH(QByteArray, opc);
        const Milenage::Vectors v = Milenage::compute(k, opc, rand, sqn, amf);
        QFETCH(QByteArray, f1);
        QCOMPARE(v.macA.toHex(), f1.toHex());
        QFETCH(QByteArray, f1star);
        QCOMPARE(v.macS.toHex(), f1star.toHex());
        QFETCH(QByteArray, f2);
        QCOMPARE(v.res.toHex(), f2.toHex());
        QFETCH(QByteArray, f3);
        QCOMPARE(v.ck.toHex(), f3.toHex());
        QFETCH(QByteArray, f4);
        QCOMPARE(v.ik.toHex(), f4.toHex());
        QFETCH(QByteArray, f5);
        QCOMPARE(v.ak.toHex(), f5.toHex());
        QFETCH(QByteArray, f5star);
        QCOMPARE(v.akStar.toHex(), f5star.toHex());
    }

    void wrongSizesGiveNothing()
    {
        QVERIFY(Milenage::opc(h("465b5ce8"), h("cdc202d5123e20f62b6d676ac72cb318")).isEmpty());
        QVERIFY(
            !Milenage::compute(h("465b5ce8b199b49faa5f0a2ee238a6bc"), h("00"), h("00"), h("00"), h("00")).isValid());
    }

    // switchboard-ctl sim opc prints the OPc of test set 1, and refuses keys that are not 32 hex digits.
    void ctlPrintsOpc()
    {
        QProcess ctl;
        ctl.start(QStringLiteral(SWITCHBOARD_CTL),
                  {QStringLiteral("sim"), QStringLiteral("opc"), QStringLiteral("--ki"),
                   QStringLiteral("465b5ce8b199b49faa5f0a2ee238a6bc"), QStringLiteral("--op"),
                   QStringLiteral("CDC202D5123E20F62B6D676AC72CB318")});
        QVERIFY(ctl.waitForFinished(30000));
        QCOMPARE(ctl.exitCode(), 0);
        QCOMPARE(ctl.readAllStandardOutput().trimmed(), QByteArray("cd63cb71954a9f4e48a5994e37a02baf"));

        ctl.start(QStringLiteral(SWITCHBOARD_CTL),
                  {QStringLiteral("sim"), QStringLiteral("opc"), QStringLiteral("--ki"), QStringLiteral("465b"),
                   QStringLiteral("--op"), QStringLiteral("cdc202d5123e20f62b6d676ac72cb318")});
        QVERIFY(ctl.waitForFinished(30000));
        QCOMPARE(ctl.exitCode(), 2);
        QVERIFY(ctl.readAllStandardError().contains("32 hexadecimal digits"));
    }

    // Sealed keys round-trip with the right transport key and refuse another one by its check value.
    void sealedKeysNeedTheirTransportKey()
    {
        QTemporaryDir dir;
        const QString keyFile = dir.filePath(QStringLiteral("transport.key"));
        QFile file(keyFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# transport key 1 of the vendor\n000102030405060708090a0b0c0d0e0f\n");
        file.close();
        const Result<TransportKey> key = TransportKey::load(keyFile);
        QVERIFY(key.ok());
        // FIPS-197 appendix C.1: AES-128 with this key encrypts 00112233… to 69c4e0d8…
        QCOMPARE(key->encrypt(h("00112233445566778899aabbccddeeff")).toHex(),
                 QByteArray("69c4e0d86a7b0430d8cdb78070b4c55a"));

        SimKeys keys{h("465b5ce8b199b49faa5f0a2ee238a6bc"), {}};
        const SealedSimKeys sealed = keys.seal(*key);
        QVERIFY(sealed.opcEnc.isEmpty());
        QVERIFY(!sealed.kiEnc.contains(keys.kiHex()));
        const Result<SimKeys> unsealed =
            SimKeys::unseal(sealed, keyFile, QStringLiteral("cdc202d5123e20f62b6d676ac72cb318"));
        QVERIFY2(unsealed.ok(), qPrintable(unsealed.error().message.englishText()));
        QCOMPARE(unsealed->kiHex(), QStringLiteral("465B5CE8B199B49FAA5F0A2EE238A6BC"));
        QCOMPARE(unsealed->opcHex(), QStringLiteral("CD63CB71954A9F4E48A5994E37A02BAF"));

        const Result<SimKeys> withoutOp = SimKeys::unseal(sealed, keyFile, {});
        QVERIFY(!withoutOp.ok());
        QVERIFY(withoutOp.error().message.englishText().contains(QLatin1String("[sim] op")));

        const Result<SimKeys> wrongKey = SimKeys::unseal(sealed, {}, {});
        QVERIFY(!wrongKey.ok());
        QVERIFY(wrongKey.error().message.englishText().contains(QLatin1String("transport_key_file")));
    }
};

QTEST_GUILESS_MAIN(TestMilenage)
#include "tst_milenage.moc"
