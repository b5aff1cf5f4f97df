#pragma once

#include "apiclient.h"
#include "authstatemanager.h"
#include "customereditor.h"
#include "serverurl.h"
#include "sessionsettings.h"
#include "tokenstore.h"

#include <QMetaEnum>

// Internal to AuthStateManager: its state and the steps of each flow, split over
// authstatemanager.cpp (public slots, session endings, staff access) and authstatemanager_p.cpp
// (property setters, restoring, signing in).

namespace portal {

/// "SignedIn" rather than "portal::AuthStateManager::State::SignedIn" in log lines.
template<typename Enum>
const char *keyOf(Enum value)
{
    return QMetaEnum::fromType<Enum>().valueToKey(static_cast<int>(value));
}

/// One sign-in or registration as the person asked for it (held only until it ends).
struct SignInRequest
{
    QString username;
    QString password;
    bool remember = false;
    bool registering = false;
};

struct AuthStateManager::Private
{
    Private(AuthStateManager *owner, ApiClient *client, TokenStore *tokens, QSettings *settings)
        : q(owner)
        , api(client)
        , store(tokens)
        , sessions(settings)
        , profile(new CustomerEditor(client, CustomerEditor::Target::OwnProfile, 0, owner))
    {}

    void setState(State value);
    void setReason(SignOutReason value);
    void setError(std::optional<ApiError> error);
    void setServerUnreachable(bool value);
    void setRememberAvailable(bool value);
    void setUser(const Customer &value);

    QString origin() const { return originOf(api->baseUrl()); }
    QString storeKey(const QString &username) const
    {
        return TokenStore::keyFor(api->baseUrl(), username);
    }
    QString sessionKey() const { return TokenStore::keyFor(sessionServer, user.username); }
    template<typename Handler>
    void onFinished(ApiCall *call, Handler handler);

    void startRestore();
    void probeKeychain();
    void onStoredToken(const QString &username, const TokenStoreResult &result);
    void onRestoreProfile(const QString &username, const ApiResult &result);
    void rejectStoredToken(const QString &username, const ApiError &error);
    void keepForRetry(const ApiError &error);

    bool beginCredentials();
    void watchCredentials(ApiCall *call, const SignInRequest &request);
    void onCredentials(const ApiResult &result, const SignInRequest &request);
    void onSignInProfile(const ApiResult &result, const SignInRequest &request);
    void failSignIn(const ApiError &error, const SignInRequest &request);
    void enterSession(const Customer &customer, const QByteArray &etag, bool remember);
    void persistSession(bool remember);
    void onStoredSecretChanged();

    void forgetStoredSession();
    void endSession(SignOutReason why, bool forgetStored);
    void leaveServer();
    void onSessionExpired();
    void onProfileRecord(const Customer &record);
    void onStaffAccessDenied();

    AuthStateManager *q;
    ApiClient *api;
    TokenStore *store;
    SessionSettings sessions;
    State state = State::SignedOut;
    SignOutReason reason = SignOutReason::None;
    Customer user;
    /// The server of the signed-in session: its keychain entry and settings are found by it.
    QUrl sessionServer;
    /// The keychain entry that holds this session's secret; empty when it is not remembered.
    QString keptKey;
    /// The signed-in customer's own record; user follows it.
    CustomerEditor *profile;
    std::optional<ApiError> lastError;
    bool serverUnreachable = false;
    bool rememberAvailable = true;
    bool probeHeld = false;
    bool probeDue = false;
    QString lastUsername;
    DraftStore drafts;
    /// A staff request was refused: the profile is being read again to see whether staff access
    /// is really gone (or the refusal meant something else).
    bool checkingStaff = false;
    /// The session came from a sign-in (not from a stored token) in this run.
    bool justSignedIn = false;
    /// The password was changed in this session: an expiry now is the server's answer to that.
    bool passwordChanged = false;
    /// Bumped whenever a session starts or ends, so late answers of an old one are dropped.
    int epoch = 0;
};

template<typename Handler>
void AuthStateManager::Private::onFinished(ApiCall *call, Handler handler)
{
    const int current = epoch;
    QObject::connect(call, &ApiCall::finished, q,
                     [this, current, handler](const ApiResult &result) {
                         if (current == epoch)
                             handler(result);
                     });
}

} // namespace portal
