#pragma once

#include "AsyncCall.h"
#include "domain/UserMessage.h"
#include "workflows/Backend.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace sb {

// Type-ahead search off the GUI thread: what the user types is debounced, each query runs on the backend's pool,
// and only the newest query's answer is delivered (older answers that arrive late are dropped). A query that is
// already superseded when a pool thread picks it up is not run at all. Subclasses run their search in start().
class TypeAheadQuery : public QObject
{
    Q_OBJECT

public:
    static constexpr int debounceMs = 150;

    void setQuery(const QString& text); // searches after the debounce delay
    void searchNow(const QString& text);
    void cancel(); // forgets the pending and in-flight queries
    bool isBusy() const { return m_inFlight > 0 || m_debounce.isActive(); }

protected:
    TypeAheadQuery(Backend& backend, QObject* parent);

    // text as typed, query trimmed; hand the work to run() with this sequence number.
    virtual void start(const QString& text, const QString& query, quint64 sequence) = 0;

    // search() runs on the pool unless the query is stale by then; deliver() gets its result on the GUI thread,
    // only while the query is still the newest.
    template <typename T, typename Search, typename Deliver> void run(quint64 sequence, Search search, Deliver deliver)
    {
        ++m_inFlight;
        runAsync(
            this, m_backend.pool(),
            [search = std::move(search), sequence, latest = m_latest]() -> Result<T> {
                if (latest->load() != sequence)
                    return T{};
                return search();
            },
            [this, sequence, deliver = std::move(deliver)](const Result<T>& result) {
                --m_inFlight;
                if (sequence == m_sequence)
                    deliver(result);
            });
    }

    Backend& m_backend;

private:
    quint64 supersede(); // a new sequence number; queries with an older one are stale

    QTimer m_debounce;
    QString m_pendingQuery;
    quint64 m_sequence = 0;
    std::shared_ptr<std::atomic<quint64>> m_latest; // m_sequence, readable from the pool's threads
    int m_inFlight = 0;
};

} // namespace sb
