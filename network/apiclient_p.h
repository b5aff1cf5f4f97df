#pragma once

// Internal to ApiClient: its state, shared by apiclient.cpp (attempts, results, the public
// interface), apiclient_renewal.cpp (the JWT renewal shared by every call in flight) and
// apiclient_sharing.cpp (identical GETs in flight, the short-lived GET cache).

#include "apiclient.h"
#include "credentials.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace portal {

constexpr int kDefaultTimeoutMs = 30000;
/// Larger than any answer of the API (a page of 100 customers is about 25 KB).
constexpr qint64 kDefaultMaxResponseBytes = 4 * 1024 * 1024;
/// Long enough to answer a burst (a page shown twice, a record opened again), short enough that
/// nobody reads yesterday's data.
constexpr int kDefaultCacheLifetimeMs = 3000;

/// What the finish step needs to know about one attempt; captured when it is sent.
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
    /// Tells the callers of a read waiting for a 429's Retry-After (ApiCall::waiting()).
    void announceWait(ApiCall *call, ApiError wait, int delayMs);
    void deliver(ApiCall *call, const ApiResult &result, RequestRole role);
    bool claimSessionExpiry(const ApiResult &result);
    void changeCredentials();
    void track(ApiCall *call);

    ApiClient *q;
    QNetworkAccessManager *nam;
    QUrl baseUrl;
    ApiEndpoints endpoints;
    int transferTimeoutMs = kDefaultTimeoutMs;
    bool serverAddressFixed = false;
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

} // namespace portal
