#include "SettingsDialog.h"

#include "ElementSettingsPage.h"
#include "store/DatabaseProbe.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace sb {
namespace {

struct ProbeOutcome
{
    bool ok = false;
    UserMessage message;
};

} // namespace

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent), m_sqliteButton(new QRadioButton(this)), m_postgresButton(new QRadioButton(this)),
      m_sqliteBox(new QGroupBox(this)), m_fileLabel(new QLabel(this)), m_fileEdit(new QLineEdit(this)),
      m_fileBrowse(new QPushButton(this)), m_postgresBox(new QGroupBox(this)), m_hostLabel(new QLabel(this)),
      m_hostEdit(new QLineEdit(this)), m_portLabel(new QLabel(this)), m_portSpin(new QSpinBox(this)),
      m_databaseLabel(new QLabel(this)), m_databaseEdit(new QLineEdit(this)), m_userLabel(new QLabel(this)),
      m_userEdit(new QLineEdit(this)), m_passwordLabel(new QLabel(this)), m_passwordEdit(new QLineEdit(this)),
      m_rememberCheck(new QCheckBox(this)), m_tlsLabel(new QLabel(this)), m_tlsCombo(new QComboBox(this)),
      m_caLabel(new QLabel(this)), m_caEdit(new QLineEdit(this)), m_caBrowse(new QPushButton(this)),
      m_testButton(new QPushButton(this)), m_resultLabel(new QLabel(this)), m_noteLabel(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_tabs(new QTabWidget(this)), m_elements(new ElementSettingsPage(this))
{
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    setObjectName(QStringLiteral("settingsDialog"));
    m_sqliteButton->setObjectName(QStringLiteral("sqliteButton"));
    m_postgresButton->setObjectName(QStringLiteral("postgresButton"));
    m_fileEdit->setObjectName(QStringLiteral("sqliteFileEdit"));
    m_hostEdit->setObjectName(QStringLiteral("hostEdit"));
    m_portSpin->setObjectName(QStringLiteral("portSpin"));
    m_databaseEdit->setObjectName(QStringLiteral("databaseEdit"));
    m_userEdit->setObjectName(QStringLiteral("userEdit"));
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_rememberCheck->setObjectName(QStringLiteral("rememberPasswordCheck"));
    m_tlsCombo->setObjectName(QStringLiteral("tlsModeCombo"));
    m_caEdit->setObjectName(QStringLiteral("caFileEdit"));
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_resultLabel->setObjectName(QStringLiteral("testResultLabel"));

    m_portSpin->setRange(1, 65535);
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setAttribute(Qt::WA_InputMethodEnabled, false);
    for (const QString& mode : DatabaseSettings::sslModes())
        m_tlsCombo->addItem(QString(), mode);
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resultLabel->setMinimumHeight(fontMetrics().lineSpacing() * 3);
    m_resultLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_noteLabel->setWordWrap(true);

    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(m_fileBrowse);
    auto* sqliteForm = new QFormLayout(m_sqliteBox);
    sqliteForm->addRow(m_fileLabel, fileRow);

    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caEdit, 1);
    caRow->addWidget(m_caBrowse);
    auto* postgresForm = new QFormLayout(m_postgresBox);
    postgresForm->addRow(m_hostLabel, m_hostEdit);
    postgresForm->addRow(m_portLabel, m_portSpin);
    postgresForm->addRow(m_databaseLabel, m_databaseEdit);
    postgresForm->addRow(m_userLabel, m_userEdit);
    postgresForm->addRow(m_passwordLabel, m_passwordEdit);
    postgresForm->addRow(QString(), m_rememberCheck);
    postgresForm->addRow(m_tlsLabel, m_tlsCombo);
    postgresForm->addRow(m_caLabel, caRow);
    m_fileLabel->setBuddy(m_fileEdit);
    m_hostLabel->setBuddy(m_hostEdit);
    m_portLabel->setBuddy(m_portSpin);
    m_databaseLabel->setBuddy(m_databaseEdit);
    m_userLabel->setBuddy(m_userEdit);
    m_passwordLabel->setBuddy(m_passwordEdit);
    m_tlsLabel->setBuddy(m_tlsCombo);
    m_caLabel->setBuddy(m_caEdit);

    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_resultLabel, 1);

    auto* databaseTab = new QWidget(m_tabs);
    databaseTab->setMinimumWidth(540); // on this tab only: an explicit minimum on the window would cut the others off
    auto* databaseLayout = new QVBoxLayout(databaseTab);
    databaseLayout->addWidget(m_sqliteButton);
    databaseLayout->addWidget(m_sqliteBox);
    databaseLayout->addWidget(m_postgresButton);
    databaseLayout->addWidget(m_postgresBox);
    databaseLayout->addLayout(testRow);
    databaseLayout->addWidget(m_noteLabel);
    databaseLayout->addStretch(1);
    m_tabs->addTab(databaseTab, QString());
    m_tabs->addTab(m_elements, QString());

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_buttons);

    connect(m_sqliteButton, &QRadioButton::toggled, this, &SettingsDialog::updateEnabled);
    connect(m_tlsCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateEnabled);
    connect(m_fileBrowse, &QPushButton::clicked, this, &SettingsDialog::browseSqliteFile);
    connect(m_caBrowse, &QPushButton::clicked, this, &SettingsDialog::browseCaFile);
    connect(m_testButton, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    setSettings(DatabaseSettings::load(QSettings()));
    retranslateUi();
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_sqliteButton->setText(tr("Embedded database (SQLite file on this computer)"));
    m_postgresButton->setText(tr("Shared database (PostgreSQL server)"));
    m_sqliteBox->setTitle(QString());
    m_postgresBox->setTitle(QString());
    m_fileLabel->setText(tr("&File:"));
    m_fileEdit->setPlaceholderText(tr("Default: switchboard.db in your data folder"));
    m_fileBrowse->setText(tr("Browse…"));
    m_hostLabel->setText(tr("&Host:"));
    m_portLabel->setText(tr("&Port:"));
    m_databaseLabel->setText(tr("&Database:"));
    m_userLabel->setText(tr("&User:"));
    m_passwordLabel->setText(tr("Pass&word:"));
    m_rememberCheck->setText(tr("&Remember password (otherwise Switchboard asks for it at start)"));
    m_tlsLabel->setText(tr("&TLS:"));
    const QStringList tlsNames{tr("Off"), tr("Only if the server insists"), tr("When the server offers it"),
                               tr("Required, certificate not checked"), tr("Required, certificate checked against the CA"),
                               tr("Required, certificate and host name checked (recommended)")};
    for (int i = 0; i < tlsNames.size() && i < m_tlsCombo->count(); ++i)
        m_tlsCombo->setItemText(i, tlsNames.at(i));
    m_caLabel->setText(tr("&CA file:"));
    m_caEdit->setPlaceholderText(tr("CA certificate file (PEM)"));
    m_caBrowse->setText(tr("Browse…"));
    m_testButton->setText(tr("Test &connection"));
    m_noteLabel->setText(tr("Switchboard opens the chosen database the next time it starts."));
    m_tabs->setTabText(0, tr("&Database"));
    m_tabs->setTabText(1, tr("&Network elements"));
    if (!m_hasResult && !m_testing)
        m_resultLabel->clear();
}

void SettingsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

DatabaseSettings SettingsDialog::settings() const
{
    DatabaseSettings s;
    s.configured = true;
    s.engine = m_postgresButton->isChecked() ? DatabaseSettings::Engine::Postgres : DatabaseSettings::Engine::Sqlite;
    s.sqlitePath = m_fileEdit->text().trimmed();
    s.host = m_hostEdit->text().trimmed();
    s.port = m_portSpin->value();
    s.database = m_databaseEdit->text().trimmed();
    s.user = m_userEdit->text().trimmed();
    s.password = m_passwordEdit->text();
    s.rememberPassword = m_rememberCheck->isChecked();
    s.sslMode = m_tlsCombo->currentData().toString();
    s.caFile = m_caEdit->text().trimmed();
    return s;
}

void SettingsDialog::setSettings(const DatabaseSettings& s)
{
    (s.engine == DatabaseSettings::Engine::Postgres ? m_postgresButton : m_sqliteButton)->setChecked(true);
    m_fileEdit->setText(s.sqlitePath);
    m_hostEdit->setText(s.host);
    m_portSpin->setValue(s.port);
    m_databaseEdit->setText(s.database);
    m_userEdit->setText(s.user);
    m_passwordEdit->setText(s.password); // shown as dots only
    m_rememberCheck->setChecked(s.rememberPassword);
    m_tlsCombo->setCurrentIndex(qMax(0, m_tlsCombo->findData(s.sslMode)));
    m_caEdit->setText(s.caFile);
    updateEnabled();
}

void SettingsDialog::updateEnabled()
{
    const bool postgres = m_postgresButton->isChecked();
    m_sqliteBox->setEnabled(!postgres);
    m_postgresBox->setEnabled(true);
    for (QWidget* w : m_postgresBox->findChildren<QWidget*>())
        w->setEnabled(postgres);
    const bool verifies = m_tlsCombo->currentData().toString().startsWith(QLatin1String("verify"));
    m_caLabel->setEnabled(postgres && verifies);
    m_caEdit->setEnabled(postgres && verifies);
    m_caBrowse->setEnabled(postgres && verifies);
    m_testButton->setEnabled(!m_testing);
}

void SettingsDialog::browseSqliteFile()
{
    const QString start = m_fileEdit->text().isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
                              : m_fileEdit->text();
    const QString file = QFileDialog::getSaveFileName(this, tr("Database file"), start,
                                                      tr("SQLite databases (*.db *.sqlite);;All files (*)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!file.isEmpty())
        m_fileEdit->setText(file);
}

void SettingsDialog::browseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("CA certificate"), m_caEdit->text(),
                                                      tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_caEdit->setText(file);
}

void SettingsDialog::testConnection()
{
    if (m_testing)
        return;
    QString text = settings().url();
    if (text.isEmpty()) // the default embedded file
        text = QStringLiteral("sqlite://") +
               QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/switchboard.db");
    const Result<DatabaseUrl> url = DatabaseUrl::parse(text);
    if (!url) {
        showResult(false, url.error().text());
        emit testFinished(false);
        return;
    }
    m_testing = true;
    m_hasResult = false;
    m_resultLabel->setStyleSheet(QString());
    m_resultLabel->setText(tr("Connecting to %1…").arg(url->toDisplayString()));
    updateEnabled();
    // Off the GUI thread: a server that does not answer takes up to the probe's timeout.
    auto* watcher = new QFutureWatcher<ProbeOutcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_testing = false;
        const ProbeOutcome outcome = watcher->result();
        showResult(outcome.ok, outcome.message.text());
        updateEnabled();
        emit testFinished(outcome.ok);
    });
    watcher->setFuture(QtConcurrent::run([target = *url] {
        DatabaseProbe::Report report;
        const Status status = DatabaseProbe::test(target, &report);
        return ProbeOutcome{status.ok(), report.message};
    }));
}

void SettingsDialog::showResult(bool ok, const QString& text)
{
    m_hasResult = true;
    m_resultLabel->setStyleSheet(ok ? QStringLiteral("color: #1b7f3b;") : QStringLiteral("color: #b3261e;"));
    m_resultLabel->setText(text);
}

void SettingsDialog::save()
{
    if (!m_elements->save()) { // a field is invalid: it says why, and nothing is written
        m_tabs->setCurrentWidget(m_elements);
        return;
    }
    QSettings store;
    settings().save(store);
    accept();
}

} // namespace sb
