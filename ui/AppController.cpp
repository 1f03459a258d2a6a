#include "AppController.h"

#include "Formatting.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "ScreenshotTour.h"
#include "StartupWindow.h"
#include "workflows/Backend.h"

#include <QApplication>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QSettings>
#include <QTextStream>

namespace sb {

AppController::AppController(AppOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_languages(std::make_unique<LanguageManager>())
{
    BackendOptions backendOptions;
    backendOptions.databaseUrl = m_options.databaseUrl;
    // The screenshot tour injects faults into the built-in simulator, so it never uses configured elements.
    if (m_options.screenshotsDir.isEmpty())
        backendOptions.endpoints = NetworkEndpoints::fromSettings(QSettings());
    m_backend = std::make_unique<Backend>(backendOptions);
}

AppController::~AppController()
{
    // Widgets first: they may still hold callbacks for work on the backend's pool.
    m_tour.reset();
    m_window.reset();
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
