#pragma once

#include "accountdialog.h"

class QLineEdit;
class QPushButton;

namespace portal {

class AuthStateManager;

/**
 * Profile ▸ Change password: the current password, a new one and the new one again, checked as
 * on Create account before anything is sent; the server's messages go under their fields. It
 * closes once the password is changed (passwordChanged()), when the session ends, and when the
 * server has no such endpoint. Open it with open(); it deletes itself when closed.
 */
class ChangePasswordDialog final : public AccountDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangePasswordDialog)

public:
    /// @p account and @p auth are not owned and must outlive the dialog.
    ChangePasswordDialog(AccountManager *account, AuthStateManager *auth,
                         QWidget *parent = nullptr);

    QLineEdit *currentPasswordEdit() const { return m_current; }
    QLineEdit *newPasswordEdit() const { return m_new; }
    QLineEdit *confirmPasswordEdit() const { return m_confirm; }
    QPushButton *changeButton() const { return m_change; }

    /// What the caller shows once passwordChanged() came: "Password changed."
    static QString successMessage();

Q_SIGNALS:
    /// The server took the new password; the dialog closes right after. The session goes on
    /// (or ends with SignOutReason::PasswordChanged on a server that drops it).
    void passwordChanged();

protected:
    void onFailed(const portal::ApiError &error) override;

private:
    void submit();

    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_confirm;
    QPushButton *m_change;
};

} // namespace portal
