#pragma once

#include "workflows/Backend.h"

#include <QPointer>
#include <QString>
#include <QTemporaryDir>
#include <QWidget>

#include <memory>

namespace sb {

class AssignPlanDialog;
class LanguageManager;
class MainWindow;
class ProvisioningProgressDialog;

namespace test {

// Settings and data directories of the tests never touch the user's.
void prepareEnvironment();

// A backend on a fresh SQLite file in a temporary directory, started (blocking) with or without the demo data.
class TestBackend
{
public:
    explicit TestBackend(bool seedDemo = true);
    ~TestBackend();

    bool ok() const { return m_started.ok(); }
    QString errorText() const
    {
        return m_started.error.message.englishText() + QLatin1Char(' ') + m_started.error.detail;
    }
    Backend& backend() { return *m_backend; }

private:
    QTemporaryDir m_directory;
    std::unique_ptr<Backend> m_backend;
    Status m_started;
};

// The main window in English on a TestBackend, shown: what most GUI tests start from. Start it in initTestCase()
// with QVERIFY2(fixture.start(), qPrintable(fixture.errorText())) and reset() it in cleanupTestCase().
class MainWindowFixture
{
public:
    MainWindowFixture();
    ~MainWindowFixture();

    // prepareEnvironment(), then the backend; false when it did not start, with the reason in errorText().
    bool startBackend(bool seedDemo = true);
    // English, then the main window on the started backend, shown; false when it was not exposed.
    bool showWindow();
    bool start(bool seedDemo = true) { return startBackend(seedDemo) && showWindow(); }
    QString errorText() const { return m_error; }

    Backend& backend() const { return m_backend->backend(); }
    LanguageManager& languages() const { return *m_languages; }
    MainWindow& window() const { return *m_window; }

    // The window first, while the backend it uses still runs.
    void reset();

private:
    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<MainWindow> m_window;
    QString m_error;
};

// The visible top-level dialog of that type opened by the window, or null.
AssignPlanDialog* visibleAssignDialog(MainWindow& window);
ProvisioningProgressDialog* visibleProgressDialog(MainWindow& window);

// Button text as shown, without the mnemonic marker ("&Confirm && Provision" -> "Confirm & Provision").
QString shownText(const QString& text);

} // namespace test
} // namespace sb
