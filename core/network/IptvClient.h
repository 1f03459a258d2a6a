#pragma once

#include "ElementExchange.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace sb {

// The IPTV middleware adapter (REST under the endpoint URL, e.g. http://host/iptv). Sends X-Api-Key when the
// endpoint has a key. Synchronous.
class IptvClient
{
public:
    explicit IptvClient(ElementEndpoint endpoint);

    const ElementEndpoint& endpoint() const { return m_exchange.endpoint(); }

    // POST /devices {serial, account, packages} → 201 (or 200 when already active for this account)
    // {device_id, serial, account, packages, status: "active"}.
    Result<QJsonObject> activateDevice(const QString& deviceSerial, const QString& account, const QStringList& packages,
                                       QString* log = nullptr);
    // GET /devices/{serial} for Verify: nullopt when the middleware answers 404 (unknown device).
    Result<std::optional<QJsonObject>> findDevice(const QString& deviceSerial, QString* log = nullptr);
    // DELETE /devices/{serial}.
    Status deactivateDevice(const QString& deviceSerial, QString* log = nullptr);

private:
    Error replyError(const ElementExchange::Reply& reply, const QString& serial, const QString& what) const;

    ElementExchange m_exchange;
};

} // namespace sb
