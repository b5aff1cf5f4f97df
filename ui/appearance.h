#pragma once

#include <QObject>
#include <QPalette>
#include <QString>

namespace portal {

/**
 * Light and dark palettes on the Fusion style. Qt 6.4 has no colour-scheme API, so "System" is the
 * platform's palette as it was when this object was created.
 */
class Appearance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Appearance)

public:
    enum class Mode
    {
        System,
        Light,
        Dark
    };
    Q_ENUM(Mode)

    /// Switches to Fusion and captures the platform palette as "System". Needs a QApplication.
    explicit Appearance(QObject *parent = nullptr);

    Mode mode() const;
    void apply(Mode mode);

    /// Stable names for settings: "system", "light", "dark".
    static QString toString(Mode mode);
    /// System for anything unknown.
    static Mode fromString(const QString &text);

    static QPalette lightPalette();
    static QPalette darkPalette();

private:
    QPalette m_systemPalette;
    Mode m_mode = Mode::System;
};

} // namespace portal
