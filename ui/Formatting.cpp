#include "Formatting.h"

#include <QDateTime>
#include <QFont>
#include <QFontMetrics>
#include <QLocale>

namespace sb {
namespace {

bool isNumberTemplate(const InventoryItem& item)
{
    return item.identifier.startsWith(QLatin1Char('+'));
}

} // namespace

QString Formatting::customer(const Customer& customer)
{
    return tr("%1 (ID: %2)").arg(customer.name).arg(customer.id);
}

QString Formatting::templateName(const QString& templateName)
{
    const QByteArray source = templateName.toUtf8();
    return QCoreApplication::translate("Inventory", source.constData());
}

QString Formatting::identifierLabel(const QString& templateName)
{
    // The templates of the built-in catalog, listed so that lupdate offers their names for translation (core
    // translates a template name in the "Inventory" context), with the identifier a person checks on the item.
    struct KnownTemplate
    {
        const char* name;
        const char* identifier;
    };
    static const KnownTemplate known[] = {
        {QT_TRANSLATE_NOOP("Inventory", "SIM Card"), QT_TRANSLATE_NOOP("sb::Formatting", "ICCID")},
        {QT_TRANSLATE_NOOP("Inventory", "Mobile Number"), QT_TRANSLATE_NOOP("sb::Formatting", "MSISDN")},
        {QT_TRANSLATE_NOOP("Inventory", "CPE Modem"), QT_TRANSLATE_NOOP("sb::Formatting", "Serial")},
        {QT_TRANSLATE_NOOP("Inventory", "Set-top Box"), QT_TRANSLATE_NOOP("sb::Formatting", "Serial")},
        {QT_TRANSLATE_NOOP("Inventory", "SIP DID"), nullptr},
    };
    for (const KnownTemplate& entry : known)
        if (templateName == QLatin1String(entry.name))
            return entry.identifier ? QCoreApplication::translate("sb::Formatting", entry.identifier) : QString();
    return {};
}

QString Formatting::shortIdentifier(const QString& identifier)
{
    static constexpr int longSerial = 15;
    if (identifier.size() < longSerial)
        return identifier;
    return identifier.left(4) + QStringLiteral("...") + identifier.right(4);
}

QString Formatting::pickerEntry(const InventoryItem& item, qint64 nowMs)
{
    const QString status = displayName(item.effectiveStatus(nowMs));
    if (isNumberTemplate(item))
        return tr("%1 (%2)", "number (status)").arg(item.identifier, status);
    const QString label = identifierLabel(item.templateName);
    if (label.isEmpty())
        return tr("%1 - %2 (%3)", "reference - identifier (status)")
            .arg(item.reference, shortIdentifier(item.identifier), status);
    return tr("%1 - %2: %3 (%4)", "reference - label: identifier (status)")
        .arg(item.reference, label, shortIdentifier(item.identifier), status);
}

QString Formatting::pickedItem(const InventoryItem& item)
{
    if (isNumberTemplate(item))
        return item.identifier;
    const QString label = identifierLabel(item.templateName);
    if (label.isEmpty())
        return tr("%1 (%2)", "reference (identifier)").arg(item.reference, shortIdentifier(item.identifier));
    return tr("%1 (%2: %3)", "reference (label: identifier)")
        .arg(item.reference, label, shortIdentifier(item.identifier));
}

QString Formatting::yesNo(bool value)
{
    return value ? tr("Yes") : tr("No");
}

QString Formatting::dateTime(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msSinceEpoch), QLocale::ShortFormat);
}

QString Formatting::time(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msSinceEpoch).time(), QStringLiteral("HH:mm:ss.zzz"));
}

QString Formatting::countdown(qint64 remainingMs)
{
    const qint64 seconds = qMax<qint64>(0, (remainingMs + 999) / 1000);
    return QStringLiteral("%1:%2")
        .arg(seconds / 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString Formatting::taskSymbol(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Done:
        return QStringLiteral("✓");
    case TaskStatus::Running:
        return QStringLiteral("⟳");
    case TaskStatus::Pending: {
        // ⏺ is missing from many fonts (DejaVu among them); a hollow circle reads the same.
        static const bool hasRecordSymbol = QFontMetrics(QFont()).inFontUcs4(0x23FA);
        return hasRecordSymbol ? QStringLiteral("⏺") : QStringLiteral("○");
    }
    case TaskStatus::Failed:
        return QStringLiteral("✗");
    case TaskStatus::Skipped:
        return QStringLiteral("–");
    }
    return {};
}

QString Formatting::error(const Error& error)
{
    const QString text = error.text();
    if (!text.isEmpty())
        return text;
    return tr("The operation could not be completed. Check the connection to the database and try again.");
}

QString Formatting::serviceType(ServiceType type)
{
    return displayName(type);
}

} // namespace sb
