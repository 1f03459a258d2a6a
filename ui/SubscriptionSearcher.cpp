#include "SubscriptionSearcher.h"

#include "workflows/SubscriptionWorkflow.h"

namespace sb {

void SubscriptionSearcher::start(const QString& text, const QString& query, quint64 sequence)
{
    Database& db = m_backend.database();
    run<QList<Subscription>>(
        sequence, [&db, query] { return SubscriptionWorkflow(db).search(query, resultLimit); },
        [this, text](const Result<QList<Subscription>>& result) {
            if (result.ok())
                emit resultsReady(text, result.value());
            else
                emit searchFailed(text, result.error());
        });
}

} // namespace sb
