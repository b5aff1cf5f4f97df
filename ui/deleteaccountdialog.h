#pragma once

#include "accountdialog.h"

class QLineEdit;
class QPushButton;

namespace portal {

class AuthStateManager;

/**
 * Profile ▸ Delete account: says that it cannot be undone, and sends nothing until the current
 * password is given and the signed-in username typed again. Enter does not delete (Cancel is the
 * default button) unless the focus is on Delete account. It closes when the session ends: once the
 * account is deleted, AuthStateManager's SignOutReason::AccountDeleted tells Sign in what to
 * say. Open it with open(); it deletes itself when closed.
 */
class DeleteAccountDialog final : public AccountDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteAccountDialog)

public:
    /// The account of @p auth's signed-in user. @p account and @p auth are not owned and must
    /// outlive the dialog.
    DeleteAccountDialog(AccountManager *account, AuthStateManager *auth, QWidget *parent = nullptr);

    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *usernameEdit() const { return m_username; }
    QPushButton *deleteButton() const { return m_delete; }

protected:
    void onFailed(const portal::ApiError &error) override;

private:
    /// The password is given and the username typed again.
    bool confirmed() const;
    void updateDeleteButton();
    void submit();

    AuthStateManager *m_auth;
    QString m_signedIn;
    QLineEdit *m_password;
    QLineEdit *m_username;
    QPushButton *m_delete;
};

} // namespace portal
