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
 * disabled until the time is up, and then the banner says the person can try again (or, for a
 * read that retries by itself, that it is trying again).
 */
class RetryCountdown final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetryCountdown)

public:
    RetryCountdown(MessageBanner *banner, QWidget *submit, QObject *parent);

    /// Starts counting @p error's Retry-After down; false (nothing started) when it has none.
    bool start(const ApiError &error);
    /// The same for a read that is sent again by itself when the time is up: "The server asked
    /// to wait. Trying again in 12 seconds.", then "Trying again…".
    bool startRetrying(const ApiError &error);
    /// Stops counting (the page is left, or something else happened); the submit control is
    /// enabled again.
    void stop();
    /// Stops counting and takes its own message off the banner, if the banner still shows it
    /// (the read waited for has ended, or is no longer wanted).
    void dismiss();
    bool isRunning() const;

Q_SIGNALS:
    /// The wait is over: the submit control is enabled again.
    void finished();

private:
    bool begin(const ApiError &error, bool retrying);
    void tick();
    void showRemaining();

    QPointer<MessageBanner> m_banner;
    QPointer<QWidget> m_submit;
    QTimer *m_timer;
    ApiError m_error;
    QString m_shown; ///< The banner's text as this last set it.
    bool m_retrying = false;
};

} // namespace portal
