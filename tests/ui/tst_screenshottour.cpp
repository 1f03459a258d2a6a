// The README's screenshot command, run as a user runs it: the GUI walks every flow offscreen in Portuguese and
// writes one picture per step. A step that cannot be reached (an empty list, a dialog that never opens) ends the
// tour with an error instead of a picture.
#include <QDir>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestScreenshotTour : public QObject
{
    Q_OBJECT

private slots:
    void everyStepIsRendered()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess gui;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        gui.setProcessEnvironment(environment);
        gui.setProcessChannelMode(QProcess::MergedChannels);
        gui.start(QStringLiteral(SWITCHBOARD_GUI),
                  {QStringLiteral("--db"), QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("tour.db")),
                   QStringLiteral("--screenshots"), dir.filePath(QStringLiteral("shots")), QStringLiteral("--lang"),
                   QStringLiteral("pt_BR")});
        QVERIFY(gui.waitForFinished(300000));
        QVERIFY2(gui.exitStatus() == QProcess::NormalExit && gui.exitCode() == 0, gui.readAll().constData());

        const QStringList shots = QDir(dir.filePath(QStringLiteral("shots")))
                                      .entryList({QStringLiteral("*-pt_BR.png")}, QDir::Files, QDir::Name);
        // +2: the business details step and the add-on prompt; +1: Import CSV errors; +3: the customer's sites and
        // contacts, their provisioning history, Create Customer with problems; +1: the Queue page
        QCOMPARE(shots.size(), 34);
        for (const QString& name : {QStringLiteral("08-review-pt_BR.png"), QStringLiteral("18-verify-service-pt_BR.png"),
                                    QStringLiteral("19-settings-mail-pt_BR.png"),
                                    QStringLiteral("21-subscription-pt_BR.png"),
                                    QStringLiteral("28-amend-problems-pt_BR.png")})
            QVERIFY2(shots.contains(name), qPrintable(name));
        for (const QString& name : shots) {
            const QImage image(dir.filePath(QStringLiteral("shots/") + name));
            QVERIFY2(image.width() >= 300 && image.height() >= 200, qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestScreenshotTour)
#include "tst_screenshottour.moc"
