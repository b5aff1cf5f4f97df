#pragma once

#include "apirequest.h"
#include "apiresult.h"
#include "responseparser.h"
#include "retrypolicy.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QSslCertificate;
class QNetworkReply;
class QTimer;

namespace portal {

/**
 * One page of the support staff's customer list (GET customers path). The server may cap
 * @p pageSize: callers read the page they get, never assume the size they asked for.
 */
struct CustomerPageQuery
{
    QString search; ///< Server-side search; empty for every customer.
    QString
        ordering; ///< A wire ordering such as "username" or "-date_joined"; empty: the server's.
    int page = 1; ///< 1-based.
    int pageSize = 100;
};

/**
 * The handle of one request in flight. It keeps its request, so the client can send it again (a
 * read that failed in a way that may pass), and emits finished() exactly once, with the final
 * outcome, then deletes itself (deleteLater). abort() ends it with ErrorKind::Cancelled, also while
 * it waits to be sent again.
 */
class ApiCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiCall)

public:
    void abort();
    /// How many times it has been sent so far.
    int attempts() const { return m_carrier ? m_carrier->m_attempts : m_attempts; }

Q_SIGNALS:
    void finished(const portal::ApiResult &result);
    /// The attempt was answered with a wait the server asked for (a 429's Retry-After, the
    /// seconds in @p error.retryAfterSeconds), and the call sends itself again after it (a read
    /// only); finished() follows later. For a page to count the wait down.
    void waiting(const portal::ApiError &error);

private:
    friend class ApiClient;
    ApiCall(const ApiRequest &request, QObject *parent);
    void finish(const ApiResult &result);

    ApiRequest m_request;
    int m_attempts = 0;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_retryTimer = nullptr; ///< While waiting to be sent again.
    bool m_renewed = false;         ///< Already replayed after a renewal of the credentials.
    /// A shared GET: the internal call that does the exchange for every caller (see send()).
    QPointer<ApiCall> m_carrier;
    /// Of a carrier: the callers' calls it answers.
    QList<QPointer<ApiCall>> m_subscribers;
    bool m_done = false;
};

/**
 * The only way the application talks to the server: one QNetworkAccessManager, the base URL and
 * endpoint paths, the token, timeouts, same-origin redirects and the 401 rule, all in one place.
 */
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    explicit ApiClient(QObject *parent = nullptr);
    /// Aborts the calls still in flight: each emits finished() with ErrorKind::Cancelled, here.
    ~ApiClient() override;

    /**
     * The server. Must have passed checkServerUrl(); requests fail with InsecureTransport
     * otherwise. A token belongs to the origin that issued it: moving to another origin (scheme,
     * host, port) drops it, so it can never be sent there.
     */
    void setBaseUrl(const QUrl &url);
    /// The server every request goes to (paths are appended to its path).
    QUrl baseUrl() const;

    /// The endpoint paths, for a deployment that mounts the API elsewhere.
    void setEndpoints(const ApiEndpoints &endpoints);
    /// The endpoint paths in use (the defaults unless setEndpoints() was called).
    const ApiEndpoints &endpoints() const;

    /// The Authorization keyword in AuthMode::Token, "Token" by default (case-sensitive;
    /// "Bearer" for some servers).
    void setAuthScheme(const QString &keyword);
    QString authScheme() const;

    /// How the server authenticates (DRF token by default). A change drops the credentials.
    void setAuthMode(AuthMode mode);
    AuthMode authMode() const;

    /// Transfer timeout for every request, in milliseconds (30 000 by default).
    void setTransferTimeout(int milliseconds);
    int transferTimeout() const;

    /// The operator fixed the server address (the app cannot change it): every error of an
    /// exchange with the server says so (ApiError::serverAddressFixed), and its message never
    /// points to Settings to change the address.
    void setServerAddressFixed(bool fixed);
    bool isServerAddressFixed() const;

    /**
     * Certificate authorities trusted on top of the system's (a company's own CA). TLS errors are
     * never ignored: a certificate these do not vouch for fails with ErrorKind::TlsFailure.
     */
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates);
    QList<QSslCertificate> extraCaCertificates() const;

    /// The largest answer read (4 MiB by default); a bigger one fails with ResponseTooLarge.
    void setMaxResponseBytes(qint64 bytes);
    qint64 maxResponseBytes() const;

    /**
     * How long a successful GET answers identical GETs from memory (3 000 ms by default; 0 turns
     * the cache off). Any write to the same resource (or one above or below it) and any change of
     * the credentials drops the entries it concerns; nothing is ever kept on disk.
     */
    void setGetCacheLifetime(int milliseconds);
    int getCacheLifetime() const;
    /// How many answers the cache holds now (none once the credentials changed: a signed-out
    /// user's data does not stay in memory).
    int cachedAnswerCount() const;

    /// When reads are sent again by themselves (see decideRetry()); writes never are.
    void setRetryPolicy(const RetryPolicy &policy);
    RetryPolicy retryPolicy() const;

    /**
     * Takes the session's credentials from the secret kept in the keychain: the token, or in
     * AuthMode::Jwt the refresh token (the first request then renews the access token first).
     * Every change of the credentials starts a new generation: only a failure of a request sent
     * with the current generation can end the session, and sessionExpired() is armed again.
     */
    void setToken(const QString &storedSecret);
    /// Takes the session's credentials from a sign-in answer ({token...} or {access, refresh});
    /// false, and no credentials, when it has none.
    bool beginSession(const QJsonObject &signInAnswer);
    /// The secret to keep in the keychain for this session (the token, or the refresh token).
    QString storedSecret() const;
    /**
     * Takes new credentials that came with an answer during the session (a server that issues a
     * new token on a password change): true, and storedSecretChanged(), when the answer has
     * them; false, keeping the current ones, when it has none.
     */
    bool adoptRotatedCredentials(const QJsonObject &answer);
    /// Forgets the credentials: later requests carry no Authorization header.
    void clearToken();
    /// True while credentials are held.
    bool hasToken() const;
    /// True once an authenticated request with the current credentials has succeeded: the
    /// server has honoured them at least once.
    bool credentialsProven() const;
    /**
     * False since a request got no answer at all (ErrorKind::Network or Timeout); true again once
     * the server answers one, with any status. True before the first request and after a change
     * of the server's origin. serverReachableChanged() on every change.
     */
    bool isServerReachable() const;

    /// POST {username, password} to the login path (in AuthMode::Jwt the token path), without
    /// any Authorization header.
    ApiCall *login(const QString &username, const QString &password);
    /// POST @p fields to the register path, without any Authorization header.
    ApiCall *registerAccount(const QJsonObject &fields);
    /**
     * Ends the session on the server: POST to the logout path with the token, or (JWT) the
     * refresh token to the blacklist path. A 401 here never emits sessionExpired(); whatever the
     * answer, callers clear the credentials. @p timeoutMs: -1 for the client's timeout.
     */
    ApiCall *logout(int timeoutMs = -1);
    /// GET the profile; a 401 or 403 here ends the session (see sessionExpired()). @p fresh:
    /// never from the cache.
    ApiCall *fetchProfile(bool fresh = false);
    /// PATCH (or PUT when @p replace) of the profile; sends If-Match when @p ifMatch is not empty.
    ApiCall *updateProfile(const QJsonObject &changes, const QByteArray &ifMatch,
                           bool replace = false);
    /// GET one page of the customer list (staff only; a 403 emits staffAccessDenied()).
    ApiCall *fetchCustomerPage(const CustomerPageQuery &query);
    /// GET one customer (staff only), answered with its ETag.
    ApiCall *fetchCustomer(qint64 id, bool fresh = false);
    /// PATCH one customer (staff only) with If-Match when @p ifMatch is not empty.
    ApiCall *updateCustomer(qint64 id, const QJsonObject &changes, const QByteArray &ifMatch);
    /// GET the staff edit history of one customer (staff only), newest first.
    ApiCall *fetchCustomerHistory(qint64 id);

    // Account self-service (ApiEndpoints' account paths). A server without an endpoint answers
    // ErrorKind::NotFound; password errors come back as Validation on the wire field names
    // (current_password, new_password, uid, token).
    /// POST {current_password, new_password} with the session's credentials.
    ApiCall *changePassword(const QString &currentPassword, const QString &newPassword);
    /// POST {email}, without credentials; a known and an unknown address get the same answer.
    ApiCall *requestPasswordReset(const QString &email);
    /// POST {uid, token, new_password} from a reset message, without credentials.
    ApiCall *confirmPasswordReset(const QString &uid, const QString &token,
                                  const QString &newPassword);
    /// DELETE {current_password} of the signed-in account.
    ApiCall *deleteAccount(const QString &currentPassword);
    /**
     * Any request; the building block of the calls above. Identical GETs in flight share one
     * exchange (each caller still gets its own call, which it may abort alone); a GET may be
     * answered from the short-lived cache (see setGetCacheLifetime()).
     */
    ApiCall *send(const ApiRequest &request);

    /// A BadResponse error about this server, for a success body that is not what was expected.
    ApiError badResponse(const QString &technicalDetail) const;

    /// Aborts every request in flight (each ends with ErrorKind::Cancelled).
    void abortAll();

    /**
     * Opens a connection to the server now (TCP, and TLS for https, through the proxy in force)
     * and sends nothing over it, so that a request made soon after, such as a stored session's
     * first read once the keychain has answered, does not wait for the handshakes. False, and
     * nothing opened, where a request would be refused (plain http to another computer) or no
     * server is set.
     */
    bool preconnect();

Q_SIGNALS:
    /**
     * An authenticated request proved the token dead (a 401, or a 403 reading the profile).
     * Emitted once per token (setToken() re-arms it), right after that call's finished(); never
     * for login, register or logout.
     */
    void sessionExpired();

    /**
     * A support-staff request was answered 403: the signed-in user is not (or no longer) staff.
     * Emitted right after that call's finished(), once per such call.
     */
    void staffAccessDenied();

    /// The secret to keep (storedSecret()) was replaced: the server rotated the refresh token.
    void storedSecretChanged();

    /// isServerReachable() changed; emitted before the finished() of the call that showed it.
    void serverReachableChanged(bool reachable);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace portal
