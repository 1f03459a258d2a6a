#pragma once

#include "ElementExchange.h"

#include <QJsonObject>
#include <QJsonValue>

namespace sb {

// The OCS adapter: CGRateS JSON-RPC over HTTP(S). Synchronous; use it on a worker thread.
class CgratesClient
{
public:
    static constexpr const char* DefaultTenant = "cgrates.org";

    explicit CgratesClient(ElementEndpoint endpoint);

    const ElementEndpoint& endpoint() const { return m_exchange.endpoint(); }

    // POSTs {"method", "params": [params], "id"} and returns "result", or an Error for a non-null "error".
    Result<QJsonValue> call(const QString& method, const QJsonObject& params, QString* log = nullptr);

    // An empty tenant means DefaultTenant.
    Status setAccount(const QString& tenant, const QString& account, const QJsonObject& extra = {},
                      QString* log = nullptr);
    // balanceType: "*data" (bytes), "*voice" (nanoseconds), "*monetary", …
    Status addBalance(const QString& tenant, const QString& account, const QString& balanceType, double value,
                      const QJsonObject& balance = {}, QString* log = nullptr);
    Result<QJsonObject> getAccount(const QString& tenant, const QString& account, QString* log = nullptr);
    Status removeAccount(const QString& tenant, const QString& account, QString* log = nullptr);

private:
    Error rpcError(const QString& method, const QJsonObject& params, const QString& error) const;

    ElementExchange m_exchange;
    int m_nextId = 1;
};

} // namespace sb
