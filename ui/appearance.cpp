#include "appearance.h"

#include <QApplication>
#include <QPixmapCache>
#include <QStyle>
#include <QStyleFactory>

namespace portal {

namespace {

void setGroupColours(QPalette &palette, QPalette::ColorGroup group, const QColor &text,
                     const QColor &buttonText)
{
    palette.setColor(group, QPalette::WindowText, text);
    palette.setColor(group, QPalette::Text, text);
    palette.setColor(group, QPalette::ButtonText, buttonText);
}

} // namespace

Appearance::Appearance(QObject *parent)
    : QObject(parent)
{
    // Fusion draws both palettes faithfully on every platform.
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    m_systemPalette = QApplication::palette();
}

Appearance::Mode Appearance::mode() const
{
    return m_mode;
}

void Appearance::apply(Mode mode)
{
    m_mode = mode;
    // Icons drawn for another palette (a disabled icon is blended with the window colour) are
    // cached under keys that do not name the palette: drawn again from now on.
    QPixmapCache::clear();
    switch (mode) {
    case Mode::System:
        QApplication::setPalette(m_systemPalette);
        return;
    case Mode::Light:
        QApplication::setPalette(lightPalette());
        return;
    case Mode::Dark:
        QApplication::setPalette(darkPalette());
        return;
    }
}

QString Appearance::toString(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

Appearance::Mode Appearance::fromString(const QString &text)
{
    if (text == QLatin1String("light"))
        return Mode::Light;
    if (text == QLatin1String("dark"))
        return Mode::Dark;
    return Mode::System;
}

QPalette Appearance::lightPalette()
{
    QPalette palette(QColor(0xf3, 0xf4, 0xf6), QColor(0xf3, 0xf4, 0xf6));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf9, 0xfa, 0xfb));
    palette.setColor(QPalette::Button, QColor(0xf9, 0xfa, 0xfb));
    palette.setColor(QPalette::Highlight, QColor(0x25, 0x63, 0xeb));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x1d, 0x4e, 0xd8));
    palette.setColor(QPalette::ToolTipBase, QColor(0x1f, 0x29, 0x37));
    palette.setColor(QPalette::ToolTipText, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x80));
    setGroupColours(palette, QPalette::Active, QColor(0x11, 0x18, 0x27), QColor(0x11, 0x18, 0x27));
    setGroupColours(palette, QPalette::Inactive, QColor(0x11, 0x18, 0x27),
                    QColor(0x11, 0x18, 0x27));
    setGroupColours(palette, QPalette::Disabled, QColor(0x9c, 0xa3, 0xaf),
                    QColor(0x9c, 0xa3, 0xaf));
    return palette;
}

QPalette Appearance::darkPalette()
{
    const QColor window(0x1f, 0x23, 0x28);
    QPalette palette(QColor(0x2d, 0x33, 0x3b), window);
    palette.setColor(QPalette::Base, QColor(0x16, 0x1a, 0x1f));
    palette.setColor(QPalette::AlternateBase, QColor(0x24, 0x29, 0x2f));
    palette.setColor(QPalette::Button, QColor(0x2d, 0x33, 0x3b));
    palette.setColor(QPalette::Light, QColor(0x3d, 0x44, 0x4d));
    palette.setColor(QPalette::Midlight, QColor(0x35, 0x3b, 0x44));
    palette.setColor(QPalette::Mid, QColor(0x24, 0x29, 0x2f));
    palette.setColor(QPalette::Dark, QColor(0x10, 0x13, 0x17));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xf6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x93, 0xc5, 0xfd));
    palette.setColor(QPalette::LinkVisited, QColor(0xc4, 0xb5, 0xfd));
    palette.setColor(QPalette::ToolTipBase, QColor(0x2d, 0x33, 0x3b));
    palette.setColor(QPalette::ToolTipText, QColor(0xe6, 0xed, 0xf3));
    palette.setColor(QPalette::PlaceholderText, QColor(0x8b, 0x94, 0x9e));
    setGroupColours(palette, QPalette::Active, QColor(0xe6, 0xed, 0xf3), QColor(0xe6, 0xed, 0xf3));
    setGroupColours(palette, QPalette::Inactive, QColor(0xe6, 0xed, 0xf3),
                    QColor(0xe6, 0xed, 0xf3));
    setGroupColours(palette, QPalette::Disabled, QColor(0x6e, 0x76, 0x81),
                    QColor(0x6e, 0x76, 0x81));
    palette.setColor(QPalette::Disabled, QPalette::Base, window);
    palette.setColor(QPalette::Disabled, QPalette::Button, window);
    return palette;
}

} // namespace portal
