#pragma once

#include "accountmanager.h"

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QWidget;

namespace portal {

class AuthStateManager;
class SignInPage;

/**
 * The account self-service entries of the main window: Profile ▸ Change password… and Delete
 * account…, and Sign in's "Forgot password?". Opens their dialogs, keeps each entry only while
 * the signed-in state and the server allow it (a server without the endpoint loses the entry, with
 * a note), and tells the window what to say.
 */
class AccountActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountActions)

public:
    /// @p account and @p auth are not owned; dialogs open over @p window.
    AccountActions(AccountManager *account, AuthStateManager *auth, QWidget *window);

    /// Wires Sign in's "Forgot password?" (the page is built when first shown, so later).
    void attachSignInPage(SignInPage *signIn);

    /// Adds the Profile menu's entries to @p menu.
    void addTo(QMenu *menu);
    QAction *changePasswordAction() const { return m_changePassword; }
    QAction *deleteAccountAction() const { return m_deleteAccount; }

    void openChangePassword();
    void openDeleteAccount();
    void openForgotPassword();

Q_SIGNALS:
    /// The password was changed; the session goes on (show @p message on the profile).
    void passwordChanged(const QString &message);
    /// A short note for the status bar (a feature the server does not have).
    void note(const QString &text);

private:
    void update();
    void onUnavailable(AccountManager::Feature feature);

    AccountManager *m_account;
    AuthStateManager *m_auth;
    QPointer<SignInPage> m_signIn;
    QWidget *m_window;
    QAction *m_changePassword;
    QAction *m_deleteAccount;
    QPointer<QWidget> m_dialog; ///< The one account dialog open, if any.
};

} // namespace portal
