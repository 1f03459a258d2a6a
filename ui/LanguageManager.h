#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QTranslator;

namespace sb {

// Installs the application's and Qt's translators for the chosen language at run time. Installing a
// translator makes Qt send QEvent::LanguageChange to every widget, which then calls its retranslateUi().
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    struct Language
    {
        QString code;       // en, pt_BR, fr, es
        QString nativeName; // shown in the Language menu, never translated
    };

    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    static QList<Language> languages();
    static bool isSupported(const QString& code);

    QString current() const { return m_current; }
    // Switches the whole application to `code` and, unless told otherwise (a --lang option), remembers the
    // choice. Returns false for an unknown code.
    bool setLanguage(const QString& code, bool remember = true);
    // The remembered language, else the system's when supported, else English.
    static QString initialLanguage();

signals:
    void languageChanged(const QString& code);

private:
    void removeTranslators();

    QString m_current;
    std::unique_ptr<QTranslator> m_appTranslator;
    std::unique_ptr<QTranslator> m_qtTranslator;
};

} // namespace sb
