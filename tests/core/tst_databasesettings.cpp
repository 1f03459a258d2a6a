// The database choice of the Settings dialog: saved to and read from QSettings, the password only when it is
// remembered, and turned into a URL that DatabaseUrl reads back field for field.

#include "store/DatabaseSettings.h"
#include "store/DatabaseUrl.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;

class DatabaseSettingsTest : public QObject
{
    Q_OBJECT

private slots:
    void nothingSavedMeansTheDefaultFile();
    void postgresUrlRoundTrips();
    void passwordIsKeptOnlyWhenRemembered();
    void sqliteFile();
};

void DatabaseSettingsTest::nothingSavedMeansTheDefaultFile()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    const DatabaseSettings loaded = DatabaseSettings::load(settings);
    QVERIFY(!loaded.configured);
    QVERIFY(loaded.url().isEmpty());
    QVERIFY(!loaded.needsPassword());
}

void DatabaseSettingsTest::postgresUrlRoundTrips()
{
    DatabaseSettings s;
    s.engine = DatabaseSettings::Engine::Postgres;
    s.host = QStringLiteral("db.example.net");
    s.port = 6543;
    s.database = QStringLiteral("shop");
    s.user = QStringLiteral("clerk@north");
    s.password = QStringLiteral("p@ss:w/rd %41&x");
    s.sslMode = QStringLiteral("verify-full");
    s.caFile = QStringLiteral("/etc/ssl/our ca&%.pem");
    const auto parsed = DatabaseUrl::parse(s.url());
    QVERIFY2(parsed.ok(), qPrintable(s.url()));
    QCOMPARE(parsed->host, s.host);
    QCOMPARE(parsed->port, 6543);
    QCOMPARE(parsed->database, s.database);
    QCOMPARE(parsed->user, s.user);
    QCOMPARE(parsed->password, s.password);
    QCOMPARE(parsed->options, QStringLiteral("sslmode=verify-full;sslrootcert=/etc/ssl/our ca&%.pem"));
    QVERIFY(!parsed->toDisplayString().contains(QLatin1String("p@ss")));
}

void DatabaseSettingsTest::passwordIsKeptOnlyWhenRemembered()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    DatabaseSettings s;
    s.engine = DatabaseSettings::Engine::Postgres;
    s.user = QStringLiteral("clerk");
    s.password = QStringLiteral("secret");
    {
        QSettings settings(file, QSettings::IniFormat);
        s.save(settings);
    }
    {
        QSettings settings(file, QSettings::IniFormat);
        const DatabaseSettings loaded = DatabaseSettings::load(settings);
        QVERIFY(loaded.configured);
        QVERIFY(loaded.password.isEmpty());
        QVERIFY(loaded.needsPassword());
        QVERIFY(!settings.contains(QStringLiteral("database/password")));
    }
    s.rememberPassword = true;
    {
        QSettings settings(file, QSettings::IniFormat);
        s.save(settings);
    }
    // Other users of the machine cannot read a remembered password.
    QCOMPARE(QFile::permissions(file) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    QSettings settings(file, QSettings::IniFormat);
    const DatabaseSettings loaded = DatabaseSettings::load(settings);
    QCOMPARE(loaded.password, QStringLiteral("secret"));
    QVERIFY(!loaded.needsPassword());
    QCOMPARE(DatabaseUrl::parse(loaded.url())->password, QStringLiteral("secret"));
}

void DatabaseSettingsTest::sqliteFile()
{
    DatabaseSettings s;
    s.configured = true;
    s.sqlitePath = QStringLiteral("/var/lib/switchboard/shop.db");
    const auto parsed = DatabaseUrl::parse(s.url());
    QVERIFY(parsed.ok());
    QVERIFY(parsed->isSqlite());
    QCOMPARE(parsed->path, s.sqlitePath);
}

QTEST_GUILESS_MAIN(DatabaseSettingsTest)
#include "tst_databasesettings.moc"
