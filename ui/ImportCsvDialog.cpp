#include "ImportCsvDialog.h"

#include "AsyncCall.h"
#include "Formatting.h"
#include "UiSettings.h"
#include "workflows/Backend.h"
#include "workflows/BulkImportRunner.h"
#include "workflows/BulkImportWorkflow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sb {
namespace {

const QString errorStyle = QStringLiteral("color: #b3261e;");
const QString warningStyle = QStringLiteral("color: #8a5a00;");
const QString okStyle = QStringLiteral("color: #1b7f3b;");

// Data rows of a CSV file (records after the header; blank records not counted; a quoted field may hold line
// breaks). Only for the "N rows" next to the file name: the dry run is what validates the file.
std::optional<int> countCsvRows(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    int records = 0;
    bool inQuotes = false;
    bool recordHasText = false;
    char buffer[64 * 1024];
    qint64 read = 0;
    while ((read = file.read(buffer, sizeof buffer)) > 0) {
        for (qint64 i = 0; i < read; ++i) {
            const char c = buffer[i];
            if (c == '"')
                inQuotes = !inQuotes;
            if (c == '\n' && !inQuotes) {
                records += recordHasText ? 1 : 0;
                recordHasText = false;
            } else if (c != '\r' && c != ' ' && c != '\t') {
                recordHasText = true;
            }
        }
    }
    if (read < 0)
        return std::nullopt;
    records += recordHasText ? 1 : 0;
    return std::max(0, records - 1);
}

QByteArray csvField(const QString& text)
{
    QString field = text;
    if (field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) || field.contains(QLatin1Char('\n'))) {
        field.replace(QLatin1String("\""), QLatin1String("\"\""));
        field = QLatin1Char('"') + field + QLatin1Char('"');
    }
    return field.toUtf8();
}

Status writeFile(const QString& path, const QByteArray& content)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(content) == content.size() && file.commit())
        return Status::success();
    return Error{UserMessage("ImportCsvDialog",
                             QT_TRANSLATE_NOOP("ImportCsvDialog",
                                               "The file %1 could not be written. Check that the folder exists and "
                                               "that you may write to it."),
                             {QDir::toNativeSeparators(path)}),
                 file.errorString()};
}

QLabel* counterValue(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QStringLiteral("000000")));
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace

ImportCsvDialog::ImportCsvDialog(Backend& backend, QWidget* parent)
    : QDialog(parent), m_backend(backend), m_fileGroup(new QGroupBox(this)), m_fileLabel(new QLabel(this)),
      m_fileNameLabel(new QLabel(this)), m_rowCountLabel(new QLabel(this)), m_chooseButton(new QPushButton(this)),
      m_maxInFlightLabel(new QLabel(this)), m_maxInFlightSpin(new QSpinBox(this)),
      m_validationGroup(new QGroupBox(this)), m_validateButton(new QPushButton(this)),
      m_validationBar(new QProgressBar(this)), m_summaryLabel(new QLabel(this)), m_noticeLabel(new QLabel(this)),
      m_errorTable(new QTableWidget(0, ErrorColumnCount, this)), m_copyErrorsButton(new QPushButton(this)),
      m_saveErrorsButton(new QPushButton(this)), m_importGroup(new QGroupBox(this)),
      m_importBar(new QProgressBar(this)), m_statusLabel(new QLabel(this)), m_pendingLabel(new QLabel(this)),
      m_inFlightLabel(new QLabel(this)), m_succeededLabel(new QLabel(this)), m_failedLabel(new QLabel(this)),
      m_rejectedLabel(new QLabel(this)), m_cancelledLabel(new QLabel(this)),
      m_pendingValue(counterValue(this, QStringLiteral("pendingValue"))),
      m_inFlightValue(counterValue(this, QStringLiteral("inFlightValue"))),
      m_succeededValue(counterValue(this, QStringLiteral("succeededValue"))),
      m_failedValue(counterValue(this, QStringLiteral("failedValue"))),
      m_rejectedValue(counterValue(this, QStringLiteral("rejectedValue"))),
      m_cancelledValue(counterValue(this, QStringLiteral("cancelledValue"))), m_errorLabel(new QLabel(this)),
      m_startButton(new QPushButton(this)), m_cancelButton(new QPushButton(this)),
      m_retryButton(new QPushButton(this)), m_reportButton(new QPushButton(this)),
      m_closeButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("importCsvDialog"));
    buildUi();
    retranslateUi();
    updateButtons();
    resize(820, 640);
}

ImportCsvDialog::~ImportCsvDialog() = default; // the runner (a child) stops its thread; the import resumes later

void ImportCsvDialog::buildUi()
{
    m_fileGroup->setObjectName(QStringLiteral("fileGroup"));
    m_fileNameLabel->setObjectName(QStringLiteral("fileNameLabel"));
    m_fileNameLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rowCountLabel->setObjectName(QStringLiteral("rowCountLabel"));
    m_chooseButton->setObjectName(QStringLiteral("chooseFileButton"));
    m_maxInFlightSpin->setObjectName(QStringLiteral("maxInFlightSpin"));
    m_maxInFlightSpin->setRange(1, 200);
    m_maxInFlightSpin->setValue(BulkImportWorkflow::defaultMaxInFlight);
    m_maxInFlightLabel->setBuddy(m_maxInFlightSpin);
    m_fileLabel->setBuddy(m_chooseButton);
    auto* fileLayout = new QGridLayout(m_fileGroup);
    fileLayout->addWidget(m_fileLabel, 0, 0);
    fileLayout->addWidget(m_fileNameLabel, 0, 1);
    fileLayout->addWidget(m_rowCountLabel, 0, 2);
    fileLayout->addWidget(m_chooseButton, 0, 3);
    fileLayout->addWidget(m_maxInFlightLabel, 1, 0);
    auto* spinRow = new QHBoxLayout;
    spinRow->addWidget(m_maxInFlightSpin);
    spinRow->addStretch(1);
    fileLayout->addLayout(spinRow, 1, 1, 1, 3);
    fileLayout->setColumnStretch(1, 1);

    m_validationGroup->setObjectName(QStringLiteral("validationGroup"));
    m_validateButton->setObjectName(QStringLiteral("validateButton"));
    m_validationBar->setObjectName(QStringLiteral("validationBar"));
    m_validationBar->setRange(0, 0); // the dry run reports no steps: a busy indicator
    m_validationBar->setTextVisible(false);
    m_validationBar->hide();
    m_summaryLabel->setObjectName(QStringLiteral("dryRunSummaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_noticeLabel->setObjectName(QStringLiteral("dryRunNoticeLabel"));
    m_noticeLabel->setWordWrap(true);
    m_noticeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_noticeLabel->hide();
    m_errorTable->setObjectName(QStringLiteral("dryRunErrorTable"));
    m_errorTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_errorTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_errorTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_errorTable->setAlternatingRowColors(true);
    m_errorTable->setWordWrap(true);
    m_errorTable->setSortingEnabled(true);
    m_errorTable->setTabKeyNavigation(false); // Tab leaves the table for the buttons
    m_errorTable->verticalHeader()->hide();
    m_errorTable->horizontalHeader()->setSectionResizeMode(LineColumn, QHeaderView::ResizeToContents);
    m_errorTable->horizontalHeader()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    m_errorTable->horizontalHeader()->setSortIndicator(LineColumn, Qt::AscendingOrder);
    connect(m_errorTable->horizontalHeader(), &QHeaderView::sectionResized, m_errorTable,
            &QTableView::resizeRowsToContents);
    auto* copyAction = new QAction(m_errorTable);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, this, [this] {
        if (m_errorTable->rowCount() > 0)
            QApplication::clipboard()->setText(errorsAsText(QLatin1Char('\t'), true));
    });
    m_errorTable->addAction(copyAction);
    m_copyErrorsButton->setObjectName(QStringLiteral("copyErrorsButton"));
    m_saveErrorsButton->setObjectName(QStringLiteral("saveErrorsButton"));
    auto* validateRow = new QHBoxLayout;
    validateRow->addWidget(m_validateButton);
    validateRow->addWidget(m_validationBar, 1);
    validateRow->addWidget(m_summaryLabel, 1);
    auto* errorButtons = new QHBoxLayout;
    errorButtons->addStretch(1);
    errorButtons->addWidget(m_copyErrorsButton);
    errorButtons->addWidget(m_saveErrorsButton);
    auto* validationLayout = new QVBoxLayout(m_validationGroup);
    validationLayout->addLayout(validateRow);
    validationLayout->addWidget(m_noticeLabel);
    validationLayout->addWidget(m_errorTable, 1);
    validationLayout->addLayout(errorButtons);

    m_importGroup->setObjectName(QStringLiteral("importGroup"));
    m_importBar->setObjectName(QStringLiteral("importProgressBar"));
    m_importBar->setRange(0, 1);
    m_importBar->setValue(0);
    m_statusLabel->setObjectName(QStringLiteral("importStatusLabel"));
    m_pendingLabel->setObjectName(QStringLiteral("pendingLabel"));
    m_inFlightLabel->setObjectName(QStringLiteral("inFlightLabel"));
    m_succeededLabel->setObjectName(QStringLiteral("succeededLabel"));
    m_failedLabel->setObjectName(QStringLiteral("failedLabel"));
    m_rejectedLabel->setObjectName(QStringLiteral("rejectedLabel"));
    m_cancelledLabel->setObjectName(QStringLiteral("cancelledLabel"));
    m_statusLabel->setWordWrap(true);
    auto* counters = new QGridLayout;
    const QList<QPair<QLabel*, QLabel*>> pairs{{m_pendingLabel, m_pendingValue},     {m_inFlightLabel, m_inFlightValue},
                                               {m_succeededLabel, m_succeededValue}, {m_failedLabel, m_failedValue},
                                               {m_rejectedLabel, m_rejectedValue},   {m_cancelledLabel, m_cancelledValue}};
    for (int i = 0; i < pairs.size(); ++i) {
        counters->addWidget(pairs.at(i).first, i / 3, (i % 3) * 3);
        counters->addWidget(pairs.at(i).second, i / 3, (i % 3) * 3 + 1);
        counters->setColumnMinimumWidth((i % 3) * 3 + 2, 24);
    }
    counters->setColumnStretch(8, 1);
    auto* importLayout = new QVBoxLayout(m_importGroup);
    importLayout->addWidget(m_importBar);
    importLayout->addLayout(counters);
    importLayout->addWidget(m_statusLabel);
    m_importGroup->hide();

    m_errorLabel->setObjectName(QStringLiteral("importErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(errorStyle);
    m_errorLabel->hide();

    m_startButton->setObjectName(QStringLiteral("startImportButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelImportButton"));
    m_retryButton->setObjectName(QStringLiteral("retryFailedButton"));
    m_reportButton->setObjectName(QStringLiteral("saveReportButton"));
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    for (QPushButton* button : {m_chooseButton, m_validateButton, m_copyErrorsButton, m_saveErrorsButton,
                                m_startButton, m_cancelButton, m_retryButton, m_reportButton, m_closeButton})
        button->setAutoDefault(false); // updateButtons() picks the one Enter presses
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_startButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_retryButton);
    buttons->addWidget(m_reportButton);
    buttons->addStretch(1);
    buttons->addWidget(m_closeButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_fileGroup);
    layout->addWidget(m_validationGroup, 1);
    layout->addWidget(m_importGroup);
    layout->addWidget(m_errorLabel);
    layout->addLayout(buttons);

    connect(m_chooseButton, &QPushButton::clicked, this, &ImportCsvDialog::chooseFile);
    connect(m_validateButton, &QPushButton::clicked, this, &ImportCsvDialog::validate);
    connect(m_copyErrorsButton, &QPushButton::clicked, this, &ImportCsvDialog::copyErrors);
    connect(m_saveErrorsButton, &QPushButton::clicked, this, &ImportCsvDialog::chooseErrorsFile);
    connect(m_startButton, &QPushButton::clicked, this, &ImportCsvDialog::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportCsvDialog::cancelImport);
    connect(m_retryButton, &QPushButton::clicked, this, &ImportCsvDialog::retryFailedRows);
    connect(m_reportButton, &QPushButton::clicked, this, &ImportCsvDialog::chooseReportFile);
    connect(m_closeButton, &QPushButton::clicked, this, &ImportCsvDialog::reject);
}

void ImportCsvDialog::retranslateUi()
{
    setWindowTitle(m_path.isEmpty() && m_importFileName.isEmpty()
                       ? tr("Import CSV")
                       : tr("Import CSV — %1").arg(m_importFileName.isEmpty() ? QFileInfo(m_path).fileName()
                                                                               : m_importFileName));
    m_fileGroup->setTitle(tr("File"));
    m_fileLabel->setText(tr("CSV file:"));
    if (!m_importFileName.isEmpty())
        m_fileNameLabel->setText(m_importFileName);
    else
        m_fileNameLabel->setText(m_path.isEmpty() ? tr("No file chosen") : QFileInfo(m_path).fileName());
    m_fileNameLabel->setToolTip(QDir::toNativeSeparators(m_path));
    if (m_counting)
        m_rowCountLabel->setText(tr("Counting rows…"));
    else if (m_fileRows >= 0)
        m_rowCountLabel->setText(tr("%n row(s)", nullptr, m_fileRows));
    else
        m_rowCountLabel->setText(QString());
    m_chooseButton->setText(tr("C&hoose File…"));
    m_chooseButton->setToolTip(tr("Columns: customer (ID, email or phone), product (slug), and optionally "
                                  "auto_renew, site, billing_contact, technical_contact, custom fields and "
                                  "inventory items."));
    m_maxInFlightLabel->setText(tr("Max jobs in &flight:"));
    const QString inFlightTip = tr("At most this many provisioning jobs of this import are queued or running at "
                                   "once, so the provisioning queue is not overloaded and other orders still get "
                                   "through. The next row is submitted when one of them ends.");
    m_maxInFlightSpin->setToolTip(inFlightTip);
    m_maxInFlightLabel->setToolTip(inFlightTip);

    m_validationGroup->setTitle(tr("Validation"));
    m_validateButton->setText(tr("&Validate (Dry Run)"));
    m_validateButton->setToolTip(tr("Check every row against the live catalog, customers and inventory without "
                                    "changing anything."));
    m_errorTable->setHorizontalHeaderLabels({tr("Line"), tr("Error")});
    m_copyErrorsButton->setText(tr("C&opy Errors"));
    m_saveErrorsButton->setText(tr("Save &Errors…"));

    m_importGroup->setTitle(tr("Import"));
    m_pendingLabel->setText(tr("Pending:"));
    m_inFlightLabel->setText(tr("In flight:"));
    m_succeededLabel->setText(tr("Succeeded:"));
    m_failedLabel->setText(tr("Failed:"));
    m_rejectedLabel->setText(tr("Rejected:"));
    m_cancelledLabel->setText(tr("Cancelled:"));

    m_startButton->setText(tr("&Start Import"));
    m_startButton->setToolTip(tr("Assign the valid rows; rows with errors are skipped."));
    m_cancelButton->setText(tr("Cancel &Import"));
    m_cancelButton->setToolTip(tr("Submit no more rows; jobs already queued still finish."));
    m_retryButton->setText(tr("&Retry Failed Rows"));
    m_retryButton->setToolTip(tr("Run the failed provisioning jobs of this import again; no second service is "
                                 "created."));
    m_reportButton->setText(tr("Save Re&port…"));
    m_reportButton->setToolTip(tr("A CSV file with the line, status, service ID, job ID and error of every row."));
    m_closeButton->setText(tr("&Close"));

    if (m_validating) {
        m_summaryLabel->setText(tr("Validating every row…"));
        m_summaryLabel->setStyleSheet(QString());
    } else if (!m_dryRun) {
        m_summaryLabel->setText(m_path.isEmpty() ? tr("Choose a CSV file, then validate it.")
                                                 : tr("Validate the file to see the rows with errors."));
        m_summaryLabel->setStyleSheet(QString());
    } else if (m_dryRun->fileUnusable) {
        m_summaryLabel->setText(tr("This file cannot be imported. See the problem above the table."));
        m_summaryLabel->setStyleSheet(errorStyle);
    } else {
        m_summaryLabel->setText(tr("%n row(s) valid", nullptr, m_dryRun->validRows) + QStringLiteral(", ") +
                                tr("%n row(s) with errors", nullptr, m_dryRun->rejectedRows()));
        m_summaryLabel->setStyleSheet(m_dryRun->rejectedRows() > 0 ? errorStyle : okStyle);
    }
    fillErrors();
    if (m_progress)
        showProgress(*m_progress);
    m_errorLabel->setText(m_error ? Formatting::error(*m_error) : m_savedMessage);
    m_errorLabel->setStyleSheet(m_error ? errorStyle : okStyle);
    m_errorLabel->setVisible(m_error || !m_savedMessage.isEmpty());
}

void ImportCsvDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ImportCsvDialog::chooseFile()
{
    QString folder = UiSettings::importCsvFolder();
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getOpenFileName(this, tr("Import CSV"), folder,
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    UiSettings::setImportCsvFolder(QFileInfo(path).absolutePath());
    setFile(path);
}

void ImportCsvDialog::setFile(const QString& path)
{
    if (m_importId != 0)
        return; // an import is tied to its file
    m_path = path;
    m_importFileName.clear();
    m_dryRun.reset();
    m_error.reset();
    m_savedMessage.clear();
    m_fileRows = -1;
    m_counting = true;
    retranslateUi();
    updateButtons();
    runAsync(this, m_backend.pool(), [path] { return countCsvRows(path); },
             [this, path](const std::optional<int>& rows) {
                 if (path != m_path)
                     return; // another file was chosen meanwhile
                 m_counting = false;
                 m_fileRows = rows.value_or(-1);
                 if (!rows)
                     m_error = Error{UserMessage("ImportCsvDialog",
                                                 QT_TRANSLATE_NOOP("ImportCsvDialog",
                                                                   "The file %1 cannot be read. Check that it exists "
                                                                   "and that you may read it."),
                                                 {QDir::toNativeSeparators(path)}),
                                     QStringLiteral("cannot open %1").arg(path)};
                 retranslateUi();
                 updateButtons();
             });
}

void ImportCsvDialog::validate()
{
    if (m_path.isEmpty() || m_busy || m_importId != 0)
        return;
    m_validating = true;
    m_dryRun.reset();
    m_error.reset();
    m_savedMessage.clear();
    m_validationBar->show();
    setBusy(true);
    retranslateUi();
    Database& db = m_backend.database();
    const QString path = m_path;
    runAsync(this, m_backend.pool(), [&db, path] { return BulkImportWorkflow(db).dryRunFile(path); },
             [this](const Result<BulkDryRun>& result) {
                 m_validating = false;
                 m_validationBar->hide();
                 if (result.ok()) {
                     m_dryRun = result.value();
                     m_fileRows = result->totalRows;
                 } else {
                     m_error = result.error();
                 }
                 setBusy(false);
                 retranslateUi();
             });
}

void ImportCsvDialog::fillErrors()
{
    const int sortColumn = m_errorTable->horizontalHeader()->sortIndicatorSection();
    const Qt::SortOrder sortOrder = m_errorTable->horizontalHeader()->sortIndicatorOrder();
    m_errorTable->setSortingEnabled(false); // rows are appended unsorted, sorted once at the end
    m_errorTable->setRowCount(0);
    QStringList notices;
    bool noticeIsError = false;
    if (m_dryRun) {
        for (const BulkImportProblem& problem : m_dryRun->problems) {
            if (problem.warning || problem.line <= 0) {
                notices << problem.message.text(); // the core's sentences name their line
                noticeIsError = noticeIsError || !problem.warning;
                continue;
            }
            const int row = m_errorTable->rowCount();
            m_errorTable->insertRow(row);
            auto* line = new QTableWidgetItem;
            line->setData(Qt::DisplayRole, problem.line); // sorts as a number
            line->setTextAlignment(Qt::AlignRight | Qt::AlignTop);
            auto* message = new QTableWidgetItem(problem.message.text());
            message->setToolTip(problem.message.text());
            m_errorTable->setItem(row, LineColumn, line);
            m_errorTable->setItem(row, MessageColumn, message);
        }
    }
    m_errorTable->setSortingEnabled(true);
    m_errorTable->sortByColumn(sortColumn, sortOrder);
    m_errorTable->resizeRowsToContents();
    m_noticeLabel->setText(notices.join(QLatin1Char('\n')));
    m_noticeLabel->setStyleSheet(noticeIsError ? errorStyle : warningStyle);
    m_noticeLabel->setVisible(!notices.isEmpty());
    m_copyErrorsButton->setEnabled(m_errorTable->rowCount() > 0);
    m_saveErrorsButton->setEnabled(m_errorTable->rowCount() > 0);
}

QString ImportCsvDialog::errorsAsText(QChar separator, bool selectedOnly) const
{
    // In the table's order and language, with its header.
    QList<int> rows;
    if (selectedOnly)
        for (const QModelIndex& index : m_errorTable->selectionModel()->selectedRows())
            rows << index.row();
    if (rows.isEmpty())
        for (int row = 0; row < m_errorTable->rowCount(); ++row)
            rows << row;
    std::sort(rows.begin(), rows.end());
    auto field = [separator](const QString& text) {
        return separator == QLatin1Char(',') ? QString::fromUtf8(csvField(text))
                                             : QString(text).replace(QLatin1Char('\t'), QLatin1Char(' '));
    };
    QString text = field(m_errorTable->horizontalHeaderItem(LineColumn)->text()) + separator +
                   field(m_errorTable->horizontalHeaderItem(MessageColumn)->text()) + QLatin1Char('\n');
    for (const int row : rows)
        text += m_errorTable->item(row, LineColumn)->text() + separator +
                field(m_errorTable->item(row, MessageColumn)->text()) + QLatin1Char('\n');
    return text;
}

void ImportCsvDialog::copyErrors()
{
    if (m_errorTable->rowCount() > 0)
        QApplication::clipboard()->setText(errorsAsText(QLatin1Char('\t'), false));
}

void ImportCsvDialog::chooseErrorsFile()
{
    const QString base = QFileInfo(m_path.isEmpty() ? m_importFileName : m_path).completeBaseName();
    const QString folder = UiSettings::importCsvFolder();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Errors"),
                                                      QDir(folder).filePath(base + QStringLiteral("-errors.csv")),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        saveErrors(path);
}

void ImportCsvDialog::saveErrors(const QString& path)
{
    if (m_errorTable->rowCount() == 0 || m_busy)
        return;
    const QByteArray content = errorsAsText(QLatin1Char(','), false).toUtf8();
    setBusy(true);
    runAsync(this, m_backend.pool(), [path, content] { return writeFile(path, content); },
             [this, path](const Status& status) {
                 setBusy(false);
                 m_error = status.ok() ? std::nullopt : std::optional<Error>(status.error);
                 m_savedMessage = status.ok() ? tr("Errors saved to %1.").arg(QDir::toNativeSeparators(path))
                                              : QString();
                 retranslateUi();
             });
}

void ImportCsvDialog::startImport()
{
    if (!m_dryRun || m_dryRun->fileUnusable || m_dryRun->validRows == 0 || m_busy || m_importId != 0)
        return;
    QString question = tr("Assign plans for %n row(s)? Each row creates a service and a provisioning job.", nullptr,
                          m_dryRun->validRows);
    if (m_dryRun->rejectedRows() > 0)
        question += QStringLiteral("\n\n") +
                    tr("%n row(s) with errors will be skipped; the report lists them as rejected.", nullptr,
                       m_dryRun->rejectedRows());
    auto* box = new QMessageBox(QMessageBox::Question, tr("Start Import"), question, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmStartBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* yes = box->addButton(tr("Start Import"), QMessageBox::YesRole);
    yes->setObjectName(QStringLiteral("confirmStartButton"));
    QPushButton* no = box->addButton(tr("Not Now"), QMessageBox::NoRole);
    no->setObjectName(QStringLiteral("notNowButton"));
    box->setDefaultButton(yes);
    box->setEscapeButton(no);
    connect(box, &QMessageBox::finished, this, [this, box, yes] {
        if (box->clickedButton() == yes)
            startConfirmed();
    });
    box->open();
}

void ImportCsvDialog::startConfirmed()
{
    if (m_busy || m_importId != 0)
        return;
    m_error.reset();
    m_savedMessage.clear();
    setBusy(true);
    Database& db = m_backend.database();
    const Actor actor = m_backend.session();
    const QString path = m_path;
    const int maxInFlight = m_maxInFlightSpin->value();
    struct Started
    {
        Result<qint64> importId;
        BulkDryRun dryRun;
    };
    runAsync(
        this, m_backend.pool(),
        [&db, actor, path, maxInFlight] {
            BulkDryRun dryRun;
            Result<qint64> importId = BulkImportWorkflow(db).start(path, maxInFlight, actor, &dryRun);
            return Started{importId, dryRun};
        },
        [this](const Started& started) {
            setBusy(false);
            if (!started.importId.ok()) {
                showError(started.importId.error());
                return;
            }
            m_dryRun = started.dryRun; // validated again as it was stored: the file may have changed meanwhile
            BulkImportProgress progress;
            progress.importId = started.importId.value();
            progress.status = BulkStatus::running;
            progress.total = started.dryRun.totalRows;
            progress.pending = started.dryRun.validRows;
            progress.rejected = started.dryRun.rejectedRows();
            m_progress = progress;
            runImport(started.importId.value());
        });
}

void ImportCsvDialog::runImport(qint64 importId)
{
    m_importId = importId;
    // A runner per run, acting for whoever is signed in now.
    delete m_runner;
    m_runner = new BulkImportRunner(m_backend.database(), m_backend.session(), this);
    m_runnerSettled = false;
    connect(m_runner, &BulkImportRunner::progressChanged, this, [this](const BulkImportProgress& progress) {
        if (m_stepFailed) { // the step that failed before has worked now
            m_stepFailed = false;
            m_error.reset();
            retranslateUi();
        }
        showProgress(progress);
    });
    connect(m_runner, &BulkImportRunner::settled, this, &ImportCsvDialog::onSettled);
    connect(m_runner, &BulkImportRunner::failed, this, [this](const Error& error) {
        m_stepFailed = true;
        showError(error);
    });
    m_runner->start(importId);
    m_importGroup->show();
    retranslateUi();
    updateButtons();
}

void ImportCsvDialog::showProgress(const BulkImportProgress& progress)
{
    if (progress.importId != 0 && progress.importId != m_importId)
        return;
    m_progress = progress;
    m_importGroup->show();
    m_importBar->setRange(0, std::max(1, progress.total));
    m_importBar->setValue(progress.done());
    m_importBar->setFormat(tr("%1 of %2 rows done").arg(progress.done()).arg(progress.total));
    m_pendingValue->setText(QString::number(progress.pending));
    m_inFlightValue->setText(QString::number(progress.inFlight));
    m_succeededValue->setText(QString::number(progress.succeeded));
    m_failedValue->setText(QString::number(progress.failed));
    m_rejectedValue->setText(QString::number(progress.rejected));
    m_cancelledValue->setText(QString::number(progress.cancelled));
    m_failedValue->setStyleSheet(progress.failed > 0 ? errorStyle : QString());
    m_succeededValue->setStyleSheet(progress.succeeded > 0 ? okStyle : QString());
    m_cancelledLabel->setVisible(progress.cancelled > 0 || progress.status == BulkStatus::cancelled);
    m_cancelledValue->setVisible(m_cancelledLabel->isVisible());

    QString status;
    QString style;
    if (progress.isFinished() && progress.failed > 0) {
        status = tr("Import finished. %n row(s) failed: save the report to see why, or retry them.", nullptr,
                    progress.failed);
        style = errorStyle;
    } else if (progress.isFinished()) {
        status = tr("Import finished. Every valid row was assigned.");
        style = okStyle;
    } else if (progress.status == BulkStatus::cancelled && progress.inFlight > 0) {
        status = tr("Cancelled. Waiting for %n job(s) already queued to end.", nullptr, progress.inFlight);
    } else if (progress.status == BulkStatus::cancelled) {
        status = tr("Import cancelled. Rows not submitted are marked cancelled in the report.");
        style = warningStyle;
    } else if (isRunning()) {
        status = tr("Importing… The import goes on if you close this window, and resumes after a restart.");
    } else {
        status = tr("This import was interrupted. It goes on when you open it again.");
        style = warningStyle;
    }
    m_statusLabel->setText(status);
    m_statusLabel->setStyleSheet(style);
    updateButtons();
}

void ImportCsvDialog::onSettled(const BulkImportProgress& progress)
{
    m_runnerSettled = true; // its thread may still be ending
    showProgress(progress);
    updateButtons();
    emit importSettled(progress);
}

void ImportCsvDialog::showImport(qint64 importId)
{
    if (m_busy || isRunning() || importId <= 0)
        return;
    m_error.reset();
    setBusy(true);
    Database& db = m_backend.database();
    struct Stored
    {
        Result<BulkImportInfo> info;
        Result<BulkImportProgress> progress;
        Result<QList<BulkImportRowReport>> rows;
    };
    runAsync(
        this, m_backend.pool(),
        [&db, importId] {
            BulkImportWorkflow workflow(db);
            return Stored{workflow.import(importId), workflow.progress(importId), workflow.rows(importId)};
        },
        [this, importId](const Stored& stored) {
            setBusy(false);
            if (!stored.info.ok() || !stored.progress.ok()) {
                showError(stored.info.ok() ? stored.progress.error() : stored.info.error());
                return;
            }
            m_path.clear();
            m_importFileName = stored.info->fileName;
            m_fileRows = stored.info->totalRows;
            m_maxInFlightSpin->setValue(stored.info->maxInFlight);
            // The rows rejected when it was started stand for its dry run.
            BulkDryRun dryRun;
            dryRun.totalRows = stored.info->totalRows;
            dryRun.validRows = stored.info->totalRows - stored.progress->rejected;
            if (stored.rows.ok())
                for (const BulkImportRowReport& row : stored.rows.value())
                    if (row.status == BulkStatus::rejected)
                        dryRun.problems << BulkImportProblem{row.line, row.error, false};
            m_dryRun = dryRun;
            m_importId = importId;
            m_progress = stored.progress.value();
            m_importGroup->show();
            if (stored.info->status == BulkStatus::running)
                runImport(importId);
            retranslateUi();
            updateButtons();
        });
}

void ImportCsvDialog::cancelImport()
{
    if (!isRunning() || (m_progress && m_progress->status == BulkStatus::cancelled))
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Cancel Import"),
                                tr("Submit no more rows of this import? Rows not submitted yet are marked "
                                   "cancelled; jobs already queued still finish."),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmCancelImportBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* yes = box->addButton(tr("Cancel Import"), QMessageBox::YesRole);
    yes->setObjectName(QStringLiteral("confirmCancelImportButton"));
    QPushButton* no = box->addButton(tr("Keep Importing"), QMessageBox::NoRole);
    no->setObjectName(QStringLiteral("keepImportingButton"));
    box->setDefaultButton(no);
    box->setEscapeButton(no);
    connect(box, &QMessageBox::finished, this, [this, box, yes] {
        if (box->clickedButton() == yes && m_runner)
            m_runner->cancel();
    });
    box->open();
}

void ImportCsvDialog::retryFailedRows()
{
    if (m_importId == 0 || m_busy || isRunning() || !m_progress || m_progress->failed == 0)
        return;
    m_error.reset();
    m_savedMessage.clear();
    setBusy(true);
    Database& db = m_backend.database();
    const Actor actor = m_backend.session();
    const qint64 importId = m_importId;
    runAsync(this, m_backend.pool(), [&db, actor, importId] { return BulkImportWorkflow(db).retryFailed(importId, actor); },
             [this, importId](const Result<int>& retried) {
                 setBusy(false);
                 if (!retried.ok()) {
                     showError(retried.error());
                     return;
                 }
                 runImport(importId);
             });
}

void ImportCsvDialog::chooseReportFile()
{
    const QString base = QFileInfo(m_path.isEmpty() ? m_importFileName : m_path).completeBaseName();
    QString folder = UiSettings::importCsvFolder();
    if (folder.isEmpty())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Report"),
                                                      QDir(folder).filePath(base + QStringLiteral("-report.csv")),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        saveReport(path);
}

void ImportCsvDialog::saveReport(const QString& path)
{
    if (m_importId == 0 || m_busy)
        return;
    m_error.reset();
    m_savedMessage.clear();
    setBusy(true);
    Database& db = m_backend.database();
    const qint64 importId = m_importId;
    runAsync(this, m_backend.pool(), [&db, importId, path] { return BulkImportWorkflow(db).writeReport(importId, path); },
             [this, path](const Status& status) {
                 setBusy(false);
                 if (!status.ok()) {
                     showError(status.error);
                     return;
                 }
                 m_savedMessage = tr("Report saved to %1.").arg(QDir::toNativeSeparators(path));
                 retranslateUi();
                 emit reportSaved(path);
             });
}

void ImportCsvDialog::closeEvent(QCloseEvent* event)
{
    // Closed by the application (Quit closes every window): no question; the import resumes next time.
    m_closingQuietly = !event->spontaneous();
    QDialog::closeEvent(event);
    m_closingQuietly = false;
}

void ImportCsvDialog::reject()
{
    if (!isRunning() || m_closingQuietly) {
        QDialog::reject();
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Close Import"),
                                tr("The import keeps running in the background while Switchboard is open, and "
                                   "resumes after a restart. Close this window?"),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("closeWhileRunningBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* keep = box->addButton(tr("Keep Running in Background"), QMessageBox::YesRole);
    keep->setObjectName(QStringLiteral("keepRunningButton"));
    QPushButton* stay = box->addButton(tr("Stay Here"), QMessageBox::NoRole);
    stay->setObjectName(QStringLiteral("stayHereButton"));
    box->setDefaultButton(keep);
    box->setEscapeButton(stay);
    connect(box, &QMessageBox::finished, this, [this, box, keep] {
        if (box->clickedButton() == keep)
            QDialog::reject();
    });
    box->open();
}

bool ImportCsvDialog::isRunning() const
{
    return m_runner && m_runner->isActive() && !m_runnerSettled;
}

void ImportCsvDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void ImportCsvDialog::showError(const Error& error)
{
    m_error = error;
    m_savedMessage.clear();
    retranslateUi();
    updateButtons();
}

void ImportCsvDialog::updateButtons()
{
    const bool started = m_importId != 0;
    const bool running = isRunning();
    const bool cancelling = m_progress && m_progress->status == BulkStatus::cancelled;
    const bool canStart = !started && !m_busy && m_dryRun && !m_dryRun->fileUnusable && m_dryRun->validRows > 0;
    m_chooseButton->setEnabled(!started && !m_busy);
    m_maxInFlightSpin->setEnabled(!started && !m_busy);
    m_validateButton->setEnabled(!started && !m_busy && !m_path.isEmpty() && !m_counting);
    m_startButton->setEnabled(canStart);
    m_startButton->setVisible(!started);
    m_cancelButton->setVisible(started);
    m_cancelButton->setEnabled(running && !cancelling);
    m_retryButton->setVisible(started);
    m_retryButton->setEnabled(started && !running && !m_busy && m_progress && m_progress->failed > 0);
    m_reportButton->setVisible(started);
    m_reportButton->setEnabled(started && !running && !m_busy);

    // Enter does the next thing to do.
    QPushButton* next = m_closeButton;
    if (!started && !m_path.isEmpty() && !m_dryRun)
        next = m_validateButton;
    else if (canStart)
        next = m_startButton;
    else if (!started && m_path.isEmpty())
        next = m_chooseButton;
    for (QPushButton* button : findChildren<QPushButton*>())
        if (button->window() == this) // not the buttons of an open message box
            button->setDefault(button == next);
}

} // namespace sb
