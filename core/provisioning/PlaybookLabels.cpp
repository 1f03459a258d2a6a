#include "PlaybookLabels.h"

#include <QtGlobal>

namespace sb {

QStringList builtInPlaybookLabels()
{
    static const char* const labels[] = {
        QT_TRANSLATE_NOOP("Playbook", "Validating customer account"),
        QT_TRANSLATE_NOOP("Playbook", "Assigning SIM Card (ICCID: %1)"),
        QT_TRANSLATE_NOOP("Playbook", "Assigning Mobile Number (%1)"),
        QT_TRANSLATE_NOOP("Playbook", "Activating SIM in HLR/HSS (IMSI: %1)"),
        QT_TRANSLATE_NOOP("Playbook", "Configuring OCS account"),
        QT_TRANSLATE_NOOP("Playbook", "Creating service record"),
        QT_TRANSLATE_NOOP("Playbook", "Sending welcome email"),
        QT_TRANSLATE_NOOP("Playbook", "Assigning CPE Modem (%1)"),
        QT_TRANSLATE_NOOP("Playbook", "Creating RADIUS user (%1)"),
        QT_TRANSLATE_NOOP("Playbook", "Assigning Set-top Box (%1)"),
        QT_TRANSLATE_NOOP("Playbook", "Activating set-top box on IPTV middleware"),
        QT_TRANSLATE_NOOP("Playbook", "Assigning SIP DID (%1)"),
        QT_TRANSLATE_NOOP("Playbook", "Creating SIP subscriber (%1)"),
        QT_TRANSLATE_NOOP("Playbook", "Updating channel packages on set-top box (%1)"),
        QT_TRANSLATE_NOOP("Playbook", "Adding %1 to the OCS account"),
        QT_TRANSLATE_NOOP("Playbook", "Reading balance"),
        QT_TRANSLATE_NOOP("Playbook", "Activating add-on"),
    };
    QStringList result;
    for (const char* label : labels)
        result << QString::fromUtf8(label);
    return result;
}

} // namespace sb
