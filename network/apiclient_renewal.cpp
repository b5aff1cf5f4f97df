// ApiClient: renewing expired credentials (JWT), once for every call in flight.

#include "apiclient_p.h"
#include "logging.h"
#include "serverurl.h"
#include "transport_p.h"

#include <utility>

namespace portal {

// An expired access token (JWT): the call waits for the one renewal shared by every call in flight
// and is then replayed, once, with the new access token. A call sent before a renewal that has
// happened since is replayed at once.
bool ApiClient::Private::renewIfNeeded(ApiCall *call, const ApiResult &result, const CallInfo &info)
{
    if (result.ok() || call->m_renewed || info.generation == 0 || info.generation != generation ||
        !credentials->canRenew(result.error()))
        return false;
    call->m_renewed = true;
    if (info.renewal != renewals) {
        dispatch(call);
        return true;
    }
    awaitRenewal(call);
    return true;
}

void ApiClient::Private::awaitRenewal(ApiCall *call)
{
    awaitingRenewal.append(call);
    if (renewalCall)
        return;
    qCInfo(lcAuth) << "renewing the access token";
    ApiRequest request = credentials->renewal(endpoints);
    renewalCall = new ApiCall(request, q);
    track(renewalCall);
    const quint64 current = generation;
    QObject::connect(renewalCall, &ApiCall::finished, q,
                     [this, current](const ApiResult &answer) { onRenewed(current, answer); });
    dispatch(renewalCall);
}

void ApiClient::Private::onRenewed(quint64 renewedGeneration, const ApiResult &result)
{
    renewalCall.clear();
    if (renewedGeneration != generation) { // Signed out or changed server meanwhile.
        ApiError cancelled;
        cancelled.kind = ErrorKind::Cancelled;
        cancelled.technicalDetail = QStringLiteral("the credentials changed during a renewal");
        failAwaiting(cancelled);
        return;
    }
    bool rotated = false;
    if (result.ok() && credentials->applyRenewal(result.value().json.toObject(), &rotated)) {
        ++renewals;
        qCInfo(lcAuth) << "access token renewed" << (rotated ? "(refresh token rotated)" : "");
        if (rotated)
            Q_EMIT q->storedSecretChanged();
        const QList<QPointer<ApiCall>> waiting = std::exchange(awaitingRenewal, {});
        for (const QPointer<ApiCall> &call : waiting) {
            if (call && !call->m_done)
                dispatch(call);
        }
        return;
    }
    ApiError error = result.ok() ? q->badResponse(QStringLiteral("refresh answer has no access"))
                                 : result.error();
    // A dead refresh token ends the session; a server out of reach does not.
    error.endsSession = error.kind == ErrorKind::Unauthorized;
    if (error.endsSession && awaitingRenewal.isEmpty() && claimSessionExpiry(error)) {
        Q_EMIT q->sessionExpired();
        return;
    }
    failAwaiting(error);
}

void ApiClient::Private::failAwaiting(const ApiError &error)
{
    const QList<QPointer<ApiCall>> waiting = std::exchange(awaitingRenewal, {});
    const QPointer<ApiClient> client(q);
    for (const QPointer<ApiCall> &call : waiting) {
        if (client && call && !call->m_done)
            deliver(call, error, call->m_request.role);
    }
}

bool ApiClient::adoptRotatedCredentials(const QJsonObject &answer)
{
    // Tried on a fresh instance first: adopt() forgets what it held when the answer has nothing.
    if (!hasToken() || !Credentials::create(authMode())->adopt(answer))
        return false;
    d->credentials->adopt(answer);
    d->changeCredentials();
    qCInfo(lcNetwork) << "the server issued new credentials";
    Q_EMIT storedSecretChanged();
    return true;
}

} // namespace portal
