#pragma once

#include "apierror.h"

#include <QByteArray>

namespace portal {

/// How patient the client is with failures that may pass by themselves.
struct RetryPolicy
{
    int maxRetries = 3;            ///< Attempts after the first one, at most.
    int baseDelayMs = 500;         ///< Before the first retry; doubled for each next one.
    int maxDelayMs = 8000;         ///< No backoff waits longer than this.
    int maxRetryAfterSeconds = 60; ///< A longer Retry-After is left to the person (a countdown).
};

/// One failed attempt, as the policy sees it.
struct RetryInput
{
    QByteArray method; ///< "GET", "PATCH"...
    ErrorKind kind = ErrorKind::Network;
    int httpStatus = 0;
    int attempt = 1;            ///< The attempt that just failed: 1 for the first.
    int retryAfterSeconds = -1; ///< From a 429's Retry-After; -1 when none.
    double jitter = 0.5;        ///< A random number in [0, 1), injected so the policy stays pure.
};

/// Whether to send again, and after how long.
struct RetryDecision
{
    bool retry = false;
    int delayMs = 0;

    friend bool operator==(const RetryDecision &a, const RetryDecision &b)
    {
        return a.retry == b.retry && a.delayMs == b.delayMs;
    }
};

/**
 * The retry rule, pure: only reads (GET, HEAD) are ever sent again, never a write; only after a
 * failure that may pass (no answer at all, 502, 503, 504, or a 429 with a short Retry-After); at
 * most RetryPolicy::maxRetries times; after an exponential backoff with jitter (half to one and a
 * half times the step), or after exactly what Retry-After asked.
 */
RetryDecision decideRetry(const RetryInput &input, const RetryPolicy &policy = {});

} // namespace portal
