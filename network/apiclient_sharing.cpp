// ApiClient: identical GETs in flight share one exchange; a short-lived cache answers repeated
// reads; writes drop what they concern.

#include "apiclient_p.h"
#include "logging.h"
#include "serverurl.h"
#include "transport_p.h"

#include <utility>

namespace portal {

namespace {

/// The path without its query: the resource a request concerns.
QString resourceOf(const QString &path)
{
    return path.section(QLatin1Char('?'), 0, 0);
}

} // namespace

// A GET is answered from the cache, or joins an identical one in flight, or starts one: in every
// case the caller gets a call of its own (a subscriber) that only the carrier's outcome finishes.
ApiCall *ApiClient::Private::sendShared(const ApiRequest &request)
{
    QString key = QString::number(generation) + QLatin1Char(' ') +
                  QString::number(int(request.role)) + QLatin1Char(' ') +
                  QString::number(request.authenticated) + QLatin1Char(' ') + request.path;
    for (const auto &[name, value] : request.headers)
        key += QLatin1Char('\n') + QString::fromLatin1(name + ": " + value);

    auto *call = new ApiCall(request, q);
    track(call);
    const auto cached = cache.constFind(key);
    if (request.allowCached && cached != cache.cend() && !cached->expiry.hasExpired()) {
        qCDebug(lcNetwork).noquote()
            << "GET" << transport::logUrl(joinUrl(baseUrl, request.path)) << "from the cache";
        // Callers connect to finished() after send() returns: never finish synchronously.
        QMetaObject::invokeMethod(
            call, [call, result = cached->result] { call->finish(result); }, Qt::QueuedConnection);
        return call;
    }
    QPointer<ApiCall> carrier = sharedInFlight.value(key);
    // A fresh read must not join one that may have been answered from before its request.
    if (!carrier || carrier->m_done || !request.allowCached) {
        carrier = new ApiCall(request, q);
        track(carrier);
        sharedInFlight.insert(key, carrier);
        ApiCall *raw = carrier;
        QObject::connect(
            carrier, &ApiCall::finished, q,
            [this, key, raw, sent = generation, sentWrites = writes](const ApiResult &result) {
                onSharedFinished(key, raw, sent, sentWrites, result);
            });
        dispatch(carrier);
    } else {
        qCDebug(lcNetwork).noquote() << "GET" << transport::logUrl(joinUrl(baseUrl, request.path))
                                     << "joins the same request in flight";
    }
    call->m_carrier = carrier;
    carrier->m_subscribers.append(call);
    return call;
}

void ApiClient::Private::onSharedFinished(const QString &key, ApiCall *carrier,
                                          quint64 sentGeneration, quint64 sentWrites,
                                          const ApiResult &result)
{
    if (sharedInFlight.value(key) == carrier)
        sharedInFlight.remove(key);
    if (result.ok() && sentGeneration == generation && sentWrites == writes && cacheLifetimeMs > 0)
        cache.insert(
            key, {resourceOf(carrier->m_request.path), result, QDeadlineTimer(cacheLifetimeMs)});
    const QList<QPointer<ApiCall>> subscribers = std::exchange(carrier->m_subscribers, {});
    const QPointer<ApiClient> client(q);
    for (const QPointer<ApiCall> &subscriber : subscribers) {
        if (!client)
            return;
        if (subscriber && !subscriber->m_done) {
            subscriber->m_attempts = carrier->m_attempts;
            subscriber->finish(result);
        }
    }
}

// A write changes its resource and what lists or contains it: their cached reads are dropped,
// and reads in flight are not joined any more (they may answer from before the write).
void ApiClient::Private::forgetWritten(const QString &path)
{
    ++writes;
    const QString written = resourceOf(path);
    const auto concerned = [&written](const QString &resource) {
        return resource.startsWith(written) || written.startsWith(resource);
    };
    cache.removeIf([&](const auto &entry) { return concerned(entry.value().resource); });
    sharedInFlight.removeIf([&](const auto &entry) {
        return !entry.value() || concerned(resourceOf(entry.value()->m_request.path));
    });
}

void ApiClient::Private::dropCache()
{
    cache.clear();
    sharedInFlight.clear();
}

} // namespace portal
