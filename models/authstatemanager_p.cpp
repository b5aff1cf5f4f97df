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
    // The session's first read follows the keychain's answer: its connection opens meanwhile.
    api->preconnect();
    store->read(storeKey(username), q, [this, current, username](const TokenStoreResult &result) {
        if (current == epoch)
            onStoredToken(username, result);
    });
}

void AuthStateManager::Private::probeKeychain()
{
    if (probeHeld) {
        probeDue = true;
        return;
    }
    if (store->availability() == TokenStore::Availability::Unknown)
        store->read(kProbeKey, q, {});
}

void AuthStateManager::Private::onStoredToken(const QString &username,
                                              const TokenStoreResult &result)
{
    if (result.status == TokenStoreResult::Status::Ok) {
        api->setToken(result.token);
        keptKey = storeKey(username);
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
    keptKey.clear();
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

void AuthStateManager::Private::watchCredentials(ApiCall *call, const SignInRequest &request)
{
    onFinished(call, [this, request](const ApiResult &result) { onCredentials(result, request); });
}

void AuthStateManager::Private::onCredentials(const ApiResult &result, const SignInRequest &request)
{
    if (!result.ok()) {
        failSignIn(result.error(), request);
        return;
    }
    const QJsonObject answer = result.value().json.toObject();
    if (!api->beginSession(answer)) {
        // A registration that gives no session this client can use (a JWT server's, or a user
        // without a token): signing in with the same credentials is the next step, for the person
        // one step.
        if (request.registering) {
            SignInRequest signIn = request;
            signIn.registering = false;
            watchCredentials(api->login(request.username, request.password), signIn);
            return;
        }
        failSignIn(api->badResponse(QStringLiteral("sign-in answer without credentials")), request);
        return;
    }
    const QJsonValue customer = answer.value(QLatin1String("customer"));
    if (customer.isUndefined()) {
        // {access, refresh} (or a bare token): who signed in comes from the profile.
        onFinished(api->fetchProfile(), [this, request](const ApiResult &profileAnswer) {
            onSignInProfile(profileAnswer, request);
        });
        return;
    }
    if (const std::optional<Customer> parsed = Customer::fromResponse(customer)) {
        enterSession(*parsed, {}, request.remember);
        return;
    }
    api->clearToken();
    failSignIn(api->badResponse(QStringLiteral("sign-in answer's customer is not a customer")),
               request);
}

void AuthStateManager::Private::onSignInProfile(const ApiResult &result,
                                                const SignInRequest &request)
{
    std::optional<Customer> customer;
    if (result.ok())
        customer = Customer::fromResponse(result.value().json);
    if (customer) {
        enterSession(*customer, result.value().etag, request.remember);
        return;
    }
    api->clearToken();
    ApiError error = result.ok()
                         ? api->badResponse(QStringLiteral("profile body is not a customer"))
                         : result.error();
    // The credentials just issued were refused (renewed once where they can be): signing in
    // again would only loop.
    if (error.endsSession)
        error.kind = ErrorKind::IssuedSessionRejected;
    failSignIn(error, request);
}

void AuthStateManager::Private::failSignIn(const ApiError &error, const SignInRequest &request)
{
    setError(error);
    setState(State::SignedOut);
    if (request.registering)
        Q_EMIT q->registrationFailed(error);
    else
        Q_EMIT q->signInFailed(error);
}

void AuthStateManager::Private::enterSession(const Customer &customer, const QByteArray &etag,
                                             bool remember)
{
    justSignedIn = true;
    sessionServer = api->baseUrl();
    lastUsername = customer.username;
    setUser(customer);
    profile->setRecord(customer, etag);
    persistSession(remember);
    setState(State::SignedIn);
    // A sign-in answer has no ETag: read the profile once so the first save can send If-Match.
    if (etag.isEmpty())
        profile->load();
}

void AuthStateManager::Private::persistSession(bool remember)
{
    const QString server = originOf(sessionServer);
    const QString key = sessionKey();
    sessions.setUsername(server, user.username);
    // Restore only once the secret is really stored; an old entry must not be restored meanwhile.
    sessions.setRestore(server, false);
    keptKey.clear();
    if (!remember) {
        store->remove(key, q, {});
        return;
    }
    keptKey = key;
    const int current = epoch;
    store->write(key, api->storedSecret(), q,
                 [this, current, server](const TokenStoreResult &result) {
                     if (current != epoch)
                         return;
                     if (result.status == TokenStoreResult::Status::Ok) {
                         sessions.setRestore(server, true);
                         return;
                     }
                     Q_EMIT q->keychainProblem(AuthStateManager::tr(
                         "You're signed in, but your sign-in couldn't be saved in the keychain, "
                         "so you'll need to sign in again next time."));
                 });
}

// The server rotated the refresh token (and blacklisted the old one): the keychain keeps the new
// one, or the next start could not restore the session.
void AuthStateManager::Private::onStoredSecretChanged()
{
    if (keptKey.isEmpty())
        return;
    const int current = epoch;
    store->write(keptKey, api->storedSecret(), q, [this, current](const TokenStoreResult &result) {
        if (current != epoch || result.status == TokenStoreResult::Status::Ok)
            return;
        Q_EMIT q->keychainProblem(AuthStateManager::tr(
            "Your sign-in was renewed, but the keychain couldn't keep it, so you'll need to sign "
            "in again next time."));
    });
}

} // namespace portal
