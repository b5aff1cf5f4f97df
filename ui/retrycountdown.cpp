#include "retrycountdown.h"

#include "messagebanner.h"

#include <QTimer>
#include <QWidget>

#include <utility>

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
    return begin(error, false);
}

bool RetryCountdown::startRetrying(const ApiError &error)
{
    return begin(error, true);
}

bool RetryCountdown::begin(const ApiError &error, bool retrying)
{
    if (error.kind != ErrorKind::RateLimited || error.retryAfterSeconds <= 0)
        return false;
    m_error = error;
    m_retrying = retrying;
    if (m_submit)
        m_submit->setEnabled(false);
    showRemaining();
    m_timer->start();
    return true;
}

void RetryCountdown::showRemaining()
{
    if (!m_banner)
        return;
    if (m_retrying)
        m_banner->showInfo(tr("The server asked to wait. Trying again in %n seconds.", nullptr,
                              m_error.retryAfterSeconds));
    else
        m_banner->showError(m_error.userMessage());
    m_shown = m_banner->text();
}

void RetryCountdown::stop()
{
    if (!m_timer->isActive())
        return;
    m_timer->stop();
    m_shown.clear();
    if (m_submit)
        m_submit->setEnabled(true);
}

void RetryCountdown::dismiss()
{
    const QString shown = std::exchange(m_shown, QString());
    stop();
    if (m_banner && !shown.isEmpty() && m_banner->text() == shown)
        m_banner->clear();
}

bool RetryCountdown::isRunning() const
{
    return m_timer->isActive();
}

void RetryCountdown::tick()
{
    if (--m_error.retryAfterSeconds > 0) {
        showRemaining();
        return;
    }
    stop();
    if (m_banner) {
        m_banner->showInfo(m_retrying ? tr("Trying again…") : tr("You can try again now."));
        m_shown = m_banner->text();
    }
    Q_EMIT finished();
}

} // namespace portal
