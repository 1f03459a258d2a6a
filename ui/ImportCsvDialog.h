#pragma once

#include "workflows/BulkImport.h"

#include <QDialog>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QGroupBox;

namespace sb {

class Backend;
class BulkImportRunner;

// "Import CSV…": bulk assignment of plans from a CSV file. Choose the file, validate it (a dry run that lists each
// row error with its line number), then start the import: the rows are submitted by a BulkImportRunner on its own
// thread, at most "max jobs in flight" at a time, with live counters. The import's state is in the database, so
// closing the dialog (or the application) does not lose it; the dialog can be opened again on a stored import.
class ImportCsvDialog : public QDialog
{
    Q_OBJECT

public:
    enum ErrorColumn { LineColumn, MessageColumn, ErrorColumnCount };

    explicit ImportCsvDialog(Backend& backend, QWidget* parent = nullptr);
    ~ImportCsvDialog() override;

    // The file to import, as if chosen in the file dialog: shows its name and counts its rows.
    void setFile(const QString& path);
    QString filePath() const { return m_path; }
    // Opens the dialog on a stored import: shows its progress, and goes on submitting it when it is still
    // running (an import interrupted by closing the application).
    void showImport(qint64 importId);

    void validate();    // "Validate (dry run)"
    void startImport(); // "Start import": confirms first when rows will be skipped
    void cancelImport(); // "Cancel import": confirms first
    void retryFailedRows();
    void saveReport(const QString& path);  // the import's report CSV (line, status, service ID, job ID, error)
    void saveErrors(const QString& path);  // the dry-run errors as CSV (line, error)
    void copyErrors();                     // the dry-run errors to the clipboard, tab-separated

    bool isBusy() const { return m_busy; }          // a dry run, a start or a report is under way
    bool isRunning() const;                         // the runner is submitting or waiting for jobs
    qint64 importId() const { return m_importId; }
    int fileRowCount() const { return m_fileRows; } // -1 until counted
    const std::optional<BulkDryRun>& dryRun() const { return m_dryRun; }
    const std::optional<BulkImportProgress>& progress() const { return m_progress; }

signals:
    void importSettled(const sb::BulkImportProgress& progress); // finished, or cancelled and quiet
    void reportSaved(const QString& path);

public slots:
    void reject() override; // while running: asks whether to keep the import running in the background

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildUi();
    void retranslateUi();
    void chooseFile();
    void chooseReportFile();
    void chooseErrorsFile();
    void startConfirmed();
    void fillErrors();
    void showProgress(const BulkImportProgress& progress);
    void onSettled(const BulkImportProgress& progress);
    void runImport(qint64 importId);
    void setBusy(bool busy);
    void showError(const Error& error);
    void updateButtons();
    QString errorsAsText(QChar separator, bool selectedOnly) const;

    Backend& m_backend;
    BulkImportRunner* m_runner = nullptr;
    QString m_path;
    QString m_importFileName; // of a stored import opened with showImport()
    int m_fileRows = -1;
    bool m_counting = false;
    bool m_busy = false;
    bool m_validating = false;
    bool m_runnerSettled = false;
    bool m_stepFailed = false;     // m_error is the runner's: cleared by the next progress
    bool m_closingQuietly = false; // closed by the application, not by the user
    qint64 m_importId = 0;
    std::optional<BulkDryRun> m_dryRun;
    std::optional<BulkImportProgress> m_progress;
    std::optional<Error> m_error;
    QString m_savedMessage; // "Report saved to …", in the language it was shown in

    QGroupBox* m_fileGroup;
    QLabel* m_fileLabel;
    QLabel* m_fileNameLabel;
    QLabel* m_rowCountLabel;
    QPushButton* m_chooseButton;
    QLabel* m_maxInFlightLabel;
    QSpinBox* m_maxInFlightSpin;

    QGroupBox* m_validationGroup;
    QPushButton* m_validateButton;
    QProgressBar* m_validationBar;
    QLabel* m_summaryLabel;
    QLabel* m_noticeLabel; // file-level problems and header warnings
    QTableWidget* m_errorTable;
    QPushButton* m_copyErrorsButton;
    QPushButton* m_saveErrorsButton;

    QGroupBox* m_importGroup;
    QProgressBar* m_importBar;
    QLabel* m_statusLabel;
    QLabel* m_pendingLabel;
    QLabel* m_inFlightLabel;
    QLabel* m_succeededLabel;
    QLabel* m_failedLabel;
    QLabel* m_rejectedLabel;
    QLabel* m_cancelledLabel;
    QLabel* m_pendingValue;
    QLabel* m_inFlightValue;
    QLabel* m_succeededValue;
    QLabel* m_failedValue;
    QLabel* m_rejectedValue;
    QLabel* m_cancelledValue;

    QLabel* m_errorLabel;
    QPushButton* m_startButton;
    QPushButton* m_cancelButton;
    QPushButton* m_retryButton;
    QPushButton* m_reportButton;
    QPushButton* m_closeButton;
};

} // namespace sb
