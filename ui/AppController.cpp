#include "AppController.h"

#include "Formatting.h"
#include "LanguageManager.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "ScreenshotTour.h"
#include "StartupWindow.h"
#include "store/DatabaseSettings.h"
#include "workflows/Backend.h"

#include <QApplication>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QMessageBox>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

namespace sb {
namespace {

// Without --db: the database chosen in File → Settings (none chosen: the embedded default file).
DatabaseSettings chosenDatabase(const AppOptions& options)
{
    if (!options.databaseUrl.isEmpty() || !options.screenshotsDir.isEmpty())
        return {};
    return DatabaseSettings::load(QSettings());
}

BackendOptions backendOptions(const AppOptions& options, const QString& chosenUrl)
{
    BackendOptions backendOptions;
    backendOptions.databaseUrl = options.databaseUrl.isEmpty() ? chosenUrl : options.databaseUrl;
    // The screenshot tour injects faults into the built-in simulator, so it never uses configured elements.
    if (options.screenshotsDir.isEmpty())
        backendOptions.endpoints = NetworkEndpoints::fromSettings(QSettings());
    return backendOptions;
}

} // namespace

AppController::AppController(AppOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_languages(std::make_unique<LanguageManager>())
{
    m_backend = std::make_unique<Backend>(backendOptions(m_options, chosenDatabase(m_options).url()));
}

AppController::~AppController()
{
    // Widgets first: they may still hold callbacks for work on the backend's pool.
    m_tour.reset();
    m_window.reset();
    m_loginDialog.reset();
    m_startupWindow.reset();
    m_backend->stop();
}

void AppController::start()
{
    if (!m_options.language.isEmpty() && !LanguageManager::isSupported(m_options.language))
        QTextStream(stderr) << "Unknown language \"" << m_options.language << "\"; use en, pt_BR, fr or es."
                            << Qt::endl;
    const QString language =
        LanguageManager::isSupported(m_options.language) ? m_options.language : LanguageManager::initialLanguage();
    m_languages->setLanguage(language, m_options.language.isEmpty());

    // A PostgreSQL password that was not remembered is asked for now, in the chosen language.
    DatabaseSettings chosen = chosenDatabase(m_options);
    if (chosen.needsPassword()) {
        bool entered = false;
        chosen.password = QInputDialog::getText(nullptr, tr("Database password"),
                                                tr("Password of %1 for the database %2 on %3:")
                                                    .arg(chosen.user, chosen.database, chosen.host),
                                                QLineEdit::Password, QString(), &entered);
        if (!entered) {
            QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
            return;
        }
        m_backend = std::make_unique<Backend>(backendOptions(m_options, chosen.url()));
        chosen.password.fill(QLatin1Char('\0'));
    }

    m_startupWindow = std::make_unique<StartupWindow>(m_options.databaseUrl);
    if (m_options.screenshotsDir.isEmpty())
        m_startupWindow->show();
    auto* watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        onBackendStarted(watcher->result());
    });
    watcher->setFuture(m_backend->startAsync());
}

void AppController::onBackendStarted(const Status& status)
{
    m_startupWindow->hide();
    if (!status.ok()) {
        fail(Formatting::error(status.error));
        return;
    }
    // A shared database: staff sign in with their own account (the embedded default signed the local user in).
    if (!m_backend->session().isValid() && m_options.screenshotsDir.isEmpty()) {
        m_loginDialog = std::make_unique<LoginDialog>(*m_backend);
        connect(m_loginDialog.get(), &QDialog::finished, this, [this](int result) {
            if (result != QDialog::Accepted) {
                QCoreApplication::exit(0);
                return;
            }
            m_backend->setSession(m_loginDialog->actor());
            m_loginDialog->hide();
            showMainWindow();
        });
        m_loginDialog->open();
        return;
    }
    showMainWindow();
}

void AppController::showMainWindow()
{
    m_window = std::make_unique<MainWindow>(*m_backend, *m_languages);
    if (m_options.screenshotsDir.isEmpty()) {
        m_window->show();
        return;
    }
    m_tour = std::make_unique<ScreenshotTour>(*m_window, *m_backend, *m_languages, m_options.screenshotsDir);
    connect(m_tour.get(), &ScreenshotTour::finished, this, [](bool ok) { QCoreApplication::exit(ok ? 0 : 1); });
    m_tour->start();
}

void AppController::fail(const QString& message)
{
    if (!m_options.screenshotsDir.isEmpty()) {
        QTextStream(stderr) << message << Qt::endl;
        QCoreApplication::exit(1);
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Critical, tr("Switchboard could not start"), message, QMessageBox::Close);
    box->setObjectName(QStringLiteral("startupErrorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [] { QCoreApplication::exit(1); });
    box->open();
}

} // namespace sb
