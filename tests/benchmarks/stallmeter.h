#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace portal::bench {

class TimedApplication;

/**
 * The event loop's longest stall: a 1 ms precise timer ticks while the meter runs, and the largest
 * gap between two ticks is how long the loop could not answer (a key press, a paint). An idle loop
 * shows gaps of about 1 ms; anything the loop does in one go shows as a longer gap, and so does
 * the thread not running at all (another process had the CPU).
 */
class StallMeter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StallMeter)

public:
    /// The longest gap, and what it was made of.
    struct Stall
    {
        double wallMs = 0;    ///< The gap between two ticks.
        double cpuMs = 0;     ///< CPU time of this thread in it: the rest it was not running.
        double atMs = 0;      ///< When it ended, since start().
        QString longestEvent; ///< The longest event delivery in it (TimedApplication).
    };

    /// @p app, if any, tells which event took the time of a stall.
    explicit StallMeter(TimedApplication *app, QObject *parent = nullptr);

    /// Forgets the last measurement and starts ticking.
    void start();
    /// Stops ticking; the gap up to now counts too.
    void stop();

    const Stall &longest() const { return m_longest; }

private:
    void tick();

    TimedApplication *m_app;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_lastCpuNs = 0;
    qint64 m_longestNs = 0;
    Stall m_longest;
};

} // namespace portal::bench
