#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace portal {

Translations::Translations(const QLocale &locale, QObject *parent)
    : QObject(parent)
    , m_app(new QTranslator(this))
    , m_qt(new QTranslator(this))
{
    for (const QString &language : locale.uiLanguages()) {
        if (QLocale(language).language() == QLocale::English)
            break;
        if (loadApp(language))
            return;
    }
    // English, the source language, needs only its plural forms ("1 second").
    if (m_app->load(QStringLiteral(":/i18n/customerportal_en.qm")))
        QCoreApplication::installTranslator(m_app);
}

QString Translations::language() const
{
    return m_language;
}

bool Translations::loadApp(const QString &language)
{
    const QLocale locale(language);
    // "de-AT" falls back to "de" inside load().
    if (!m_app->load(locale, QStringLiteral("customerportal"), QStringLiteral("_"),
                     QStringLiteral(":/i18n")))
        return false;
    QCoreApplication::installTranslator(m_app);
    // Qt's own strings (standard buttons, context menus) in the same language, when installed.
    if (m_qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt);
    m_language = locale.name().section(QLatin1Char('_'), 0, 0);
    return true;
}

} // namespace portal
