// The table models behind the Customers, Services and Provisioning pages, checked with QAbstractItemModelTester.

#include "JobTableModel.h"
#include "ServiceTableModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QTest>

using namespace sb;

class TestModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void serviceModel_data();
    void serviceModel();
    void jobModelKeepsRowsOnRefresh();
};

namespace {

Service service(qint64 id, ServiceStatus status, bool autoRenew, qint64 monthlyPence)
{
    Service s;
    s.id = id;
    s.name = QStringLiteral("Mobile - +44 7700 9001%1").arg(id, 2, 10, QLatin1Char('0'));
    s.productName = QStringLiteral("Mobile - 20GB Plan");
    s.status = status;
    s.autoRenew = autoRenew;
    s.monthlyCost = Money{monthlyPence, QStringLiteral("GBP")};
    s.createdMs = 1750000000000;
    return s;
}

JobSummary job(qint64 id, JobStatus status, int done)
{
    JobSummary summary;
    summary.job.id = id;
    summary.job.status = status;
    summary.tasksDone = done;
    summary.tasksTotal = 7;
    summary.customerName = QStringLiteral("John Smith");
    summary.serviceName = QStringLiteral("Mobile - +44 7700 900123");
    return summary;
}

} // namespace

void TestModels::initTestCase()
{
    QLocale::setDefault(QLocale(QStringLiteral("en")));
}

void TestModels::serviceModel_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");
    QTest::newRow("id") << int(ServiceTableModel::IdColumn) << QStringLiteral("2");
    QTest::newRow("name") << int(ServiceTableModel::NameColumn) << QStringLiteral("Mobile - +44 7700 900102");
    QTest::newRow("product") << int(ServiceTableModel::ProductColumn) << QStringLiteral("Mobile - 20GB Plan");
    QTest::newRow("status") << int(ServiceTableModel::StatusColumn) << displayName(ServiceStatus::ProvisioningFailed);
    QTest::newRow("auto-renew") << int(ServiceTableModel::AutoRenewColumn) << QStringLiteral("No");
    QTest::newRow("monthly") << int(ServiceTableModel::MonthlyCostColumn) << QStringLiteral("£8.00");
}

void TestModels::serviceModel()
{
    QFETCH(int, column);
    QFETCH(QString, expected);
    ServiceTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setServices(
        {service(1, ServiceStatus::Active, true, 1500), service(2, ServiceStatus::ProvisioningFailed, false, 800)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(ServiceTableModel::ColumnCount));
    QCOMPARE(model.index(1, column).data().toString(), expected);
    QCOMPARE(model.index(1, column).data(ServiceTableModel::ServiceIdRole).toLongLong(), 2);
    QCOMPARE(model.rowOf(2), 1);
    QCOMPARE(model.rowOf(99), -1);
    QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
    model.retranslate();
}

void TestModels::jobModelKeepsRowsOnRefresh()
{
    JobTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJobs({job(2, JobStatus::Running, 3), job(1, JobStatus::Succeeded, 7)});
    QCOMPARE(model.index(0, JobTableModel::ProgressColumn).data().toString(), QStringLiteral("3/7"));
    QCOMPARE(model.index(0, JobTableModel::ProvisionIdColumn).data().toString(), QStringLiteral("2"));
    QCOMPARE(model.headerData(JobTableModel::ProvisionIdColumn, Qt::Horizontal).toString(),
             QStringLiteral("Provision ID"));

    int resets = 0;
    connect(&model, &QAbstractItemModel::modelReset, this, [&resets] { ++resets; });
    model.setJobs({job(2, JobStatus::Running, 5), job(1, JobStatus::Succeeded, 7)}); // same rows: no reset
    QCOMPARE(resets, 0);
    QCOMPARE(model.index(0, JobTableModel::ProgressColumn).data().toString(), QStringLiteral("5/7"));
    model.setJobs({job(3, JobStatus::Queued, 0), job(2, JobStatus::Succeeded, 7), job(1, JobStatus::Succeeded, 7)});
    QCOMPARE(resets, 1);
    QCOMPARE(model.rowOf(1), 2);
    QCOMPARE(model.index(0, 0).data(JobTableModel::JobIdRole).toLongLong(), 3);
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"
