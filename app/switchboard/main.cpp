#include "AppController.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Switchboard"));
    QApplication::setApplicationName(QStringLiteral("Switchboard"));
    QApplication::setApplicationVersion(QStringLiteral(SWITCHBOARD_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Switchboard: assign plans and provision "
                                                                         "services for telecom customers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(
        QStringLiteral("db"), QCoreApplication::translate("main", "Database URL (sqlite:///path or postgresql://…)."),
        QStringLiteral("URL"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QCoreApplication::translate("main", "Language: en, pt_BR, fr or es."),
                                  QStringLiteral("L"));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QCoreApplication::translate("main", "Save screenshots of the assign-plan flow to DIR, then exit."),
        QStringLiteral("DIR"));
    parser.addOptions({db, lang, screenshots});
    parser.process(app);

    sb::AppController controller({parser.value(db), parser.value(lang), parser.value(screenshots)});
    controller.start();
    return app.exec();
}
