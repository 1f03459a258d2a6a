#pragma once

#include "workflows/Backend.h"

#include <QPointer>
#include <QString>
#include <QTemporaryDir>
#include <QWidget>

#include <memory>

namespace sb {

class AssignPlanDialog;
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

// The visible top-level dialog of that type opened by the window, or null.
AssignPlanDialog* visibleAssignDialog(MainWindow& window);
ProvisioningProgressDialog* visibleProgressDialog(MainWindow& window);

// Button text as shown, without the mnemonic marker ("&Confirm && Provision" -> "Confirm & Provision").
QString shownText(const QString& text);

} // namespace test
} // namespace sb
