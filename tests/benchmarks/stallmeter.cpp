#include "stallmeter.h"

namespace portal::bench {

StallMeter::StallMeter(QObject *parent)
    : QObject(parent)
{
    // A coarse timer may be moved by up to 5 % of its interval and batched with others; a precise
    // one fires as soon as the loop gets to it, which is what is measured.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    connect(&m_timer, &QTimer::timeout, this, &StallMeter::tick);
}

void StallMeter::start()
{
    m_longestNs = 0;
    m_longestEndNs = 0;
    m_clock.start();
    m_lastNs = 0;
    m_timer.start();
}

void StallMeter::stop()
{
    tick();
    m_timer.stop();
}

double StallMeter::longestGapMs() const
{
    return double(m_longestNs) / 1e6;
}

double StallMeter::longestGapEndMs() const
{
    return double(m_longestEndNs) / 1e6;
}

void StallMeter::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    if (now - m_lastNs > m_longestNs) {
        m_longestNs = now - m_lastNs;
        m_longestEndNs = now;
    }
    m_lastNs = now;
}

} // namespace portal::bench
