#pragma once

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>

namespace portal::bench {

/**
 * A QApplication that times each event the event loop delivers, so that a stall the heartbeat saw
 * can be put down to what the loop was doing: the longest delivery since the last takeLongest(),
 * with the longest event sent from inside it (a window's UpdateRequest paints its widgets, say).
 * Only class names and event types are kept while timing: nothing is allocated per event.
 */
class TimedApplication final : public QApplication
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimedApplication)

public:
    /// One delivery: how long it took, and to which class of receiver.
    struct Delivery
    {
        qint64 ns = 0;
        const QMetaObject *receiver = nullptr;
        QEvent::Type type = QEvent::None;
        qint64 innerNs = 0; ///< The longest event sent while this one was handled.
        const QMetaObject *innerReceiver = nullptr;
        QEvent::Type innerType = QEvent::None;
        QString innerName;   ///< The inner receiver's object name (shared, not copied)...
        QString innerParent; ///< ... and its parent's: "qt_scrollarea_viewport", "customersTable".

        /// "CustomersPage UpdateRequest 12.3 ms > QWidget(qt_scrollarea_viewport in
        /// customersTable) Paint 11.9 ms"; empty for none.
        QString describe() const;
    };

    TimedApplication(int &argc, char **argv);

    bool notify(QObject *receiver, QEvent *event) override;

    /// The longest delivery from the event loop since the last call, then forgets it.
    Delivery takeLongest();

private:
    QElapsedTimer m_clock;
    int m_depth = 0;
    Delivery m_current; ///< The inner event of the delivery in progress.
    Delivery m_longest;
};

} // namespace portal::bench
