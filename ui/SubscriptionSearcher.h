#pragma once

#include "TypeAheadQuery.h"
#include "domain/Bundle.h"

namespace sb {

// Type-ahead subscription search (number or customer name); an empty query lists the most recent subscriptions.
class SubscriptionSearcher : public TypeAheadQuery
{
    Q_OBJECT

public:
    static constexpr int resultLimit = 50;

    explicit SubscriptionSearcher(Backend& backend, QObject* parent = nullptr) : TypeAheadQuery(backend, parent) {}

signals:
    void resultsReady(const QString& query, const QList<sb::Subscription>& subscriptions);
    void searchFailed(const QString& query, const sb::Error& error);

protected:
    void start(const QString& text, const QString& query, quint64 sequence) override;
};

} // namespace sb
