#include "fielderrorlabel.h"

#include <QApplication>
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

void FieldErrorLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        updateColour();
}

void FieldErrorLabel::updateColour()
{
    // A red that keeps its contrast on the light and on the dark window colour.
    const bool dark = QApplication::palette().color(QPalette::Window).lightnessF() < 0.5;
    setStyleSheet(QStringLiteral("color: %1;")
                      .arg(dark ? QStringLiteral("#fca5a5") : QStringLiteral("#b91c1c")));
}

} // namespace portal
