#pragma once

#include "domain/QueueStats.h"
#include "domain/UserMessage.h"

#include <QList>
#include <QSharedPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QCPAxisTickerText;
class QCPBars;
class QCPGraph;
class QCPItemText;
class QCPTextElement;
class QCustomPlot;
class QLabel;

namespace sb {

class Backend;

// The provisioning queue at a glance, live during a bulk run: jobs queued / running / succeeded / failed over the
// last 30 minutes (sampled every 2 s while the page is visible), jobs finished per minute, and task duration
// percentiles per network element.
class QueueMonitorPage : public QWidget
{
    Q_OBJECT

public:
    static constexpr int sampleIntervalMs = 2000;
    static constexpr qint64 historyMs = 30 * 60 * 1000;

    explicit QueueMonitorPage(Backend& backend, QWidget* parent = nullptr);

    void sample(); // one snapshot now, off the GUI thread; skipped while the previous one is still running
    bool isSampling() const { return m_sampleTimer.isActive(); }
    int sampleCount() const { return int(m_history.size()); }
    const std::optional<QueueSnapshot>& lastSnapshot() const { return m_snapshot; }
    QCustomPlot* countsPlot() const { return m_countsPlot; }
    QCustomPlot* throughputPlot() const { return m_throughputPlot; }
    QCustomPlot* durationsPlot() const { return m_durationsPlot; }

signals:
    void sampled(); // after each snapshot is drawn (or its error shown)

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    struct Sample
    {
        qint64 takenMs = 0;
        QueueCounts counts;
    };

    void buildCountsPlot();
    void buildThroughputPlot();
    void buildDurationsPlot();
    void retranslateUi();
    void applySnapshot(const QueueSnapshot& snapshot);
    void updateSummary();
    void plotCounts();
    void plotThroughput();
    void plotDurations();
    QString elementName(const QString& element) const;

    Backend& m_backend;
    QLabel* m_titleLabel;
    QLabel* m_queuedLabel;
    QLabel* m_runningLabel;
    QLabel* m_succeededLabel;
    QLabel* m_failedLabel;
    QLabel* m_errorLabel;
    QCustomPlot* m_countsPlot;
    QCustomPlot* m_throughputPlot;
    QCustomPlot* m_durationsPlot;
    QCPTextElement* m_countsTitle = nullptr;
    QCPTextElement* m_throughputTitle = nullptr;
    QCPTextElement* m_durationsTitle = nullptr;
    QCPGraph* m_queuedGraph = nullptr;
    QCPGraph* m_runningGraph = nullptr;
    QCPGraph* m_succeededGraph = nullptr;
    QCPGraph* m_failedGraph = nullptr;
    QCPBars* m_succeededBars = nullptr;
    QCPBars* m_failedBars = nullptr;
    QCPBars* m_p50Bars = nullptr;
    QCPBars* m_p90Bars = nullptr;
    QCPBars* m_p99Bars = nullptr;
    QSharedPointer<QCPAxisTickerText> m_elementTicker;
    QCPItemText* m_noDurationsText = nullptr;
    QList<Sample> m_history;
    std::optional<QueueSnapshot> m_snapshot;
    std::optional<Error> m_error;
    QTimer m_sampleTimer;
    bool m_loading = false;
};

} // namespace sb
