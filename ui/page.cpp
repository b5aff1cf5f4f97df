#include "page.h"

#include "card.h"
#include "fielderrorlabel.h"
#include "messagebanner.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace portal {

namespace {

constexpr int kCardMaxWidth = 460;

} // namespace

Page::Page(const QString &name, QWidget *parent, const QString &heading, Width width)
    : QWidget(parent)
    , m_name(name)
    , m_heading(new QLabel(heading.isEmpty() ? name : heading))
    , m_banner(new MessageBanner)
    , m_cardLayout(new QVBoxLayout)
{
    setWindowTitle(name);
    m_heading->setObjectName(QStringLiteral("pageHeading"));
    QFont headingFont = m_heading->font();
    if (headingFont.pointSizeF() > 0)
        headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    else
        headingFont.setPixelSize(headingFont.pixelSize() * 8 / 5);
    headingFont.setWeight(QFont::DemiBold);
    m_heading->setFont(headingFont);
    m_heading->setTextFormat(Qt::PlainText);

    auto *card = new Card;
    card->setObjectName(QStringLiteral("card"));
    if (width == Width::Narrow)
        card->setMaximumWidth(kCardMaxWidth);
    card->setLayout(m_cardLayout);
    m_cardLayout->setContentsMargins(24, 20, 24, 20);
    m_cardLayout->setSpacing(12);

    auto *content = new QWidget;
    auto *centre = new QHBoxLayout(content);
    centre->setContentsMargins(24, 32, 24, 24);
    centre->addStretch(1);
    centre->addWidget(buildColumn(card, width), 100);
    centre->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Not a tab stop of its own (an invisible one); it still scrolls to the focused input.
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

QWidget *Page::buildColumn(QWidget *card, Width width)
{
    auto *column = new QWidget;
    if (width == Width::Narrow)
        column->setMaximumWidth(kCardMaxWidth);
    column->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(12);
    // A narrow page's content sits in the middle of a tall window, not at its top.
    if (width == Width::Narrow)
        columnLayout->addStretch(1);
    columnLayout->addWidget(m_heading);
    columnLayout->addWidget(m_banner);
    if (width == Width::Narrow) {
        columnLayout->addWidget(card);
        columnLayout->addStretch(1);
    } else {
        columnLayout->addWidget(card, 1);
    }
    return column;
}

QString Page::pageName() const
{
    return m_name;
}

void Page::setHeading(const QString &heading)
{
    m_heading->setText(heading);
}

MessageBanner *Page::banner() const
{
    return m_banner;
}

QVBoxLayout *Page::cardLayout() const
{
    return m_cardLayout;
}

QHBoxLayout *Page::addButtonRow()
{
    auto *row = new QHBoxLayout;
    row->setSpacing(8);
    m_cardLayout->addLayout(row);
    return row;
}

FieldErrorLabel *Page::addField(const QString &label, QWidget *widget, QWidget *input)
{
    auto *caption = new QLabel(label);
    caption->setBuddy(input);
    input->setAccessibleName(label);
    auto *error = new FieldErrorLabel(input, nullptr);
    auto *group = new QVBoxLayout;
    group->setSpacing(4);
    group->addWidget(caption);
    group->addWidget(widget);
    group->addWidget(error);
    m_cardLayout->addLayout(group);
    return error;
}

void Page::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    const bool plain = (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
    if (enter && plain && submitFromKeyboard())
        return;
    QWidget::keyPressEvent(event);
}

void Page::rememberFocus()
{
    QWidget *focus = window()->focusWidget();
    if (focus && isAncestorOf(focus))
        m_focusBeforeBusy = focus;
}

void Page::restoreFocus(QWidget *preferred)
{
    QWidget *target = preferred ? preferred : m_focusBeforeBusy.data();
    m_focusBeforeBusy.clear();
    // Only for the page on screen, and never away from where the user has since moved it.
    if (!target || !isVisible() || !target->isEnabled())
        return;
    QWidget *focus = window()->focusWidget();
    if (!preferred && focus && isAncestorOf(focus) && focus->isEnabled())
        return;
    target->setFocus(Qt::OtherFocusReason);
}

} // namespace portal
