#pragma once

#include "domain/UserMessage.h"

#include <QSettings>

#include <memory>

namespace sb {

// The settings file that switchboard-worker and switchboard-ctl read: the INI file given with --config FILE (the
// format the GUI's Settings dialog writes), or without it the user's Switchboard settings, as the GUI reads them.
class SettingsFile
{
public:
    // An empty path means the user's settings. A named file must exist and be readable.
    static Result<std::shared_ptr<QSettings>> open(const QString& path);

    // The database URL of the file's [database] group (as the Settings dialog saves it), for a front end started
    // with --config but without --db; empty when the group is not set or its password was not remembered.
    static QString databaseUrl(const QSettings& settings);
};

} // namespace sb
