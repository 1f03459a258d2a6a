#pragma once

#include "AppOptions.h"

#include <QObject>

#include <memory>

namespace sb {

class Backend;
class LanguageManager;
class LoginDialog;
class MainWindow;
class ScreenshotTour;
class StartupWindow;
struct Status;

// What main() starts: applies the language, opens the backend off the GUI thread behind a small
// "Opening database…" window, then shows the main window (or runs the screenshot tour). A startup error is
// shown with its sentence and the application exits with a non-zero code.
class AppController : public QObject
{
    Q_OBJECT

public:
    explicit AppController(AppOptions options, QObject* parent = nullptr);
    ~AppController() override;

    void start();
    Backend& backend() { return *m_backend; }
    MainWindow* mainWindow() const { return m_window.get(); }
    LoginDialog* loginDialog() const { return m_loginDialog.get(); }

private:
    void onBackendStarted(const Status& status);
    void showMainWindow();
    void fail(const QString& message);

    AppOptions m_options;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<StartupWindow> m_startupWindow;
    std::unique_ptr<LoginDialog> m_loginDialog;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ScreenshotTour> m_tour;
};

} // namespace sb
