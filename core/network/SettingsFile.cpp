#include "SettingsFile.h"

#include "store/DatabaseSettings.h"

#include <QFileInfo>

namespace sb {

Result<std::shared_ptr<QSettings>> SettingsFile::open(const QString& path)
{
    if (path.isEmpty())
        return std::make_shared<QSettings>();
    const QFileInfo file(path);
    if (!file.isFile() || !file.isReadable())
        return Error{UserMessage("SettingsFile",
                                 QT_TRANSLATE_NOOP("SettingsFile", "The settings file %1 does not exist or cannot be "
                                                                   "read. Check the path given with --config."),
                                 {path}),
                     QStringLiteral("--config %1: not a readable file").arg(path)};
    auto settings = std::make_shared<QSettings>(file.absoluteFilePath(), QSettings::IniFormat);
    if (settings->status() == QSettings::FormatError)
        return Error{UserMessage("SettingsFile",
                                 QT_TRANSLATE_NOOP("SettingsFile", "The settings file %1 is not an INI file that "
                                                                   "Switchboard can read. Check its contents."),
                                 {path}),
                     QStringLiteral("--config %1: format error").arg(path)};
    return settings;
}

QString SettingsFile::databaseUrl(const QSettings& settings)
{
    const DatabaseSettings database = DatabaseSettings::load(settings);
    if (!database.configured || database.needsPassword())
        return {};
    return database.url();
}

} // namespace sb
