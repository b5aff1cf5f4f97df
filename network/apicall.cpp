// ApiCall: one request's handle, finished exactly once.

#include "apiclient.h"
#include "apiclient_p.h"

#include <QNetworkReply>
#include <QTimer>

namespace portal {

ApiCall::ApiCall(const ApiRequest &request, QObject *parent)
    : QObject(parent)
    , m_request(request)
{}

void ApiCall::abort()
{
    if (m_done)
        return;
    // A caller of a shared GET leaves it; the exchange stops once nobody waits for it.
    if (ApiCall *carrier = m_carrier) {
        carrier->m_subscribers.removeAll(this);
        carrier->m_subscribers.removeAll(nullptr);
        if (carrier->m_subscribers.isEmpty())
            carrier->abort();
    }
    if (m_retryTimer)
        m_retryTimer->stop();
    if (QNetworkReply *reply = m_reply) {
        // Stop listening first: the reply reports the abort synchronously.
        QObject::disconnect(reply, nullptr, this, nullptr);
        reply->abort();
    }
    ApiError error;
    error.kind = ErrorKind::Cancelled;
    error.technicalDetail = QStringLiteral("aborted by the client");
    finish(error);
}

void ApiCall::finish(const ApiResult &result)
{
    if (m_done)
        return;
    m_done = true;
    const QPointer<ApiCall> self(this);
    Q_EMIT finished(result);
    if (self) // A receiver may have deleted the call (or its client) already.
        deleteLater();
}

} // namespace portal
