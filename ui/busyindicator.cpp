#include "busyindicator.h"

#include <QPainter>
#include <QPen>

namespace portal {

namespace {

constexpr int kStepDegrees = 30;
constexpr int kIntervalMs = 80;

} // namespace

BusyIndicator::BusyIndicator(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAccessibleName(tr("Working"));
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this]() {
        m_angle = (m_angle + kStepDegrees) % 360;
        update();
    });
    hide();
}

bool BusyIndicator::isRunning() const
{
    return m_running;
}

void BusyIndicator::setRunning(bool running)
{
    m_running = running;
    setVisible(running);
}

void BusyIndicator::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_running)
        m_timer.start();
}

void BusyIndicator::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // A page in the background (or a minimised window) costs no timer wake-ups.
    m_timer.stop();
}

QSize BusyIndicator::sizeHint() const
{
    const int side = fontMetrics().height() + 4;
    return {side, side};
}

void BusyIndicator::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int side = qMin(width(), height());
    const qreal penWidth = qMax(2.0, side / 8.0);
    const QRectF square((width() - side) / 2.0 + penWidth / 2,
                        (height() - side) / 2.0 + penWidth / 2, side - penWidth, side - penWidth);
    QPen track(palette().color(QPalette::Mid), penWidth);
    painter.setPen(track);
    painter.drawEllipse(square);
    QPen arc(palette().color(QPalette::Highlight), penWidth, Qt::SolidLine, Qt::RoundCap);
    painter.setPen(arc);
    // Qt angles are in 1/16 degree, counter-clockwise; a quarter arc turning clockwise.
    painter.drawArc(square, -m_angle * 16, 100 * 16);
}

} // namespace portal
