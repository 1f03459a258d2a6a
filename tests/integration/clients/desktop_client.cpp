// One desktop of the shared-database test: the real main window, signed in as a staff user, assigns a mobile plan to
// each customer it is given, the way a person does it (catalog, search, pickers, auto-renew, review, Confirm &
// Provision), and waits for the provisioning that a separate switchboard-worker process performs. Another desktop
// does the same at the same time, so both reach for the same free SIM cards and numbers.
//
// Environment: SB_DESKTOP_DB (database URL), SB_DESKTOP_LOGIN and SB_DESKTOP_PASSWORD (a staff account),
// SB_DESKTOP_CUSTOMERS (comma-separated customer IDs). Prints "ASSIGNED customer=C service=S job=J" per plan, and a line
// each time another desktop reserved the item it reached for first.
#include "AssignFlowDriver.h"
#include "AssignPlanDialog.h"
#include "AutoRenewStep.h"
#include "InventoryPicker.h"
#include "InventoryStep.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "ProvisioningProgressDialog.h"
#include "UiTestSupport.h"
#include "workflows/Backend.h"
#include "workflows/StaffWorkflow.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace sb;

class DesktopClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void assignPlans();

private:
    // Picks the first item the picker offers; when another desktop reserved it first, the picker says so and
    // reloads, and the next free item is picked, as a person would.
    void pickFreeItem(InventoryPicker* picker);
    void assignOne(qint64 customerId);

    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<MainWindow> m_window;
};

void DesktopClient::initTestCase()
{
    test::prepareEnvironment();
    BackendOptions options;
    options.databaseUrl = qEnvironmentVariable("SB_DESKTOP_DB");
    options.seedDemoIfEmpty = false;
    options.startEmbeddedWorker = false; // the switchboard-worker processes provision
    options.signInLocalUser = false;
    m_backend = std::make_unique<Backend>(options);
    const Status started = m_backend->startBlocking();
    QVERIFY2(started.ok(), qPrintable(started.error.message.englishText() + QLatin1Char(' ') + started.error.detail));
    const Result<Actor> actor = StaffWorkflow(m_backend->database())
                                    .authenticate(qEnvironmentVariable("SB_DESKTOP_LOGIN"),
                                                  qEnvironmentVariable("SB_DESKTOP_PASSWORD"));
    QVERIFY2(actor.ok(), actor.ok() ? "" : qPrintable(actor.error().text()));
    m_backend->setSession(actor.value());
    m_languages = std::make_unique<LanguageManager>();
    m_languages->setLanguage(QStringLiteral("en"), false);
    m_window = std::make_unique<MainWindow>(*m_backend, *m_languages);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void DesktopClient::cleanupTestCase()
{
    m_window.reset();
    m_languages.reset();
    if (m_backend)
        m_backend->stop();
    m_backend.reset();
}

void DesktopClient::assignPlans()
{
    const QStringList customers = qEnvironmentVariable("SB_DESKTOP_CUSTOMERS").split(QLatin1Char(','), Qt::SkipEmptyParts);
    QVERIFY(!customers.isEmpty());
    for (const QString& customer : customers) {
        assignOne(customer.toLongLong());
        if (QTest::currentTestFailed())
            return;
    }
}

void DesktopClient::pickFreeItem(InventoryPicker* picker)
{
    QComboBox* combo = picker->comboBox();
    int attempts = 0;
    for (; attempts < 20 && !picker->reservedItem(); ++attempts) {
        QTRY_VERIFY_WITH_TIMEOUT(combo->isEnabled() && !picker->isBusy() && combo->count() > 1, 20000);
        combo->setCurrentIndex(0);
        QTest::keyClick(combo, Qt::Key_Down);
        QTRY_VERIFY_WITH_TIMEOUT(!picker->isBusy(), 20000);
    }
    QVERIFY2(picker->reservedItem().has_value(), qPrintable(picker->templateName()));
    if (attempts > 1)
        std::printf("TAKEN FIRST BY ANOTHER DESKTOP %d time(s): %s\n", attempts - 1, qPrintable(picker->templateName()));
}

void DesktopClient::assignOne(qint64 customerId)
{
    test::AssignFlowDriver driver(*m_window);
    AssignPlanDialog* dialog = driver.openAssign(QStringLiteral("mobile-20gb"));
    QVERIFY(dialog);
    driver.chooseCustomer(dialog, QString::number(customerId));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(dialog->draft().customer->id, customerId);
    driver.clickNext(dialog);
    InventoryStep* inventory = dialog->inventoryStep();
    QVERIFY(inventory);
    for (InventoryPicker* picker : inventory->pickers()) {
        pickFreeItem(picker);
        if (QTest::currentTestFailed())
            return;
    }
    driver.clickNext(dialog);
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(dialog->autoRenewStep()));
    QTest::mouseClick(dialog->autoRenewStep()->yesButton(), Qt::LeftButton);
    auto* confirm = dialog->findChild<QPushButton*>(QStringLiteral("confirmButton"));
    QVERIFY(confirm && confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);

    ProvisioningProgressDialog* progress = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((progress = test::visibleProgressDialog(*m_window)) != nullptr, 20000);
    auto* successPanel = progress->findChild<QWidget*>(QStringLiteral("successPanel"));
    QVERIFY(successPanel);
    QTRY_VERIFY_WITH_TIMEOUT(successPanel->isVisible(), 120000);
    auto* serviceId = progress->findChild<QLabel*>(QStringLiteral("serviceIdValue"));
    QTRY_VERIFY(!serviceId->text().isEmpty());
    std::printf("ASSIGNED customer=%lld service=%s job=%lld\n", static_cast<long long>(customerId),
                qPrintable(serviceId->text()), static_cast<long long>(progress->jobId()));
    std::fflush(stdout);
    QTest::mouseClick(progress->findChild<QPushButton*>(QStringLiteral("closeButton")), Qt::LeftButton);
    QTRY_VERIFY(!progress->isVisible());
}

QTEST_MAIN(DesktopClient)
#include "desktop_client.moc"
