#include "Money.h"

#include <cmath>

namespace sb {

Money Money::fromMajor(double amount, const QString& currency)
{
    return Money{static_cast<qint64>(std::llround(amount * 100.0)), currency};
}

QString Money::currencySymbol() const
{
    if (currency == QLatin1String("GBP"))
        return QStringLiteral("£");
    if (currency == QLatin1String("EUR"))
        return QStringLiteral("€");
    if (currency == QLatin1String("USD"))
        return QStringLiteral("$");
    if (currency == QLatin1String("BRL"))
        return QStringLiteral("R$");
    return currency;
}

QString Money::format(const QLocale& locale) const
{
    return locale.toCurrencyString(major(), currencySymbol(), 2);
}

} // namespace sb
