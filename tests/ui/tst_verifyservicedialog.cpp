// Verify Service from the Services page: the report dialog lists every check, ticks the ok ones in green and
// highlights a mismatch with its sentence of what to do.

#include "ServiceTableModel.h"
#include "ServicesPage.h"
#include "UiTestSupport.h"
#include "VerifyServiceDialog.h"
#include "network/CgratesClient.h"
#include "store/CatalogRepository.h"
#include "store/ServiceRepository.h"
#include "workflows/AssignPlanWorkflow.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace sb;

class TestVerifyServiceDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void verifyFromServicesPage();

private:
    qint64 provisionFiber();
    static void saveShot(QWidget* widget, const QString& name);

    std::unique_ptr<test::TestBackend> m_backend;
};

void TestVerifyServiceDialog::initTestCase()
{
    test::prepareEnvironment();
    m_backend = std::make_unique<test::TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->errorText()));
}

void TestVerifyServiceDialog::cleanupTestCase()
{
    m_backend.reset();
}

// An internet plan assigned and provisioned by the backend's embedded worker.
qint64 TestVerifyServiceDialog::provisionFiber()
{
    Database& db = m_backend->backend().database();
    AssignPlanWorkflow workflow(db);
    const Product product = *CatalogRepository(db).bySlug(QStringLiteral("fiber-100"));
    AssignRequest request;
    request.customerId = 1;
    request.productId = product.id;
    request.reservationHolder = QStringLiteral("verify-dialog-test");
    for (const QString& t : product.inventoryItemsList) {
        const qint64 id = workflow.availableItems(t, request.reservationHolder)->first().id;
        workflow.reserve(id, request.reservationHolder);
        request.items.insert(t, id);
    }
    const auto result = workflow.submit(request, Actor(QStringLiteral("tester"), Role::Staff));
    return result.ok() ? result->serviceId : 0;
}

void TestVerifyServiceDialog::saveShot(QWidget* widget, const QString& name)
{
    const QString shots = qEnvironmentVariable("SWITCHBOARD_SHOTS");
    if (!shots.isEmpty())
        QVERIFY(widget->grab().save(shots + QLatin1Char('/') + name));
}

void TestVerifyServiceDialog::verifyFromServicesPage()
{
    Backend& backend = m_backend->backend();
    const qint64 serviceId = provisionFiber();
    QVERIFY(serviceId);
    QTRY_COMPARE_WITH_TIMEOUT(ServiceRepository(backend.database()).byId(serviceId)->status, ServiceStatus::Active, 30000);

    ServicesPage page(backend);
    page.resize(900, 500);
    page.show();
    QTRY_VERIFY(page.model()->rowCount() > 0);
    auto* verifyButton = page.findChild<QPushButton*>(QStringLiteral("verifyServiceButton"));
    QVERIFY(verifyButton);
    QCOMPARE(verifyButton->text(), QStringLiteral("Verify Service"));
    QVERIFY(!verifyButton->isEnabled()); // nothing selected yet
    auto* table = page.findChild<QTableView*>(QStringLiteral("servicesTable"));
    int row = -1;
    for (int r = 0; r < page.model()->rowCount(); ++r)
        if (page.model()->index(r, 0).data(ServiceTableModel::ServiceIdRole).toLongLong() == serviceId)
            row = r;
    QVERIFY(row >= 0);
    table->selectRow(row);
    QVERIFY(verifyButton->isEnabled());
    QTest::mouseClick(verifyButton, Qt::LeftButton);

    VerifyServiceDialog* dialog = page.findChild<VerifyServiceDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 20000);
    QVERIFY(dialog->result() && dialog->result()->ok());
    auto* checks = dialog->findChild<QTableWidget*>(QStringLiteral("verifyTable"));
    auto* summary = dialog->findChild<QLabel*>(QStringLiteral("verifySummaryLabel"));
    QVERIFY(checks->rowCount() >= 5); // service status, OCS account/enabled/balance, RADIUS user/rate/modem/password
    for (int r = 0; r < checks->rowCount(); ++r) {
        QVERIFY(checks->item(r, VerifyServiceDialog::ResultColumn)->text().startsWith(QStringLiteral("✔ OK")));
        QCOMPARE(checks->item(r, VerifyServiceDialog::ResultColumn)->foreground().color(), QColor(0x1b, 0x7f, 0x3b));
    }
    QVERIFY2(summary->text().contains(QLatin1String("passed")), qPrintable(summary->text()));
    saveShot(dialog, QStringLiteral("verify-service-clean.png"));

    // The OCS account disappears behind Switchboard's back: Verify Again shows it.
    const QString uuid = ServiceRepository(backend.database()).byId(serviceId)->serviceUuid;
    QVERIFY(CgratesClient(backend.endpoints().ocs).removeAccount({}, uuid).ok());
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("verifyAgainButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 20000);
    int mismatchRow = -1;
    for (int r = 0; r < checks->rowCount(); ++r)
        if (checks->item(r, 0)->data(Qt::UserRole).toString() == QLatin1String("mismatch"))
            mismatchRow = r;
    QVERIFY(mismatchRow >= 0);
    QCOMPARE(checks->item(mismatchRow, VerifyServiceDialog::ElementColumn)->text(), QStringLiteral("OCS"));
    QCOMPARE(checks->item(mismatchRow, VerifyServiceDialog::ResultColumn)->text(), QStringLiteral("✘ Mismatch"));
    QCOMPARE(checks->item(mismatchRow, VerifyServiceDialog::FoundColumn)->background().color(), QColor(0xfd, 0xe7, 0xe7));
    const QString advice = checks->item(mismatchRow, VerifyServiceDialog::AdviceColumn)->text();
    QVERIFY2(advice.contains(QLatin1String("Cancel the service and assign the plan again")), qPrintable(advice));
    QVERIFY(checks->wordWrap());
    QVERIFY(checks->rowHeight(mismatchRow) > checks->fontMetrics().height() * 1.5); // the sentence wraps
    QVERIFY2(summary->text().startsWith(QLatin1String("Fiber")) || summary->text().contains(QLatin1String("1 mismatch")),
             qPrintable(summary->text()));
    saveShot(dialog, QStringLiteral("verify-service-mismatch.png"));
    dialog->close();
}

QTEST_MAIN(TestVerifyServiceDialog)
#include "tst_verifyservicedialog.moc"
