#include "deleteaccountdialog.h"

#include "authstatemanager.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace portal {

DeleteAccountDialog::DeleteAccountDialog(AccountManager *account, AuthStateManager *auth,
                                         QWidget *parent)
    : AccountDialog(account, AccountManager::Feature::DeleteAccount, tr("Delete account"), parent)
    , m_auth(auth)
    , m_signedIn(auth->username())
    , m_password(nullptr)
    , m_username(nullptr)
    , m_delete(buttonBox()->addButton(tr("&Delete account"), QDialogButtonBox::DestructiveRole))
{
    setObjectName(QStringLiteral("deleteAccountDialog"));
    content()->addWidget(paragraph(tr("Deleting your account removes it and everything in it from "
                                      "the server. This cannot be undone."),
                                   QStringLiteral("warning")));
    //: %1 is the username of the account that would be deleted.
    content()->addWidget(
        paragraph(tr("You are signed in as %1.").arg(m_signedIn), QStringLiteral("signedInAs")));
    m_password =
        addInput(content(), tr("Current password"), QStringLiteral("currentPassword"), true);
    m_username = addInput(content(), tr("Type your username to confirm"),
                          QStringLiteral("confirmUsername"), false);
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    // Enter in a field cancels; only Enter (or Space) on Delete account itself deletes.
    cancelButton()->setDefault(true);
    m_password->setFocus();
    updateDeleteButton();

    connect(m_password, &QLineEdit::textChanged, this, &DeleteAccountDialog::updateDeleteButton);
    connect(m_username, &QLineEdit::textChanged, this, &DeleteAccountDialog::updateDeleteButton);
    connect(m_delete, &QPushButton::clicked, this, &DeleteAccountDialog::submit);
    // The session ends when the account is gone (or for any other reason): nothing to delete.
    connect(auth, &AuthStateManager::stateChanged, this, [this](AuthStateManager::State state) {
        if (state == AuthStateManager::State::SignedIn)
            return;
        const bool deleted =
            m_auth->signOutReason() == AuthStateManager::SignOutReason::AccountDeleted;
        finish(deleted ? QDialog::Accepted : QDialog::Rejected);
    });
    connect(account, &AccountManager::accountDeleted, this, [this]() {
        if (takeResult())
            finish(QDialog::Accepted);
    });
}

bool DeleteAccountDialog::confirmed() const
{
    // Exactly the username (case and all), so the person has read whose account this is.
    return !m_signedIn.isEmpty() && m_username->text() == m_signedIn &&
           !m_password->text().isEmpty();
}

void DeleteAccountDialog::updateDeleteButton()
{
    m_delete->setEnabled(confirmed());
}

void DeleteAccountDialog::submit()
{
    if (!confirmed())
        return;
    const QString password = m_password->text();
    setFieldError(m_password, QString());
    send([this, password]() { account()->deleteAccount(password); });
}

void DeleteAccountDialog::onFailed(const ApiError &error)
{
    showFailure(error, {{AccountManager::Field::CurrentPassword, m_password}},
                [this]() { submit(); });
}

} // namespace portal
