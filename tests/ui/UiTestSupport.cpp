#include "UiTestSupport.h"

#include "AssignPlanDialog.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "ProvisioningProgressDialog.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

namespace sb::test {

void prepareEnvironment()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SwitchboardTests"));
    QCoreApplication::setApplicationName(QStringLiteral("switchboard-ui-tests"));
    QSettings().clear(); // every test starts from the defaults (carousel view, no remembered language)
}

TestBackend::TestBackend(bool seedDemo)
{
    BackendOptions options;
    options.databaseUrl = QStringLiteral("sqlite:///") + m_directory.filePath(QStringLiteral("switchboard.db"));
    options.seedDemoIfEmpty = seedDemo;
    m_backend = std::make_unique<Backend>(options);
    m_started = m_backend->startBlocking();
}

TestBackend::~TestBackend()
{
    m_backend->stop();
}

MainWindowFixture::MainWindowFixture() = default;

MainWindowFixture::~MainWindowFixture()
{
    reset();
}

bool MainWindowFixture::startBackend(bool seedDemo)
{
    prepareEnvironment();
    m_backend = std::make_unique<TestBackend>(seedDemo);
    m_error = m_backend->ok() ? QString() : m_backend->errorText();
    return m_backend->ok();
}

bool MainWindowFixture::showWindow()
{
    m_languages = std::make_unique<LanguageManager>();
    m_languages->setLanguage(QStringLiteral("en"), false);
    m_window = std::make_unique<MainWindow>(m_backend->backend(), *m_languages);
    m_window->show();
    const bool exposed = QTest::qWaitForWindowExposed(m_window.get());
    m_error = exposed ? QString() : QStringLiteral("The main window was not exposed.");
    return exposed;
}

void MainWindowFixture::reset()
{
    m_window.reset();
    m_languages.reset();
    m_backend.reset();
}

AssignPlanDialog* visibleAssignDialog(MainWindow& window)
{
    for (AssignPlanDialog* dialog : window.findChildren<AssignPlanDialog*>())
        if (dialog->isVisible())
            return dialog;
    return nullptr;
}

ProvisioningProgressDialog* visibleProgressDialog(MainWindow& window)
{
    for (ProvisioningProgressDialog* dialog : window.findChildren<ProvisioningProgressDialog*>())
        if (dialog->isVisible())
            return dialog;
    return nullptr;
}

QString shownText(const QString& text)
{
    QString shown;
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('&'))
                shown += QLatin1Char('&');
            ++i;
            if (i < text.size() && text.at(i) != QLatin1Char('&'))
                shown += text.at(i);
            continue;
        }
        shown += text.at(i);
    }
    return shown;
}

} // namespace sb::test
