// File → Settings…: the form turns into DatabaseSettings and back, the password is never shown in clear, OK saves
// to QSettings (the password only when remembered), and "Test connection" answers without blocking the GUI.

#include "SettingsDialog.h"
#include "UiTestSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;

class SettingsDialogTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::prepareEnvironment(); }
    void init() { QSettings().remove(QStringLiteral("database")); }
    void postgresFormRoundTrips();
    void passwordSavedOnlyWhenRemembered();
    void testConnectionToANewSqliteFile();
    void testConnectionToNowhere();
};

void SettingsDialogTest::postgresFormRoundTrips()
{
    SettingsDialog dialog;
    DatabaseSettings s;
    s.engine = DatabaseSettings::Engine::Postgres;
    s.host = QStringLiteral("db.shop.example");
    s.port = 6432;
    s.database = QStringLiteral("shop");
    s.user = QStringLiteral("clerk");
    s.password = QStringLiteral("secret");
    s.rememberPassword = true;
    s.sslMode = QStringLiteral("verify-full");
    s.caFile = QStringLiteral("/etc/ssl/shop-ca.pem");
    dialog.setSettings(s);
    auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
    QVERIFY(password);
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("caFileEdit"))->isEnabled());
    QVERIFY(!dialog.findChild<QLineEdit*>(QStringLiteral("sqliteFileEdit"))->isEnabled());
    const DatabaseSettings back = dialog.settings();
    QCOMPARE(back.url(), s.url());
    QCOMPARE(back.rememberPassword, true);

    dialog.resize(dialog.sizeHint());
    const QString shots = qEnvironmentVariable("SWITCHBOARD_SHOTS");
    if (!shots.isEmpty())
        QVERIFY(dialog.grab().save(shots + QStringLiteral("/settings-postgres.png")));
}

void SettingsDialogTest::passwordSavedOnlyWhenRemembered()
{
    SettingsDialog dialog;
    dialog.findChild<QRadioButton*>(QStringLiteral("postgresButton"))->setChecked(true);
    dialog.findChild<QLineEdit*>(QStringLiteral("userEdit"))->setText(QStringLiteral("clerk"));
    dialog.findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->setText(QStringLiteral("secret"));
    dialog.findChild<QCheckBox*>(QStringLiteral("rememberPasswordCheck"))->setChecked(false);
    dialog.show();
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("database/engine")).toString(), QStringLiteral("postgresql"));
    QVERIFY(!settings.contains(QStringLiteral("database/password")));
    QVERIFY(DatabaseSettings::load(settings).needsPassword());
}

void SettingsDialogTest::testConnectionToANewSqliteFile()
{
    QTemporaryDir dir;
    SettingsDialog dialog;
    dialog.findChild<QRadioButton*>(QStringLiteral("sqliteButton"))->setChecked(true);
    dialog.findChild<QLineEdit*>(QStringLiteral("sqliteFileEdit"))->setText(dir.filePath(QStringLiteral("new.db")));
    QSignalSpy finished(&dialog, &SettingsDialog::testFinished);
    dialog.findChild<QPushButton*>(QStringLiteral("testConnectionButton"))->click();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY2(dialog.resultLabel()->text().contains(QLatin1String("does not exist yet")),
             qPrintable(dialog.resultLabel()->text()));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("new.db"))));
}

void SettingsDialogTest::testConnectionToNowhere()
{
    SettingsDialog dialog;
    dialog.findChild<QRadioButton*>(QStringLiteral("postgresButton"))->setChecked(true);
    dialog.findChild<QLineEdit*>(QStringLiteral("hostEdit"))->setText(QStringLiteral("127.0.0.1"));
    dialog.findChild<QSpinBox*>(QStringLiteral("portSpin"))->setValue(1);
    dialog.findChild<QLineEdit*>(QStringLiteral("userEdit"))->setText(QStringLiteral("clerk"));
    QSignalSpy finished(&dialog, &SettingsDialog::testFinished);
    dialog.testConnection();
    QVERIFY(dialog.isTesting()); // the GUI thread is free while it connects
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(dialog.resultLabel()->text().startsWith(QLatin1String("Cannot reach the database server at 127.0.0.1:1.")),
             qPrintable(dialog.resultLabel()->text()));
    dialog.resize(dialog.sizeHint());
    const QString shots = qEnvironmentVariable("SWITCHBOARD_SHOTS");
    if (!shots.isEmpty())
        QVERIFY(dialog.grab().save(shots + QStringLiteral("/settings-unreachable.png")));
}

QTEST_MAIN(SettingsDialogTest)
#include "tst_settingsdialog.moc"
