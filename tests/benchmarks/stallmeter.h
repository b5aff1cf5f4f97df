#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace portal::bench {

/**
 * The event loop's longest stall: a 1 ms precise timer ticks while the meter runs, and the largest
 * gap between two ticks is how long the loop could not answer (a key press, a paint). An idle loop
 * shows gaps of about 1 ms; anything the loop does in one go shows as a longer gap.
 */
class StallMeter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StallMeter)

public:
    explicit StallMeter(QObject *parent = nullptr);

    /// Forgets the last measurement and starts ticking.
    void start();
    /// Stops ticking; the gap up to now counts too.
    void stop();

    /// The largest gap between two ticks (or between start() or stop() and a tick), in ms.
    double longestGapMs() const;
    /// When that gap ended, in ms since start(): to match a stall with what was happening.
    double longestGapEndMs() const;

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_longestNs = 0;
    qint64 m_longestEndNs = 0;
};

} // namespace portal::bench
