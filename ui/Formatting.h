#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"

#include <QCoreApplication>
#include <QString>

namespace sb {

// How entities read on screen, in the current language and locale. Shared by pages, dialogs and the tour.
class Formatting
{
    Q_DECLARE_TR_FUNCTIONS(sb::Formatting)

public:
    static QString customer(const Customer& customer);           // John Smith (ID: 123)
    static QString templateName(const QString& templateName);    // SIM Card, translated
    static QString identifierLabel(const QString& templateName); // ICCID, MSISDN... or empty
    static QString shortIdentifier(const QString& identifier);   // 8944...0001 for long serials
    // Picker entry: "SIM-00123 - ICCID: 8944...0001 (New)", or "+44 7700 900123 (Available)" for numbers.
    static QString pickerEntry(const InventoryItem& item, qint64 nowMs);
    // Review entry: "SIM-00123 (ICCID: 8944...0001)", or "+44 7700 900123" for numbers.
    static QString pickedItem(const InventoryItem& item);
    static QString yesNo(bool value);
    static QString dateTime(qint64 msSinceEpoch); // empty for 0
    static QString time(qint64 msSinceEpoch);     // empty for 0
    static QString countdown(qint64 remainingMs); // mm:ss
    static QString taskSymbol(TaskStatus status); // ✓ ⟳ ⏺ ✗
    static QString serviceType(ServiceType type);
    // The sentence of an error, in the current language; a generic one if the error carries no message.
    static QString error(const Error& error);
};

} // namespace sb
