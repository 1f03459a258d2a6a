#pragma once

#include <QString>

namespace sb::RadiusAttributes {

// "00:1a:2b:00:00:01" -> "00-1A-2B-00-00-01", the Calling-Station-Id form of RFC 3580 that NASes send for a
// modem. Empty when the text is not a MAC address.
QString callingStationId(const QString& mac);

// A plan rate "download/upload" such as "100M/20M" or "1G/1G" -> the Mikrotik-Rate-Limit value, which names
// the router's receive rate (the customer's upload) first and knows only k and M: "20M/100M", "1000M/1000M".
// Empty when the text is not such a rate.
QString mikrotikRateLimit(const QString& planRate);

} // namespace sb::RadiusAttributes
