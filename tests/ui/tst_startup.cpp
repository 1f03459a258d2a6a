// Application start-up: "Opening database…" while the backend opens off the GUI thread, then the main window;
// a database that cannot be opened shows its sentence in a message box instead.

#include "AppController.h"
#include "MainWindow.h"
#include "UiTestSupport.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;

class TestStartup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::prepareEnvironment(); }
    void opensTheMainWindow();
    void badDatabaseShowsTheReason();

private:
    static QWidget* topLevel(const QString& objectName);
};

QWidget* TestStartup::topLevel(const QString& objectName)
{
    for (QWidget* widget : QApplication::topLevelWidgets())
        if (widget->objectName() == objectName && widget->isVisible())
            return widget;
    return nullptr;
}

void TestStartup::opensTheMainWindow()
{
    QTemporaryDir directory;
    AppController controller({QStringLiteral("sqlite:///") + directory.filePath(QStringLiteral("start.db")),
                              QStringLiteral("en"), QString()});
    controller.start();
    QVERIFY(topLevel(QStringLiteral("startupWindow")) != nullptr); // shown at once, before the database is ready
    QVERIFY(controller.mainWindow() == nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow() && controller.mainWindow()->isVisible(), 60000);
    QVERIFY(topLevel(QStringLiteral("startupWindow")) == nullptr);
    QCOMPARE(controller.mainWindow()->currentPage(), MainWindow::Page::Catalog);
}

void TestStartup::badDatabaseShowsTheReason()
{
    AppController controller({QStringLiteral("bogus://nowhere"), QStringLiteral("en"), QString()});
    controller.start();
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = qobject_cast<QMessageBox*>(topLevel(QStringLiteral("startupErrorBox")))) != nullptr);
    QVERIFY2(box->text().contains(QStringLiteral("is not a database URL")), qPrintable(box->text()));
    QVERIFY(controller.mainWindow() == nullptr);
    QTest::mouseClick(box->button(QMessageBox::Close), Qt::LeftButton);
    QTRY_VERIFY(topLevel(QStringLiteral("startupErrorBox")) == nullptr);
}

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
