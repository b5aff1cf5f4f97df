#pragma once

#include "authstatemanager.h"
#include "page.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace portal {

class BusyIndicator;
class RetryCountdown;
class FieldErrorLabel;
class RememberMe;

/// Username, password, Remember me; forwards the attempt to AuthStateManager::signIn(). "Forgot
/// password?" and Create account are the caller's to open (forgotPasswordRequested(),
/// createAccountRequested()).
class SignInPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInPage)

public:
    explicit SignInPage(AuthStateManager *auth, QWidget *parent = nullptr);

    /// Prepares the page after a sign-out or at start: the reason's message, the last username.
    void showSignedOut(AuthStateManager::SignOutReason reason, const QString &lastUsername);
    /// No server is configured: say so and keep the form from being sent.
    void setServerConfigured(bool configured);
    /// Puts @p username in the field unless it is empty.
    void prefillUsername(const QString &username);
    /// After a password reset: says to sign in with the new password; the username field keeps
    /// what it has (prefillUsername() for another).
    void showPasswordReset();
    /// Shows or hides "Forgot password?" (hidden for a server without the reset endpoints).
    void setPasswordResetAvailable(bool available);

    QLineEdit *usernameEdit() const { return m_username; }
    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *showPasswordBox() const { return m_showPassword; }
    QCheckBox *rememberBox() const;
    QLabel *rememberReasonLabel() const;
    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *createAccountButton() const { return m_createAccount; }
    QPushButton *forgotPasswordButton() const { return m_forgotPassword; }

Q_SIGNALS:
    void createAccountRequested();
    /// "Forgot password?": the caller opens the reset dialog.
    void forgotPasswordRequested();

protected:
    bool submitFromKeyboard() override;

private:
    void buildForm();
    void addWelcome();
    void submit();
    void onStateChanged(AuthStateManager::State state);
    void onSignInFailed(const portal::ApiError &error);
    void setBusy(bool busy);

    AuthStateManager *m_auth;
    QLineEdit *m_username;
    FieldErrorLabel *m_usernameError;
    QLineEdit *m_password;
    FieldErrorLabel *m_passwordError;
    QCheckBox *m_showPassword;
    QPushButton *m_forgotPassword;
    RememberMe *m_remember;
    QPushButton *m_signIn;
    QPushButton *m_createAccount;
    BusyIndicator *m_busy;
    RetryCountdown *m_countdown;
    bool m_serverConfigured = true;
    bool m_submitting = false;
    bool m_noServerNotice = false;
};

} // namespace portal
