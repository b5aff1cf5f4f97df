#include "fielderrorlabel.h"

#include <QEvent>

namespace portal {

FieldErrorLabel::FieldErrorLabel(QWidget *field, QWidget *parent)
    : QLabel(parent)
    , m_field(field)
{
    setTextFormat(Qt::PlainText); // the server's messages are never markup
    setWordWrap(true);
    if (field)
        setObjectName(field->objectName() + QStringLiteral("Error"));
    updateColour();
    hide();
}

void FieldErrorLabel::setError(const QString &message)
{
    setText(message);
    setVisible(!message.isEmpty());
    if (m_field)
        m_field->setAccessibleDescription(message);
}

QString FieldErrorLabel::error() const
{
    return text();
}

QWidget *FieldErrorLabel::field() const
{
    return m_field;
}

QColor FieldErrorLabel::colourFor(const QPalette &palette)
{
    // A red that keeps its contrast on the light and on the dark window colour.
    const bool dark = palette.color(QPalette::Window).lightnessF() < 0.5;
    return dark ? QColor(0xfc, 0xa5, 0xa5) : QColor(0xb9, 0x1c, 0x1c);
}

void FieldErrorLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    // A new application palette reaches this label as a PaletteChange.
    if (event->type() == QEvent::PaletteChange)
        updateColour();
}

void FieldErrorLabel::updateColour()
{
    const QColor red = colourFor(palette());
    if (palette().color(QPalette::WindowText) == red)
        return;
    // Only the text colour is set; every other role still follows the application palette.
    QPalette own;
    own.setColor(QPalette::WindowText, red);
    setPalette(own);
}

} // namespace portal
