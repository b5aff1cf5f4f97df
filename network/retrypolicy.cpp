#include "retrypolicy.h"

#include <QtGlobal>

namespace portal {

namespace {

bool isRead(const QByteArray &method)
{
    const QByteArray upper = method.toUpper();
    return upper == "GET" || upper == "HEAD";
}

// A failure that says nothing about the request itself: the next attempt may well succeed.
bool mayPass(ErrorKind kind, int httpStatus)
{
    switch (kind) {
    case ErrorKind::Network:
        return true; // Refused, reset, closed without an answer.
    case ErrorKind::Server:
        return httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
    case ErrorKind::RateLimited:
        return true;
    default:
        return false;
    }
}

} // namespace

RetryDecision decideRetry(const RetryInput &input, const RetryPolicy &policy)
{
    if (!isRead(input.method) || !mayPass(input.kind, input.httpStatus) ||
        input.attempt > policy.maxRetries)
        return {};
    if (input.kind == ErrorKind::RateLimited) {
        // The server said when: wait exactly that, unless it is a wait for a person to see.
        if (input.retryAfterSeconds < 0 || input.retryAfterSeconds > policy.maxRetryAfterSeconds)
            return {};
        return {true, input.retryAfterSeconds * 1000};
    }
    // An attempt below 1 counts as the first: a negative shift is undefined behaviour.
    const qint64 step = qint64(policy.baseDelayMs) << (qBound(1, input.attempt, 21) - 1);
    const double spread = 0.5 + qBound(0.0, input.jitter, 1.0); // 0.5x .. 1.5x
    const qint64 delay = qMin(qint64(step * spread), qint64(policy.maxDelayMs));
    return {true, int(delay)};
}

} // namespace portal
