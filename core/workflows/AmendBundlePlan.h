#pragma once

#include "AmendBundleWorkflow.h"

namespace sb {

// One evaluation of an Amend Bundle Services request against the database at a moment: loads what the
// request touches, collects every broken rule (evaluate), and carries the change out (apply) inside the
// caller's transaction. Used at submit time and again when a scheduled action comes due.
class AmendBundlePlan
{
public:
    AmendBundlePlan(Database& db, AmendBundleRequest request, QString requestedBy, qint64 nowMs, qint64 effectiveMs);

    // Every broken rule, one sentence each. Reads only.
    QList<UserMessage> evaluate();
    const AmendPreview& preview() const { return m_preview; }
    QString performedBy() const;
    // The scheduled_actions row that records this request (status scheduled, due at dueMs).
    ScheduledAction actionRecord(qint64 dueMs) const;
    // Adds and removes the components, their distribution, states, wallet debits, provisioning jobs and the
    // audit entry. Only after evaluate() found nothing; inside a transaction.
    AmendOutcome apply(qint64 actionId);

private:
    void checkLifecycle();
    void resolveChanges(const QList<SubscriptionService>& components);
    void checkRules(const QList<SubscriptionService>& allServices);
    void checkPendingRemoval();
    void checkWallet();
    void checkActionDetails();
    QStringList channelPackages() const;
    QList<qint64> queueSetTopBoxJobs(const QList<qint64>& removedDistributorIds);

    Database& m_db;
    AmendBundleRequest m_request;
    QString m_requestedBy;
    qint64 m_nowMs = 0;
    qint64 m_effectiveMs = 0;
    AmendPreview m_preview;
    QList<SubscriptionService> m_keptComponents;
    QList<UserMessage> m_problems;
    bool m_understood = false; // the bundle service and its subscription were found
};

} // namespace sb
