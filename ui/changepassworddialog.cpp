#include "changepassworddialog.h"

#include "authstatemanager.h"
#include "icons.h"
#include "messagebanner.h"
#include "validation.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>

namespace portal {

ChangePasswordDialog::ChangePasswordDialog(AccountManager *account, AuthStateManager *auth,
                                           QWidget *parent)
    : AccountDialog(account, AccountManager::Feature::ChangePassword, tr("Change password"), parent)
    , m_current(
          addInput(content(), tr("Current password"), QStringLiteral("currentPassword"), true))
    , m_new(addInput(content(), tr("New password"), QStringLiteral("newPassword"), true))
    , m_confirm(
          addInput(content(), tr("Confirm new password"), QStringLiteral("confirmPassword"), true))
    , m_change(buttonBox()->addButton(tr("&Change password"), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("changePasswordDialog"));
    m_change->setObjectName(QStringLiteral("changeButton"));
    m_change->setIcon(icon(Icon::Save));
    m_change->setDefault(true); // Enter in any field sends the form.
    m_current->setFocus();

    connect(m_change, &QPushButton::clicked, this, &ChangePasswordDialog::submit);
    connect(account, &AccountManager::passwordChanged, this, [this]() {
        if (!takeResult())
            return;
        Q_EMIT passwordChanged();
        finish(QDialog::Accepted);
    });
    // No session, no password to change (it expired, or was ended elsewhere).
    connect(auth, &AuthStateManager::stateChanged, this, [this](AuthStateManager::State state) {
        if (state != AuthStateManager::State::SignedIn)
            finish(QDialog::Rejected);
    });
}

QString ChangePasswordDialog::successMessage()
{
    return tr("Password changed.");
}

void ChangePasswordDialog::submit()
{
    banner()->clear();
    const QString current = m_current->text();
    const QString password = m_new->text();
    setFieldError(m_current, current.isEmpty() ? tr("Enter your current password.") : QString());
    setFieldError(m_new, validatePassword(password));
    setFieldError(m_confirm, validatePasswordConfirmation(password, m_confirm->text()));
    if (QLineEdit *first = firstInputInError()) {
        first->setFocus(Qt::OtherFocusReason);
        return;
    }
    send([this, current, password]() { account()->changePassword(current, password); });
}

void ChangePasswordDialog::onFailed(const ApiError &error)
{
    showFailure(error,
                {{AccountManager::Field::CurrentPassword, m_current},
                 {AccountManager::Field::NewPassword, m_new}},
                [this]() { submit(); });
}

} // namespace portal
