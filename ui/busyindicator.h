#pragma once

#include <QTimer>
#include <QWidget>

namespace portal {

/// A small spinning arc shown while the app waits for the server. Hidden unless running.
class BusyIndicator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BusyIndicator)
    Q_PROPERTY(bool running READ isRunning WRITE setRunning)

public:
    explicit BusyIndicator(QWidget *parent = nullptr);

    bool isRunning() const;
    void setRunning(bool running);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QTimer m_timer;
    int m_angle = 0;
    bool m_running = false;
};

} // namespace portal
