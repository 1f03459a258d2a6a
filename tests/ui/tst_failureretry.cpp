// An OCS failure during provisioning: the failure panel (seed wording, Provision ID), View Logs with the OCS
// request and response, then Retry resumes the job and the service becomes active.

#include "AssignFlowDriver.h"
#include "AssignPlanDialog.h"
#include "JobLogDialog.h"
#include "MainWindow.h"
#include "ProvisioningProgressDialog.h"
#include "UiTestSupport.h"
#include "network/NetworkSimulator.h"
#include "network/SimulatorThread.h"
#include "store/ServiceRepository.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace sb;

class TestFailureRetry : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void ocsFailureThenRetry();

private:
    test::MainWindowFixture m_ui;
};

void TestFailureRetry::initTestCase()
{
    QVERIFY2(m_ui.start(), qPrintable(m_ui.errorText()));
}

void TestFailureRetry::cleanupTestCase()
{
    m_ui.reset();
}

void TestFailureRetry::ocsFailureThenRetry()
{
    Backend& backend = m_ui.backend();
    QVERIFY(backend.simulator() && backend.simulator()->simulator());
    const auto fault = NetworkSimulator::parseFault(QStringLiteral("APIerSv1.SetAccount:once"));
    QVERIFY(fault.ok());
    QCOMPARE(fault.value().remaining, 1);
    backend.simulator()->simulator()->addFault(fault.value());

    test::AssignFlowDriver driver(m_ui.window());
    AssignPlanDialog* dialog = driver.openAssign(QStringLiteral("mobile-20gb"));
    QVERIFY(dialog);
    driver.fillToReview(dialog, QStringLiteral("Maria"));
    if (QTest::currentTestFailed())
        return;
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("confirmButton")), Qt::LeftButton);

    ProvisioningProgressDialog* progress = nullptr;
    QTRY_VERIFY((progress = test::visibleProgressDialog(m_ui.window())) != nullptr);
    auto* failurePanel = progress->findChild<QWidget*>(QStringLiteral("failurePanel"));
    QVERIFY(failurePanel);
    QTRY_VERIFY_WITH_TIMEOUT(failurePanel->isVisible(), 30000);
    QVERIFY(!progress->findChild<QWidget*>(QStringLiteral("successPanel"))->isVisible());

    const QString error = progress->findChild<QLabel*>(QStringLiteral("failureErrorLabel"))->text();
    QVERIFY2(error.startsWith(QStringLiteral("Error: The OCS ")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("APIerSv1.SetAccount")), qPrintable(error));
    QCOMPARE(progress->findChild<QLabel*>(QStringLiteral("failureExplanationLabel"))->text(),
             QStringLiteral("The service record has been created but provisioning did not complete. Please review "
                            "the error and retry."));
    QCOMPARE(progress->findChild<QLabel*>(QStringLiteral("provisionIdValue"))->text(),
             QString::number(progress->jobId()));
    const qint64 serviceId = progress->job()->serviceId;
    QCOMPARE(ServiceRepository(backend.database()).byId(serviceId)->status, ServiceStatus::ProvisioningFailed);
    auto* viewLogs = progress->findChild<QPushButton*>(QStringLiteral("viewLogsButton"));
    auto* retry = progress->findChild<QPushButton*>(QStringLiteral("retryButton"));
    auto* close = progress->findChild<QPushButton*>(QStringLiteral("closeButton"));
    QVERIFY(viewLogs->isVisible() && retry->isVisible() && close->isVisible());
    QCOMPARE(test::shownText(viewLogs->text()), QStringLiteral("View Logs"));
    QCOMPARE(test::shownText(retry->text()), QStringLiteral("Retry"));
    QCOMPARE(test::shownText(close->text()), QStringLiteral("Close"));

    // View Logs: every task with its log, including the OCS request and its answer.
    QTest::mouseClick(viewLogs, Qt::LeftButton);
    JobLogDialog* log = nullptr;
    QTRY_VERIFY((log = progress->findChild<JobLogDialog*>()) != nullptr && log->isVisible());
    const QString logText = log->logText();
    QVERIFY2(logText.contains(QStringLiteral("APIerSv1.SetAccount")), qPrintable(logText));
    QVERIFY2(logText.contains(QStringLiteral("/jsonrpc")), qPrintable(logText));
    QVERIFY2(logText.contains(QStringLiteral("injected fault")), qPrintable(logText));
    QVERIFY(logText.contains(QStringLiteral("✗ 5. Configuring OCS account — ")));
    auto* logView = log->findChild<QPlainTextEdit*>(QStringLiteral("jobLogText"));
    QVERIFY(logView && logView->isReadOnly());
    QVERIFY(logView->textInteractionFlags() & Qt::TextSelectableByMouse);
    QTest::mouseClick(log->findChild<QPushButton*>(QStringLiteral("closeLogButton")), Qt::LeftButton);
    QTRY_VERIFY(progress->findChild<JobLogDialog*>() == nullptr);

    // Retry: the fault hit once, so the job resumes at the OCS task and finishes.
    QTest::mouseClick(retry, Qt::LeftButton);
    auto* successPanel = progress->findChild<QWidget*>(QStringLiteral("successPanel"));
    QTRY_VERIFY_WITH_TIMEOUT(successPanel->isVisible(), 30000);
    QVERIFY(!failurePanel->isVisible());
    QTRY_COMPARE(progress->findChild<QLabel*>(QStringLiteral("serviceStatusValue"))->text(), QStringLiteral("Active"));
    QCOMPARE(ServiceRepository(backend.database()).byId(serviceId)->status, ServiceStatus::Active);
    QCOMPARE(progress->job()->attempt, 2);

    // Close leaves the service as it is.
    QTest::mouseClick(close, Qt::LeftButton);
    QTRY_VERIFY(test::visibleProgressDialog(m_ui.window()) == nullptr);
}

QTEST_MAIN(TestFailureRetry)
#include "tst_failureretry.moc"
