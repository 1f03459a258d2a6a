#pragma once

#include "Database.h"
#include "domain/Bundle.h"

#include <optional>

namespace sb {

// Prepaid wallets as a ledger: the balance is the sum of the entries, a debit is a negative entry, and an
// idempotency key makes a debit happen once however often the action that makes it is retried.
class WalletRepository
{
public:
    explicit WalletRepository(Database& db) : m_db(db) {}

    std::optional<Wallet> forSubscription(qint64 subscriptionId);
    qint64 create(qint64 subscriptionId, const QString& currency);
    // False (and nothing written) when an entry with this key exists already.
    bool addEntry(qint64 walletId, qint64 amountMinor, const QString& reason, const QString& idempotencyKey,
                  const QString& by);
    bool hasEntry(const QString& idempotencyKey);

private:
    Database& m_db;
};

} // namespace sb
