#include "authstatemanager_p.h"

#include "logging.h"
#include "serverurl.h"

namespace portal {

using State = AuthStateManager::State;
using Reason = AuthStateManager::SignOutReason;

namespace {

/// Read when nothing is remembered, only to learn whether the keychain works at all.
const QString kProbeKey = QStringLiteral("availability-probe");

} // namespace

void AuthStateManager::Private::setState(State value)
{
    if (state == value)
        return;
    qCInfo(lcAuth) << "state" << keyOf(state) << "->" << keyOf(value);
    state = value;
    Q_EMIT q->stateChanged(state);
}

void AuthStateManager::Private::setReason(Reason value)
{
    if (reason == value)
        return;
    reason = value;
    Q_EMIT q->signOutReasonChanged(reason);
}

void AuthStateManager::Private::setError(std::optional<ApiError> error)
{
    if (!error && !lastError)
        return;
    if (error)
        qCInfo(lcAuth) << "error" << errorKindName(error->kind) << error->technicalDetail;
    lastError = std::move(error);
    Q_EMIT q->lastErrorChanged();
}

void AuthStateManager::Private::setServerUnreachable(bool value)
{
    if (serverUnreachable == value)
        return;
    serverUnreachable = value;
    Q_EMIT q->serverUnreachableChanged(serverUnreachable);
}

void AuthStateManager::Private::setRememberAvailable(bool value)
{
    if (rememberAvailable == value)
        return;
    rememberAvailable = value;
    Q_EMIT q->rememberAvailableChanged(rememberAvailable);
}

void AuthStateManager::Private::setUser(const Customer &value)
{
    if (user == value)
        return;
    user = value;
    Q_EMIT q->userChanged();
}

void AuthStateManager::Private::startRestore()
{
    // serverUnreachable stays as it is while retrying, so a banner does not flicker.
    const int current = ++epoch;
    setError(std::nullopt);
    lastUsername = sessions.username(origin());
    const QString username = lastUsername;
    if (username.isEmpty() || !sessions.restore(origin())) {
        probeKeychain();
        setServerUnreachable(false);
        setState(State::SignedOut);
        return;
    }
    setState(State::Restoring);
    store->read(storeKey(username), q, [this, current, username](const TokenStoreResult &result) {
        if (current == epoch)
            onStoredToken(username, result);
    });
}

void AuthStateManager::Private::probeKeychain()
{
    if (store->availability() == TokenStore::Availability::Unknown)
        store->read(kProbeKey, q, {});
}

void AuthStateManager::Private::onStoredToken(const QString &username,
                                              const TokenStoreResult &result)
{
    if (result.status == TokenStoreResult::Status::Ok) {
        api->setToken(result.token);
        onFinished(api->fetchProfile(), [this, username](const ApiResult &answer) {
            onRestoreProfile(username, answer);
        });
        return;
    }
    qCInfo(lcAuth) << "no stored session to restore for" << username;
    // A missing entry will not come back; an unusable keychain may work next time.
    if (result.status == TokenStoreResult::Status::NotFound)
        sessions.setRestore(origin(), false);
    setServerUnreachable(false);
    setState(State::SignedOut);
}

void AuthStateManager::Private::onRestoreProfile(const QString &username, const ApiResult &result)
{
    if (!result.ok()) {
        const ApiError &error = result.error();
        if (error.endsSession)
            rejectStoredToken(username, error);
        else
            keepForRetry(error);
        return;
    }
    const std::optional<Customer> customer = Customer::fromResponse(result.value().json);
    if (!customer) {
        keepForRetry(api->badResponse(QStringLiteral("profile body is not a customer")));
        return;
    }
    sessionServer = api->baseUrl();
    lastUsername = customer->username;
    justSignedIn = false;
    setUser(*customer);
    profile->setRecord(*customer, result.value().etag);
    setServerUnreachable(false);
    setState(State::SignedIn);
}

void AuthStateManager::Private::rejectStoredToken(const QString &username, const ApiError &error)
{
    qCInfo(lcAuth) << "stored session of" << username << "was rejected";
    api->clearToken();
    store->remove(storeKey(username), q, {});
    sessions.setRestore(origin(), false);
    setError(error);
    setReason(Reason::StoredTokenRejected);
    setServerUnreachable(false);
    setState(State::SignedOut);
}

void AuthStateManager::Private::keepForRetry(const ApiError &error)
{
    // The server may just be down: the stored token stays for retryRestore().
    api->clearToken();
    setError(error);
    setServerUnreachable(true);
}

bool AuthStateManager::Private::beginCredentials()
{
    if (state != State::SignedOut) {
        qCWarning(lcAuth) << "cannot sign in while" << keyOf(state);
        return false;
    }
    ++epoch;
    setError(std::nullopt);
    setState(State::SigningIn);
    return true;
}

void AuthStateManager::Private::watchCredentials(ApiCall *call, bool remember, bool registering)
{
    onFinished(call, [this, remember, registering](const ApiResult &result) {
        onCredentials(result, remember, registering);
    });
}

void AuthStateManager::Private::onCredentials(const ApiResult &result, bool remember,
                                              bool registering)
{
    std::optional<ApiError> error;
    if (result.ok()) {
        if (const std::optional<AuthSession> session = AuthSession::fromJson(result.value().json)) {
            enterSession(*session, remember);
            return;
        }
        error = api->badResponse(QStringLiteral("body is not {token, customer}"));
    } else {
        error = result.error();
    }
    setError(error);
    setState(State::SignedOut);
    if (registering)
        Q_EMIT q->registrationFailed(*error);
    else
        Q_EMIT q->signInFailed(*error);
}

void AuthStateManager::Private::enterSession(const AuthSession &session, bool remember)
{
    api->setToken(session.token);
    justSignedIn = true;
    sessionServer = api->baseUrl();
    lastUsername = session.customer.username;
    setUser(session.customer);
    profile->setRecord(session.customer, {});
    persistSession(session.token, remember);
    setState(State::SignedIn);
    // The sign-in answer has no ETag: read the profile once so the first save can send If-Match.
    profile->load();
}

void AuthStateManager::Private::persistSession(const QString &token, bool remember)
{
    const QString server = originOf(sessionServer);
    const QString key = sessionKey();
    sessions.setUsername(server, user.username);
    // Restore only once the token is really stored; an old entry must not be restored meanwhile.
    sessions.setRestore(server, false);
    if (!remember) {
        store->remove(key, q, {});
        return;
    }
    const int current = epoch;
    store->write(key, token, q, [this, current, server](const TokenStoreResult &result) {
        if (current != epoch)
            return;
        if (result.status == TokenStoreResult::Status::Ok) {
            sessions.setRestore(server, true);
            return;
        }
        Q_EMIT q->keychainProblem(AuthStateManager::tr(
            "You're signed in, but your sign-in couldn't be saved in the keychain, so you'll "
            "need to sign in again next time."));
    });
}

} // namespace portal
