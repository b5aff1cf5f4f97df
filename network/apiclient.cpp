#include "apiclient.h"

#include "credentials.h"
#include "logging.h"
#include "serverurl.h"
#include "transport_p.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

#include <utility>

namespace portal {

namespace {

constexpr int kDefaultTimeoutMs = 30000;
/// Larger than any answer of the API (a page of 100 customers is about 25 KB).
constexpr qint64 kDefaultMaxResponseBytes = 4 * 1024 * 1024;
/// Long enough to answer a burst (a page shown twice, a record opened again), short enough that
/// nobody reads yesterday's data.
constexpr int kDefaultCacheLifetimeMs = 3000;

/// The path without its query: the resource a request concerns.
QString resourceOf(const QString &path)
{
    return path.section(QLatin1Char('?'), 0, 0);
}

// What the finish step needs to know about one attempt; captured when it is sent.
struct CallInfo
{
    QByteArray method;
    QString logUrl;
    QString server;
    /// The credentials' generation this attempt carried (0: none): only a failure of the current
    /// generation can end the session.
    quint64 generation = 0;
    /// How many renewals of the generation's access had happened when it was sent.
    quint64 renewal = 0;
    RequestRole role = RequestRole::Authenticated;
    QElapsedTimer elapsed;
};

void logResult(const CallInfo &info, const RawResponse &raw, const ApiResult &result)
{
    const qint64 ms = info.elapsed.elapsed();
    if (result.ok()) {
        qCDebug(lcNetwork).noquote()
            << info.method << info.logUrl << "->" << raw.httpStatus << "in" << ms << "ms";
        return;
    }
    // The error's texts have passed the redaction point already (ApiClient::Private::conclude).
    const ApiError &error = result.error();
    qCDebug(lcNetwork).noquote() << info.method << info.logUrl << "->" << raw.httpStatus
                                 << errorKindName(error.kind) << "in" << ms
                                 << "ms:" << error.technicalDetail;
}

} // namespace

// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------

struct ApiClient::Private
{
    explicit Private(ApiClient *owner)
        : q(owner)
        , nam(new QNetworkAccessManager(owner))
    {}

    void dispatch(ApiCall *call);
    bool renewIfNeeded(ApiCall *call, const ApiResult &result, const CallInfo &info);
    void awaitRenewal(ApiCall *call);
    void onRenewed(quint64 renewedGeneration, const ApiResult &result);
    void failAwaiting(const ApiError &error);
    ApiCall *sendShared(const ApiRequest &request);
    void onSharedFinished(const QString &key, ApiCall *carrier, quint64 sentGeneration,
                          quint64 sentWrites, const ApiResult &result);
    void forgetWritten(const QString &path);
    void dropCache();
    void attachCredentials(QNetworkRequest &request, CallInfo &info) const;
    void watch(ApiCall *call, QNetworkReply *reply, const CallInfo &info);
    void onReplyFinished(ApiCall *call, QNetworkReply *reply, const CallInfo &info);
    void noteReachability(const ApiResult &result);
    void setReachable(bool value);
    ApiResult conclude(ApiResult result, const CallInfo &info);
    bool retryLater(ApiCall *call, const ApiResult &result);
    void deliver(ApiCall *call, const ApiResult &result, RequestRole role);
    bool claimSessionExpiry(const ApiResult &result);
    void changeCredentials();
    void track(ApiCall *call);

    ApiClient *q;
    QNetworkAccessManager *nam;
    QUrl baseUrl;
    ApiEndpoints endpoints;
    int transferTimeoutMs = kDefaultTimeoutMs;
    qint64 maxResponseBytes = kDefaultMaxResponseBytes;
    QList<QSslCertificate> extraCas;
    RetryPolicy retryPolicy;
    QString tokenKeyword = QStringLiteral("Token");
    std::unique_ptr<Credentials> credentials = Credentials::create(AuthMode::Token);
    quint64 generation = 1;
    /// Renewals of the current generation's access (JWT refreshes) so far.
    quint64 renewals = 0;
    /// The one renewal in flight, shared by every call that waits for it.
    QPointer<ApiCall> renewalCall;
    QList<QPointer<ApiCall>> awaitingRenewal;
    bool proven = false; ///< An authenticated request of this generation has succeeded.
    bool sessionExpiryEmitted = false;
    bool reachable = true; ///< See isServerReachable().
    QList<QPointer<ApiCall>> calls;

    struct CachedAnswer
    {
        QString resource;
        ApiResult result;
        QDeadlineTimer expiry;
    };
    /// Writes sent so far: a read in flight during one is not cached (it may predate it).
    quint64 writes = 0;
    int cacheLifetimeMs = kDefaultCacheLifetimeMs;
    /// Successful GETs by key (generation, role, path, headers); memory only.
    QHash<QString, CachedAnswer> cache;
    /// The carrier of each GET in flight, by the same key.
    QHash<QString, QPointer<ApiCall>> sharedInFlight;
};

// One attempt of @p call: resolved against the base URL now (credentials may have changed since
// the last attempt), refused before any lookup when the transport is not allowed.
void ApiClient::Private::dispatch(ApiCall *call)
{
    const ApiRequest &request = call->m_request;
    // A restored refresh token and no access token yet: renew first, then send.
    if (request.authenticated && credentials->needsRenewal()) {
        awaitRenewal(call);
        return;
    }
    const QUrl url = joinUrl(baseUrl, request.path);
    CallInfo info{request.method.toUpper(),
                  transport::logUrl(url),
                  transport::serverLabel(url),
                  0,
                  0,
                  request.role,
                  {}};
    info.elapsed.start();
    ++call->m_attempts;
    if (std::optional<ApiError> refusal = transport::refuseTransport(url)) {
        qCWarning(lcNetwork).noquote()
            << info.method << info.logUrl << "refused:" << refusal->technicalDetail;
        // Callers connect to finished() after send() returns: never finish synchronously.
        QMetaObject::invokeMethod(
            call, [call, error = *refusal] { call->finish(error); }, Qt::QueuedConnection);
        return;
    }
    QNetworkRequest netRequest = transport::buildRequest(url, request, transferTimeoutMs);
    if (!extraCas.isEmpty()) {
        QSslConfiguration tls = netRequest.sslConfiguration();
        tls.addCaCertificates(extraCas);
        netRequest.setSslConfiguration(tls);
    }
    if (request.authenticated)
        attachCredentials(netRequest, info);
    qCDebug(lcNetwork).noquote() << info.method << info.logUrl << "attempt" << call->m_attempts
                                 << "Authorization:"
                                 << redactAuthorization(netRequest.rawHeader("Authorization"));
    watch(call, transport::start(nam, netRequest, request), info);
}

void ApiClient::Private::attachCredentials(QNetworkRequest &request, CallInfo &info) const
{
    // Credentials go to the configured origin only, whatever the path says.
    if (!credentials->isSet() || !sameOrigin(request.url(), baseUrl))
        return;
    request.setRawHeader("Authorization", credentials->authorization());
    info.generation = generation;
    info.renewal = renewals;
}

void ApiClient::Private::watch(ApiCall *call, QNetworkReply *reply, const CallInfo &info)
{
    call->m_reply = reply;
    reply->setParent(call); // The reply lives exactly as long as its call (or this attempt).
    transport::limitBody(reply, maxResponseBytes);
    transport::noteTlsProblems(reply);
    // Queued: a receiver of ApiCall::finished() may delete the client, and with it this reply,
    // which must not happen inside the reply's own finished() emission.
    QObject::connect(
        reply, &QNetworkReply::finished, call,
        [this, call, reply, info] { onReplyFinished(call, reply, info); }, Qt::QueuedConnection);
}

void ApiClient::Private::onReplyFinished(ApiCall *call, QNetworkReply *reply, const CallInfo &info)
{
    if (call->m_done) // Aborted after the reply finished but before this queued step ran.
        return;
    const RawResponse raw = transport::rawResponseOf(reply, info.server);
    reply->deleteLater();
    call->m_reply.clear();
    const ApiResult result =
        conclude(interpretResponse(raw, info.role, QDateTime::currentDateTimeUtc()), info);
    logResult(info, raw, result);
    const QPointer<ApiClient> client(q);
    noteReachability(result);
    if (!client) // A receiver of serverReachableChanged() deleted the client.
        return;
    if (renewIfNeeded(call, result, info))
        return;
    if (!retryLater(call, result))
        deliver(call, result, info.role);
}

// Reachability is what the last attempt showed: no answer at all (refused, reset, timed out) makes
// the server unreachable until an attempt it answers, with any status. A failure that says nothing
// either way (a refused certificate, say) leaves it as it was.
void ApiClient::Private::noteReachability(const ApiResult &result)
{
    if (result.ok()) {
        setReachable(true);
        return;
    }
    const ApiError &error = result.error();
    if (error.kind == ErrorKind::Network || error.kind == ErrorKind::Timeout)
        setReachable(false);
    else if (error.httpStatus != 0)
        setReachable(true);
}

void ApiClient::Private::setReachable(bool value)
{
    if (reachable == value)
        return;
    reachable = value;
    qCInfo(lcNetwork) << (value ? "The server answers again." : "The server cannot be reached.");
    Q_EMIT q->serverReachableChanged(value);
}

// The one redaction point and the session-expiry rule: every text of an error is cleared of the
// secrets held (a hostile server may echo a token back), and a failure that proves the
// credentials this attempt carried (still the current generation) dead is marked, so callers
// consume the verdict and never re-derive it.
ApiResult ApiClient::Private::conclude(ApiResult result, const CallInfo &info)
{
    if (result.ok()) {
        proven = proven || (info.generation != 0 && info.generation == generation);
        return result;
    }
    ApiError error = redacted(result.error(), credentials->secrets());
    error.endsSession =
        endsSession(error, info.role) && info.generation != 0 && info.generation == generation;
    return error;
}

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
    return true;
}

void ApiClient::Private::deliver(ApiCall *call, const ApiResult &result, RequestRole role)
{
    const QByteArray method = call->m_request.method.toUpper();
    if (method != "GET" && method != "HEAD") // Its answer, too, may be newer than a cached read.
        forgetWritten(call->m_request.path);
    const bool expired = claimSessionExpiry(result);
    const bool staffDenied =
        !result.ok() && role == RequestRole::Staff && result.error().kind == ErrorKind::Forbidden;
    const QPointer<ApiClient> client(q);
    call->finish(result);
    if (expired && client) {
        qCInfo(lcAuth) << "The server rejected the session's credentials; the session has ended.";
        Q_EMIT client->sessionExpired();
    }
    if (staffDenied && client) {
        qCInfo(lcAuth) << "A support staff request was refused (403).";
        Q_EMIT client->staffAccessDenied();
    }
}

// Several requests in flight fail together when credentials die: the session ends once.
bool ApiClient::Private::claimSessionExpiry(const ApiResult &result)
{
    if (result.ok() || !result.error().endsSession || sessionExpiryEmitted)
        return false;
    sessionExpiryEmitted = true;
    return true;
}

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

void ApiClient::Private::changeCredentials()
{
    ++generation;
    renewals = 0;
    dropCache();
    proven = false;
    sessionExpiryEmitted = false;
}

void ApiClient::Private::track(ApiCall *call)
{
    calls.removeIf([](const QPointer<ApiCall> &tracked) { return tracked.isNull(); });
    calls.append(call);
}

// ---------------------------------------------------------------------------------------------

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    setAuthScheme(d->tokenKeyword);
}

ApiClient::~ApiClient()
{
    abortAll();
    // Replies must go before the access manager (a child created first, so deleted first).
    for (const QPointer<ApiCall> &call : std::as_const(d->calls))
        delete call.data();
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    // Whoever changes the server without signing out first must not hand the token to it.
    if (d->credentials->isSet() && !sameOrigin(url, d->baseUrl)) {
        qCInfo(lcAuth) << "The server address changed; the session's credentials were dropped.";
        d->credentials->clear();
        d->changeCredentials();
    }
    const bool otherOrigin = !sameOrigin(url, d->baseUrl);
    if (otherOrigin)
        d->dropCache(); // Paths are keys: another server's answers are not this one's.
    d->baseUrl = url;
    if (otherOrigin) // Nothing is known yet of the new server.
        d->setReachable(true);
}

QUrl ApiClient::baseUrl() const
{
    return d->baseUrl;
}

void ApiClient::setEndpoints(const ApiEndpoints &endpoints)
{
    d->endpoints = endpoints;
}

const ApiEndpoints &ApiClient::endpoints() const
{
    return d->endpoints;
}

void ApiClient::setAuthScheme(const QString &keyword)
{
    d->tokenKeyword = keyword;
    if (d->credentials->mode() == AuthMode::Token)
        static_cast<TokenCredentials *>(d->credentials.get())->setKeyword(keyword);
}

QString ApiClient::authScheme() const
{
    return d->tokenKeyword;
}

void ApiClient::setAuthMode(AuthMode mode)
{
    if (mode == d->credentials->mode())
        return;
    if (d->credentials->isSet())
        qCInfo(lcAuth)
            << "The authentication scheme changed; the session's credentials were dropped.";
    d->credentials = Credentials::create(mode);
    setAuthScheme(d->tokenKeyword);
    d->changeCredentials();
}

AuthMode ApiClient::authMode() const
{
    return d->credentials->mode();
}

void ApiClient::setTransferTimeout(int milliseconds)
{
    d->transferTimeoutMs = milliseconds > 0 ? milliseconds : kDefaultTimeoutMs;
}

int ApiClient::transferTimeout() const
{
    return d->transferTimeoutMs;
}

void ApiClient::setExtraCaCertificates(const QList<QSslCertificate> &certificates)
{
    d->extraCas = certificates;
}

QList<QSslCertificate> ApiClient::extraCaCertificates() const
{
    return d->extraCas;
}

void ApiClient::setMaxResponseBytes(qint64 bytes)
{
    d->maxResponseBytes = bytes > 0 ? bytes : kDefaultMaxResponseBytes;
}

qint64 ApiClient::maxResponseBytes() const
{
    return d->maxResponseBytes;
}

void ApiClient::setGetCacheLifetime(int milliseconds)
{
    d->cacheLifetimeMs = qMax(0, milliseconds);
    if (d->cacheLifetimeMs == 0)
        d->cache.clear();
}

int ApiClient::getCacheLifetime() const
{
    return d->cacheLifetimeMs;
}

void ApiClient::setRetryPolicy(const RetryPolicy &policy)
{
    d->retryPolicy = policy;
}

RetryPolicy ApiClient::retryPolicy() const
{
    return d->retryPolicy;
}

void ApiClient::setToken(const QString &storedSecret)
{
    d->credentials->restore(storedSecret);
    d->changeCredentials();
}

bool ApiClient::beginSession(const QJsonObject &signInAnswer)
{
    const bool adopted = d->credentials->adopt(signInAnswer);
    d->changeCredentials();
    return adopted;
}

QString ApiClient::storedSecret() const
{
    return d->credentials->storedSecret();
}

void ApiClient::clearToken()
{
    d->credentials->clear();
    d->changeCredentials();
}

bool ApiClient::hasToken() const
{
    return d->credentials->isSet();
}

bool ApiClient::credentialsProven() const
{
    return d->proven;
}

bool ApiClient::isServerReachable() const
{
    return d->reachable;
}

ApiCall *ApiClient::logout(int timeoutMs)
{
    ApiRequest request = d->credentials->signOut(d->endpoints);
    request.timeoutMs = timeoutMs;
    return send(request);
}

ApiCall *ApiClient::send(const ApiRequest &request)
{
    const QByteArray method = request.method.toUpper();
    if (method == "GET")
        return d->sendShared(request);
    if (method != "HEAD")
        d->forgetWritten(request.path);
    auto *call = new ApiCall(request, this);
    d->track(call);
    d->dispatch(call);
    return call;
}

ApiError ApiClient::badResponse(const QString &technicalDetail) const
{
    ApiError error;
    error.kind = ErrorKind::BadResponse;
    error.server = transport::serverLabel(d->baseUrl);
    error.technicalDetail = technicalDetail;
    return error;
}

void ApiClient::abortAll()
{
    const QList<QPointer<ApiCall>> calls = d->calls;
    for (const QPointer<ApiCall> &call : calls) {
        if (call)
            call->abort();
    }
}

} // namespace portal
