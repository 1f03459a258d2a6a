// The Queue page as a person watches it during a bulk run: the summary line and the three charts follow the
// provisioning_jobs table every 2 s while the page is visible, and stop when it is hidden. The backend runs no
// worker, so the jobs stay in the states the test puts them in.
#include "LanguageManager.h"
#include "MainWindow.h"
#include "QueueMonitorPage.h"
#include "UiTestSupport.h"
#include "store/JobRepository.h"
#include "workflows/Backend.h"

#include <QImage>
#include <QLabel>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <qcustomplot.h>

using namespace sb;

namespace {

// Translates the page's strings to "‹source›", to see which texts are read again on a language change.
class MarkingTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* source, const char* disambiguation, int n) const override
    {
        Q_UNUSED(disambiguation)
        if (QByteArray(context) != "sb::QueueMonitorPage")
            return {};
        QString text = QString::fromUtf8(source);
        if (n >= 0)
            text.replace(QStringLiteral("%n"), QString::number(n));
        return QStringLiteral("‹%1›").arg(text);
    }
};

double lastValue(QCPGraph* graph)
{
    return graph->data()->isEmpty() ? -1 : (graph->data()->constEnd() - 1)->value;
}

double sumOf(QCPBars* bars)
{
    double sum = 0;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        sum += it->value;
    return sum;
}

QCPBars* barsNamed(QCustomPlot* plot, const QString& name)
{
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (plot->plottable(i)->name() == name)
            return qobject_cast<QCPBars*>(plot->plottable(i));
    return nullptr;
}

} // namespace

class TestQueueMonitor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void showsTheQueueAndFollowsIt();
    void retranslatesAtRunTime();
    void stopsSamplingWhenHidden();

private:
    Database& db() { return m_backend->database(); }
    QString label(const char* objectName) const
    {
        auto* found = m_window->queueMonitorPage()->findChild<QLabel*>(QLatin1String(objectName));
        return found ? found->text() : QString();
    }
    qint64 queueJob();
    void runJob(qint64 jobId, bool finish, bool succeed);

    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<MainWindow> m_window;
};

qint64 TestQueueMonitor::queueJob()
{
    ProvisioningJob job;
    job.kind = QStringLiteral("assign");
    job.playbook = QStringLiteral("mobile_plan");
    job.requestedBy = QStringLiteral("tester");
    const QStringList actions{QStringLiteral("customer.validate"), QStringLiteral("ocs.set_account"),
                              QStringLiteral("hss.create_subscriber")};
    for (int i = 0; i < actions.size(); ++i) {
        ProvisioningTask task;
        task.ordinal = i + 1;
        task.label = QStringLiteral("Task %1").arg(i + 1);
        task.action = actions.at(i);
        job.tasks << task;
    }
    Transaction tx(db());
    const qint64 id = JobRepository(db()).create(job);
    tx.commit();
    return id;
}

// The tasks took 20, 200 and 80 ms and ended just now.
void TestQueueMonitor::runJob(qint64 jobId, bool finish, bool succeed)
{
    JobRepository jobs(db());
    const qint64 start = Database::nowMs() - 300;
    QVERIFY(jobs.claimJob(jobId, QStringLiteral("test-worker"), 600'000, 600'000, start));
    qint64 at = start;
    const QList<qint64> durations{20, 200, 80};
    const QList<ProvisioningTask> tasks = jobs.tasks(jobId);
    for (int i = 0; i < tasks.size(); ++i) {
        jobs.markTaskRunning(tasks.at(i).id, at);
        at += durations.at(i);
        jobs.markTaskDone(tasks.at(i).id, at);
    }
    if (finish)
        jobs.finishJob(jobId, succeed ? JobStatus::Succeeded : JobStatus::Failed, {}, at);
}

void TestQueueMonitor::initTestCase()
{
    test::prepareEnvironment();
    QVERIFY(m_dir.isValid());
    BackendOptions options;
    options.databaseUrl = QStringLiteral("sqlite:///") + m_dir.filePath(QStringLiteral("queue.db"));
    options.seedDemoIfEmpty = false;
    options.startEmbeddedWorker = false;
    m_backend = std::make_unique<Backend>(options);
    const Status started = m_backend->startBlocking();
    QVERIFY2(started.ok(), qPrintable(started.error.detail));

    for (int i = 0; i < 3; ++i)
        queueJob();
    runJob(queueJob(), false, false);
    for (int i = 0; i < 5; ++i)
        runJob(queueJob(), true, true);
    for (int i = 0; i < 2; ++i)
        runJob(queueJob(), true, false);

    m_languages = std::make_unique<LanguageManager>();
    m_languages->setLanguage(QStringLiteral("en"), false);
    m_window = std::make_unique<MainWindow>(*m_backend, *m_languages);
    m_window->resize(1100, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestQueueMonitor::cleanupTestCase()
{
    m_window.reset();
    m_languages.reset();
    if (m_backend)
        m_backend->stop();
    m_backend.reset();
}

void TestQueueMonitor::showsTheQueueAndFollowsIt()
{
    QueueMonitorPage* page = m_window->queueMonitorPage();
    QVERIFY(!page->isSampling());
    m_window->showPage(MainWindow::Page::Queue);
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Queue);
    QTRY_VERIFY(page->isSampling());

    QTRY_COMPARE(label("queuedCountLabel"), QStringLiteral("3 queued"));
    QCOMPARE(label("runningCountLabel"), QStringLiteral("1 running"));
    QCOMPARE(label("succeededCountLabel"), QStringLiteral("5 succeeded"));
    QCOMPARE(label("failedCountLabel"), QStringLiteral("2 failed"));

    // Jobs by status: one line per status, the newest point at the current count.
    QCustomPlot* counts = page->countsPlot();
    QCOMPARE(counts->graphCount(), 4);
    QVERIFY(counts->graph(0)->data()->size() >= 1);
    QCOMPARE(counts->graph(0)->name(), QStringLiteral("Queued"));
    QCOMPARE(lastValue(counts->graph(0)), 3.0);
    QCOMPARE(lastValue(counts->graph(1)), 1.0);
    QCOMPARE(lastValue(counts->graph(2)), 5.0);
    QCOMPARE(lastValue(counts->graph(3)), 2.0);

    // Throughput: a bar per minute of the last 30, the finished jobs in them.
    QCPBars* succeededBars = barsNamed(page->throughputPlot(), QStringLiteral("Succeeded"));
    QCPBars* failedBars = barsNamed(page->throughputPlot(), QStringLiteral("Failed"));
    QVERIFY(succeededBars && failedBars);
    QCOMPARE(succeededBars->data()->size(), 30);
    QCOMPARE(sumOf(succeededBars), 5.0);
    QCOMPARE(sumOf(failedBars), 2.0);

    // Durations: a group of p50 / p90 / p99 bars per element, named on the axis.
    QCPBars* p50 = barsNamed(page->durationsPlot(), QStringLiteral("Median (p50)"));
    QCPBars* p99 = barsNamed(page->durationsPlot(), QStringLiteral("p99"));
    QVERIFY(p50 && p99);
    QCOMPARE(p50->data()->size(), 3); // Customer, HSS / HLR, OCS
    const auto ticker = page->durationsPlot()->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker);
    QCOMPARE(ticker->ticks().values(), (QList<QString>{QStringLiteral("Customer"), QStringLiteral("HSS / HLR"),
                                                       QStringLiteral("OCS")}));
    QCOMPARE(p50->data()->at(2)->value, 200.0); // OCS took 200 ms each time
    QCOMPARE(p99->data()->at(1)->value, 80.0);  // HSS 80 ms

    // A bulk run queues more: the page follows at its next sample.
    const int samplesBefore = page->sampleCount();
    for (int i = 0; i < 4; ++i)
        queueJob();
    runJob(queueJob(), true, true);
    QTRY_COMPARE_WITH_TIMEOUT(label("queuedCountLabel"), QStringLiteral("7 queued"), 10000);
    QCOMPARE(label("succeededCountLabel"), QStringLiteral("6 succeeded"));
    QVERIFY(page->sampleCount() > samplesBefore);
    QVERIFY(counts->graph(0)->data()->size() > 1);
    QCOMPARE(lastValue(counts->graph(0)), 7.0);
    QCOMPARE(sumOf(succeededBars), 6.0);

    // What the person sees is a drawn page, not a blank one.
    QTemporaryDir shots;
    QVERIFY(shots.isValid());
    const QString file = shots.filePath(QStringLiteral("queue.png"));
    QVERIFY(page->grab().save(file));
    const QImage image(file);
    QVERIFY(image.width() >= 600 && image.height() >= 400);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
}

void TestQueueMonitor::retranslatesAtRunTime()
{
    QueueMonitorPage* page = m_window->queueMonitorPage();
    MarkingTranslator marking;
    QVERIFY(QCoreApplication::installTranslator(&marking));
    QTRY_COMPARE(label("queuedCountLabel"), QStringLiteral("‹7 queued›"));
    QCOMPARE(page->countsPlot()->xAxis->label(), QStringLiteral("‹Time›"));
    QCOMPARE(page->durationsPlot()->yAxis->label(), QStringLiteral("‹Task duration (ms)›"));
    QVERIFY(barsNamed(page->durationsPlot(), QStringLiteral("‹Median (p50)›")));
    const auto ticker = page->durationsPlot()->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker->ticks().values().contains(QStringLiteral("‹OCS›")));
    QVERIFY(QCoreApplication::removeTranslator(&marking));
    QTRY_COMPARE(label("queuedCountLabel"), QStringLiteral("7 queued"));
}

void TestQueueMonitor::stopsSamplingWhenHidden()
{
    QueueMonitorPage* page = m_window->queueMonitorPage();
    QVERIFY(page->isSampling());
    m_window->showPage(MainWindow::Page::Provisioning);
    QTRY_VERIFY(!page->isSampling());
    QTest::qWait(500); // a sample already on its way still lands
    const int samples = page->sampleCount();
    QTest::qWait(QueueMonitorPage::sampleIntervalMs + 500);
    QCOMPARE(page->sampleCount(), samples);
}

QTEST_MAIN(TestQueueMonitor)
#include "tst_queuemonitor.moc"
