#include "card.h"

#include <QPainter>

namespace portal {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

} // namespace

Card::Card(QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
}

QColor Card::background(const QPalette &palette)
{
    if (!isDark(palette))
        return palette.color(QPalette::Base);
    return palette.color(QPalette::Window).lighter(120);
}

void Card::paintEvent(QPaintEvent *event)
{
    {
        QPainter painter(this);
        painter.fillRect(rect(), background(palette()));
    }
    QFrame::paintEvent(event);
}

} // namespace portal
