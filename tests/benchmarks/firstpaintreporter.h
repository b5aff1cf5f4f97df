#pragma once

#include <QObject>

class QWidget;

namespace portal::bench {

/**
 * Prints "painted <peak RSS in kB> <ms since main()> <PSS in kB>" on stdout once @p window has had
 * its first paint. The paint event of the window itself starts the frame; the line is printed from
 * the event loop right after, once every child of the window has painted too and the frame was
 * flushed.
 */
class FirstPaintReporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstPaintReporter)

public:
    explicit FirstPaintReporter(QWidget *window);

    /// VmHWM from /proc/self/status (peak resident set size), 0 where there is none.
    static long peakRssKb();
    /// Pss from /proc/self/smaps_rollup (shared pages counted by share), 0 where there is none.
    static long pssKb();
    /// Call first thing in main(): the child's own milestones are counted from there, so the parent
    /// can tell process start and dynamic loading (before main) from the rest.
    static void startClock();
    static double sinceStartMs();
    /// Prints "<name> <ms since main()>".
    static void printMilestone(const QByteArray &name);

    /// Writes @p line and a newline to stdout and flushes it: the parent is waiting for it.
    static void printLine(const QByteArray &line);

Q_SIGNALS:
    void painted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void report();

    bool m_seen = false;
};

} // namespace portal::bench
