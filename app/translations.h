#pragma once

#include <QLocale>
#include <QObject>

class QTranslator;

namespace portal {

/**
 * Installs the app's translation (compiled in under :/i18n) and Qt's own for @p locale. English is
 * the source language: the first English entry among the locale's UI languages stops the search,
 * so "en_GB:de" stays English, and English installs only its plural forms. Removed again when
 * this object is destroyed.
 */
class Translations final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Translations)

public:
    explicit Translations(const QLocale &locale, QObject *parent = nullptr);

    /// The language whose app translation was installed ("de"), or empty for English.
    QString language() const;

private:
    bool loadApp(const QString &language);

    QTranslator *m_app;
    QTranslator *m_qt;
    QString m_language;
};

} // namespace portal
