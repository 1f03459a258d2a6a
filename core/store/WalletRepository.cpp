#include "WalletRepository.h"

namespace sb {

std::optional<Wallet> WalletRepository::forSubscription(qint64 subscriptionId)
{
    Sql q(m_db, QStringLiteral("SELECT id, currency FROM wallets WHERE subscription_id = :s"));
    q.bind(QStringLiteral(":s"), subscriptionId).exec();
    if (!q.next())
        return std::nullopt;
    Wallet wallet;
    wallet.id = q.value(0).toLongLong();
    wallet.subscriptionId = subscriptionId;
    wallet.balance = Money{0, q.value(1).toString()};
    Sql entries(m_db, QStringLiteral("SELECT id, amount, reason, created_ms, created_by FROM wallet_ledger"
                                     " WHERE wallet_id = :w ORDER BY id"));
    entries.bind(QStringLiteral(":w"), wallet.id).exec();
    while (entries.next()) {
        WalletEntry entry;
        entry.id = entries.value(0).toLongLong();
        entry.amount = Money{entries.value(1).toLongLong(), wallet.balance.currency};
        entry.reason = entries.value(2).toString();
        entry.createdMs = entries.value(3).toLongLong();
        entry.createdBy = entries.value(4).toString();
        wallet.balance.minorUnits += entry.amount.minorUnits;
        wallet.entries << entry;
    }
    return wallet;
}

qint64 WalletRepository::create(qint64 subscriptionId, const QString& currency)
{
    Sql q(m_db, QStringLiteral("INSERT INTO wallets (subscription_id, currency, created_ms) VALUES (:s, :c, :t) RETURNING id"));
    q.bind(QStringLiteral(":s"), subscriptionId)
        .bind(QStringLiteral(":c"), currency)
        .bind(QStringLiteral(":t"), Database::nowMs())
        .exec();
    return q.returnedId();
}

bool WalletRepository::hasEntry(const QString& idempotencyKey)
{
    Sql q(m_db, QStringLiteral("SELECT 1 FROM wallet_ledger WHERE idempotency_key = :k"));
    q.bind(QStringLiteral(":k"), idempotencyKey).exec();
    return q.next();
}

bool WalletRepository::addEntry(qint64 walletId, qint64 amountMinor, const QString& reason,
                                const QString& idempotencyKey, const QString& by)
{
    if (!idempotencyKey.isEmpty() && hasEntry(idempotencyKey))
        return false;
    Sql(m_db, QStringLiteral("INSERT INTO wallet_ledger (wallet_id, amount, reason, idempotency_key, created_ms, created_by)"
                             " VALUES (:w, :a, :r, :k, :t, :by)"))
        .bind(QStringLiteral(":w"), walletId)
        .bind(QStringLiteral(":a"), amountMinor)
        .bind(QStringLiteral(":r"), reason)
        .bind(QStringLiteral(":k"), idempotencyKey.isEmpty() ? QVariant() : QVariant(idempotencyKey))
        .bind(QStringLiteral(":t"), Database::nowMs())
        .bind(QStringLiteral(":by"), by)
        .exec();
    return true;
}

} // namespace sb
