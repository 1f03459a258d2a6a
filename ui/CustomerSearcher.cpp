#include "CustomerSearcher.h"

#include "workflows/AssignPlanWorkflow.h"

namespace sb {

void CustomerSearcher::start(const QString& text, const QString& query, quint64 sequence)
{
    if (query.isEmpty()) {
        emit resultsReady(text, {});
        return;
    }
    Database& db = m_backend.database();
    run<QList<Customer>>(
        sequence, [&db, query] { return AssignPlanWorkflow(db).searchCustomers(query, resultLimit); },
        [this, text](const Result<QList<Customer>>& result) {
            if (result.ok())
                emit resultsReady(text, result.value());
            else
                emit searchFailed(text, result.error());
        });
}

} // namespace sb
