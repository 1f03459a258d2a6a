#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace sb {

class Backend;

// Type-ahead customer search off the GUI thread: queries are debounced, run on the backend's pool, and only
// the newest query's results are delivered (older answers that arrive late are dropped). A query that is
// already superseded when a pool thread picks it up is not run at all.
class CustomerSearcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int debounceMs = 150;

    CustomerSearcher(Backend& backend, QObject* parent = nullptr);

    void setQuery(const QString& text); // searches after the debounce delay
    void searchNow(const QString& text);
    void cancel(); // forgets the pending and in-flight queries
    bool isBusy() const { return m_inFlight > 0 || m_debounce.isActive(); }

signals:
    void resultsReady(const QString& query, const QList<sb::Customer>& customers);
    void searchFailed(const QString& query, const sb::Error& error);

private:
    quint64 supersede(); // a new sequence number; queries with an older one are stale

    Backend& m_backend;
    QTimer m_debounce;
    QString m_pendingQuery;
    quint64 m_sequence = 0;
    std::shared_ptr<std::atomic<quint64>> m_latest; // m_sequence, readable from the pool's threads
    int m_inFlight = 0;
};

} // namespace sb
