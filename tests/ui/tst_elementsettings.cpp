// Settings → Network elements: every field goes through the dialog into the INI file and back, secrets are never
// shown back (kept when left empty, removed with Clear), invalid input leaves the file as it was with a message
// next to the field, turning verification off asks first, and "Test connection" answers from the built-in
// simulator or says it cannot connect.
#include "ElementSettingsPage.h"
#include "SettingsDialog.h"
#include "UiTestSupport.h"

#include "network/ElementEndpoint.h"
#include "network/SimulatorThread.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace sb;

namespace {

quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString touch(const QTemporaryDir& dir, const QString& name)
{
    QFile file(dir.filePath(name));
    file.open(QIODevice::WriteOnly);
    file.write("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    return file.fileName();
}

// Answers the next message box with `button` once it is shown.
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, [button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box)
            box->button(button)->click();
    });
}

} // namespace

class ElementSettingsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::prepareEnvironment(); }
    void everyFieldRoundTrips();
    void secretsAreNotShownBackAndKeptOrCleared();
    void invalidInputChangesNothing();
    void turningVerificationOffAsksFirst();
    void testConnectionToTheSimulator();
    void testConnectionToAClosedPort();
    void renderPages();

private:
    template <typename T> static T* field(SettingsDialog& dialog, const char* key)
    {
        T* widget = dialog.elementSettings()->findChild<T*>(QLatin1String(key));
        if (!widget)
            qWarning("no widget %s", key);
        return widget;
    }
    static void clickOk(SettingsDialog& dialog)
    {
        dialog.show();
        dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    }
};

void ElementSettingsTest::everyFieldRoundTrips()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("switchboard.ini"));
    QMap<QString, QString> texts{
        {QStringLiteral("network/ocs_url"), QStringLiteral("https://ocs.example.net:2080/jsonrpc")},
        {QStringLiteral("network/hss_url"), QStringLiteral("https://hss.example.net:8080")},
        {QStringLiteral("network/hss_provisioning_key"), QStringLiteral("hss-key")},
        {QStringLiteral("network/hss_ctrl"), QStringLiteral("10.0.0.5:4259")},
        {QStringLiteral("network/iptv_url"), QStringLiteral("https://iptv.example.net/api")},
        {QStringLiteral("network/iptv_api_key"), QStringLiteral("iptv-key")},
        {QStringLiteral("network/radius/db_url"), QStringLiteral("postgresql://radius@db.example.net/radius")},
        {QStringLiteral("network/radius/db_password"), QStringLiteral("radius-pw")},
        {QStringLiteral("network/sip/db_url"), QStringLiteral("postgresql://kamailio@db.example.net/kamailio")},
        {QStringLiteral("network/sip/db_password"), QStringLiteral("sip-pw")},
        {QStringLiteral("network/sip/domain"), QStringLiteral("sip.example.net")},
        {QStringLiteral("mail/host"), QStringLiteral("smtp.example.net")},
        {QStringLiteral("mail/port"), QStringLiteral("2525")},
        {QStringLiteral("mail/from"), QStringLiteral("noreply@example.net")},
        {QStringLiteral("mail/username"), QStringLiteral("mailer")},
        {QStringLiteral("mail/password"), QStringLiteral("mail-pw")},
        {QStringLiteral("sim/op"), QStringLiteral("cdc202d5123e20f62b6d676ac72cb318")},
    };
    for (const QString& prefix : {QStringLiteral("network/ocs_"), QStringLiteral("network/hss_"),
                                  QStringLiteral("network/iptv_"), QStringLiteral("mail/")}) {
        const QString stem = QString(prefix).remove(QStringLiteral("network/")).remove(QLatin1Char('/'));
        texts.insert(prefix + QStringLiteral("ca_file"), touch(dir, stem + QStringLiteral("ca.pem")));
        texts.insert(prefix + QStringLiteral("client_cert"), touch(dir, stem + QStringLiteral("cert.pem")));
        texts.insert(prefix + QStringLiteral("client_key"), touch(dir, stem + QStringLiteral("key.pem")));
    }
    texts.insert(QStringLiteral("sim/transport_key_file"), touch(dir, QStringLiteral("transport.key")));

    {
        SettingsDialog dialog;
        dialog.elementSettings()->setSettingsFile(file);
        for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
            auto* edit = dialog.elementSettings()->findChild<QLineEdit*>(it.key());
            QVERIFY2(edit, qPrintable(it.key()));
            edit->setText(it.value());
        }
        field<QCheckBox>(dialog, "network/iptv_tls_verify")->setChecked(false);
        field<QCheckBox>(dialog, "mail/starttls")->setChecked(false);
        field<QSpinBox>(dialog, "network/ocs_timeout_ms")->setValue(4);
        field<QSpinBox>(dialog, "network/hss_timeout_ms")->setValue(7);
        field<QSpinBox>(dialog, "network/iptv_timeout_ms")->setValue(12);
        field<QSpinBox>(dialog, "mail/timeout_ms")->setValue(45);
        clickOk(dialog);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    QSettings settings(file, QSettings::IniFormat);
    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        QCOMPARE(settings.value(it.key()).toString(), it.value());
    QCOMPARE(settings.value(QStringLiteral("network/hss_kind")).toString(), QStringLiteral("pyhss"));
    QCOMPARE(settings.value(QStringLiteral("network/ocs_tls_verify")).toBool(), true);
    QCOMPARE(settings.value(QStringLiteral("network/iptv_tls_verify")).toBool(), false);
    QCOMPARE(settings.value(QStringLiteral("mail/starttls")).toBool(), false);
    QCOMPARE(settings.value(QStringLiteral("network/ocs_timeout_ms")).toInt(), 4000);
    QCOMPARE(settings.value(QStringLiteral("network/hss_timeout_ms")).toInt(), 7000);
    QCOMPARE(settings.value(QStringLiteral("network/iptv_timeout_ms")).toInt(), 12000);
    QCOMPARE(settings.value(QStringLiteral("mail/timeout_ms")).toInt(), 45000);
    const NetworkEndpoints endpoints = NetworkEndpoints::fromSettings(settings); // what the worker reads
    QCOMPARE(endpoints.iptv.tls.verifyPeer, false);
    QCOMPARE(endpoints.hss.timeoutMs, 7000);
    QCOMPARE(endpoints.sipDbUrl, QStringLiteral("postgresql://kamailio:sip-pw@db.example.net/kamailio"));
    QCOMPARE(endpoints.mail.password, QStringLiteral("mail-pw"));

    // Opened again: everything is back, except that secrets are only said to be stored.
    SettingsDialog again;
    again.elementSettings()->setSettingsFile(file);
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        auto* edit = again.elementSettings()->findChild<QLineEdit*>(it.key());
        if (edit->echoMode() == QLineEdit::Password) {
            QCOMPARE(edit->text(), QString());
            QCOMPARE(edit->placeholderText(), QStringLiteral("(stored — type to replace)"));
        } else {
            QCOMPARE(edit->text(), it.value());
        }
    }
    QCOMPARE(field<QCheckBox>(again, "network/iptv_tls_verify")->isChecked(), false);
    QCOMPARE(field<QSpinBox>(again, "mail/timeout_ms")->value(), 45);
}

void ElementSettingsTest::secretsAreNotShownBackAndKeptOrCleared()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("switchboard.ini"));
    {
        QSettings settings(file, QSettings::IniFormat);
        settings.setValue(QStringLiteral("network/iptv_api_key"), QStringLiteral("iptv-secret"));
        settings.setValue(QStringLiteral("mail/password"), QStringLiteral("mail-secret"));
    }
    {
        SettingsDialog dialog;
        dialog.elementSettings()->setSettingsFile(file);
        const QList<QLineEdit*> edits = dialog.findChildren<QLineEdit*>();
        for (QLineEdit* edit : edits) // the clear text is in no widget at all
            QVERIFY(!edit->text().contains(QLatin1String("secret")));
        clickOk(dialog); // left empty: kept
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QCOMPARE(QSettings(file, QSettings::IniFormat).value(QStringLiteral("mail/password")).toString(),
             QStringLiteral("mail-secret"));
    // A file holding secrets is not readable by other users of the machine.
    QCOMPARE(QFile::permissions(file) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    {
        SettingsDialog dialog;
        dialog.elementSettings()->setSettingsFile(file);
        auto* clear = field<QPushButton>(dialog, "mail/password#clear");
        QVERIFY(clear->isEnabled());
        clear->click();
        QVERIFY(!clear->isEnabled());
        QVERIFY(field<QLineEdit>(dialog, "mail/password")->placeholderText() !=
                QStringLiteral("(stored — type to replace)"));
        field<QLineEdit>(dialog, "network/iptv_api_key")->setText(QStringLiteral("new-iptv-key")); // replaced
        clickOk(dialog);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QSettings settings(file, QSettings::IniFormat);
    QVERIFY(!settings.contains(QStringLiteral("mail/password")));
    QCOMPARE(settings.value(QStringLiteral("network/iptv_api_key")).toString(), QStringLiteral("new-iptv-key"));
}

void ElementSettingsTest::invalidInputChangesNothing()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("switchboard.ini"));
    {
        QSettings settings(file, QSettings::IniFormat);
        settings.setValue(QStringLiteral("network/ocs_url"), QStringLiteral("http://ocs.example.net/jsonrpc"));
    }
    const QByteArray before = contents(file);
    SettingsDialog dialog;
    dialog.elementSettings()->setSettingsFile(file);
    field<QLineEdit>(dialog, "network/ocs_url")->setText(QStringLiteral("ocs.example.net without scheme"));
    field<QLineEdit>(dialog, "mail/port")->setText(QStringLiteral("70000"));
    field<QLineEdit>(dialog, "mail/ca_file")->setText(dir.filePath(QStringLiteral("missing-ca.pem")));
    clickOk(dialog);
    QVERIFY(dialog.isVisible()); // not accepted
    QCOMPARE(contents(file), before);
    QCOMPARE(dialog.findChild<QTabWidget*>(QStringLiteral("settingsTabs"))->currentWidget(),
             static_cast<QWidget*>(dialog.elementSettings()));
    auto* urlProblem = field<QLabel>(dialog, "network/ocs_url#problem");
    QVERIFY(urlProblem->isVisible());
    QVERIFY2(urlProblem->text().startsWith(QLatin1String("Enter a full address that starts with http://")),
             qPrintable(urlProblem->text()));
    QCOMPARE(field<QLabel>(dialog, "mail/port#problem")->text(), QStringLiteral("Enter a port from 1 to 65535."));
    QVERIFY(field<QLabel>(dialog, "mail/ca_file#problem")->text().contains(QLatin1String("does not exist")));

    if (const QString shots = qEnvironmentVariable("SWITCHBOARD_SHOTS"); !shots.isEmpty()) {
        dialog.resize(dialog.sizeHint());
        QVERIFY(dialog.grab().save(shots + QStringLiteral("/elements-invalid.png")));
        dialog.elementSettings()->showPage(ElementPage::Mail);
        QApplication::processEvents();
        QVERIFY(dialog.grab().save(shots + QStringLiteral("/elements-invalid-mail.png")));
    }
}

void ElementSettingsTest::turningVerificationOffAsksFirst()
{
    QTemporaryDir dir;
    SettingsDialog dialog;
    dialog.elementSettings()->setSettingsFile(dir.filePath(QStringLiteral("s.ini")));
    dialog.findChild<QTabWidget*>(QStringLiteral("settingsTabs"))->setCurrentWidget(dialog.elementSettings());
    dialog.elementSettings()->showPage(ElementPage::Ocs);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* verify = field<QCheckBox>(dialog, "network/ocs_tls_verify");
    auto* warning = field<QLabel>(dialog, "network/ocs_tls_verify#warning");
    QVERIFY(verify->isChecked());
    QVERIFY(!warning->isVisible());

    answerNextMessageBox(QMessageBox::No);
    QTest::mouseClick(verify, Qt::LeftButton, {}, QPoint(8, verify->height() / 2));
    QVERIFY(verify->isChecked());
    QVERIFY(!warning->isVisible());

    answerNextMessageBox(QMessageBox::Yes);
    QTest::mouseClick(verify, Qt::LeftButton, {}, QPoint(8, verify->height() / 2));
    QVERIFY(!verify->isChecked());
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().startsWith(QLatin1String("Verification is off")));
    if (const QString shots = qEnvironmentVariable("SWITCHBOARD_SHOTS"); !shots.isEmpty()) {
        QApplication::processEvents();
        QVERIFY(dialog.grab().save(shots + QStringLiteral("/elements-verify-off.png")));
    }
}

void ElementSettingsTest::testConnectionToTheSimulator()
{
    SimulatorThread simulator;
    QVERIFY(simulator.start(0));
    const NetworkEndpoints simulated = NetworkEndpoints::forSimulator(simulator.baseUrl());
    QTemporaryDir dir;
    SettingsDialog dialog;
    ElementSettingsPage* page = dialog.elementSettings();
    page->setSettingsFile(dir.filePath(QStringLiteral("s.ini")));
    field<QLineEdit>(dialog, "network/ocs_url")->setText(simulated.ocs.url.toString());
    field<QLineEdit>(dialog, "network/iptv_url")->setText(simulated.iptv.url.toString());
    for (ElementPage element : {ElementPage::Ocs, ElementPage::Iptv}) {
        page->showPage(element);
        QSignalSpy finished(page, &ElementSettingsPage::testFinished);
        page->pageWidget(element)->findChild<QPushButton*>(QStringLiteral("elementTestButton"))->click();
        QVERIFY(page->isTesting()); // the GUI thread is free while it connects
        QVERIFY(finished.wait(15000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(page->resultLabel(element)->text()));
        QVERIFY2(page->resultLabel(element)->text().startsWith(QLatin1String("Connected: the ")),
                 qPrintable(page->resultLabel(element)->text()));
    }
    if (const QString shots = qEnvironmentVariable("SWITCHBOARD_SHOTS"); !shots.isEmpty()) {
        page->showPage(ElementPage::Iptv);
        dialog.findChild<QTabWidget*>(QStringLiteral("settingsTabs"))->setCurrentWidget(page);
        dialog.resize(dialog.sizeHint());
        QVERIFY(dialog.grab().save(shots + QStringLiteral("/elements-test-ok.png")));
    }
}

void ElementSettingsTest::testConnectionToAClosedPort()
{
    QTemporaryDir dir;
    SettingsDialog dialog;
    ElementSettingsPage* page = dialog.elementSettings();
    page->setSettingsFile(dir.filePath(QStringLiteral("s.ini")));
    field<QLineEdit>(dialog, "network/hss_url")->setText(QStringLiteral("http://127.0.0.1:%1").arg(closedPort()));
    page->showPage(ElementPage::Hss);
    QSignalSpy finished(page, &ElementSettingsPage::testFinished);
    page->testConnection();
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(page->resultLabel(ElementPage::Hss)
                 ->text()
                 .startsWith(QLatin1String("Unable to connect to HSS at http://127.0.0.1:")),
             qPrintable(page->resultLabel(ElementPage::Hss)->text()));
    if (const QString shots = qEnvironmentVariable("SWITCHBOARD_SHOTS"); !shots.isEmpty()) {
        dialog.findChild<QTabWidget*>(QStringLiteral("settingsTabs"))->setCurrentWidget(page);
        dialog.resize(dialog.sizeHint());
        QVERIFY(dialog.grab().save(shots + QStringLiteral("/elements-test-refused.png")));
    }
}

void ElementSettingsTest::renderPages()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    {
        QSettings settings(file, QSettings::IniFormat);
        settings.setValue(QStringLiteral("mail/password"), QStringLiteral("stored"));
        settings.setValue(QStringLiteral("network/hss_provisioning_key"), QStringLiteral("stored"));
    }
    SettingsDialog dialog;
    dialog.elementSettings()->setSettingsFile(file);
    auto* tabs = dialog.findChild<QTabWidget*>(QStringLiteral("settingsTabs"));
    tabs->setCurrentWidget(dialog.elementSettings());
    dialog.resize(dialog.sizeHint());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    for (ElementPage page : ElementSettings::pages()) {
        dialog.elementSettings()->showPage(page);
        QApplication::processEvents();
        // Every page fits the dialog: nothing is cut off at the bottom or the right.
        QWidget* widget = dialog.elementSettings()->pageWidget(page);
        QVERIFY(widget->isVisible());
        auto* scroll =
            dialog.elementSettings()->findChild<QScrollArea*>(QStringLiteral("elementScroll%1").arg(int(page)));
        QVERIFY(scroll);
        QVERIFY2(!scroll->verticalScrollBar()->isVisible(), qPrintable(QString::number(int(page))));
        QVERIFY2(widget->minimumSizeHint().width() <= widget->width(), qPrintable(QString::number(int(page))));
        const QString shots = qEnvironmentVariable("SWITCHBOARD_SHOTS");
        if (!shots.isEmpty())
            QVERIFY(dialog.grab().save(shots + QStringLiteral("/elements-%1.png").arg(int(page))));
    }
}

QTEST_MAIN(ElementSettingsTest)
#include "tst_elementsettings.moc"
