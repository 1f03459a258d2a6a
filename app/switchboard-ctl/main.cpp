#include "CtlCommands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Switchboard"));
    QCoreApplication::setApplicationName(QStringLiteral("Switchboard")); // same settings and data as the GUI
    QTextStream out(stdout);
    QTextStream err(stderr);
    sb::CtlCommands commands(out, err);
    const int code = commands.run(app.arguments().mid(1));
    out.flush();
    err.flush();
    return code;
}
