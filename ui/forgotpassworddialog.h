#pragma once

#include "accountdialog.h"

class QLineEdit;
class QPushButton;

namespace portal {

/**
 * Sign in ▸ Forgot password: two steps. First the email address, answered with the same neutral
 * message whether or not an account uses it; then the link or code from the reset message and a
 * new password, checked as on Create account. A code the server no longer takes (used, expired)
 * says so. It closes once the password is set (passwordReset()) and when the server has no such
 * endpoint. Nothing typed here is kept anywhere else. Open it with open(); it deletes itself when
 * closed.
 */
class ForgotPasswordDialog final : public AccountDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ForgotPasswordDialog)

public:
    enum class Step
    {
        Email, ///< Ask for a reset message.
        Code   ///< Paste its code, choose the new password.
    };
    Q_ENUM(Step)

    /// @p account is not owned and must outlive the dialog.
    explicit ForgotPasswordDialog(AccountManager *account, QWidget *parent = nullptr);

    Step step() const;
    /// Shows @p step (also what the buttons "I have a reset code" and "Ask for a new reset
    /// message" do).
    void showStep(Step step);

    QLineEdit *emailEdit() const { return m_email; }
    QLineEdit *codeEdit() const { return m_code; }
    QLineEdit *newPasswordEdit() const { return m_new; }
    QLineEdit *confirmPasswordEdit() const { return m_confirm; }
    /// Step Email: send the message; after it, go on to the code; or go there at once.
    QPushButton *sendButton() const { return m_send; }
    QPushButton *haveCodeButton() const { return m_haveCode; }
    QPushButton *alreadyHaveCodeButton() const { return m_alreadyHaveCode; }
    /// Step Code: set the password; or go back for another message.
    QPushButton *setPasswordButton() const { return m_setPassword; }
    QPushButton *newMessageButton() const { return m_newMessage; }

Q_SIGNALS:
    /// The new password is set; the dialog closes right after. The caller says so on Sign in
    /// (SignInPage::showPasswordReset()).
    void passwordReset();

protected:
    void onFailed(const portal::ApiError &error) override;

private:
    QWidget *buildEmailStep();
    QWidget *buildCodeStep();
    void sendMessage();
    void setPassword();
    void onResetRequested();

    QLineEdit *m_email = nullptr;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_new = nullptr;
    QLineEdit *m_confirm = nullptr;
    QPushButton *m_send;
    QPushButton *m_haveCode;
    QPushButton *m_setPassword;
    QPushButton *m_alreadyHaveCode = nullptr;
    QPushButton *m_newMessage = nullptr;
    QWidget *m_emailStep = nullptr;
    QWidget *m_codeStep = nullptr;
};

} // namespace portal
