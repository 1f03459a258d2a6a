#pragma once

#include "TypeAheadQuery.h"
#include "domain/Entities.h"

namespace sb {

// Type-ahead customer search (name, ID, email, phone); an empty query finds nobody.
class CustomerSearcher : public TypeAheadQuery
{
    Q_OBJECT

public:
    static constexpr int resultLimit = 20;

    explicit CustomerSearcher(Backend& backend, QObject* parent = nullptr) : TypeAheadQuery(backend, parent) {}

signals:
    void resultsReady(const QString& query, const QList<sb::Customer>& customers);
    void searchFailed(const QString& query, const sb::Error& error);

protected:
    void start(const QString& text, const QString& query, quint64 sequence) override;
};

} // namespace sb
