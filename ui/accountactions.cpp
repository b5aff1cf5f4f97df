#include "accountactions.h"

#include "authstatemanager.h"
#include "changepassworddialog.h"
#include "deleteaccountdialog.h"
#include "forgotpassworddialog.h"
#include "signinpage.h"

#include <QAction>
#include <QMenu>

namespace portal {

AccountActions::AccountActions(AccountManager *account, AuthStateManager *auth, QWidget *window)
    : QObject(window)
    , m_account(account)
    , m_auth(auth)
    , m_window(window)
    , m_changePassword(new QAction(tr("Change &password…"), this))
    , m_deleteAccount(new QAction(tr("&Delete account…"), this))
{
    m_changePassword->setObjectName(QStringLiteral("changePasswordAction"));
    m_deleteAccount->setObjectName(QStringLiteral("deleteAccountAction"));
    connect(m_changePassword, &QAction::triggered, this, &AccountActions::openChangePassword);
    connect(m_deleteAccount, &QAction::triggered, this, &AccountActions::openDeleteAccount);
    connect(account, &AccountManager::featureUnavailable, this, &AccountActions::onUnavailable);
    // After AccountManager's own handler: a new server may have every feature again.
    connect(auth, &AuthStateManager::serverChanged, this, &AccountActions::update);
    connect(auth, &AuthStateManager::stateChanged, this, &AccountActions::update);
    update();
}

void AccountActions::attachSignInPage(SignInPage *signIn)
{
    m_signIn = signIn;
    connect(signIn, &SignInPage::forgotPasswordRequested, this,
            &AccountActions::openForgotPassword);
    update();
}

void AccountActions::addTo(QMenu *menu)
{
    menu->addAction(m_changePassword);
    menu->addSeparator();
    menu->addAction(m_deleteAccount);
}

void AccountActions::openChangePassword()
{
    if ((m_dialog && m_dialog->isVisible()) || !m_changePassword->isEnabled())
        return;
    auto *dialog = new ChangePasswordDialog(m_account, m_auth, m_window);
    connect(dialog, &ChangePasswordDialog::passwordChanged, this,
            [this]() { Q_EMIT passwordChanged(ChangePasswordDialog::successMessage()); });
    m_dialog = dialog;
    dialog->open();
}

void AccountActions::openDeleteAccount()
{
    if ((m_dialog && m_dialog->isVisible()) || !m_deleteAccount->isEnabled())
        return;
    auto *dialog = new DeleteAccountDialog(m_account, m_auth, m_window);
    m_dialog = dialog;
    dialog->open();
}

void AccountActions::openForgotPassword()
{
    if ((m_dialog && m_dialog->isVisible()) ||
        !m_account->isAvailable(AccountManager::Feature::ResetPassword))
        return;
    auto *dialog = new ForgotPasswordDialog(m_account, m_window);
    connect(dialog, &ForgotPasswordDialog::passwordReset, this, [this]() {
        if (!m_signIn)
            return;
        m_signIn->prefillUsername(m_auth->lastUsername());
        m_signIn->showPasswordReset();
    });
    m_dialog = dialog;
    dialog->open();
}

void AccountActions::update()
{
    const bool signedIn = m_auth->state() == AuthStateManager::State::SignedIn;
    using Feature = AccountManager::Feature;
    m_changePassword->setVisible(m_account->isAvailable(Feature::ChangePassword));
    m_changePassword->setEnabled(signedIn);
    m_deleteAccount->setVisible(m_account->isAvailable(Feature::DeleteAccount));
    m_deleteAccount->setEnabled(signedIn);
    if (m_signIn)
        m_signIn->setPasswordResetAvailable(m_account->isAvailable(Feature::ResetPassword));
}

void AccountActions::onUnavailable(AccountManager::Feature feature)
{
    update();
    switch (feature) {
    case AccountManager::Feature::ChangePassword:
        Q_EMIT note(tr("This server doesn't offer password changes."));
        break;
    case AccountManager::Feature::ResetPassword:
        Q_EMIT note(tr("This server doesn't offer password resets."));
        break;
    case AccountManager::Feature::DeleteAccount:
        Q_EMIT note(tr("This server doesn't offer deleting accounts."));
        break;
    }
}

} // namespace portal
