#include "RadiusAttributes.h"

#include <QRegularExpression>
#include <QStringList>

namespace sb::RadiusAttributes {

QString callingStationId(const QString& mac)
{
    QString hex = mac.trimmed().toUpper();
    hex.remove(QRegularExpression(QStringLiteral("[-:.]")));
    static const QRegularExpression twelveHex(QStringLiteral("^[0-9A-F]{12}$"));
    if (!twelveHex.match(hex).hasMatch())
        return {};
    QStringList octets;
    for (int i = 0; i < 12; i += 2)
        octets << hex.mid(i, 2);
    return octets.join(QLatin1Char('-'));
}

namespace {

// "100M" -> "100M", "1G" -> "1000M", "512k" -> "512k"; Mikrotik knows only k and M.
QString mikrotikRate(const QString& rate)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+)\\s*([kKmMgG]?)\\s*$"));
    const QRegularExpressionMatch m = pattern.match(rate);
    if (!m.hasMatch())
        return {};
    const qint64 value = m.captured(1).toLongLong();
    const QString unit = m.captured(2).toUpper();
    if (unit == QLatin1String("G"))
        return QString::number(value * 1000) + QLatin1Char('M');
    if (unit == QLatin1String("M"))
        return QString::number(value) + QLatin1Char('M');
    if (unit == QLatin1String("K"))
        return QString::number(value) + QLatin1Char('k');
    return QString::number(value);
}

} // namespace

QString mikrotikRateLimit(const QString& planRate)
{
    const QStringList parts = planRate.split(QLatin1Char('/'));
    if (parts.size() != 2)
        return {};
    const QString down = mikrotikRate(parts.at(0));
    const QString up = mikrotikRate(parts.at(1));
    if (down.isEmpty() || up.isEmpty())
        return {};
    return up + QLatin1Char('/') + down;
}

} // namespace sb::RadiusAttributes
