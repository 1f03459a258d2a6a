// File > Import CSV… through the real main window, with the embedded worker and the built-in simulator: the dry run
// lists each bad row with its line, a good file is assigned row by row with live counters, a cancel stops new
// submissions, a failed row can be retried, the report is written, and an interrupted import is offered again.

#include "ImportCsvDialog.h"
#include "ImportCsvLauncher.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "UiTestSupport.h"
#include "network/NetworkSimulator.h"
#include "network/SimulatorThread.h"
#include "store/CustomerRepository.h"
#include "store/ServiceRepository.h"
#include "workflows/BulkImportWorkflow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace sb;

namespace {

// Every string of our widgets as "‹source›": shows which texts were read again after a language change.
class MarkingTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* source, const char*, int n) const override
    {
        if (!QByteArray(context).startsWith("sb::"))
            return {};
        QString text = QString::fromUtf8(source);
        if (n >= 0)
            text.replace(QStringLiteral("%n"), QString::number(n));
        return QStringLiteral("‹%1›").arg(text);
    }
};

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void actionOpensTheDialog();
    void dryRunListsBadRowsWithTheirLines();
    void goodFileIsAssignedRowByRow();
    void cancelStopsNewSubmissions();
    void failedRowsCanBeRetriedAndReported();
    void interruptedImportIsOfferedAgain();
    void closingWhileRunningAsks();
    void retranslatesAtRunTime();

private:
    ImportCsvDialog* openDialog();
    QString writeCsv(const QString& name, const QStringList& lines);
    QStringList customerRows(int count, const QString& product = QStringLiteral("mobile-20gb"));
    void validateFile(ImportCsvDialog* dialog, const QString& path);
    void startAndConfirm(ImportCsvDialog* dialog);
    void answer(const char* boxName, const char* buttonName);
    QString text(ImportCsvDialog* dialog, const char* labelName);
    int counter(ImportCsvDialog* dialog, const char* valueName);
    void saveShot(QWidget* widget, const QString& name);

    test::MainWindowFixture m_ui;
    QTemporaryDir m_files;
    QList<qint64> m_individuals; // active individual customers of the demo data, not used by a test yet
};

void TestImportDialog::initTestCase()
{
    QVERIFY2(m_ui.start(), qPrintable(m_ui.errorText()));
    QVERIFY(m_files.isValid());
    CustomerRepository customers(m_ui.backend().database());
    for (qint64 id = 1; id <= customers.count(); ++id) {
        const std::optional<Customer> customer = customers.byId(id);
        if (customer && customer->type == CustomerType::Individual && customer->status == QLatin1String("active"))
            m_individuals << id;
    }
    QVERIFY(m_individuals.size() >= 60);
}

void TestImportDialog::cleanupTestCase()
{
    m_ui.reset();
}

void TestImportDialog::cleanup()
{
    if (NetworkSimulator* simulator = m_ui.backend().simulator()->simulator()) {
        simulator->setLatencyMs(0);
        simulator->clearFaults();
    }
    if (ImportCsvDialog* dialog = m_ui.window().importCsv()->dialog()) {
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning() && !dialog->isBusy(), 60000);
        dialog->close();
    }
}

ImportCsvDialog* TestImportDialog::openDialog()
{
    QAction* action = m_ui.window().importCsv()->action();
    if (!action->isEnabled())
        return nullptr;
    action->trigger();
    ImportCsvDialog* dialog = m_ui.window().importCsv()->dialog();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

QString TestImportDialog::writeCsv(const QString& name, const QStringList& lines)
{
    const QString path = m_files.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
    return path;
}

QStringList TestImportDialog::customerRows(int count, const QString& product)
{
    QStringList rows;
    for (int i = 0; i < count && !m_individuals.isEmpty(); ++i)
        rows << QStringLiteral("%1,%2,yes").arg(m_individuals.takeFirst()).arg(product);
    return rows;
}

void TestImportDialog::validateFile(ImportCsvDialog* dialog, const QString& path)
{
    dialog->setFile(path);
    QTRY_VERIFY(dialog->fileRowCount() >= 0);
    auto* validate = dialog->findChild<QPushButton*>(QStringLiteral("validateButton"));
    QVERIFY(validate->isEnabled());
    QVERIFY(validate->isDefault()); // Enter validates a file just chosen
    QTest::mouseClick(validate, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->dryRun().has_value(), 30000);
    QVERIFY(!dialog->isBusy());
}

void TestImportDialog::answer(const char* boxName, const char* buttonName)
{
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = m_ui.window().findChild<QMessageBox*>(QString::fromLatin1(boxName))) != nullptr &&
                box->isVisible());
    auto* button = box->findChild<QPushButton*>(QString::fromLatin1(buttonName));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestImportDialog::startAndConfirm(ImportCsvDialog* dialog)
{
    auto* start = dialog->findChild<QPushButton*>(QStringLiteral("startImportButton"));
    QVERIFY(start->isEnabled());
    QVERIFY(start->isDefault());
    QTest::mouseClick(start, Qt::LeftButton);
    answer("confirmStartBox", "confirmStartButton");
    QTRY_VERIFY_WITH_TIMEOUT(dialog->importId() > 0, 30000);
}

QString TestImportDialog::text(ImportCsvDialog* dialog, const char* labelName)
{
    auto* label = dialog->findChild<QLabel*>(QString::fromLatin1(labelName));
    return label ? label->text() : QStringLiteral("<no %1>").arg(QString::fromLatin1(labelName));
}

int TestImportDialog::counter(ImportCsvDialog* dialog, const char* valueName)
{
    return text(dialog, valueName).toInt();
}

// With SWITCHBOARD_TEST_SHOTS set, the dialog's pictures go there for a person to look at.
void TestImportDialog::saveShot(QWidget* widget, const QString& name)
{
    const QString directory = qEnvironmentVariable("SWITCHBOARD_TEST_SHOTS");
    if (!directory.isEmpty())
        widget->grab().save(directory + QLatin1Char('/') + name + QStringLiteral(".png"));
}

void TestImportDialog::actionOpensTheDialog()
{
    QAction* action = m_ui.window().importCsv()->action();
    QCOMPARE(test::shownText(action->text()), QStringLiteral("Import CSV…"));
    ImportCsvDialog* dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(text(dialog, "fileNameLabel"), QStringLiteral("No file chosen"));
    auto* spin = dialog->findChild<QSpinBox*>(QStringLiteral("maxInFlightSpin"));
    QCOMPARE(spin->value(), 10);
    QCOMPARE(spin->minimum(), 1);
    QCOMPARE(spin->maximum(), 200);
    QVERIFY(spin->toolTip().contains(QStringLiteral("not overloaded")));
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("validateButton"))->isEnabled());
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("startImportButton"))->isEnabled());
    QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("chooseFileButton"))->isDefault());

    // A role that may not assign plans does not see it.
    const Actor administrator = m_ui.backend().session();
    m_ui.backend().setSession(Actor(QStringLiteral("clerk"), Role::BillingClerk));
    QVERIFY(!action->isEnabled());
    m_ui.backend().setSession(administrator);
    QVERIFY(action->isEnabled());
}

void TestImportDialog::dryRunListsBadRowsWithTheirLines()
{
    QStringList lines{QStringLiteral("customer,product,auto_renew")};
    lines << customerRows(1);
    lines << QStringLiteral("nobody@example.invalid,mobile-20gb,yes"); // line 3
    lines << customerRows(1);
    lines << QStringLiteral("%1,no-such-plan,no").arg(m_individuals.takeFirst()); // line 5
    lines << customerRows(2);
    const QString path = writeCsv(QStringLiteral("two-bad-rows.csv"), lines);

    ImportCsvDialog* dialog = openDialog();
    QVERIFY(dialog);
    validateFile(dialog, path);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(text(dialog, "fileNameLabel"), QStringLiteral("two-bad-rows.csv"));
    QCOMPARE(text(dialog, "rowCountLabel"), QStringLiteral("6 rows"));
    QCOMPARE(text(dialog, "dryRunSummaryLabel"), QStringLiteral("4 rows valid, 2 rows with errors"));

    auto* table = dialog->findChild<QTableWidget*>(QStringLiteral("dryRunErrorTable"));
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("Line"));
    QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("Error"));
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("3"));
    QCOMPARE(table->item(0, 1)->text(),
             QStringLiteral("Line 3: customer \"nobody@example.invalid\" not found. Use the customer ID, email or phone "
                            "of an existing customer."));
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("5"));
    QCOMPARE(table->item(1, 1)->text(),
             QStringLiteral("Line 5: there is no product \"no-such-plan\". Use a product slug from the catalog."));

    // Sortable by line, as a number.
    table->sortByColumn(0, Qt::DescendingOrder);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("5"));
    table->sortByColumn(0, Qt::AscendingOrder);

    // Copied and saved with their lines.
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("copyErrorsButton")), Qt::LeftButton);
    const QStringList copied = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(copied.size(), 3);
    QCOMPARE(copied.at(0), QStringLiteral("Line\tError"));
    QVERIFY(copied.at(1).startsWith(QStringLiteral("3\tLine 3: customer")));
    const QString errorsPath = m_files.filePath(QStringLiteral("errors.csv"));
    dialog->saveErrors(errorsPath);
    QTRY_VERIFY(!dialog->isBusy());
    QFile errors(errorsPath);
    QVERIFY(errors.open(QIODevice::ReadOnly));
    const QStringList saved = QString::fromUtf8(errors.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(saved.size(), 3);
    QCOMPARE(saved.at(0), QStringLiteral("Line,Error"));
    QVERIFY(saved.at(2).startsWith(QStringLiteral("5,\"Line 5: there is no product \"\"no-such-plan\"\".")));

    // The dry run wrote nothing, and the import is allowed: the bad rows are skipped, and the confirmation says so.
    QVERIFY(BulkImportWorkflow(m_ui.backend().database()).imports()->isEmpty());
    auto* start = dialog->findChild<QPushButton*>(QStringLiteral("startImportButton"));
    QVERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = dialog->findChild<QMessageBox*>(QStringLiteral("confirmStartBox"))) != nullptr);
    QVERIFY(box->text().contains(QStringLiteral("4 rows?")));
    QVERIFY(box->text().contains(QStringLiteral("2 rows with errors will be skipped")));
    saveShot(dialog, QStringLiteral("importdialog-dryrun-en"));
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("notNowButton")), Qt::LeftButton);
    QCOMPARE(dialog->importId(), 0);

    // In French the errors follow the language.
    m_ui.languages().setLanguage(QStringLiteral("fr"), false);
    QTest::qWait(50);
    QCOMPARE(table->rowCount(), 2);
    saveShot(dialog, QStringLiteral("importdialog-dryrun-fr"));
    m_ui.languages().setLanguage(QStringLiteral("en"), false);
    QTRY_COMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("Line"));
}

void TestImportDialog::goodFileIsAssignedRowByRow()
{
    Database& db = m_ui.backend().database();
    const qsizetype servicesBefore = ServiceRepository(db).recent(100000).size();
    QStringList lines{QStringLiteral("customer,product,auto_renew")};
    lines << customerRows(20);
    const QString path = writeCsv(QStringLiteral("twenty.csv"), lines);

    ImportCsvDialog* dialog = openDialog();
    QVERIFY(dialog);
    validateFile(dialog, path);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(text(dialog, "dryRunSummaryLabel"), QStringLiteral("20 rows valid, 0 rows with errors"));
    QCOMPARE(dialog->findChild<QTableWidget*>(QStringLiteral("dryRunErrorTable"))->rowCount(), 0);
    startAndConfirm(dialog);
    if (QTest::currentTestFailed())
        return;

    auto* bar = dialog->findChild<QProgressBar*>(QStringLiteral("importProgressBar"));
    QTRY_VERIFY_WITH_TIMEOUT(counter(dialog, "succeededValue") == 20, 120000);
    QTRY_VERIFY(!dialog->isRunning());
    QCOMPARE(bar->maximum(), 20);
    QCOMPARE(bar->value(), 20);
    QCOMPARE(counter(dialog, "pendingValue"), 0);
    QCOMPARE(counter(dialog, "inFlightValue"), 0);
    QCOMPARE(counter(dialog, "failedValue"), 0);
    QCOMPARE(counter(dialog, "rejectedValue"), 0);
    QCOMPARE(text(dialog, "importStatusLabel"), QStringLiteral("Import finished. Every valid row was assigned."));
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("retryFailedButton"))->isEnabled());
    QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("saveReportButton"))->isEnabled());
    QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("closeButton"))->isDefault());
    saveShot(dialog, QStringLiteral("importdialog-finished-en"));

    // The database has the 20 services, active, one per row.
    QCOMPARE(ServiceRepository(db).recent(100000).size(), servicesBefore + 20);
    const auto rows = BulkImportWorkflow(db).rows(dialog->importId());
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 20);
    QSet<qint64> services;
    for (const BulkImportRowReport& row : rows.value()) {
        QCOMPARE(row.status, BulkStatus::succeeded);
        const std::optional<Service> service = ServiceRepository(db).byId(row.serviceId);
        QVERIFY(service);
        QCOMPARE(service->status, ServiceStatus::Active);
        services << row.serviceId;
    }
    QCOMPARE(services.size(), 20);
}

void TestImportDialog::cancelStopsNewSubmissions()
{
    Database& db = m_ui.backend().database();
    m_ui.backend().simulator()->simulator()->setLatencyMs(150); // jobs take a while: the cancel comes half-way
    QStringList lines{QStringLiteral("customer,product")};
    for (const QString& row : customerRows(20))
        lines << row.section(QLatin1Char(','), 0, 1);
    const QString path = writeCsv(QStringLiteral("cancel-me.csv"), lines);

    ImportCsvDialog* dialog = openDialog();
    QVERIFY(dialog);
    validateFile(dialog, path);
    if (QTest::currentTestFailed())
        return;
    dialog->findChild<QSpinBox*>(QStringLiteral("maxInFlightSpin"))->setValue(2);
    startAndConfirm(dialog);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(counter(dialog, "succeededValue") >= 2, 120000);
    QVERIFY(counter(dialog, "inFlightValue") <= 2);

    auto* cancel = dialog->findChild<QPushButton*>(QStringLiteral("cancelImportButton"));
    QVERIFY(cancel->isVisible() && cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    answer("confirmCancelImportBox", "confirmCancelImportButton");
    QTRY_VERIFY_WITH_TIMEOUT(dialog->progress() && dialog->progress()->isSettled(), 120000);
    QTRY_VERIFY(!dialog->isRunning());
    const BulkImportProgress settled = *dialog->progress();
    QCOMPARE(settled.status, BulkStatus::cancelled);
    QVERIFY(settled.cancelled > 0);
    QCOMPARE(settled.succeeded + settled.failed + settled.cancelled, 20);
    QCOMPARE(counter(dialog, "cancelledValue"), settled.cancelled);
    QVERIFY(text(dialog, "importStatusLabel").startsWith(QStringLiteral("Import cancelled.")));
    saveShot(dialog, QStringLiteral("importdialog-cancelled-en"));

    // Nothing more is submitted: the cancelled rows have no service, now or a moment later.
    auto submittedRows = [&db, dialog] {
        int withService = 0;
        const auto rows = BulkImportWorkflow(db).rows(dialog->importId());
        for (const BulkImportRowReport& row : rows.value())
            withService += row.serviceId > 0 ? 1 : 0;
        return withService;
    };
    QCOMPARE(submittedRows(), settled.succeeded + settled.failed);
    QTest::qWait(1500);
    QCOMPARE(submittedRows(), settled.succeeded + settled.failed);
    const auto later = BulkImportWorkflow(db).progress(dialog->importId());
    QVERIFY(later.ok());
    QCOMPARE(later->cancelled, settled.cancelled);
}

void TestImportDialog::failedRowsCanBeRetriedAndReported()
{
    Database& db = m_ui.backend().database();
    NetworkSimulator* simulator = m_ui.backend().simulator()->simulator();
    const auto fault = NetworkSimulator::parseFault(QStringLiteral("APIerSv1.SetAccount:once"));
    QVERIFY(fault.ok());
    simulator->addFault(fault.value());

    QStringList lines{QStringLiteral("customer,product,auto_renew")};
    lines << customerRows(3);
    lines << QStringLiteral("no-such-customer@example.invalid,mobile-20gb,yes"); // line 5: rejected
    const QString path = writeCsv(QStringLiteral("retry.csv"), lines);
    ImportCsvDialog* dialog = openDialog();
    QVERIFY(dialog);
    validateFile(dialog, path);
    if (QTest::currentTestFailed())
        return;
    dialog->findChild<QSpinBox*>(QStringLiteral("maxInFlightSpin"))->setValue(1);
    startAndConfirm(dialog);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(dialog->progress() && dialog->progress()->isFinished(), 120000);
    QTRY_VERIFY(!dialog->isRunning());
    QCOMPARE(counter(dialog, "failedValue"), 1);
    QCOMPARE(counter(dialog, "succeededValue"), 2);
    QCOMPARE(counter(dialog, "rejectedValue"), 1);
    QVERIFY(text(dialog, "importStatusLabel").startsWith(QStringLiteral("Import finished. 1 row failed")));
    auto* retry = dialog->findChild<QPushButton*>(QStringLiteral("retryFailedButton"));
    QVERIFY(retry->isVisible() && retry->isEnabled());
    saveShot(dialog, QStringLiteral("importdialog-failed-en"));
    m_ui.languages().setLanguage(QStringLiteral("fr"), false);
    QTest::qWait(50);
    saveShot(dialog, QStringLiteral("importdialog-failed-fr"));
    m_ui.languages().setLanguage(QStringLiteral("en"), false);
    QTest::qWait(50);

    // The report before the retry: one row each, with its line, status, service, job and error.
    const QString reportPath = m_files.filePath(QStringLiteral("retry-report.csv"));
    QSignalSpy saved(dialog, &ImportCsvDialog::reportSaved);
    dialog->saveReport(reportPath);
    QTRY_COMPARE(saved.size(), 1);
    QFile report(reportPath);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QStringList reportLines =
        QString::fromUtf8(report.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(reportLines.size(), 5);
    QCOMPARE(reportLines.at(0).trimmed(), QStringLiteral("line,status,service_id,job_id,error"));
    QStringList statuses;
    for (int i = 1; i < reportLines.size(); ++i)
        statuses << reportLines.at(i).section(QLatin1Char(','), 1, 1);
    statuses.sort();
    QCOMPARE(statuses, (QStringList{QStringLiteral("failed"), QStringLiteral("rejected"), QStringLiteral("succeeded"),
                                    QStringLiteral("succeeded")}));
    QVERIFY(reportLines.at(4).startsWith(QStringLiteral("5,rejected,")));

    // Retry failed rows: the one failed job runs again (the fault was once) and succeeds, on the same service.
    const qsizetype servicesBefore = ServiceRepository(db).recent(100000).size();
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(counter(dialog, "succeededValue") == 3 && !dialog->isRunning(), 120000);
    QCOMPARE(counter(dialog, "failedValue"), 0);
    QCOMPARE(counter(dialog, "rejectedValue"), 1);
    QVERIFY(!retry->isEnabled());
    QCOMPARE(ServiceRepository(db).recent(100000).size(), servicesBefore);
}

void TestImportDialog::interruptedImportIsOfferedAgain()
{
    // An import stored as running with nobody stepping it: the application was closed half-way.
    Database& db = m_ui.backend().database();
    QStringList lines{QStringLiteral("customer,product")};
    for (const QString& row : customerRows(3))
        lines << row.section(QLatin1Char(','), 0, 1);
    const QString path = writeCsv(QStringLiteral("interrupted.csv"), lines);
    const auto importId = BulkImportWorkflow(db).start(path, 5, m_ui.backend().session());
    QVERIFY2(importId.ok(), qPrintable(importId.error().message.englishText()));

    ImportCsvLauncher* launcher = m_ui.window().importCsv();
    launcher->checkUnfinishedImports();
    QTRY_VERIFY(!launcher->isChecking() && launcher->resumeNotice()->isVisible());
    QCOMPARE(launcher->resumeNotice()->findChild<QLabel*>(QStringLiteral("importResumeLabel"))->text(),
             QStringLiteral("The import of interrupted.csv was interrupted."));
    QTest::mouseClick(launcher->resumeButton(), Qt::LeftButton);
    QVERIFY(!launcher->resumeNotice()->isVisible());
    ImportCsvDialog* dialog = launcher->dialog();
    QVERIFY(dialog && dialog->isVisible());
    QTRY_COMPARE(dialog->importId(), importId.value());
    QCOMPARE(text(dialog, "fileNameLabel"), QStringLiteral("interrupted.csv"));
    QTRY_VERIFY_WITH_TIMEOUT(counter(dialog, "succeededValue") == 3 && !dialog->isRunning(), 120000);
    QVERIFY(BulkImportWorkflow(db).runningImports()->isEmpty());
}

void TestImportDialog::closingWhileRunningAsks()
{
    m_ui.backend().simulator()->simulator()->setLatencyMs(100);
    QStringList lines{QStringLiteral("customer,product")};
    for (const QString& row : customerRows(4))
        lines << row.section(QLatin1Char(','), 0, 1);
    const QString path = writeCsv(QStringLiteral("background.csv"), lines);
    ImportCsvDialog* dialog = openDialog();
    QVERIFY(dialog);
    validateFile(dialog, path);
    if (QTest::currentTestFailed())
        return;
    dialog->findChild<QSpinBox*>(QStringLiteral("maxInFlightSpin"))->setValue(1);
    startAndConfirm(dialog);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(dialog->isRunning());

    // Escape asks; "Stay Here" keeps the window.
    QTest::keyClick(dialog, Qt::Key_Escape);
    answer("closeWhileRunningBox", "stayHereButton");
    QVERIFY(dialog->isVisible());
    // Close, keep running in the background: the window goes, the import goes on, and opening it again shows it.
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("closeButton")), Qt::LeftButton);
    answer("closeWhileRunningBox", "keepRunningButton");
    QTRY_VERIFY(!dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->progress() && dialog->progress()->isFinished(), 120000);
    QCOMPARE(dialog->progress()->succeeded, 4);
    QCOMPARE(openDialog(), dialog);
    QCOMPARE(counter(dialog, "succeededValue"), 4);
}

void TestImportDialog::retranslatesAtRunTime()
{
    // Opened on the newest stored import (the previous test's, finished): its counters without running it again.
    const auto imports = BulkImportWorkflow(m_ui.backend().database()).imports();
    QVERIFY(imports.ok() && !imports->isEmpty());
    ImportCsvDialog* dialog = m_ui.window().importCsv()->openDialog(imports->first().id);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->progress().has_value() && !dialog->isBusy());
    QVERIFY(!dialog->isRunning());
    QCOMPARE(text(dialog, "fileNameLabel"), QStringLiteral("background.csv"));
    QCOMPARE(counter(dialog, "succeededValue"), 4);
    MarkingTranslator marking;
    QCoreApplication::installTranslator(&marking);
    QTRY_COMPARE(dialog->findChild<QPushButton*>(QStringLiteral("saveReportButton"))->text(),
                 QStringLiteral("‹Save Re&port…›"));
    QCOMPARE(dialog->findChild<QPushButton*>(QStringLiteral("validateButton"))->text(),
             QStringLiteral("‹&Validate (Dry Run)›"));
    QCOMPARE(dialog->findChild<QTableWidget*>(QStringLiteral("dryRunErrorTable"))->horizontalHeaderItem(0)->text(),
             QStringLiteral("‹Line›"));
    QCOMPARE(text(dialog, "succeededLabel"), QStringLiteral("‹Succeeded:›"));
    QCOMPARE(dialog->findChild<QProgressBar*>(QStringLiteral("importProgressBar"))->format(),
             QStringLiteral("‹4 of 4 rows done›"));
    QCOMPARE(m_ui.window().importCsv()->action()->text(), QStringLiteral("‹&Import CSV…›"));
    QCoreApplication::removeTranslator(&marking);
    QTRY_COMPARE(dialog->findChild<QPushButton*>(QStringLiteral("saveReportButton"))->text(),
                 QStringLiteral("Save Re&port…"));
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
