#pragma once

#include "apierror.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <optional>

namespace portal {

class ApiCall;
class ApiClient;
class ApiResult;
class AuthStateManager;

/// What a password reset message carries: who (uid) and the one-time token.
struct ResetCode
{
    QString uid;
    QString token;
};

/**
 * Account self-service for the person at the keyboard: change the password, reset a forgotten
 * one, delete the account. One operation at a time; each ends in exactly one signal.
 *
 * A server without an endpoint (404) has that feature no more: isAvailable() turns false for the
 * server and featureUnavailable() says so (the screen drops the entry, nothing half-done stays),
 * until the server changes. Nothing of a reset (code, new password) is kept or logged here.
 */
class AccountManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountManager)

public:
    enum class Feature
    {
        ChangePassword,
        ResetPassword,
        DeleteAccount
    };
    Q_ENUM(Feature)

    /// The inputs of the account forms that a server's message can be about.
    enum class Field
    {
        Email,
        ResetCode, ///< The pasted link or code: the server's uid and token.
        CurrentPassword,
        NewPassword
    };
    Q_ENUM(Field)

    /// @p api and @p auth are not owned and must outlive this object.
    AccountManager(ApiClient *api, AuthStateManager *auth, QObject *parent = nullptr);
    ~AccountManager() override;

    /// False once the server answered 404 for the feature's endpoint.
    bool isAvailable(Feature feature) const;
    /// True while an operation waits for the server.
    bool isBusy() const;

    /**
     * The uid and token of a reset message pasted whole or in part: the link (its last two path
     * segments, also after a '#') or the code "uid/token". nullopt when it is neither.
     */
    static std::optional<ResetCode> parseResetCode(const QString &text);
    /**
     * The input a server's field name in ApiError::fieldErrors is about ("current_password",
     * "new_password", "email", and "uid" or "token" for the reset code); nullopt for a name that
     * none of the account forms has.
     */
    static std::optional<Field> fieldFor(const QString &name);

public Q_SLOTS:
    /// Signed in: POST current and new password -> passwordChanged() or failed().
    void changePassword(const QString &currentPassword, const QString &newPassword);
    /// POST the address -> resetRequested() (the same for a known and an unknown one).
    void requestPasswordReset(const QString &email);
    /// POST the code and the new password -> resetConfirmed() or failed().
    void confirmPasswordReset(const portal::ResetCode &code, const QString &newPassword);
    /// Signed in: DELETE the account with the password -> accountDeleted() (the session is over
    /// by then) or failed().
    void deleteAccount(const QString &currentPassword);
    /// Gives up the operation in flight (no signal follows for it).
    void cancel();

Q_SIGNALS:
    void busyChanged(bool busy);
    /// The server has no endpoint for @p feature (404); isAvailable(feature) is false now.
    void featureUnavailable(portal::AccountManager::Feature feature);
    void passwordChanged();
    void resetRequested();
    void resetConfirmed();
    void accountDeleted();
    /// The operation for @p feature failed (not for a missing endpoint: featureUnavailable()).
    void failed(portal::AccountManager::Feature feature, const portal::ApiError &error);

private:
    /// Starts @p call for @p feature; @p done handles its success.
    template<typename Done>
    void run(Feature feature, ApiCall *call, Done done);
    void setBusy(bool busy);

    ApiClient *m_api;
    AuthStateManager *m_auth;
    QPointer<ApiCall> m_call;
    QSet<Feature> m_unavailable;
};

} // namespace portal

Q_DECLARE_METATYPE(portal::ResetCode)
