#include "messagebanner.h"

#include "icons.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>

#include <utility>

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
    , m_retry(new QPushButton(icon(Icon::Refresh), tr("&Retry"), this))
{
    setObjectName(QStringLiteral("messageBanner"));
    m_text->setObjectName(QStringLiteral("messageText"));
    m_icon->setObjectName(QStringLiteral("messageIcon"));
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
    m_retry->setObjectName(QStringLiteral("bannerRetryButton"));
    m_retry->hide();
    layout->addWidget(m_retry, 0, Qt::AlignVCenter);
    connect(m_retry, &QPushButton::clicked, this, [this]() {
        // Once: the failure it repeats is no longer the one on screen.
        const std::function<void()> retry = std::exchange(m_retryAction, {});
        clear();
        if (retry)
            retry();
    });
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_retryAction = {};
    m_retry->hide();
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

void MessageBanner::showFailure(const ApiError &error, const QString &text,
                                const std::function<void()> &retry)
{
    showMessage(Kind::Error, text);
    if (!retry || !offersRetry(error))
        return;
    m_retryAction = retry;
    m_retry->show();
}

bool MessageBanner::offersRetry(const ApiError &error)
{
    // The same request again can only help when nothing was wrong with the request itself.
    switch (error.kind) {
    case ErrorKind::Network:
    case ErrorKind::Timeout:
    case ErrorKind::Server:
    case ErrorKind::RateLimited:
        return !error.endsSession;
    default:
        return false;
    }
}

void MessageBanner::clear()
{
    m_text->clear();
    m_retryAction = {};
    m_retry->hide();
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
