#include "import/CsvReader.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;

// Rows are compared as text: "<line>: field | field" for a clean row, "<line>! <message>" for a row error.
// An expected error is a fragment of the message: "5! but this row has 3" matches "5! Line 5: the header has 2 columns,
// but this row has 3…".
class TestCsvReader : public QObject
{
    Q_OBJECT

private:
    static QString describe(const CsvRow& row)
    {
        if (!row.ok())
            return QStringLiteral("%1! %2").arg(row.line).arg(row.error.englishText());
        return QStringLiteral("%1: %2").arg(row.line).arg(row.fields.join(QLatin1String(" | ")));
    }

    static void compareRows(const QStringList& actual, const QStringList& expected)
    {
        QCOMPARE(actual.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i) {
            const QString& want = expected.at(i);
            const QString& got = actual.at(i);
            const qsizetype bang = want.indexOf(QLatin1String("! "));
            const qsizetype colon = want.indexOf(QLatin1String(": "));
            if (bang >= 0 && (colon < 0 || bang < colon)) {
                const QString line = want.left(bang);
                QVERIFY2(
                    got.startsWith(line + QStringLiteral("! Line ") + line + QLatin1Char(':')),
                    qPrintable(QStringLiteral("row %1: got \"%2\", want an error on line %3").arg(i).arg(got, line)));
                QVERIFY2(got.contains(want.mid(bang + 2)),
                         qPrintable(QStringLiteral("row %1: got \"%2\", want \"%3\"").arg(i).arg(got, want)));
            } else {
                QCOMPARE(got, want);
            }
        }
    }

    static QStringList readAll(CsvReader& reader)
    {
        QStringList rows;
        CsvRow row;
        while (reader.readRow(row))
            rows << describe(row);
        return rows;
    }

    static const QStringList& columns()
    {
        static const QStringList names{QStringLiteral("name"), QStringLiteral("note")};
        return names;
    }

private slots:
    void rows_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("plain") << QByteArray("name,note\nAnn,hello\nBob,bye\n")
                               << QStringList{"2: Ann | hello", "3: Bob | bye"};
        QTest::newRow("no newline at the end")
            << QByteArray("name,note\nAnn,hello\nBob,bye") << QStringList{"2: Ann | hello", "3: Bob | bye"};
        QTest::newRow("quoted comma and doubled quotes")
            << QByteArray("name,note\n\"Smith, John\",\"a \"\"big\"\" deal\"\n\"\",\"\"\"\"\n")
            << QStringList{"2: Smith, John | a \"big\" deal", "3:  | \""};
        QTest::newRow("quoted newline spans lines") << QByteArray("name,note\nAnn,\"line one\nline two\"\nBob,x\n")
                                                    << QStringList{"2: Ann | line one\nline two", "4: Bob | x"};
        QTest::newRow("CRLF, also inside quotes") << QByteArray("name,note\r\nAnn,hi\r\nBob,\"a\r\nb\"\r\nCid,z\r\n")
                                                  << QStringList{"2: Ann | hi", "3: Bob | a\nb", "5: Cid | z"};
        QTest::newRow("lone CR line ends")
            << QByteArray("name,note\rAnn,hi\rBob,x\r") << QStringList{"2: Ann | hi", "3: Bob | x"};
        QTest::newRow("UTF-8 BOM skipped")
            << QByteArray("\xEF\xBB\xBFname,note\nAnn,hi\n") << QStringList{"2: Ann | hi"};
        QTest::newRow("BOM before a quoted header")
            << QByteArray("\xEF\xBB\xBF\"Name\",\"NOTE\"\r\nAnn,hi\r\n") << QStringList{"2: Ann | hi"};
        QTest::newRow("UTF-8 text kept") << QByteArray("name,note\nJos\xC3\xA9,\xE2\x82\xAC 5\n")
                                         << QStringList{QStringLiteral("2: Jos\u00E9 | \u20AC 5")};
        QTest::newRow("blank lines skipped, numbering kept")
            << QByteArray("name,note\n\nAnn,hi\n\r\n\nBob,x\n\n") << QStringList{"3: Ann | hi", "6: Bob | x"};
        QTest::newRow("empty fields") << QByteArray("name,note\nAnn,\n,\n") << QStringList{"2: Ann | ", "3:  | "};
        QTest::newRow("quote inside an unquoted field is kept")
            << QByteArray("name,note\nTV,55\" screen\n") << QStringList{"2: TV | 55\" screen"};
        QTest::newRow("wrong column count, reading goes on")
            << QByteArray("name,note\nAnn,hi,extra\nBob\nCid,ok\n")
            << QStringList{"2! the header has 2 columns, but this row has 3.", "3! but this row has 1.", "4: Cid | ok"};
        QTest::newRow("wrong column count after a multi-line field")
            << QByteArray("name,note\nAnn,\"one\ntwo\nthree\"\nBob,x,y\nCid,z\n")
            << QStringList{"2: Ann | one\ntwo\nthree", "5! but this row has 3.", "6: Cid | z"};
        QTest::newRow("invalid UTF-8 names its line") << QByteArray("name,note\nAnn,ok\nBob,caf\xE9\nCid,z\n")
                                                      << QStringList{"2: Ann | ok", "3! not valid UTF-8", "4: Cid | z"};
        QTest::newRow("truncated UTF-8 sequence") << QByteArray("name,note\nAnn,\xC3,x\nBob,\xC3\n")
                                                  << QStringList{"2! not valid UTF-8", "3! not valid UTF-8"};
        QTest::newRow("invalid UTF-8 in a multi-line field reports its first line")
            << QByteArray("name,note\nAnn,\"a\nb\xFF\nc\"\nBob,x\n") << QStringList{"2! not valid UTF-8", "5: Bob | x"};
        QTest::newRow("unterminated quote at the end of the file")
            << QByteArray("name,note\nAnn,ok\nBob,\"never closed\nCid,z\n")
            << QStringList{"2: Ann | ok", "3! is never closed before the end of the file"};
        QTest::newRow("unterminated quote after a multi-line field")
            << QByteArray("name,note\r\nAnn,\"x\r\ny\"\r\n\"Bob,z\r\n")
            << QStringList{"2: Ann | x\ny", "4! never closed"};
        QTest::newRow("text after a closing quote")
            << QByteArray("name,note\nAnn,\"quoted\"tail\nBob,x\n")
            << QStringList{"2! closing double quote is followed by more text", "3: Bob | x"};
        QTest::newRow("header only") << QByteArray("name,note\n") << QStringList{};

        QByteArray huge("name,note\nAnn,\"");
        huge.append(QByteArray(CsvReader::maximumRecordBytes + 100, 'x'));
        huge.append("\"\nBob,x\n");
        QTest::newRow("record over the size limit") << huge << QStringList{"2! longer than 1 MB", "3: Bob | x"};
    }

    void rows()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, expected);
        CsvReader reader(content);
        const auto header = reader.readHeader(columns());
        QVERIFY2(header.ok(), qPrintable(header.error().message.englishText()));
        QCOMPARE(header->line, 1);
        compareRows(readAll(reader), expected);
        QCOMPARE(reader.bytesConsumed(), qint64(content.size()));
    }

    void header_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("optional");
        QTest::addColumn<QString>("error");       // fragment; empty = the header is accepted
        QTest::addColumn<QStringList>("unknown"); // columns reported as unknown
        QTest::addColumn<int>("noteColumn");      // index of "note" in the accepted header

        const QStringList none;
        QTest::newRow("exact") << QByteArray("name,note\n") << none << "" << none << 1;
        QTest::newRow("case-insensitive, any order, spaces") << QByteArray(" NOTE , Name\n") << none << "" << none << 0;
        QTest::newRow("optional column known")
            << QByteArray("name,note,site\n") << QStringList{"site"} << "" << none << 1;
        QTest::newRow("unknown columns reported")
            << QByteArray("name,colour,note,Size\n") << QStringList{"site"} << "" << QStringList{"colour", "Size"} << 2;
        QTest::newRow("blank lines before the header") << QByteArray("\n\nname,note\n") << none << "" << none << 1;
        QTest::newRow("empty file") << QByteArray() << none << "The file is empty." << none << -1;
        QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << none << "The file is empty." << none << -1;
        QTest::newRow("only blank lines") << QByteArray("\n\r\n\n") << none << "The file is empty." << none << -1;
        QTest::newRow("missing column") << QByteArray("name,notes\n") << QStringList{"site"}
                                        << "Line 1: the header lacks these columns: note. Add them" << none << -1;
        QTest::newRow("column twice") << QByteArray("name,note,Name\n") << none
                                      << "Line 1: the column \"Name\" appears twice" << none << -1;
        QTest::newRow("unterminated quote in the header")
            << QByteArray("\"name,note\nAnn,x\n") << none << "Line 1: a quoted field" << none << -1;
        QTest::newRow("invalid UTF-8 in the header")
            << QByteArray("\n\nname\xFE,note\n") << none << "Line 3: this row contains characters" << none << -1;
    }

    void header()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, optional);
        QFETCH(QString, error);
        QFETCH(QStringList, unknown);
        QFETCH(int, noteColumn);
        CsvReader reader(content);
        const auto header = reader.readHeader(columns(), optional);
        if (!error.isEmpty()) {
            QVERIFY(!header.ok());
            QVERIFY2(header.error().message.englishText().contains(error),
                     qPrintable(header.error().message.englishText()));
            QCOMPARE(header.error().message.context(), QStringLiteral("CsvImport"));
            return;
        }
        QVERIFY2(header.ok(), qPrintable(header.error().message.englishText()));
        QCOMPARE(header->unknownColumns, unknown);
        QCOMPARE(header->indexOf(QStringLiteral("note")), noteColumn);
        QCOMPARE(header->indexOf(QStringLiteral("missing")), -1);
        if (unknown.isEmpty()) {
            QVERIFY(header->warnings.isEmpty());
        } else {
            QCOMPARE(header->warnings.size(), 1);
            const QString warning = header->warnings.first().englishText();
            for (const QString& name : unknown)
                QVERIFY2(warning.contains(name), qPrintable(warning));
            QVERIFY2(warning.startsWith(QStringLiteral("Line %1:").arg(header->line)), qPrintable(warning));
        }
    }

    // The row count is checked against the header even when rows are read one by one from a device.
    void columnCountFollowsHeader()
    {
        CsvReader reader(QByteArray("a,b,c\n1,2,3\n1,2\n"));
        QVERIFY(reader.readHeader({QStringLiteral("a")}, {QStringLiteral("b")}).ok());
        compareRows(readAll(reader), {"2: 1 | 2 | 3", "3! the header has 3 columns, but this row has 2."});
    }

    // A file of about 50 MB, written here and read back from disk record by record: every row arrives, with the
    // right line numbers, and the row errors planted in it are found.
    void largeFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("bulk.csv"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        const qint64 targetBytes = 50LL * 1024 * 1024;
        QByteArray chunk;
        chunk.append("\xEF\xBB\xBF"
                     "customer,product,auto_renew,site,note\r\n");
        int rows = 0;
        int line = 2;
        QList<int> badLines;
        QList<int> multiLineStarts;
        int lastLine = 0;
        qint64 written = 0;
        while (written + chunk.size() < targetBytes) {
            ++rows;
            lastLine = line;
            const QByteArray n = QByteArray::number(rows);
            if (rows % 100000 == 0) {
                chunk.append("customer-" + n + "@example.com,mobile-20gb,yes\r\n"); // one field short
                badLines << line;
                line += 1;
            } else if (rows % 10 == 0) {
                chunk.append("+4478000" + n + ",internet-100,no,\"Unit " + n +
                             ", Dock Road\",\"Caf\xC3\xA9 \"\"A\"\"\r\n" + "second line\"\r\n");
                multiLineStarts << line;
                line += 2;
            } else {
                chunk.append("customer-" + n + "@example.com,mobile-20gb,yes,\"Site " + n + ", Floor 2\",plain\r\n");
                line += 1;
            }
            if (chunk.size() > 1024 * 1024) {
                QCOMPARE(out.write(chunk), qint64(chunk.size()));
                written += chunk.size();
                chunk.clear();
            }
        }
        QCOMPARE(out.write(chunk), qint64(chunk.size()));
        out.close();
        QVERIFY(QFileInfo(path).size() >= targetBytes - 1024 * 1024);

        QFile in(path);
        QVERIFY(in.open(QIODevice::ReadOnly));
        CsvReader reader(in);
        const auto header = reader.readHeader({QStringLiteral("customer"), QStringLiteral("product"),
                                               QStringLiteral("auto_renew"), QStringLiteral("site")},
                                              {QStringLiteral("note")});
        QVERIFY2(header.ok(), qPrintable(header.error().message.englishText()));
        QCOMPARE(header->indexOf(QStringLiteral("site")), 3);

        int readRows = 0;
        int previousLine = 1;
        QList<int> errorLines;
        int multiLineChecked = 0;
        CsvRow row;
        while (reader.readRow(row)) {
            ++readRows;
            QVERIFY(row.line > previousLine);
            previousLine = row.line;
            if (!row.ok()) {
                errorLines << row.line;
                continue;
            }
            QCOMPARE(row.fields.size(), 5);
            if (readRows % 10 == 0 && readRows % 100000 != 0) {
                QCOMPARE(row.line, multiLineStarts.at(readRows / 10 - 1 - readRows / 100000));
                QCOMPARE(row.fields.at(3), QStringLiteral("Unit %1, Dock Road").arg(readRows));
                QCOMPARE(row.fields.at(4), QStringLiteral("Caf\u00E9 \"A\"\nsecond line"));
                ++multiLineChecked;
            }
        }
        QCOMPARE(readRows, rows);
        QCOMPARE(previousLine, lastLine);
        QCOMPARE(errorLines, badLines);
        QVERIFY(!badLines.isEmpty());
        QCOMPARE(multiLineChecked, multiLineStarts.size());
        QCOMPARE(reader.bytesConsumed(), QFileInfo(path).size());
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
