#include "QueueMonitorPage.h"

#include "AsyncCall.h"
#include "Formatting.h"
#include "domain/Enums.h"
#include "workflows/Backend.h"
#include "workflows/QueueMonitorWorkflow.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

namespace sb {
namespace {

// Okabe-Ito colours: told apart with any colour vision, readable on white.
const QColor queuedColor(0xe6, 0x9f, 0x00);
const QColor runningColor(0x00, 0x72, 0xb2);
const QColor succeededColor(0x00, 0x9e, 0x73);
const QColor failedColor(0xd5, 0x5e, 0x00);
const QColor p50Color(0x9e, 0xca, 0xe1);
const QColor p90Color(0x42, 0x92, 0xc6);
const QColor p99Color(0x08, 0x51, 0x9c);

constexpr double msPerSecond = 1000.0;

QCustomPlot* newPlot(QWidget* parent, const QString& objectName)
{
    auto* plot = new QCustomPlot(parent);
    plot->setObjectName(objectName);
    plot->setMinimumHeight(220);
    plot->setBackground(Qt::white);
    return plot;
}

// A title row above the axis rect and the legend in a row of its own below it, so it never covers the data.
QCPTextElement* addTitleAndLegend(QCustomPlot* plot)
{
    QFont titleFont = plot->font();
    titleFont.setBold(true);
    plot->plotLayout()->insertRow(0);
    auto* title = new QCPTextElement(plot, QString(), titleFont);
    plot->plotLayout()->addElement(0, 0, title);
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->take(plot->legend);
    plot->plotLayout()->addElement(2, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(2, 0.001);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setMargins(QMargins(4, 0, 4, 2));
    return title;
}

QCPGraph* addLine(QCustomPlot* plot, const QColor& color)
{
    QCPGraph* graph = plot->addGraph();
    graph->setPen(QPen(color, 2));
    return graph;
}

QCPBars* addBars(QCustomPlot* plot, const QColor& color)
{
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setPen(QPen(color.darker(130)));
    bars->setBrush(color);
    return bars;
}

// From zero to a little above the highest value, at least `minimum`, so flat lines stay inside the frame.
void fitValueAxis(QCPAxis* axis, double highest, double minimum = 5)
{
    axis->setRange(0, std::max(highest * 1.15, minimum));
}

// Jobs come whole: ticks at 1, 2, 5, 10… never at 2.5.
QSharedPointer<QCPAxisTicker> wholeNumberTicker()
{
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    ticker->setTickCount(5);
    return ticker;
}

QLabel* newCountLabel(QWidget* parent, const QString& objectName, const QColor& color)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setStyleSheet(QStringLiteral("color: %1;").arg(color.darker(125).name()));
    return label;
}

} // namespace

QueueMonitorPage::QueueMonitorPage(Backend& backend, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_titleLabel(new QLabel(this)),
      m_queuedLabel(newCountLabel(this, QStringLiteral("queuedCountLabel"), queuedColor)),
      m_runningLabel(newCountLabel(this, QStringLiteral("runningCountLabel"), runningColor)),
      m_succeededLabel(newCountLabel(this, QStringLiteral("succeededCountLabel"), succeededColor)),
      m_failedLabel(newCountLabel(this, QStringLiteral("failedCountLabel"), failedColor)),
      m_errorLabel(new QLabel(this)), m_countsPlot(newPlot(this, QStringLiteral("queueCountsPlot"))),
      m_throughputPlot(newPlot(this, QStringLiteral("queueThroughputPlot"))),
      m_durationsPlot(newPlot(this, QStringLiteral("queueDurationsPlot")))
{
    setObjectName(QStringLiteral("queueMonitorPage"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_errorLabel->setObjectName(QStringLiteral("queueErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_errorLabel->hide();

    auto* summary = new QHBoxLayout;
    summary->setObjectName(QStringLiteral("queueSummary"));
    const QList<QLabel*> counts{m_queuedLabel, m_runningLabel, m_succeededLabel, m_failedLabel};
    for (QLabel* label : counts) {
        if (label != counts.first())
            summary->addWidget(new QLabel(QStringLiteral("·"), this));
        summary->addWidget(label);
    }
    summary->addStretch(1);

    buildCountsPlot();
    buildThroughputPlot();
    buildDurationsPlot();

    auto* timeCharts = new QHBoxLayout;
    timeCharts->addWidget(m_countsPlot, 1);
    timeCharts->addWidget(m_throughputPlot, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addLayout(summary);
    layout->addWidget(m_errorLabel);
    layout->addLayout(timeCharts, 1);
    layout->addWidget(m_durationsPlot, 1);

    m_sampleTimer.setInterval(sampleIntervalMs);
    connect(&m_sampleTimer, &QTimer::timeout, this, &QueueMonitorPage::sample);
    retranslateUi();
}

void QueueMonitorPage::buildCountsPlot()
{
    m_countsTitle = addTitleAndLegend(m_countsPlot);
    m_countsPlot->legend->setWrap(2); // two rows: the status names are long in some languages
    m_queuedGraph = addLine(m_countsPlot, queuedColor);
    m_runningGraph = addLine(m_countsPlot, runningColor);
    m_succeededGraph = addLine(m_countsPlot, succeededColor);
    m_failedGraph = addLine(m_countsPlot, failedColor);
    QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
    ticker->setDateTimeFormat(QStringLiteral("HH:mm"));
    ticker->setTickCount(5);
    m_countsPlot->xAxis->setTicker(ticker);
    m_countsPlot->yAxis->setTicker(wholeNumberTicker());
    fitValueAxis(m_countsPlot->yAxis, 0);
}

void QueueMonitorPage::buildThroughputPlot()
{
    m_throughputTitle = addTitleAndLegend(m_throughputPlot);
    m_succeededBars = addBars(m_throughputPlot, succeededColor);
    m_failedBars = addBars(m_throughputPlot, failedColor);
    m_failedBars->moveAbove(m_succeededBars); // stacked: the whole bar is the minute's throughput
    for (QCPBars* bars : {m_succeededBars, m_failedBars})
        bars->setWidth(QueueStats::minuteMs / msPerSecond * 0.8);
    QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
    ticker->setDateTimeFormat(QStringLiteral("HH:mm"));
    ticker->setTickCount(5);
    m_throughputPlot->xAxis->setTicker(ticker);
    m_throughputPlot->yAxis->setTicker(wholeNumberTicker());
    fitValueAxis(m_throughputPlot->yAxis, 0);
}

void QueueMonitorPage::buildDurationsPlot()
{
    m_durationsTitle = addTitleAndLegend(m_durationsPlot);
    auto* group = new QCPBarsGroup(m_durationsPlot);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(2);
    m_p50Bars = addBars(m_durationsPlot, p50Color);
    m_p90Bars = addBars(m_durationsPlot, p90Color);
    m_p99Bars = addBars(m_durationsPlot, p99Color);
    for (QCPBars* bars : {m_p50Bars, m_p90Bars, m_p99Bars}) {
        bars->setWidth(0.25);
        group->append(bars);
    }
    m_elementTicker.reset(new QCPAxisTickerText);
    m_durationsPlot->xAxis->setTicker(m_elementTicker);
    m_durationsPlot->xAxis->setRange(0.4, 1.6);
    fitValueAxis(m_durationsPlot->yAxis, 0, 100);
    m_noDurationsText = new QCPItemText(m_durationsPlot);
    m_noDurationsText->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_noDurationsText->position->setCoords(0.5, 0.45);
    m_noDurationsText->setPositionAlignment(Qt::AlignCenter);
    m_noDurationsText->setColor(QColor(0x55, 0x55, 0x55));
}

void QueueMonitorPage::retranslateUi()
{
    m_titleLabel->setText(tr("Provisioning Queue"));
    m_errorLabel->setText(m_error ? Formatting::error(*m_error) : QString());

    m_countsTitle->setText(tr("Jobs by status"));
    m_countsPlot->xAxis->setLabel(tr("Time"));
    m_countsPlot->yAxis->setLabel(tr("Jobs"));
    m_queuedGraph->setName(displayName(JobStatus::Queued));
    m_runningGraph->setName(displayName(JobStatus::Running));
    m_succeededGraph->setName(displayName(JobStatus::Succeeded));
    m_failedGraph->setName(displayName(JobStatus::Failed));

    m_throughputTitle->setText(tr("Jobs finished per minute"));
    m_throughputPlot->xAxis->setLabel(tr("Minute"));
    m_throughputPlot->yAxis->setLabel(tr("Jobs per minute"));
    m_succeededBars->setName(displayName(JobStatus::Succeeded));
    m_failedBars->setName(displayName(JobStatus::Failed));

    m_durationsPlot->xAxis->setLabel(tr("Network element"));
    m_durationsPlot->yAxis->setLabel(tr("Task duration (ms)"));
    m_p50Bars->setName(tr("Median (p50)"));
    m_p90Bars->setName(tr("p90"));
    m_p99Bars->setName(tr("p99"));

    updateSummary();
    plotDurations(); // the element names and the window in the title are translated there
    m_countsPlot->replot();
    m_throughputPlot->replot();
}

void QueueMonitorPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void QueueMonitorPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_sampleTimer.start();
    sample();
}

void QueueMonitorPage::hideEvent(QHideEvent* event)
{
    m_sampleTimer.stop();
    QWidget::hideEvent(event);
}

void QueueMonitorPage::sample()
{
    if (m_loading)
        return;
    m_loading = true;
    Database& db = m_backend.database();
    runAsync(
        this, m_backend.pool(), [&db] { return QueueMonitorWorkflow(db).snapshot(); },
        [this](const Result<QueueSnapshot>& result) {
            m_loading = false;
            if (result.ok()) {
                m_error.reset();
                applySnapshot(result.value());
            } else {
                m_error = result.error();
            }
            m_errorLabel->setVisible(m_error.has_value());
            m_errorLabel->setText(m_error ? Formatting::error(*m_error) : QString());
            emit sampled();
        });
}

void QueueMonitorPage::applySnapshot(const QueueSnapshot& snapshot)
{
    m_snapshot = snapshot;
    m_history.append(Sample{snapshot.takenMs, snapshot.counts});
    const qint64 oldest = snapshot.takenMs - historyMs;
    m_history.erase(m_history.begin(), std::find_if(m_history.begin(), m_history.end(),
                                                    [oldest](const Sample& s) { return s.takenMs >= oldest; }));
    updateSummary();
    plotCounts();
    plotThroughput();
    plotDurations();
}

void QueueMonitorPage::updateSummary()
{
    const QLocale locale;
    const auto number = [&](int QueueCounts::*field) {
        return m_snapshot ? locale.toString((*m_snapshot).counts.*field) : QStringLiteral("—");
    };
    m_queuedLabel->setText(tr("%1 queued").arg(number(&QueueCounts::queued)));
    m_runningLabel->setText(tr("%1 running").arg(number(&QueueCounts::running)));
    m_succeededLabel->setText(tr("%1 succeeded").arg(number(&QueueCounts::succeeded)));
    m_failedLabel->setText(tr("%1 failed").arg(number(&QueueCounts::failed)));
}

void QueueMonitorPage::plotCounts()
{
    QList<double> keys;
    QList<double> queued, running, succeeded, failed;
    int highest = 0;
    for (const Sample& sample : std::as_const(m_history)) {
        keys << sample.takenMs / msPerSecond;
        queued << sample.counts.queued;
        running << sample.counts.running;
        succeeded << sample.counts.succeeded;
        failed << sample.counts.failed;
        highest = std::max({highest, sample.counts.queued, sample.counts.running, sample.counts.succeeded,
                            sample.counts.failed});
    }
    m_queuedGraph->setData(keys, queued, true);
    m_runningGraph->setData(keys, running, true);
    m_succeededGraph->setData(keys, succeeded, true);
    m_failedGraph->setData(keys, failed, true);
    // Dots while there are few samples, so the first ones show before they make a line.
    const QCPScatterStyle dots(m_history.size() < 30 ? QCPScatterStyle::ssDisc : QCPScatterStyle::ssNone, 5);
    for (QCPGraph* graph : {m_queuedGraph, m_runningGraph, m_succeededGraph, m_failedGraph})
        graph->setScatterStyle(dots);
    if (!keys.isEmpty()) {
        const double newest = keys.constLast();
        const double oldestShown = std::min(keys.constFirst(), newest - 60); // at least a minute wide
        m_countsPlot->xAxis->setRange(oldestShown - 2, newest + 2);
        // Seconds while the history is short, or every tick would read the same minute.
        if (auto ticker = m_countsPlot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>())
            ticker->setDateTimeFormat(newest - oldestShown < 600 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    }
    fitValueAxis(m_countsPlot->yAxis, highest);
    m_countsPlot->replot();
}

void QueueMonitorPage::plotThroughput()
{
    if (!m_snapshot)
        return;
    QList<double> keys, succeeded, failed;
    int highest = 0;
    for (const ThroughputBucket& bucket : m_snapshot->throughput) {
        keys << (bucket.minuteStartMs + QueueStats::minuteMs / 2) / msPerSecond; // the bar spans its minute
        succeeded << bucket.succeeded;
        failed << bucket.failed;
        highest = std::max(highest, bucket.succeeded + bucket.failed);
    }
    m_succeededBars->setData(keys, succeeded, true);
    m_failedBars->setData(keys, failed, true);
    if (!m_snapshot->throughput.isEmpty())
        m_throughputPlot->xAxis->setRange(m_snapshot->throughput.constFirst().minuteStartMs / msPerSecond,
                                          (m_snapshot->throughput.constLast().minuteStartMs + QueueStats::minuteMs) /
                                              msPerSecond);
    fitValueAxis(m_throughputPlot->yAxis, highest);
    m_throughputPlot->replot();
}

void QueueMonitorPage::plotDurations()
{
    const int window = m_snapshot ? m_snapshot->durationWindowMinutes : QueueMonitorWorkflow::defaultDurationWindowMinutes;
    m_durationsTitle->setText(tr("Task duration per network element, last %n minute(s)", nullptr, window));
    const QList<ElementDurations> durations = m_snapshot ? m_snapshot->durations : QList<ElementDurations>();
    QList<double> keys, p50, p90, p99;
    QList<QString> names;
    qint64 highest = 0;
    for (int i = 0; i < durations.size(); ++i) {
        const ElementDurations& element = durations.at(i);
        keys << i + 1;
        names << elementName(element.element);
        p50 << element.p50Ms;
        p90 << element.p90Ms;
        p99 << element.p99Ms;
        highest = std::max(highest, element.p99Ms);
    }
    m_p50Bars->setData(keys, p50, true);
    m_p90Bars->setData(keys, p90, true);
    m_p99Bars->setData(keys, p99, true);
    m_elementTicker->setTicks(keys, names);
    // Names that do not fit side by side (many elements, a long translation) are tilted instead of overlapping.
    const QFontMetrics metrics(m_durationsPlot->xAxis->tickLabelFont());
    int widest = 0;
    for (const QString& name : std::as_const(names))
        widest = std::max(widest, metrics.horizontalAdvance(name));
    const int slot = m_durationsPlot->axisRect()->width() / int(std::max<qsizetype>(names.size(), 1));
    m_durationsPlot->xAxis->setTickLabelRotation(widest + 12 > slot ? -30 : 0);
    m_durationsPlot->xAxis->setRange(0.4, std::max<double>(durations.size(), 1) + 0.6);
    fitValueAxis(m_durationsPlot->yAxis, double(highest), 100);
    m_noDurationsText->setVisible(durations.isEmpty());
    m_noDurationsText->setText(tr("No task finished in the last %n minute(s).", nullptr, window));
    m_durationsPlot->replot();
}

// The network element an action prefix stands for, as staff call it.
QString QueueMonitorPage::elementName(const QString& element) const
{
    if (element == QLatin1String("ocs"))
        return tr("OCS");
    if (element == QLatin1String("hss"))
        return tr("HSS / HLR");
    if (element == QLatin1String("radius"))
        return tr("RADIUS");
    if (element == QLatin1String("sip"))
        return tr("SIP");
    if (element == QLatin1String("iptv"))
        return tr("IPTV");
    if (element == QLatin1String("mail"))
        return tr("Mail");
    if (element == QLatin1String("inventory"))
        return tr("Inventory");
    if (element == QLatin1String("service"))
        //: network element axis of the queue monitor: the service record in our database; keep it short
        return tr("Service");
    if (element == QLatin1String("customer"))
        //: network element axis of the queue monitor: the customer account check; keep it short
        return tr("Customer");
    return element;
}

} // namespace sb
