#include "messagebanner.h"

#include "icons.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>

namespace portal {

namespace {

QColor accent(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Error:
        return {0xdc, 0x26, 0x26};
    case MessageBanner::Kind::Success:
        return {0x16, 0xa3, 0x4a};
    case MessageBanner::Kind::Info:
        break;
    }
    return {0x25, 0x63, 0xeb};
}

Icon iconOf(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Error:
        return Icon::Error;
    case MessageBanner::Kind::Success:
        return Icon::Success;
    case MessageBanner::Kind::Info:
        break;
    }
    return Icon::Info;
}

} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setAccessibleDescription(tr("Message"));
    m_icon->setAlignment(Qt::AlignTop);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(8);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(icon(iconOf(kind)).pixmap(QSize(side, side), devicePixelRatioF()));
    m_text->setText(text);
    update();
    setVisible(!text.isEmpty());
    if (!text.isEmpty()) {
        // Screen readers announce the new message without the user moving focus to it.
        QAccessibleEvent event(m_text,
                               kind == Kind::Error ? QAccessible::Alert : QAccessible::NameChanged);
        QAccessible::updateAccessibility(&event);
    }
}

void MessageBanner::clear()
{
    m_text->clear();
    hide();
}

MessageBanner::Kind MessageBanner::kind() const
{
    return m_kind;
}

QString MessageBanner::text() const
{
    return m_text->text();
}

QColor MessageBanner::background() const
{
    // A tint of the accent over the window colour reads well on light and dark palettes.
    const QColor base = palette().color(QPalette::Window);
    const QColor line = accent(m_kind);
    const qreal mix = 0.14;
    QColor fill;
    fill.setRgbF(base.redF() * (1 - mix) + line.redF() * mix,
                 base.greenF() * (1 - mix) + line.greenF() * mix,
                 base.blueF() * (1 - mix) + line.blueF() * mix);
    return fill;
}

void MessageBanner::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    // Painted from the current palette (no style sheet, which would freeze the colours of the
    // banner and its text at the palette of the moment it was set).
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(accent(m_kind), 1));
    painter.setBrush(background());
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
}

} // namespace portal
