#include "CustomerSearcher.h"

#include "AsyncCall.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/Backend.h"

namespace sb {

CustomerSearcher::CustomerSearcher(Backend& backend, QObject* parent)
    : QObject(parent), m_backend(backend), m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { searchNow(m_pendingQuery); });
}

void CustomerSearcher::setQuery(const QString& text)
{
    m_pendingQuery = text;
    supersede(); // an answer to an older query must not show up while the user is still typing
    m_debounce.start();
}

quint64 CustomerSearcher::supersede()
{
    const quint64 sequence = ++m_sequence;
    m_latest->store(sequence);
    return sequence;
}

void CustomerSearcher::searchNow(const QString& text)
{
    m_debounce.stop();
    const quint64 sequence = supersede();
    const QString query = text.trimmed();
    if (query.isEmpty()) {
        emit resultsReady(text, {});
        return;
    }
    Database& db = m_backend.database();
    ++m_inFlight;
    runAsync(
        this, m_backend.pool(),
        [&db, query, sequence, latest = m_latest]() -> Result<QList<Customer>> {
            // Queued behind other work while the user typed on: its answer would be dropped, so skip the SQL.
            if (latest->load() != sequence)
                return QList<Customer>{};
            return AssignPlanWorkflow(db).searchCustomers(query, 20);
        },
        [this, sequence, text](const Result<QList<Customer>>& result) {
            --m_inFlight;
            if (sequence != m_sequence)
                return;
            if (result.ok())
                emit resultsReady(text, result.value());
            else
                emit searchFailed(text, result.error());
        });
}

void CustomerSearcher::cancel()
{
    m_debounce.stop();
    supersede();
}

} // namespace sb
