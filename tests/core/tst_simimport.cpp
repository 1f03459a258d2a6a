#include "TestDatabase.h"

#include "security/Milenage.h"
#include "security/SimKeys.h"
#include "store/InventoryRepository.h"
#include "workflows/SimImportWorkflow.h"

#include <QProcess>
#include <QSqlRecord>
#include <QTest>

using namespace sb;

// SIM batch files (vendor ".out" style) become SIM Card items whose Ki and OPc exist only sealed under the
// transport key; a bad row refuses the whole file and names its line.
class TestSimImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_keyFile;
    TransportKey m_key;
    std::unique_ptr<TestDatabase> m_test;
    const QString m_op = QStringLiteral("cdc202d5123e20f62b6d676ac72cb318");
    const Actor m_admin{QStringLiteral("importer"), Role::Administrator};

    struct Card
    {
        QString iccid;
        QString imsi;
        QByteArray ki;
    };

    static QList<Card> cards(int count, int first = 1)
    {
        QList<Card> list;
        for (int i = first; i < first + count; ++i) {
            QByteArray ki(16, '\0');
            for (int b = 0; b < 16; ++b)
                ki[b] = char((i * 37 + b * 11) & 0xff);
            list << Card{QStringLiteral("89440999000000%1").arg(i, 5, 10, QLatin1Char('0')),
                         QStringLiteral("2341599000%1").arg(i, 5, 10, QLatin1Char('0')), ki};
        }
        return list;
    }

    // A batch file as a vendor sends it, Ki encrypted under the transport key (ECB).
    QByteArray batchFile(const QList<Card>& list, const QString& extraHeader = {}) const
    {
        QString text = QStringLiteral("*HEADER DESCRIPTION\n*==================\nCustomer       : Switchboard Telecom\n"
                                      "Quantity       : %1\nType           : USIM\nBatch          : SB-TEST-01\n"
                                      "Transport_key  : 1\n%2*\n*OUTPUT VARIABLES\n*==================\n"
                                      "var_out: ICCID/IMSI/KI/PIN1/PUK1\n")
                           .arg(list.size())
                           .arg(extraHeader);
        for (const Card& card : list)
            text += QStringLiteral("%1 %2 %3 1234 12345678\n")
                        .arg(card.iccid, card.imsi, QString::fromLatin1(m_key.encrypt(card.ki).toHex().toUpper()));
        return text.toUtf8();
    }

    int simCount() { return InventoryRepository(m_test->db()).list(QStringLiteral("SIM Card"), 100000).size(); }

    Result<SimImportSummary> import(const QByteArray& content, const QString& op = {})
    {
        const Result<SimBatch> batch = SimBatchFile::parse(content);
        if (!batch)
            return batch.error();
        return SimImportWorkflow(m_test->db()).importBatch(m_admin, *batch, m_keyFile, op);
    }

    // Every place where the database keeps SIM data or words about it, as one text.
    QString storedText()
    {
        QString all;
        for (const QString& table : {QStringLiteral("inventory_items"), QStringLiteral("audit_log")}) {
            Sql q(m_test->db(), QStringLiteral("SELECT * FROM %1").arg(table));
            q.exec();
            while (q.next())
                for (int c = 0; c < q.query().record().count(); ++c)
                    all += q.value(c).toString() + QLatin1Char(' ');
        }
        return all.toUpper();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        m_keyFile = m_dir.filePath(QStringLiteral("transport-1.key"));
        QFile file(m_keyFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# vendor transport key 1\n2b7e151628aed2a6abf7158809cf4f3c\n");
        file.close();
        m_key = *TransportKey::load(m_keyFile);
    }

    void init()
    {
        m_test = std::make_unique<TestDatabase>(true, 5);
        QVERIFY(m_test->ok());
    }

    void cleanup() { m_test.reset(); }

    void importsCardsWithSealedKeys()
    {
        const int before = simCount();
        const QList<Card> batch = cards(3);
        const Result<SimImportSummary> imported = import(batchFile(batch), m_op);
        QVERIFY2(imported.ok(), qPrintable(imported.error().message.englishText()));
        QCOMPARE(imported->imported, 3);
        QCOMPARE(imported->batch, QStringLiteral("SB-TEST-01"));
        QCOMPARE(simCount(), before + 3);

        const QString stored = storedText();
        for (const Card& card : batch) {
            QList<InventoryItem> items = InventoryRepository(m_test->db()).list(QStringLiteral("SIM Card"), 100000);
            const auto item = std::find_if(items.cbegin(), items.cend(),
                                           [&](const InventoryItem& i) { return i.identifier == card.iccid; });
            QVERIFY(item != items.cend());
            QCOMPARE(item->status, InventoryStatus::New);
            QCOMPARE(item->attributes.value(QStringLiteral("imsi")).toString(), card.imsi);
            QVERIFY(!item->attributes.contains(QStringLiteral("ki")));
            QVERIFY(!item->attributes.contains(QStringLiteral("opc")));
            // the keys come back with the transport key, and OPc is Milenage(Ki, OP)
            const Result<SimKeys> keys = SimKeys::unseal(SealedSimKeys::fromJson(item->attributes), m_keyFile, {});
            QVERIFY(keys.ok());
            QCOMPARE(keys->ki, card.ki);
            QCOMPARE(keys->opc, Milenage::opc(card.ki, QByteArray::fromHex(m_op.toLatin1())));
            // neither the Ki nor the OPc is anywhere in the database in clear
            QVERIFY(!stored.contains(keys->kiHex()));
            QVERIFY(!stored.contains(keys->opcHex()));
        }
    }

    void cbcWithIvIsDecrypted()
    {
        const QByteArray iv = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f");
        Card card = cards(1, 40).first();
        QByteArray block = card.ki;
        for (int i = 0; i < 16; ++i)
            block[i] = char(block.at(i) ^ iv.at(i));
        const QString text =
            QStringLiteral("Batch : CBC-1\nKi_cipher : AES-128-CBC\nKi_iv : %1\nvar_out: ICCID/IMSI/KI\n%2 %3 %4\n")
                .arg(QString::fromLatin1(iv.toHex()), card.iccid, card.imsi,
                     QString::fromLatin1(m_key.encrypt(block).toHex()));
        const Result<SimImportSummary> imported = import(text.toUtf8());
        QVERIFY2(imported.ok(), qPrintable(imported.error().message.englishText()));
        QVERIFY(!imported->opcSealed);
        QList<InventoryItem> items = InventoryRepository(m_test->db()).list(QStringLiteral("SIM Card"), 100000);
        const auto found = std::find_if(items.cbegin(), items.cend(),
                                        [&](const InventoryItem& i) { return i.identifier == card.iccid; });
        QVERIFY(found != items.cend());
        const Result<SimKeys> keys = SimKeys::unseal(SealedSimKeys::fromJson(found->attributes), m_keyFile, m_op);
        QVERIFY(keys.ok());
        QCOMPARE(keys->ki, card.ki);
    }

    void badFileImportsNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        const QList<Card> good = cards(3);
        const QByteArray file = batchFile(good);
        const QList<QByteArray> lines = file.split('\n');
        const int firstRow = 1 + int(lines.indexOf(QByteArray("var_out: ICCID/IMSI/KI/PIN1/PUK1"))) + 1; // 1-based
        auto replaced = [&](int row, const QByteArray& with) {
            QList<QByteArray> copy = lines;
            copy[firstRow - 1 + row] = with;
            return copy.join('\n');
        };
        const QByteArray kiOf0 = m_key.encrypt(good.at(0).ki).toHex();
        QTest::newRow("bad ICCID") << replaced(1, "89A4 234159900000002 " + kiOf0 + " 1 2")
                                   << QStringLiteral("Line %1: \"89A4\" is not an ICCID").arg(firstRow + 1);
        QTest::newRow("ICCID letters")
            << replaced(1, "8944X999000000000002 234159900000002 " + kiOf0 + " 1 2")
            << QStringLiteral("Line %1: \"8944X999000000000002\" is not an ICCID").arg(firstRow + 1);
        QTest::newRow("short row")
            << replaced(2, "8944099900000000003 234159900000003")
            << QStringLiteral("Line %1: the row has 2 values, but var_out names 5").arg(firstRow + 2);
        QTest::newRow("bad Ki")
            << replaced(0, "8944099900000000001 234159900000001 0011ZZ 1 2")
            << QStringLiteral("Line %1: the encrypted Ki must be 32 hexadecimal digits").arg(firstRow);
        QTest::newRow("bad IMSI") << replaced(1, "8944099900000000002 23415990000000299 " + kiOf0 + " 1 2")
                                  << QStringLiteral("Line %1: \"23415990000000299\" is not an IMSI").arg(firstRow + 1);
        QTest::newRow("duplicate ICCID")
            << replaced(2, (good.at(0).iccid + QStringLiteral(" 234159900000003 ")).toUtf8() + kiOf0 + " 1 2")
            << QStringLiteral("Line %1: ICCID %2 appears a second time").arg(firstRow + 2).arg(good.at(0).iccid);
        QTest::newRow("quantity") << batchFile(good).replace("Quantity       : 3", "Quantity       : 4")
                                  << QStringLiteral("The header says Quantity 4, but the file lists 3 cards");
        QTest::newRow("no var_out") << QByteArray("Batch : X\n8944099900000000001 234159900000001\n")
                                    << QStringLiteral("Line 2 of the SIM batch file is not understood");
        QTest::newRow("var_out without KI")
            << QByteArray("Batch : X\nvar_out: ICCID/IMSI\n")
            << QStringLiteral("Line 2: the var_out line must name the ICCID, IMSI and KI");
        QTest::newRow("other transport key") << batchFile(good, QStringLiteral("Key_check : 000000\n"))
                                             << QStringLiteral("check value 000000, but the key in");
        QTest::newRow("unknown cipher") << batchFile(good, QStringLiteral("Ki_cipher : DES3\n"))
                                        << QStringLiteral("uses the cipher \"DES3\"");
    }

    void badFileImportsNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const int before = simCount();
        const Result<SimImportSummary> imported = import(content);
        QVERIFY(!imported.ok());
        QVERIFY2(imported.error().message.englishText().contains(message),
                 qPrintable(imported.error().message.englishText()));
        QCOMPARE(simCount(), before);
    }

    void cardAlreadyInStockRefusesTheWholeFile()
    {
        QVERIFY(import(batchFile(cards(2))).ok());
        const int before = simCount();
        const Result<SimImportSummary> again = import(batchFile(cards(3, 2))); // card 2 is there already, 3 and 4 new
        QVERIFY(!again.ok());
        QVERIFY2(again.error().message.englishText().contains(QLatin1String("is already in the inventory")),
                 qPrintable(again.error().message.englishText()));
        QCOMPARE(simCount(), before);
    }

    void staffMayNotImport()
    {
        const Result<SimBatch> batch = SimBatchFile::parse(batchFile(cards(1)));
        QVERIFY(batch.ok());
        const auto refused = SimImportWorkflow(m_test->db())
                                 .importBatch(Actor(QStringLiteral("clerk"), Role::Staff), *batch, m_keyFile, {});
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.englishText().contains(QLatin1String("does not allow importing inventory")));
    }

    // switchboard-ctl inventory import-sims FILE --transport-key-file F --op HEX
    void ctlImportsBatch()
    {
        const QString url = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("ctl.db"));
        const QString batchPath = m_dir.filePath(QStringLiteral("batch.out"));
        QFile file(batchPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(batchFile(cards(4, 100)));
        file.close();
        QProcess ctl;
        ctl.start(QStringLiteral(SWITCHBOARD_CTL),
                  {QStringLiteral("--db"), url, QStringLiteral("inventory"), QStringLiteral("import-sims"), batchPath,
                   QStringLiteral("--transport-key-file"), m_keyFile, QStringLiteral("--op"), m_op});
        QVERIFY(ctl.waitForFinished(60000));
        const QString out = QString::fromUtf8(ctl.readAllStandardOutput());
        QVERIFY2(ctl.exitCode() == 0, qPrintable(out + QString::fromUtf8(ctl.readAllStandardError())));
        QVERIFY2(out.contains(QLatin1String("Imported 4 SIM card")), qPrintable(out));
        QVERIFY(out.contains(m_key.checkValue()));

        ctl.start(QStringLiteral(SWITCHBOARD_CTL),
                  {QStringLiteral("--db"), url, QStringLiteral("inventory"), QStringLiteral("import-sims"), batchPath,
                   QStringLiteral("--transport-key-file"), m_keyFile});
        QVERIFY(ctl.waitForFinished(60000));
        QCOMPARE(ctl.exitCode(), 1);
        QVERIFY(ctl.readAllStandardError().contains("is already in the inventory"));
    }
};

QTEST_GUILESS_MAIN(TestSimImport)
#include "tst_simimport.moc"
