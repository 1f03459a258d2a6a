// PasswordHasher: PBKDF2-HMAC-SHA256 with a random salt per hash, in the pbkdf2-sha256$ITER$SALT$HASH encoding.

#include "security/PasswordHasher.h"

#include <QRegularExpression>
#include <QTest>

using namespace sb;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void verify_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("attempt");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("right password") << "correct horse battery"
                                        << "correct horse battery" << true;
        QTest::newRow("wrong password") << "correct horse battery"
                                        << "correct horse batterz" << false;
        QTest::newRow("case matters") << "Secret-Password"
                                      << "secret-password" << false;
        QTest::newRow("prefix is not enough") << "longpassword"
                                              << "longpass" << false;
        QTest::newRow("empty attempt") << "something"
                                       << "" << false;
        QTest::newRow("non-ASCII right") << QStringLiteral("pão de açúcar ☎") << QStringLiteral("pão de açúcar ☎")
                                         << true;
        QTest::newRow("non-ASCII wrong") << QStringLiteral("pão de açúcar ☎") << QStringLiteral("pao de acucar ☎")
                                         << false;
    }

    void verify()
    {
        QFETCH(QString, password);
        QFETCH(QString, attempt);
        QFETCH(bool, accepted);
        const QString encoded = PasswordHasher().hash(password);
        QVERIFY(!encoded.isEmpty());
        QCOMPARE(PasswordHasher::verify(attempt, encoded), accepted);
    }

    void encoding()
    {
        const QString encoded = PasswordHasher().hash(QStringLiteral("a password"));
        const QRegularExpression shape(
            QStringLiteral("^pbkdf2-sha256\\$(\\d+)\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)$"));
        const QRegularExpressionMatch match = shape.match(encoded);
        QVERIFY2(match.hasMatch(), qPrintable(encoded));
        QVERIFY(match.captured(1).toInt() >= 310000);
        QCOMPARE(QByteArray::fromBase64(match.captured(2).toLatin1()).size(), 16);
        QCOMPARE(QByteArray::fromBase64(match.captured(3).toLatin1()).size(), 32);
        QVERIFY(!encoded.contains(QLatin1String("a password")));
        QVERIFY(PasswordHasher::isWellFormed(encoded));
    }

    void saltDiffersPerHash()
    {
        // Two users with the same password get different salts, hence different hashes; each still verifies.
        const QString first = PasswordHasher().hash(QStringLiteral("same password"));
        const QString second = PasswordHasher().hash(QStringLiteral("same password"));
        QVERIFY(first != second);
        QVERIFY(first.section(QLatin1Char('$'), 2, 2) != second.section(QLatin1Char('$'), 2, 2));
        QVERIFY(PasswordHasher::verify(QStringLiteral("same password"), first));
        QVERIFY(PasswordHasher::verify(QStringLiteral("same password"), second));
    }

    void iterationsNeverBelowTheMinimum()
    {
        const QString encoded = PasswordHasher(1000).hash(QStringLiteral("pw"));
        QCOMPARE(encoded.section(QLatin1Char('$'), 1, 1).toInt(), PasswordHasher::MinimumIterations);
    }

    void malformedIsRefused_data()
    {
        const QString good = PasswordHasher().hash(QStringLiteral("pw"));
        const QStringList parts = good.split(QLatin1Char('$'));
        QTest::addColumn<QString>("encoded");
        QTest::newRow("empty") << QString();
        QTest::newRow("clear text") << QStringLiteral("pw");
        QTest::newRow("other scheme") << QStringList{QStringLiteral("md5"), parts.at(1), parts.at(2), parts.at(3)}.join(
            QLatin1Char('$'));
        QTest::newRow("too few iterations")
            << QStringList{parts.at(0), QStringLiteral("1000"), parts.at(2), parts.at(3)}.join(QLatin1Char('$'));
        QTest::newRow("iterations not a number")
            << QStringList{parts.at(0), QStringLiteral("many"), parts.at(2), parts.at(3)}.join(QLatin1Char('$'));
        QTest::newRow("bad base64") << QStringList{parts.at(0), parts.at(1), QStringLiteral("***"), parts.at(3)}.join(
            QLatin1Char('$'));
        QTest::newRow("short hash") << QStringList{parts.at(0), parts.at(1), parts.at(2), QStringLiteral("AAAA")}.join(
            QLatin1Char('$'));
        QTest::newRow("missing part") << QStringList{parts.at(0), parts.at(1), parts.at(2)}.join(QLatin1Char('$'));
    }

    void malformedIsRefused()
    {
        QFETCH(QString, encoded);
        QVERIFY(!PasswordHasher::isWellFormed(encoded));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("pw"), encoded));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
