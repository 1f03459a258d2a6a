#include "UiTestSupport.h"

#include "AssignPlanDialog.h"
#include "MainWindow.h"
#include "ProvisioningProgressDialog.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>

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
