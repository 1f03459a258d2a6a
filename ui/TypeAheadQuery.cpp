#include "TypeAheadQuery.h"

namespace sb {

TypeAheadQuery::TypeAheadQuery(Backend& backend, QObject* parent)
    : QObject(parent), m_backend(backend), m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { searchNow(m_pendingQuery); });
}

void TypeAheadQuery::setQuery(const QString& text)
{
    m_pendingQuery = text;
    supersede(); // an answer to an older query must not show up while the user is still typing
    m_debounce.start();
}

void TypeAheadQuery::searchNow(const QString& text)
{
    m_debounce.stop();
    start(text, text.trimmed(), supersede());
}

void TypeAheadQuery::cancel()
{
    m_debounce.stop();
    supersede();
}

quint64 TypeAheadQuery::supersede()
{
    const quint64 sequence = ++m_sequence;
    m_latest->store(sequence);
    return sequence;
}

} // namespace sb
