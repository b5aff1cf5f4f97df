// ApiClient: a read that failed in a way that may pass, sent again later by the same call, and
// the wait announced to its callers.

#include "apiclient_p.h"
#include "logging.h"
#include "retrypolicy.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

namespace portal {

// A read that failed in a way that may pass is sent again, later, by the same call.
bool ApiClient::Private::retryLater(ApiCall *call, const ApiResult &result)
{
    if (result.ok() || result.error().endsSession)
        return false;
    const ApiError &error = result.error();
    const RetryDecision decision =
        decideRetry({call->m_request.method, error.kind, error.httpStatus, call->m_attempts,
                     error.retryAfterSeconds, QRandomGenerator::global()->generateDouble()},
                    retryPolicy);
    if (!decision.retry)
        return false;
    qCInfo(lcNetwork).noquote() << call->m_request.method << "attempt" << call->m_attempts
                                << "failed (" << errorKindName(error.kind) << "); again in"
                                << decision.delayMs << "ms";
    if (!call->m_retryTimer) {
        call->m_retryTimer = new QTimer(call);
        call->m_retryTimer->setSingleShot(true);
        QObject::connect(call->m_retryTimer, &QTimer::timeout, call, [this, call] {
            if (!call->m_done)
                dispatch(call);
        });
    }
    call->m_retryTimer->start(decision.delayMs);
    if (error.kind == ErrorKind::RateLimited)
        announceWait(call, error, decision.delayMs);
    return true;
}

void ApiClient::Private::announceWait(ApiCall *call, ApiError wait, int delayMs)
{
    constexpr int kMsPerSecond = 1000;
    wait.retryAfterSeconds = (delayMs + kMsPerSecond - 1) / kMsPerSecond;
    // A shared read's callers hear it on their own calls. Nothing is touched after the signals:
    // a receiver may abort its call.
    const QList<QPointer<ApiCall>> callers =
        call->m_subscribers.isEmpty() ? QList<QPointer<ApiCall>>{call} : call->m_subscribers;
    for (const QPointer<ApiCall> &caller : callers) {
        if (caller)
            Q_EMIT caller->waiting(wait);
    }
}

} // namespace portal
