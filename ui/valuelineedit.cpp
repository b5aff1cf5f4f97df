#include "valuelineedit.h"

#include <QEvent>
#include <QPainter>
#include <QStyleOptionFrame>

namespace portal {

namespace {

/// Minus QLineEdit's fixed inner horizontal margin (QLineEditPrivate::horizontalMargin).
constexpr int kInnerMargin = -2;

} // namespace

ValueLineEdit::ValueLineEdit(QWidget *parent)
    : QLineEdit(parent)
{
    // A value shown, not typed, starts at its beginning once it becomes editable.
    connect(this, &QLineEdit::textChanged, this, [this]() {
        if (isReadOnly() && !hasFocus())
            setCursorPosition(0);
        updateTip();
    });
}

bool ValueLineEdit::event(QEvent *event)
{
    // Read-only, QLineEdit's own 2 px inner margin is taken back, so that a focused value (drawn
    // by QLineEdit, selectable) starts where the unfocused one (drawn here) and the label do.
    if (event->type() == QEvent::ReadOnlyChange)
        setTextMargins(isReadOnly() ? kInnerMargin : 0, 0, 0, 0);
    return QLineEdit::event(event);
}

bool ValueLineEdit::showsValueOnly() const
{
    return isReadOnly() && !hasFocus();
}

QRect ValueLineEdit::valueRect() const
{
    QStyleOptionFrame option;
    initStyleOption(&option);
    return style()->subElementRect(QStyle::SE_LineEditContents, &option, this);
}

QString ValueLineEdit::shownText() const
{
    if (text().isEmpty())
        return placeholderText();
    return fontMetrics().elidedText(text(), Qt::ElideRight, valueRect().width());
}

bool ValueLineEdit::isElided() const
{
    return !text().isEmpty() && shownText() != text();
}

void ValueLineEdit::paintEvent(QPaintEvent *event)
{
    if (!showsValueOnly()) {
        QLineEdit::paintEvent(event);
        return;
    }
    // QLineEdit would scroll to its cursor and cut the start off; here the start shows, the end
    // is elided, and the text starts where the label above it starts (no inner margin).
    QPainter painter(this);
    const QRect rect = valueRect();
    const bool placeholder = text().isEmpty();
    QColor colour = palette().color(QPalette::Text);
    if (placeholder)
        colour = palette().color(QPalette::PlaceholderText);
    painter.setPen(colour);
    painter.drawText(rect, int(Qt::AlignLeft | Qt::AlignVCenter) | Qt::TextSingleLine, shownText());
}

void ValueLineEdit::resizeEvent(QResizeEvent *event)
{
    QLineEdit::resizeEvent(event);
    updateTip();
}

void ValueLineEdit::focusInEvent(QFocusEvent *event)
{
    QLineEdit::focusInEvent(event);
    update();
}

void ValueLineEdit::focusOutEvent(QFocusEvent *event)
{
    QLineEdit::focusOutEvent(event);
    if (isReadOnly())
        setCursorPosition(0);
    update();
}

void ValueLineEdit::updateTip()
{
    // The whole value on hover when it does not fit; no tooltip that repeats what is visible.
    setToolTip(isElided() ? text() : QString());
}

} // namespace portal
