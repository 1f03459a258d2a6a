#pragma once

#include <QString>

namespace sb {

// Typed access to the GUI's QSettings keys, so no string key is scattered through the widgets.
class UiSettings
{
public:
    static QString language(); // empty: not chosen yet
    static void setLanguage(const QString& code);

    static bool catalogGridView();
    static void setCatalogGridView(bool grid);

    static QString importCsvFolder(); // where "Import CSV…" last found a file; empty: the documents folder
    static void setImportCsvFolder(const QString& folder);
};

} // namespace sb
