#pragma once

#include "store/DatabaseSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTabWidget;

namespace sb {

class ElementSettingsPage;

// File → Settings…: which database Switchboard opens when started without --db. The embedded SQLite file or a
// PostgreSQL server (host, port, database, user, password, TLS mode and CA file), with "Test connection",
// which runs DatabaseProbe on a pool thread and shows its sentence. OK saves to QSettings; the new database
// is used from the next start. The "Network elements" tab is an ElementSettingsPage; OK saves nothing while one of
// its fields is invalid.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    DatabaseSettings settings() const; // what the form says now
    void setSettings(const DatabaseSettings& settings);
    void testConnection();
    bool isTesting() const { return m_testing; }
    QLabel* resultLabel() const { return m_resultLabel; }
    ElementSettingsPage* elementSettings() const { return m_elements; } // the "Network elements" tab

signals:
    void testFinished(bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateEnabled();
    void save();
    void browseSqliteFile();
    void browseCaFile();
    void showResult(bool ok, const QString& text);

    QRadioButton* m_sqliteButton;
    QRadioButton* m_postgresButton;
    QGroupBox* m_sqliteBox;
    QLabel* m_fileLabel;
    QLineEdit* m_fileEdit;
    QPushButton* m_fileBrowse;
    QGroupBox* m_postgresBox;
    QLabel* m_hostLabel;
    QLineEdit* m_hostEdit;
    QLabel* m_portLabel;
    QSpinBox* m_portSpin;
    QLabel* m_databaseLabel;
    QLineEdit* m_databaseEdit;
    QLabel* m_userLabel;
    QLineEdit* m_userEdit;
    QLabel* m_passwordLabel;
    QLineEdit* m_passwordEdit;
    QCheckBox* m_rememberCheck;
    QLabel* m_tlsLabel;
    QComboBox* m_tlsCombo;
    QLabel* m_caLabel;
    QLineEdit* m_caEdit;
    QPushButton* m_caBrowse;
    QPushButton* m_testButton;
    QLabel* m_resultLabel;
    QLabel* m_noteLabel;
    QDialogButtonBox* m_buttons;
    QTabWidget* m_tabs;
    ElementSettingsPage* m_elements;
    bool m_testing = false;
    bool m_hasResult = false;
};

} // namespace sb
