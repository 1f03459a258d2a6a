#pragma once

#include "network/ElementSettings.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSettings;
class QSpinBox;
class QStackedWidget;

namespace sb {

// Settings → Network elements: one page per element (OCS, HSS/HLR, IPTV, RADIUS, SIP, mail, SIM keys) with its
// address, credentials, TLS files, verification and timeout, and "Test connection", which runs ElementProbe on a
// pool thread. Secrets are never shown back: a stored one is a placeholder, an empty field keeps it and "Clear"
// removes it. save() writes nothing while a field is invalid and shows why next to the field.
class ElementSettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit ElementSettingsPage(QWidget* parent = nullptr);
    ~ElementSettingsPage() override;

    // The INI file to read and write; empty = the application's settings (what the GUI reads at start). Loads it.
    void setSettingsFile(const QString& file);
    void load();
    bool save(); // false when a field is invalid: nothing is written

    void showPage(ElementPage page);
    void testConnection(); // the page shown
    bool isTesting() const { return m_testing; }
    QLabel* resultLabel(ElementPage page) const;
    QWidget* pageWidget(ElementPage page) const;

signals:
    void testFinished(bool ok);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    struct Editor;
    struct Page;

    void buildPage(ElementPage page);
    void retranslateUi();
    void fitStackToPages();
    void updateEnabled();
    void updateSecretPlaceholder(Editor& editor);
    void updateVerifyWarning(Editor& editor);
    void confirmVerifyOff(Editor& editor);
    void clearSecret(Editor& editor);
    void browse(Editor& editor);
    QString editedValue(const Editor& editor) const; // what save() writes ("" for an untouched secret)
    ElementSettings::Values effectiveValues() const; // with stored secrets, for "Test connection"
    bool validate();
    void showResult(ElementPage page, bool ok, const QString& text);
    std::unique_ptr<QSettings> openSettings() const;
    Editor* editor(const char* key) const;

    QString m_file;
    QListWidget* m_list;
    QStackedWidget* m_stack;
    QLabel* m_noteLabel;
    QList<Page*> m_pages;
    QList<Editor*> m_editors;
    ElementSettings::Values m_stored; // as loaded, secrets included; never put into a widget
    bool m_testing = false;
};

} // namespace sb
