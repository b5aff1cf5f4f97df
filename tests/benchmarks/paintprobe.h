#pragma once

#include <QElapsedTimer>
#include <QObject>

class QAbstractItemView;

namespace portal::bench {

/**
 * Times one page from its HTTP reply to the end of the paint that shows its rows in a view.
 *
 * The clock starts at replyArrived() (the reply's body is available), the next paint of the
 * view's viewport after rowsInserted() is the one that shows the rows, and the clock stops from
 * the event loop right after that paint event (a zero timer): by then the viewport, the rest of
 * the window and the flush of the frame are done, the way FirstPaintReporter times the first frame.
 * The loop paints on its own: nothing calls repaint(), which would paint before the loop got to it.
 */
class PaintProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaintProbe)

public:
    /// Watches the viewport of @p view, which is also the parent.
    explicit PaintProbe(QAbstractItemView *view);

    /// Forgets the last measurement; call before the request goes out.
    void reset();
    /// The reply's body is available: the clock starts (once per measurement).
    void replyArrived();
    /// The page's rows are in the model: the next paint of the viewport shows them.
    void rowsInserted();

    /// True once the paint that showed the rows has ended.
    bool isDone() const;
    /// replyArrived() to the end of that paint, in ms (meaningful once isDone()).
    double millis() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Phase
    {
        Idle,     ///< reset(): waiting for the reply.
        Replied,  ///< The clock runs; the rows are not in the model yet.
        Armed,    ///< The rows are in: waiting for the viewport's paint.
        Painting, ///< The paint happened; the zero timer stops the clock.
        Done
    };

    void paintEnded();

    QElapsedTimer m_clock;
    Phase m_phase = Phase::Idle;
    double m_millis = 0;
};

} // namespace portal::bench
