#include "LanguageManager.h"

#include "UiSettings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace sb {

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

QList<LanguageManager::Language> LanguageManager::languages()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("pt_BR"), QStringLiteral("Português (Brasil)")},
            {QStringLiteral("fr"), QStringLiteral("Français")},
            {QStringLiteral("es"), QStringLiteral("Español")}};
}

bool LanguageManager::isSupported(const QString& code)
{
    for (const Language& language : languages())
        if (language.code == code)
            return true;
    return false;
}

QString LanguageManager::initialLanguage()
{
    const QString saved = UiSettings::language();
    if (isSupported(saved))
        return saved;
    const QLocale system = QLocale::system();
    const QString full = system.name(); // pt_BR
    if (isSupported(full))
        return full;
    const QString base = full.section(QLatin1Char('_'), 0, 0);
    if (isSupported(base))
        return base;
    if (base == QLatin1String("pt"))
        return QStringLiteral("pt_BR");
    return QStringLiteral("en");
}

bool LanguageManager::setLanguage(const QString& code, bool remember)
{
    if (!isSupported(code))
        return false;
    // The locale first: widgets format money and dates while they handle LanguageChange.
    QLocale::setDefault(QLocale(code));
    removeTranslators();

    auto appTranslator = std::make_unique<QTranslator>();
    if (appTranslator->load(QStringLiteral(":/i18n/switchboard_%1.qm").arg(code))) {
        m_appTranslator = std::move(appTranslator);
        QCoreApplication::installTranslator(m_appTranslator.get());
    }
    if (code != QLatin1String("en")) {
        auto qtTranslator = std::make_unique<QTranslator>();
        if (qtTranslator->load(QStringLiteral("qtbase_%1").arg(code),
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            m_qtTranslator = std::move(qtTranslator);
            QCoreApplication::installTranslator(m_qtTranslator.get());
        }
    }
    m_current = code;
    if (remember)
        UiSettings::setLanguage(code);
    // Even with no translator to install (English without a .qm), widgets re-read their texts.
    QEvent event(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
    emit languageChanged(code);
    return true;
}

void LanguageManager::removeTranslators()
{
    if (m_appTranslator)
        QCoreApplication::removeTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_appTranslator.reset();
    m_qtTranslator.reset();
}

} // namespace sb
