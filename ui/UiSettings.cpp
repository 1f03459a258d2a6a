#include "UiSettings.h"

#include <QSettings>

namespace sb {
namespace {

const QString languageKey = QStringLiteral("ui/language");
const QString catalogGridKey = QStringLiteral("ui/catalogGridView");
const QString importCsvFolderKey = QStringLiteral("ui/importCsvFolder");

} // namespace

QString UiSettings::language()
{
    return QSettings().value(languageKey).toString();
}

void UiSettings::setLanguage(const QString& code)
{
    QSettings().setValue(languageKey, code);
}

bool UiSettings::catalogGridView()
{
    return QSettings().value(catalogGridKey, false).toBool();
}

void UiSettings::setCatalogGridView(bool grid)
{
    QSettings().setValue(catalogGridKey, grid);
}

QString UiSettings::importCsvFolder()
{
    return QSettings().value(importCsvFolderKey).toString();
}

void UiSettings::setImportCsvFolder(const QString& folder)
{
    QSettings().setValue(importCsvFolderKey, folder);
}

} // namespace sb
