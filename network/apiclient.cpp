#include "apiclient.h"

#include "logging.h"
#include "serverurl.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <optional>

namespace portal {

namespace {

constexpr int kDefaultTimeoutMs = 30000;

// What the finish step needs to know about a call; captured when the request starts.
struct CallInfo
{
    QByteArray method;
    QString logUrl;
    QString server;
    QString token; ///< The token this call carried: only that token can expire through it.
    RequestRole role = RequestRole::Authenticated;
    QElapsedTimer elapsed;
};

bool methodHasBody(const QByteArray &method)
{
    return method == "POST" || method == "PUT" || method == "PATCH";
}

// host[:port] as a person would type it, for "Can't reach the server at %1."
QString serverLabel(const QUrl &url)
{
    QString host = url.host();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return url.port() == -1 ? host : host + QLatin1Char(':') + QString::number(url.port());
}

// Queries may hold search terms typed by a person: they stay out of the logs.
QString logUrl(const QUrl &url)
{
    const QString bare =
        url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    return url.hasQuery() ? bare + QStringLiteral("?\u2026") : bare;
}

QString displayOrigin(const QUrl &url)
{
    return url
        .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                  QUrl::RemoveUserInfo)
        .toDisplayString();
}

ApiError transportRefusal(const QUrl &url)
{
    ApiError error;
    error.server = serverLabel(url);
    if (url.host().isEmpty()) {
        error.kind = ErrorKind::Network;
        error.technicalDetail = QStringLiteral("no usable server address: %1").arg(logUrl(url));
    } else {
        error.kind = ErrorKind::InsecureTransport;
        error.technicalDetail =
            QStringLiteral("only https, or http to a loopback host, is allowed; not %1://%2")
                .arg(url.scheme(), url.host());
    }
    return error;
}

// Plain http only to this computer, checked before any lookup or connection (API.md).
std::optional<ApiError> refuseTransport(const QUrl &url)
{
    if (url.isValid() && !url.host().isEmpty()) {
        if (url.scheme() == QLatin1String("https"))
            return std::nullopt;
        if (url.scheme() == QLatin1String("http") && isLoopbackHost(url.host()))
            return std::nullopt;
    }
    return transportRefusal(url);
}

RawResponse rawResponseOf(QNetworkReply *reply, const QString &server)
{
    RawResponse raw;
    raw.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen()) // An aborted (timed-out) reply is closed.
        raw.body = reply->readAll();
    raw.contentType = reply->rawHeader("Content-Type");
    raw.etag = reply->rawHeader("ETag");
    raw.retryAfter = reply->rawHeader("Retry-After");
    raw.networkError = reply->error();
    raw.networkErrorString = reply->errorString();
    // The client never aborts a reply it still listens to (ApiCall::abort disconnects first), so a
    // cancelled reply here was cancelled by the transfer timeout.
    raw.timedOut = raw.networkError == QNetworkReply::OperationCanceledError;
    raw.server = server;
    if (raw.networkError == QNetworkReply::InsecureRedirectError) {
        const QUrl location = QUrl::fromEncoded(reply->rawHeader("Location"));
        if (location.isValid())
            raw.redirectTarget = displayOrigin(reply->url().resolved(location));
    }
    return raw;
}

void logResult(const CallInfo &info, const RawResponse &raw, const ApiResult &result)
{
    const qint64 ms = info.elapsed.elapsed();
    if (result.ok()) {
        qCDebug(lcNetwork).noquote()
            << info.method << info.logUrl << "->" << raw.httpStatus << "in" << ms << "ms";
        return;
    }
    const ApiError &error = result.error();
    qCDebug(lcNetwork).noquote() << info.method << info.logUrl << "->" << raw.httpStatus
                                 << errorKindName(error.kind) << "in" << ms
                                 << "ms:" << redactSecret(error.technicalDetail, info.token);
}

} // namespace

// ---------------------------------------------------------------------------------------------

ApiCall::ApiCall(QObject *parent)
    : QObject(parent)
{}

void ApiCall::abort()
{
    if (m_done)
        return;
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

    QNetworkRequest buildRequest(const QUrl &url, const ApiRequest &request) const;
    void attachAuthorization(QNetworkRequest &request, CallInfo &info) const;
    QNetworkReply *start(const QNetworkRequest &request, const ApiRequest &apiRequest) const;
    void watch(ApiCall *call, QNetworkReply *reply, const CallInfo &info);
    void onReplyFinished(ApiCall *call, QNetworkReply *reply, const CallInfo &info);
    ApiResult markSessionEnd(ApiResult result, const CallInfo &info) const;
    bool claimSessionExpiry(const ApiResult &result);
    void track(ApiCall *call);

    ApiClient *q;
    QNetworkAccessManager *nam;
    QUrl baseUrl;
    ApiEndpoints endpoints;
    QString authScheme = QStringLiteral("Token");
    int transferTimeoutMs = kDefaultTimeoutMs;
    QString token;
    bool sessionExpiryEmitted = false;
    QList<QPointer<ApiCall>> calls;
};

QNetworkRequest ApiClient::Private::buildRequest(const QUrl &url, const ApiRequest &request) const
{
    QNetworkRequest netRequest(url);
    // Qt's default policy follows redirects to other origins with the Authorization header.
    netRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                            QNetworkRequest::SameOriginRedirectPolicy);
    netRequest.setTransferTimeout(request.timeoutMs > 0 ? request.timeoutMs : transferTimeoutMs);
    // Token authentication only: no cookie (such as a Django session) rides along or is kept.
    netRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    netRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    netRequest.setRawHeader("Accept", "application/json");
    netRequest.setHeader(QNetworkRequest::UserAgentHeader,
                         QByteArrayLiteral("CustomerPortal/" PORTAL_VERSION));
    if (methodHasBody(request.method.toUpper()))
        netRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                             QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : request.headers) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
            continue; // Only attachAuthorization() decides where credentials go.
        netRequest.setRawHeader(name, value);
    }
    return netRequest;
}

void ApiClient::Private::attachAuthorization(QNetworkRequest &request, CallInfo &info) const
{
    if (token.isEmpty() || !sameOrigin(request.url(), baseUrl))
        return;
    request.setRawHeader("Authorization", authScheme.toUtf8() + ' ' + token.toUtf8());
    info.token = token;
}

QNetworkReply *ApiClient::Private::start(const QNetworkRequest &request,
                                         const ApiRequest &apiRequest) const
{
    const QByteArray method = apiRequest.method.toUpper();
    if (method == "GET")
        return nam->get(request);
    if (method == "HEAD")
        return nam->head(request);
    const QByteArray body = methodHasBody(method)
                                ? QJsonDocument(apiRequest.body).toJson(QJsonDocument::Compact)
                                : QByteArray();
    return nam->sendCustomRequest(request, method, body);
}

void ApiClient::Private::watch(ApiCall *call, QNetworkReply *reply, const CallInfo &info)
{
    call->m_reply = reply;
    reply->setParent(call); // The reply lives exactly as long as its call.
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
    const RawResponse raw = rawResponseOf(reply, info.server);
    const ApiResult result =
        markSessionEnd(interpretResponse(raw, info.role, QDateTime::currentDateTimeUtc()), info);
    logResult(info, raw, result);
    const bool expired = claimSessionExpiry(result);
    const bool staffDenied = !result.ok() && info.role == RequestRole::Staff &&
                             result.error().kind == ErrorKind::Forbidden;
    const QPointer<ApiClient> client(q);
    call->finish(result);
    if (expired && client) {
        qCInfo(lcAuth) << "The server rejected the session token; the session has ended.";
        Q_EMIT client->sessionExpired();
    }
    if (staffDenied && client) {
        qCInfo(lcAuth) << "A support staff request was refused (403).";
        Q_EMIT client->staffAccessDenied();
    }
}

// The session-expiry rule, in this one place: a failure that proves the token the call carried
// (and still the current one) dead is marked, so callers consume the verdict, never re-derive it.
ApiResult ApiClient::Private::markSessionEnd(ApiResult result, const CallInfo &info) const
{
    if (result.ok() || !endsSession(result.error(), info.role) || info.token.isEmpty() ||
        info.token != token)
        return result;
    ApiError error = result.error();
    error.endsSession = true;
    return error;
}

// Several requests in flight fail together when a token dies: the session ends once.
bool ApiClient::Private::claimSessionExpiry(const ApiResult &result)
{
    if (result.ok() || !result.error().endsSession || sessionExpiryEmitted)
        return false;
    sessionExpiryEmitted = true;
    return true;
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
{}

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
    if (!d->token.isEmpty() && !sameOrigin(url, d->baseUrl)) {
        qCInfo(lcAuth) << "The server address changed; the session token was dropped.";
        d->token.clear();
    }
    d->baseUrl = url;
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
    d->authScheme = keyword;
}

QString ApiClient::authScheme() const
{
    return d->authScheme;
}

void ApiClient::setTransferTimeout(int milliseconds)
{
    d->transferTimeoutMs = milliseconds > 0 ? milliseconds : kDefaultTimeoutMs;
}

int ApiClient::transferTimeout() const
{
    return d->transferTimeoutMs;
}

void ApiClient::setToken(const QString &token)
{
    d->token = token;
    d->sessionExpiryEmitted = false;
}

void ApiClient::clearToken()
{
    d->token.clear();
}

bool ApiClient::hasToken() const
{
    return !d->token.isEmpty();
}

ApiCall *ApiClient::login(const QString &username, const QString &password)
{
    ApiRequest request;
    request.method = "POST";
    request.path = d->endpoints.loginPath;
    request.body =
        QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    request.authenticated = false;
    request.role = RequestRole::Credentials;
    return send(request);
}

ApiCall *ApiClient::registerAccount(const QJsonObject &fields)
{
    ApiRequest request;
    request.method = "POST";
    request.path = d->endpoints.registerPath;
    request.body = fields;
    request.authenticated = false;
    request.role = RequestRole::Registration;
    return send(request);
}

ApiCall *ApiClient::logout()
{
    ApiRequest request;
    request.method = "POST";
    request.path = d->endpoints.logoutPath;
    request.role = RequestRole::Logout;
    return send(request);
}

ApiCall *ApiClient::fetchProfile()
{
    ApiRequest request;
    request.path = d->endpoints.profilePath;
    request.role = RequestRole::ProfileRead;
    return send(request);
}

ApiCall *ApiClient::updateProfile(const QJsonObject &changes, const QByteArray &ifMatch,
                                  bool replace)
{
    ApiRequest request;
    request.method = replace ? "PUT" : "PATCH";
    request.path = d->endpoints.profilePath;
    request.body = changes;
    if (!ifMatch.isEmpty())
        request.headers.append({QByteArrayLiteral("If-Match"), ifMatch});
    return send(request);
}

ApiCall *ApiClient::fetchCustomerPage(const CustomerPageQuery &query)
{
    // Percent-encoded by hand: QUrlQuery leaves '+' as it is, which Django reads as a space.
    QStringList params;
    const auto add = [&params](const char *name, const QString &value) {
        params.append(QLatin1String(name) + QLatin1Char('=') +
                      QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    if (!query.search.isEmpty())
        add("search", query.search);
    if (!query.ordering.isEmpty())
        add("ordering", query.ordering);
    add("page", QString::number(qMax(1, query.page)));
    add("page_size", QString::number(qMax(1, query.pageSize)));
    ApiRequest request;
    request.path = d->endpoints.customersPath + QLatin1Char('?') + params.join(QLatin1Char('&'));
    request.role = RequestRole::Staff;
    return send(request);
}

ApiCall *ApiClient::fetchCustomer(qint64 id)
{
    ApiRequest request;
    request.path = d->endpoints.customersPath + QString::number(id) + QLatin1Char('/');
    request.role = RequestRole::Staff;
    return send(request);
}

ApiCall *ApiClient::updateCustomer(qint64 id, const QJsonObject &changes, const QByteArray &ifMatch)
{
    ApiRequest request;
    request.method = "PATCH";
    request.path = d->endpoints.customersPath + QString::number(id) + QLatin1Char('/');
    request.body = changes;
    request.role = RequestRole::Staff;
    if (!ifMatch.isEmpty())
        request.headers.append({QByteArrayLiteral("If-Match"), ifMatch});
    return send(request);
}

ApiCall *ApiClient::fetchCustomerHistory(qint64 id)
{
    ApiRequest request;
    request.path = d->endpoints.customersPath + QString::number(id) + QStringLiteral("/history/");
    request.role = RequestRole::Staff;
    return send(request);
}

ApiCall *ApiClient::send(const ApiRequest &request)
{
    auto *call = new ApiCall(this);
    d->track(call);
    const QUrl url = joinUrl(d->baseUrl, request.path);
    CallInfo info{request.method.toUpper(), logUrl(url), serverLabel(url), {}, request.role, {}};
    info.elapsed.start();
    if (std::optional<ApiError> refusal = refuseTransport(url)) {
        qCWarning(lcNetwork).noquote()
            << info.method << info.logUrl << "refused:" << refusal->technicalDetail;
        // Callers connect to finished() after send() returns: never finish synchronously.
        QMetaObject::invokeMethod(
            call, [call, error = *refusal] { call->finish(error); }, Qt::QueuedConnection);
        return call;
    }
    QNetworkRequest netRequest = d->buildRequest(url, request);
    if (request.authenticated)
        d->attachAuthorization(netRequest, info);
    qCDebug(lcNetwork).noquote() << info.method << info.logUrl;
    d->watch(call, d->start(netRequest, request), info);
    return call;
}

ApiError ApiClient::badResponse(const QString &technicalDetail) const
{
    ApiError error;
    error.kind = ErrorKind::BadResponse;
    error.server = serverLabel(d->baseUrl);
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
