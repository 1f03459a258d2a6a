#pragma once

#include "ElementEndpoint.h"
#include "SmtpClient.h"
#include "domain/UserMessage.h"

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

class QSettings;

namespace sb {

// The pages of Settings → Network elements, one per element.
enum class ElementPage { Ocs, Hss, Iptv, Radius, Sip, Mail, SimKeys };

// One key of the settings file that a network element reads, and how it is edited and checked.
struct ElementField
{
    enum class Kind {
        Url,         // http:// or https:// address
        DatabaseUrl, // sqlite:///… or postgresql://… (its password is a field of its own)
        HostPort,    // host:port
        Host,
        Port,
        Text,
        Email,
        HexKey,    // 32 hexadecimal digits
        File,      // must exist and be readable
        Verify,    // "true"/"false", on by default; turning it off asks first
        Flag,      // "true"/"false"
        Choice,    // one of choices
        TimeoutMs, // milliseconds, empty = the element's default
    };

    ElementPage page;
    const char* key; // full key, e.g. "network/ocs_url"
    Kind kind;
    bool secret;             // never shown back; an empty field keeps what is stored
    const char* label;       // QT_TRANSLATE_NOOP("ElementSettings", …)
    const char* placeholder; // shown in the empty field; nullptr = none
    QStringList choices{};   // Kind::Choice: the stored values; the first is the default
};

// The element settings of the settings file as the Settings dialog edits them: every key read by
// NetworkEndpoints::fromSettings and SmtpSettings::fromSettings, grouped by element. Values are strings as in
// the INI file; an empty value means "not set" (the built-in simulator or embedded default serves the element).
class ElementSettings
{
public:
    using Values = QMap<QString, QString>; // key -> value

    static const QList<ElementField>& fields();
    static QList<ElementField> fieldsOf(ElementPage page);
    static QList<ElementPage> pages();
    static const char* pageName(ElementPage page); // QT_TRANSLATE_NOOP("ElementSettings", …)
    static const ElementField* field(const QString& key);

    // Every field's value. A password inside a database URL is moved to that database's password field.
    static Values load(const QSettings& settings);
    // Writes every field. A secret is written when `values` has it non-empty, removed when it is in
    // clearedSecrets, and otherwise left as stored. Empty values remove their key.
    static void save(QSettings& settings, const Values& values, const QSet<QString>& clearedSecrets);

    // Why a value is not acceptable for the field, as a sentence; empty when it is fine.
    static UserMessage check(const ElementField& field, const QString& value);

    // What the provisioning runner would use for these values (for "Test connection").
    static ElementEndpoint endpoint(ElementPage page, const Values& values);
    static SmtpSettings mail(const Values& values);
    static QString databaseUrl(ElementPage page, const Values& values); // with its password; empty = embedded

    // url with password set as the URL's password, unless it has one already (for [network] */db_password).
    static QString withPassword(const QString& url, const QString& password);
};

} // namespace sb
