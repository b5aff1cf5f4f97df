#include "paintprobe.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QTimer>

namespace portal::bench {

PaintProbe::PaintProbe(QAbstractItemView *view)
    : QObject(view)
{
    view->viewport()->installEventFilter(this);
}

void PaintProbe::reset()
{
    m_phase = Phase::Idle;
    m_millis = 0;
}

void PaintProbe::replyArrived()
{
    // Only the first reply after reset() counts: a later one belongs to another request.
    if (m_phase != Phase::Idle)
        return;
    m_clock.start();
    m_phase = Phase::Replied;
}

void PaintProbe::rowsInserted()
{
    // A model that inserts row by row arms once, on the first row of the page.
    if (m_phase == Phase::Replied)
        m_phase = Phase::Armed;
}

bool PaintProbe::isDone() const
{
    return m_phase == Phase::Done;
}

double PaintProbe::millis() const
{
    return m_millis;
}

bool PaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (m_phase == Phase::Armed && event->type() == QEvent::Paint) {
        m_phase = Phase::Painting;
        // The filter runs before the paint; the zero timer runs once the loop is back, after it.
        QTimer::singleShot(0, this, &PaintProbe::paintEnded);
    }
    return QObject::eventFilter(watched, event);
}

void PaintProbe::paintEnded()
{
    m_millis = double(m_clock.nsecsElapsed()) / 1e6;
    m_phase = Phase::Done;
}

} // namespace portal::bench
