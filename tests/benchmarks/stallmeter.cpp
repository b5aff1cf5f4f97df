#include "stallmeter.h"

#include "timedapplication.h"

#include <ctime>

namespace portal::bench {

namespace {

qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

} // namespace

StallMeter::StallMeter(TimedApplication *app, QObject *parent)
    : QObject(parent)
    , m_app(app)
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
    m_longest = {};
    if (m_app)
        m_app->takeLongest(); // what came before does not count
    m_clock.start();
    m_lastNs = 0;
    m_lastCpuNs = threadCpuNs();
    m_timer.start();
}

void StallMeter::stop()
{
    tick();
    m_timer.stop();
}

void StallMeter::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 cpu = threadCpuNs();
    // Taken at every tick, so that it covers exactly the gap that just ended.
    const TimedApplication::Delivery delivery =
        m_app ? m_app->takeLongest() : TimedApplication::Delivery{};
    if (now - m_lastNs > m_longestNs) {
        m_longestNs = now - m_lastNs;
        m_longest.wallMs = double(m_longestNs) / 1e6;
        m_longest.cpuMs = double(cpu - m_lastCpuNs) / 1e6;
        m_longest.atMs = double(now) / 1e6;
        m_longest.longestEvent = delivery.describe();
    }
    m_lastNs = now;
    m_lastCpuNs = cpu;
}

} // namespace portal::bench
