#include "ImportCsvLauncher.h"

#include "AsyncCall.h"
#include "ImportCsvDialog.h"
#include "workflows/Backend.h"
#include "workflows/BulkImportWorkflow.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QStatusBar>

#include <utility>

namespace sb {

ImportCsvLauncher::ImportCsvLauncher(Backend& backend, QMainWindow& window, QMenu* menu, QAction* before)
    : QObject(&window), m_backend(backend), m_window(window), m_action(new QAction(&window)),
      m_notice(new QWidget(&window)), m_noticeLabel(new QLabel(m_notice)), m_resumeButton(new QPushButton(m_notice))
{
    m_action->setObjectName(QStringLiteral("importCsvAction"));
    menu->insertAction(before, m_action);
    if (before)
        menu->insertSeparator(before);
    connect(m_action, &QAction::triggered, this, [this] { openDialog(); });

    m_notice->setObjectName(QStringLiteral("importResumeNotice"));
    m_noticeLabel->setObjectName(QStringLiteral("importResumeLabel"));
    m_resumeButton->setObjectName(QStringLiteral("resumeImportButton"));
    auto* layout = new QHBoxLayout(m_notice);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_noticeLabel);
    layout->addWidget(m_resumeButton);
    window.statusBar()->addWidget(m_notice);
    m_notice->hide();
    connect(m_resumeButton, &QPushButton::clicked, this, [this] {
        m_notice->hide();
        openDialog(m_unfinishedId);
    });

    connect(&backend, &Backend::sessionChanged, this, [this] {
        applySession();
        checkUnfinishedImports(); // somebody else may sign in on a shared database
    });
    window.installEventFilter(this); // language changes reach the window, not this object
    applySession();
    retranslateUi();
    checkUnfinishedImports();
}

bool ImportCsvLauncher::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == &m_window && event->type() == QEvent::LanguageChange)
        retranslateUi();
    return QObject::eventFilter(watched, event);
}

void ImportCsvLauncher::retranslateUi()
{
    m_action->setText(tr("&Import CSV…"));
    m_action->setToolTip(tr("Assign plans to many customers at once from a CSV file."));
    m_action->setStatusTip(m_action->toolTip());
    if (m_unfinishedId != 0) {
        m_noticeLabel->setText(tr("The import of %1 was interrupted.").arg(m_unfinishedFile));
        m_resumeButton->setText(tr("Resume Import"));
    }
}

void ImportCsvLauncher::applySession()
{
    const Actor& session = m_backend.session();
    m_action->setEnabled(session.can(Permission::AssignPlan));
    m_action->setVisible(session.can(Permission::AssignPlan));
}

void ImportCsvLauncher::checkUnfinishedImports()
{
    if (m_checking || !m_backend.session().can(Permission::AssignPlan))
        return;
    m_checking = true;
    Database& db = m_backend.database();
    runAsync(this, m_backend.pool(), [&db] { return BulkImportWorkflow(db).runningImports(); },
             [this](const Result<QList<BulkImportInfo>>& imports) {
                 m_checking = false;
                 if (!imports.ok() || imports->isEmpty())
                     return; // no notice; the dialog shows errors when it is opened
                 if (m_dialog && m_dialog->isRunning())
                     return; // this window is running it
                 const BulkImportInfo& newest = imports->first();
                 m_unfinishedId = newest.id;
                 m_unfinishedFile = newest.fileName;
                 retranslateUi();
                 m_notice->show();
             });
}

ImportCsvDialog* ImportCsvLauncher::dialog() const
{
    return m_dialog;
}

ImportCsvDialog* ImportCsvLauncher::openDialog(qint64 importId)
{
    const bool unseen = std::exchange(m_settledUnseen, false);
    if (m_dialog && !m_dialog->isRunning() && !m_dialog->isVisible() && !(unseen && importId == 0))
        m_dialog->deleteLater(); // closed after its import ended: start afresh
    else if (m_dialog && (importId == 0 || m_dialog->isRunning() || m_dialog->importId() == importId)) {
        m_dialog->show(); // one import at a time: the running one comes forward
        m_dialog->raise();
        m_dialog->activateWindow();
        return m_dialog;
    } else if (m_dialog) {
        m_dialog->deleteLater();
    }
    m_dialog = new ImportCsvDialog(m_backend, &m_window);
    connect(m_dialog, &ImportCsvDialog::importSettled, this, &ImportCsvLauncher::onSettled);
    if (importId > 0) {
        m_notice->hide();
        m_dialog->showImport(importId);
    }
    m_dialog->show();
    return m_dialog;
}

void ImportCsvLauncher::onSettled(const BulkImportProgress& progress)
{
    if (m_dialog && m_dialog->isVisible())
        return;
    m_settledUnseen = true;
    // Finished in the background: say so; "Import CSV…" opens the dialog with its report and retry.
    m_window.statusBar()->showMessage(
        tr("Bulk import finished: %1 succeeded, %2 failed, %3 rejected.")
            .arg(progress.succeeded)
            .arg(progress.failed)
            .arg(progress.rejected),
        30000);
}

} // namespace sb
