#include "authstatemanager.h"

#include "authstatemanager_p.h"
#include "logging.h"

#include <utility>

namespace portal {

using State = AuthStateManager::State;
using Reason = AuthStateManager::SignOutReason;

namespace {

/// Signing out must not hang on a dead server: the local wipe follows whatever happens.
constexpr int kLogoutTimeoutMs = 5000;

} // namespace

void AuthStateManager::Private::forgetStoredSession()
{
    keptKey.clear();
    store->remove(sessionKey(), q, {});
    sessions.setRestore(originOf(sessionServer), false);
}

void AuthStateManager::Private::endSession(Reason why, bool forgetStored)
{
    qCInfo(lcAuth) << "session ends:" << keyOf(why);
    if (forgetStored)
        forgetStoredSession();
    ++epoch;
    keptKey.clear();
    passwordChanged = false;
    api->abortAll();
    api->clearToken();
    profile->reset();
    checkingStaff = false;
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
    // A token the server never honoured, rejected right after it issued it: signing in again
    // would only loop, so the reason says what is really wrong.
    Reason why = api->credentialsProven() || !justSignedIn ? Reason::SessionExpired
                                                           : Reason::IssuedTokenRejected;
    if (passwordChanged)
        why = Reason::PasswordChanged;
    Q_EMIT q->sessionEnding(why);
    endSession(why, true);
}

void AuthStateManager::Private::onProfileRecord(const Customer &record)
{
    // The profile editor is reset (an empty record) when a session ends: user is set there.
    if (record.id == 0 || (state != State::SignedIn && state != State::SigningIn))
        return;
    const bool wasStaff = user.isStaff;
    const bool checked = checkingStaff;
    checkingStaff = false;
    setUser(record);
    if (wasStaff && !record.isStaff && checked) {
        qCInfo(lcAuth) << "support staff access was withdrawn";
        Q_EMIT q->staffAccessLost();
    }
}

void AuthStateManager::Private::onStaffAccessDenied()
{
    // A 403 from a staff endpoint: read the profile again before taking staff access away, since
    // the server's answer is the truth (and a 403-first server's dead token ends the session
    // there).
    if (state != State::SignedIn || !user.isStaff)
        return;
    checkingStaff = true;
    // A profile request already on its way answers the same question (and must not be aborted).
    if (!profile->isBusy())
        profile->load();
}

AuthStateManager::AuthStateManager(ApiClient *api, TokenStore *store, QSettings *settings,
                                   QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, api, store, settings))
{
    d->rememberAvailable = store->availability() != TokenStore::Availability::Unavailable;
    d->lastUsername = d->sessions.username(d->origin());
    connect(api, &ApiClient::sessionExpired, this, [this]() { d->onSessionExpired(); });
    connect(api, &ApiClient::staffAccessDenied, this, [this]() { d->onStaffAccessDenied(); });
    connect(api, &ApiClient::storedSecretChanged, this, [this]() { d->onStoredSecretChanged(); });
    connect(d->profile, &CustomerEditor::recordChanged, this,
            [this](const Customer &record) { d->onProfileRecord(record); });
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

bool AuthStateManager::isStaff() const
{
    return d->user.isStaff;
}

CustomerEditor *AuthStateManager::profile() const
{
    return d->profile;
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

AuthMode AuthStateManager::authMode() const
{
    return d->api->authMode();
}

void AuthStateManager::keepDraft(qint64 customerId, const CustomerChanges &changes)
{
    if (d->user.id > 0 && !changes.isEmpty())
        d->drafts.keep(originOf(d->sessionServer), d->user.id, customerId, changes);
}

std::optional<CustomerChanges> AuthStateManager::takeDraft(qint64 customerId)
{
    return d->drafts.take(originOf(d->sessionServer), d->user.id, customerId);
}

bool AuthStateManager::hasDraft() const
{
    return !d->drafts.isEmpty();
}

bool AuthStateManager::hasDraft(qint64 customerId) const
{
    return d->drafts.has(originOf(d->sessionServer), d->user.id, customerId);
}

void AuthStateManager::passwordChanged(const QJsonObject &answer)
{
    if (d->state != State::SignedIn)
        return;
    d->passwordChanged = true;
    // A new token in the answer replaces the session's; the keychain follows (storedSecretChanged).
    d->api->adoptRotatedCredentials(answer);
    // Does the session still hold? A server that signs out on a password change has dropped it:
    // the 401 ends the session with the reason PasswordChanged.
    d->profile->load();
}

void AuthStateManager::accountDeleted()
{
    if (d->state != State::SignedIn)
        return;
    const QString origin = originOf(d->sessionServer);
    Q_EMIT sessionEnding(SignOutReason::AccountDeleted);
    d->drafts.clear(); // Whatever was kept while it ended belongs to nobody now.
    d->endSession(SignOutReason::AccountDeleted, true);
    d->drafts.clear();
    d->sessions.setUsername(origin, QString());
    d->lastUsername.clear();
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
        d->watchCredentials(d->api->login(username, password),
                            {username, password, remember, false});
}

void AuthStateManager::registerAccount(const RegistrationInput &input, bool remember)
{
    if (d->beginCredentials())
        d->watchCredentials(d->api->registerAccount(registrationJson(input)),
                            {input.username, input.password, remember, true});
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
    // Whatever the answer (done, already signed out, no blacklist endpoint, no server,
    // cancelled), the session ends.
    d->onFinished(d->api->logout(kLogoutTimeoutMs), [this](const ApiResult &result) {
        if (!result.ok())
            qCInfo(lcAuth) << "logout request failed:" << errorKindName(result.error().kind);
        d->endSession(SignOutReason::UserRequested, false);
    });
}

void AuthStateManager::holdKeychainProbe()
{
    d->probeHeld = true;
}

void AuthStateManager::releaseKeychainProbe()
{
    d->probeHeld = false;
    if (std::exchange(d->probeDue, false))
        d->probeKeychain();
}

void AuthStateManager::changeServer(const QUrl &url)
{
    changeServer(url, d->api->authMode());
}

void AuthStateManager::changeServer(const QUrl &url, AuthMode auth)
{
    if (url == d->api->baseUrl() && auth == d->api->authMode())
        return;
    d->leaveServer();
    d->api->setAuthMode(auth);
    d->api->setBaseUrl(url);
    d->lastUsername = d->sessions.username(d->origin());
    Q_EMIT serverChanged(url);
    d->startRestore();
}

} // namespace portal
