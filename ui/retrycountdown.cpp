#include "retrycountdown.h"

#include "messagebanner.h"

#include <QTimer>
#include <QWidget>

namespace portal {

RetryCountdown::RetryCountdown(MessageBanner *banner, QWidget *submit, QObject *parent)
    : QObject(parent)
    , m_banner(banner)
    , m_submit(submit)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &RetryCountdown::tick);
}

bool RetryCountdown::start(const ApiError &error)
{
    if (error.kind != ErrorKind::RateLimited || error.retryAfterSeconds <= 0)
        return false;
    m_error = error;
    if (m_submit)
        m_submit->setEnabled(false);
    if (m_banner)
        m_banner->showError(m_error.userMessage());
    m_timer->start();
    return true;
}

void RetryCountdown::stop()
{
    if (!m_timer->isActive())
        return;
    m_timer->stop();
    if (m_submit)
        m_submit->setEnabled(true);
}

bool RetryCountdown::isRunning() const
{
    return m_timer->isActive();
}

void RetryCountdown::tick()
{
    if (--m_error.retryAfterSeconds > 0) {
        if (m_banner)
            m_banner->showError(m_error.userMessage());
        return;
    }
    stop();
    if (m_banner)
        m_banner->showInfo(tr("You can try again now."));
    Q_EMIT finished();
}

} // namespace portal
