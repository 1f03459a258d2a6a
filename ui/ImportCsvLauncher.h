#pragma once

#include "workflows/BulkImport.h"

#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QMainWindow;
class QMenu;
class QPushButton;
class QWidget;

namespace sb {

class Backend;
class ImportCsvDialog;

// The main window's way into bulk assignment: the "Import CSV…" action (for roles that may assign plans), the one
// import dialog (kept while an import runs in the background), and, at startup, a status-bar notice with
// "Resume Import" when an import was interrupted by closing the application.
class ImportCsvLauncher : public QObject
{
    Q_OBJECT

public:
    // Adds the action to `menu` before `before` (or at its end) and the notice to the window's status bar.
    ImportCsvLauncher(Backend& backend, QMainWindow& window, QMenu* menu, QAction* before);

    QAction* action() const { return m_action; }
    QWidget* resumeNotice() const { return m_notice; }
    QPushButton* resumeButton() const { return m_resumeButton; }
    // The dialog, opened (or raised) on a new file, or on a stored import when importId > 0.
    ImportCsvDialog* openDialog(qint64 importId = 0);
    ImportCsvDialog* dialog() const;
    // Looks for imports left running (on the thread pool) and offers to resume the newest one.
    void checkUnfinishedImports();
    bool isChecking() const { return m_checking; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslateUi();
    void applySession();
    void onSettled(const BulkImportProgress& progress);

    Backend& m_backend;
    QMainWindow& m_window;
    QAction* m_action;
    QWidget* m_notice;
    QLabel* m_noticeLabel;
    QPushButton* m_resumeButton;
    QPointer<ImportCsvDialog> m_dialog;
    qint64 m_unfinishedId = 0;
    QString m_unfinishedFile;
    bool m_checking = false;
    bool m_settledUnseen = false; // the dialog's import ended while it was closed
};

} // namespace sb
