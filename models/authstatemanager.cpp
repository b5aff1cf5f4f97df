#include "authstatemanager.h"

#include "authstatemanager_p.h"
#include "logging.h"

namespace portal {

using State = AuthStateManager::State;
using Reason = AuthStateManager::SignOutReason;

namespace {

/// Signing out must not hang on a dead server: the local wipe follows whatever happens.
constexpr int kLogoutTimeoutMs = 5000;

} // namespace

void AuthStateManager::Private::forgetStoredSession()
{
    store->remove(sessionKey(), q, {});
    sessions.setRestore(originOf(sessionServer), false);
}

void AuthStateManager::Private::endSession(Reason why, bool forgetStored)
{
    qCInfo(lcAuth) << "session ends:" << keyOf(why);
    if (forgetStored)
        forgetStoredSession();
    ++epoch;
    api->abortAll();
    api->clearToken();
    etag.clear();
    sessionServer.clear();
    setUser(Customer());
    setReason(why);
    setState(State::SignedOut);
}

void AuthStateManager::Private::leaveServer()
{
    switch (state) {
    case State::SignedIn:
        Q_EMIT q->sessionEnding(Reason::ServerChanged);
        endSession(Reason::ServerChanged, false);
        return;
    case State::SigningOut:
        endSession(Reason::UserRequested, false); // signOut() forgot the stored session already.
        return;
    case State::Restoring:
    case State::SigningIn:
        ++epoch;
        api->abortAll();
        api->clearToken();
        setServerUnreachable(false);
        setState(State::SignedOut);
        return;
    case State::SignedOut:
        return;
    }
}

void AuthStateManager::Private::onSessionExpired()
{
    // While restoring, the restore's own answer reports StoredTokenRejected instead.
    if (state != State::SignedIn && state != State::SigningOut)
        return;
    Q_EMIT q->sessionEnding(Reason::SessionExpired);
    endSession(Reason::SessionExpired, true);
}

bool AuthStateManager::Private::expireIfDead(const ApiError &error, RequestRole role)
{
    // ApiClient also emits sessionExpired(); whichever arrives first ends the session once.
    if (error.kind != ErrorKind::Unauthorized && !endsSession(error, role))
        return false;
    onSessionExpired();
    return true;
}

bool AuthStateManager::Private::adoptProfile(const QJsonValue &json, const QByteArray &newEtag)
{
    const std::optional<Customer> customer = Customer::fromResponse(json);
    if (!customer)
        return false;
    etag = newEtag;
    setUser(*customer);
    return true;
}

void AuthStateManager::Private::onProfileSaved(const ApiResult &result)
{
    if (result.ok()) {
        if (adoptProfile(result.value().json, result.value().etag)) {
            Q_EMIT q->profileSaved(user);
            return;
        }
        setError(badResponse(QStringLiteral("profile body is not a customer")));
        Q_EMIT q->profileSaveFailed(*lastError);
        return;
    }
    const ApiError &error = result.error();
    if (expireIfDead(error, RequestRole::Authenticated))
        return;
    // Someone changed the profile first: show their version, the caller keeps its edits.
    if (error.kind == ErrorKind::PreconditionFailed && error.httpStatus == 412)
        adoptProfile(error.body, error.etag);
    setError(error);
    Q_EMIT q->profileSaveFailed(error);
}

void AuthStateManager::Private::onProfileRefreshed(const ApiResult &result)
{
    if (result.ok()) {
        if (adoptProfile(result.value().json, result.value().etag)) {
            Q_EMIT q->profileRefreshed(user);
            return;
        }
        setError(badResponse(QStringLiteral("profile body is not a customer")));
        Q_EMIT q->profileRefreshFailed(*lastError);
        return;
    }
    if (expireIfDead(result.error(), RequestRole::ProfileRead))
        return;
    setError(result.error());
    Q_EMIT q->profileRefreshFailed(result.error());
}

AuthStateManager::AuthStateManager(ApiClient *api, TokenStore *store, QSettings *settings,
                                   QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, api, store, settings))
{
    d->rememberAvailable = store->availability() != TokenStore::Availability::Unavailable;
    d->lastUsername = d->sessions.username(d->origin());
    connect(api, &ApiClient::sessionExpired, this, [this]() { d->onSessionExpired(); });
    connect(store, &TokenStore::availabilityChanged, this,
            [this](TokenStore::Availability availability) {
                d->setRememberAvailable(availability != TokenStore::Availability::Unavailable);
            });
}

AuthStateManager::~AuthStateManager() = default;

AuthStateManager::State AuthStateManager::state() const
{
    return d->state;
}

AuthStateManager::SignOutReason AuthStateManager::signOutReason() const
{
    return d->reason;
}

const Customer &AuthStateManager::user() const
{
    return d->user;
}

QString AuthStateManager::username() const
{
    return d->user.username;
}

QByteArray AuthStateManager::profileEtag() const
{
    return d->etag;
}

std::optional<ApiError> AuthStateManager::lastError() const
{
    return d->lastError;
}

QString AuthStateManager::lastErrorMessage() const
{
    return d->lastError ? d->lastError->userMessage() : QString();
}

bool AuthStateManager::isServerUnreachable() const
{
    return d->serverUnreachable;
}

bool AuthStateManager::isRememberAvailable() const
{
    return d->rememberAvailable;
}

QString AuthStateManager::lastUsername() const
{
    return d->lastUsername;
}

QUrl AuthStateManager::server() const
{
    return d->api->baseUrl();
}

void AuthStateManager::keepDraft(const QJsonObject &changes)
{
    if (d->user.id > 0)
        d->draft.keep(originOf(d->sessionServer), d->user.id, changes);
}

std::optional<QJsonObject> AuthStateManager::takeDraft()
{
    return d->draft.take(originOf(d->sessionServer), d->user.id);
}

bool AuthStateManager::hasDraft() const
{
    return !d->draft.isEmpty();
}

void AuthStateManager::restoreSession()
{
    if (d->state != State::SignedOut && d->state != State::Restoring) {
        qCWarning(lcAuth) << "cannot restore a session while" << keyOf(d->state);
        return;
    }
    d->startRestore();
}

void AuthStateManager::retryRestore()
{
    if (d->state == State::Restoring && d->serverUnreachable)
        d->startRestore();
}

void AuthStateManager::cancelRestore()
{
    if (d->state != State::Restoring)
        return;
    ++d->epoch;
    d->api->abortAll();
    d->api->clearToken();
    d->setServerUnreachable(false);
    d->setReason(SignOutReason::None);
    d->setState(State::SignedOut);
}

void AuthStateManager::signIn(const QString &username, const QString &password, bool remember)
{
    if (d->beginCredentials())
        d->watchCredentials(d->api->login(username, password), remember, false);
}

void AuthStateManager::registerAccount(const RegistrationInput &input, bool remember)
{
    if (d->beginCredentials())
        d->watchCredentials(d->api->registerAccount(registrationJson(input)), remember, true);
}

void AuthStateManager::signOut()
{
    if (d->state != State::SignedIn)
        return;
    Q_EMIT sessionEnding(SignOutReason::UserRequested);
    // At once, not when the server answers: the next start must not restore this session even if
    // the app quits (or the client is destroyed) while the logout request is still on its way.
    d->forgetStoredSession();
    ++d->epoch;
    d->api->abortAll();
    d->setError(std::nullopt);
    d->setState(State::SigningOut);
    ApiRequest request;
    request.method = "POST";
    request.path = d->api->endpoints().logoutPath;
    request.role = RequestRole::Logout;
    request.timeoutMs = kLogoutTimeoutMs;
    // Whatever the answer (done, already signed out, no server, cancelled), the session ends.
    d->onFinished(d->api->send(request), [this](const ApiResult &result) {
        if (!result.ok())
            qCInfo(lcAuth) << "logout request failed:" << errorKindName(result.error().kind);
        d->endSession(SignOutReason::UserRequested, false);
    });
}

void AuthStateManager::refreshProfile()
{
    if (d->state != State::SignedIn)
        return;
    d->setError(std::nullopt);
    d->onFinished(d->api->fetchProfile(),
                  [this](const ApiResult &result) { d->onProfileRefreshed(result); });
}

void AuthStateManager::updateProfile(const QJsonObject &changes)
{
    if (d->state != State::SignedIn)
        return;
    d->setError(std::nullopt);
    d->onFinished(d->api->updateProfile(changes, d->etag),
                  [this](const ApiResult &result) { d->onProfileSaved(result); });
}

void AuthStateManager::changeServer(const QUrl &url)
{
    if (url == d->api->baseUrl())
        return;
    d->leaveServer();
    d->api->setBaseUrl(url);
    d->lastUsername = d->sessions.username(d->origin());
    Q_EMIT serverChanged(url);
    d->startRestore();
}

} // namespace portal
