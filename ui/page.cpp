#include "page.h"

#include "fielderrorlabel.h"
#include "messagebanner.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace portal {

namespace {

constexpr int kCardMaxWidth = 460;

} // namespace

Page::Page(const QString &name, QWidget *parent, const QString &heading)
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

    auto *card = new QFrame;
    card->setObjectName(QStringLiteral("card"));
    card->setFrameShape(QFrame::StyledPanel);
    card->setBackgroundRole(QPalette::Base);
    card->setAutoFillBackground(true);
    card->setMaximumWidth(kCardMaxWidth);
    card->setLayout(m_cardLayout);
    m_cardLayout->setContentsMargins(24, 20, 24, 20);
    m_cardLayout->setSpacing(12);

    auto *column = new QWidget;
    column->setMaximumWidth(kCardMaxWidth);
    column->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(12);
    columnLayout->addWidget(m_heading);
    columnLayout->addWidget(m_banner);
    columnLayout->addWidget(card);
    columnLayout->addStretch(1);

    auto *content = new QWidget;
    auto *centre = new QHBoxLayout(content);
    centre->setContentsMargins(24, 32, 24, 24);
    centre->addStretch(1);
    centre->addWidget(column, 100);
    centre->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

QString Page::pageName() const
{
    return m_name;
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

} // namespace portal
