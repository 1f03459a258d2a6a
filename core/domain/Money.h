#pragma once

#include <QLocale>
#include <QString>

namespace sb {

// An amount in minor units (cents, pence) of an ISO 4217 currency.
struct Money
{
    qint64 minorUnits = 0;
    QString currency = QStringLiteral("GBP");

    static Money fromMajor(double amount, const QString& currency);
    double major() const { return minorUnits / 100.0; }
    QString currencySymbol() const;
    // Formatted for the given locale's conventions (decimal separator, symbol position).
    QString format(const QLocale& locale = QLocale()) const;
    bool operator==(const Money& other) const
    {
        return minorUnits == other.minorUnits && currency == other.currency;
    }
};

} // namespace sb
