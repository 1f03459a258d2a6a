#pragma once

#include <QString>

namespace sb {

// What the command line asked for (parsed in main.cpp).
struct AppOptions
{
    QString databaseUrl;    // --db; empty: Backend's default file
    QString language;       // --lang; empty: the remembered or system language
    QString screenshotsDir; // --screenshots; non-empty: run the screenshot tour and exit
};

} // namespace sb
