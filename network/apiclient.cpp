#include "apiclient.h"

#include "apiclient_p.h"
#include "logging.h"
#include "serverurl.h"
#include "transport_p.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <utility>

namespace portal {

namespace {

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

bool ApiClient::preconnect()
{
    const QUrl &url = d->baseUrl;
    if (!url.isValid() || url.host().isEmpty() || transport::refuseTransport(url))
        return false;
    if (url.scheme() == QLatin1String("https")) {
        // What every request carries (the authorities; HTTP/2 offered, as Qt offers it for a
        // request), or the connection would not be theirs.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(d->extraCas);
        tls.setAllowedNextProtocols(
            {QSslConfiguration::ALPNProtocolHTTP2, QSslConfiguration::NextProtocolHttp1_1});
        d->nam->connectToHostEncrypted(url.host(), quint16(url.port(443)), tls);
    } else {
        d->nam->connectToHost(url.host(), quint16(url.port(80)));
    }
    qCDebug(lcNetwork).noquote() << "preconnect" << transport::logUrl(url);
    return true;
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
    error.serverAddressFixed = serverAddressFixed;
    error.endsSession =
        endsSession(error, info.role) && info.generation != 0 && info.generation == generation;
    return error;
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
    // QNetworkAccessManager::connectToHost() makes a reply that nobody deletes; it reports the
    // reply here once the connection is open (or has failed). Every other reply is a call's.
    connect(d->nam, &QNetworkAccessManager::finished, this, [](QNetworkReply *reply) {
        if (reply->url().scheme().startsWith(QLatin1String("preconnect-")))
            reply->deleteLater();
    });
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

void ApiClient::setServerAddressFixed(bool fixed)
{
    d->serverAddressFixed = fixed;
}

bool ApiClient::isServerAddressFixed() const
{
    return d->serverAddressFixed;
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

int ApiClient::cachedAnswerCount() const
{
    return int(d->cache.size());
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
