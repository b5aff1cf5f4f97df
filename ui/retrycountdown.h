#pragma once

#include "apierror.h"

#include <QObject>
#include <QPointer>

class QTimer;
class QWidget;

namespace portal {

class MessageBanner;

/**
 * A server's "wait before trying again" (a 429 with Retry-After) on a page: the banner counts the
 * seconds down live ("Too many attempts. Try again in 12 seconds."), the submit control stays
 * disabled until the time is up, and then the banner says the person can try again.
 */
class RetryCountdown final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetryCountdown)

public:
    RetryCountdown(MessageBanner *banner, QWidget *submit, QObject *parent);

    /// Starts counting @p error's Retry-After down; false (nothing started) when it has none.
    bool start(const ApiError &error);
    /// Stops counting (the page is left, or something else happened); the submit control is
    /// enabled again.
    void stop();
    bool isRunning() const;

Q_SIGNALS:
    /// The wait is over: the submit control is enabled again.
    void finished();

private:
    void tick();

    QPointer<MessageBanner> m_banner;
    QPointer<QWidget> m_submit;
    QTimer *m_timer;
    ApiError m_error;
};

} // namespace portal
