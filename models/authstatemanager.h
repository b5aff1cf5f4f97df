#pragma once

#include "apierror.h"
#include "apirequest.h"
#include "customer.h"
#include "customerchanges.h"
#include "draftstore.h"
#include "validation.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

class QSettings;

namespace portal {

class ApiCall;
class ApiClient;
class CustomerEditor;
class TokenStore;

/**
 * The single source of truth for who is signed in. Widgets observe its properties and signals and
 * forward user intent to its slots; they own no authentication logic.
 *
 * Its job is the session: state, user, restoring, signing in and out, the session's end and the
 * unsaved edits (drafts) that outlive it. Editing the profile is the job of profile(), a
 * CustomerEditor that the session owns and keeps user() in step with.
 *
 * Remembered sessions: the token lives only in the TokenStore (keychain); QSettings holds, per
 * server origin, the username to restore and whether to restore at all (an explicit sign-out
 * clears it). No secret is ever written to QSettings.
 */
class AuthStateManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthStateManager)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(SignOutReason signOutReason READ signOutReason NOTIFY signOutReasonChanged)
    Q_PROPERTY(QString lastErrorMessage READ lastErrorMessage NOTIFY lastErrorChanged)
    Q_PROPERTY(bool serverUnreachable READ isServerUnreachable NOTIFY serverUnreachableChanged)
    Q_PROPERTY(bool rememberAvailable READ isRememberAvailable NOTIFY rememberAvailableChanged)
    Q_PROPERTY(portal::Customer user READ user NOTIFY userChanged)
    Q_PROPERTY(QString username READ username NOTIFY userChanged)
    Q_PROPERTY(bool staff READ isStaff NOTIFY userChanged)
    Q_PROPERTY(QUrl server READ server NOTIFY serverChanged)

public:
    enum class State
    {
        Restoring,
        SignedOut,
        SigningIn,
        SignedIn,
        SigningOut
    };
    Q_ENUM(State)

    enum class SignOutReason
    {
        None,           ///< Never signed in during this run.
        UserRequested,  ///< signOut().
        SessionExpired, ///< The server rejected the token of a live session.
        /// The server rejected the token it had just issued at sign-in, before honouring it
        /// once (a server whose expiring tokens are not renewed at login): not the user's doing.
        IssuedTokenRejected,
        StoredTokenRejected, ///< The token restored from the keychain was no longer valid.
        ServerChanged,       ///< changeServer() while signed in: a local sign-out.
        /// The server dropped the session after the password was changed (sign in with the new
        /// one).
        PasswordChanged,
        AccountDeleted ///< The account was deleted: nothing of it is left here either.
    };
    Q_ENUM(SignOutReason)

    /// @p settings is not owned and must outlive this object.
    AuthStateManager(ApiClient *api, TokenStore *store, QSettings *settings,
                     QObject *parent = nullptr);
    ~AuthStateManager() override;

    /// Where the session is now; stateChanged() on every change.
    State state() const;
    /// Why the last session ended (None until one has).
    SignOutReason signOutReason() const;
    /// The signed-in customer (also still valid while sessionEnding() is being emitted).
    const Customer &user() const;
    /// The signed-in customer's username; empty when nobody is signed in.
    QString username() const;
    /// True while the signed-in user is support staff (user().isStaff).
    bool isStaff() const;
    /**
     * The signed-in customer's own record: load() to refresh, save() to edit. user() follows it.
     * Owned by the manager; reset when a session ends.
     */
    CustomerEditor *profile() const;
    /// The error of the last failed operation (cleared when the next operation starts).
    std::optional<ApiError> lastError() const;
    /// lastError() as the sentence to show, or empty.
    QString lastErrorMessage() const;
    /// Restoring could not reach the server: the stored token is kept; retryRestore() tries again.
    bool isServerUnreachable() const;
    /// False once the keychain proved unusable: "Remember me" cannot work in this run.
    bool isRememberAvailable() const;
    /// The username to prefill on the sign-in screen (the last one signed in on this server).
    QString lastUsername() const;
    /// The server in use (the ApiClient's base URL).
    QUrl server() const;
    /// How that server authenticates.
    AuthMode authMode() const;

    /**
     * Keeps unsaved edits of record @p customerId (the user's own profile, or a customer a staff
     * user was editing) for the current server and user: call while sessionEnding() or
     * staffAccessLost() is emitted. In memory only.
     */
    void keepDraft(qint64 customerId, const portal::CustomerChanges &changes);
    /// The draft of @p customerId kept for the current server and user, if any; drafts of anyone
    /// else are discarded.
    std::optional<CustomerChanges> takeDraft(qint64 customerId);
    /// True while unsaved edits are kept for some server and customer (quitting would lose them).
    bool hasDraft() const;
    /// True when the signed-in user has a draft of @p customerId waiting (without taking it).
    bool hasDraft(qint64 customerId) const;

    /**
     * The signed-in user's password was just changed (@p answer: the server's answer). New
     * credentials in it replace the session's (and the keychain's); a server that drops the
     * session on a password change ends it with SignOutReason::PasswordChanged, which is checked
     * at once.
     */
    void passwordChanged(const QJsonObject &answer);
    /**
     * The signed-in account was deleted on the server: the session ends locally
     * (SignOutReason::AccountDeleted) and the keychain entry, every draft and the username
     * remembered for this server are wiped.
     */
    void accountDeleted();

    /**
     * While held, the keychain probe a signed-out start makes (does "Remember me" work here?)
     * waits; releasing runs one that came due. Start-up holds it until the window's first frame
     * is painted, so loading the keychain's backend does not delay that frame. Reading a stored
     * session is never held.
     */
    void holdKeychainProbe();
    void releaseKeychainProbe();

public Q_SLOTS:
    /// Start-up: keychain -> GET profile -> SignedIn, or SignedOut. Also probes the keychain.
    void restoreSession();
    /// While Restoring with the server unreachable: tries the stored token again.
    void retryRestore();
    /// Gives up restoring (server unreachable) without deleting the stored token.
    void cancelRestore();
    /**
     * From SignedOut: POST login -> SignedIn, or SignedOut with signInFailed(). With @p remember
     * the token goes to the keychain; without it, any entry already stored for this server and user
     * is deleted.
     */
    void signIn(const QString &username, const QString &password, bool remember);
    /// From SignedOut: POST register -> SignedIn (like signIn()), or registrationFailed().
    void registerAccount(const portal::RegistrationInput &input, bool remember);
    /**
     * From SignedIn: POST logout -> SignedOut (UserRequested). The keychain entry is deleted and
     * the next start will not restore, at once; the token is wiped whatever the server answers.
     */
    void signOut();
    /// Signs out locally (no request) if needed, then restores any session stored for @p url.
    void changeServer(const QUrl &url);

public:
    /// changeServer() that also sets how the server authenticates (a change of either one leaves
    /// the session, locally).
    void changeServer(const QUrl &url, portal::AuthMode auth);

Q_SIGNALS:
    /// NOTIFY of the properties of the same names.
    void stateChanged(portal::AuthStateManager::State state);
    void signOutReasonChanged(portal::AuthStateManager::SignOutReason reason);
    void userChanged();
    void lastErrorChanged();
    void serverUnreachableChanged(bool unreachable);
    void rememberAvailableChanged(bool available);
    void serverChanged(const QUrl &server);

    /// Emitted just before a signed-in session ends, while user() is still valid.
    void sessionEnding(portal::AuthStateManager::SignOutReason reason);
    /// signIn() failed; the state is SignedOut again.
    void signInFailed(const portal::ApiError &error);
    /// registerAccount() failed; the state is SignedOut again.
    void registrationFailed(const portal::ApiError &error);
    /**
     * A support staff request was refused and the profile confirmed it: the user is no longer
     * staff (user().isStaff is false already). The session goes on as a customer's.
     */
    void staffAccessLost();
    /// Signed in, but the keychain could not store or delete the token (shown as a notice).
    void keychainProblem(const QString &message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace portal
