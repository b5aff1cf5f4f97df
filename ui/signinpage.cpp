#include "signinpage.h"

#include "busyindicator.h"
#include "fielderrorlabel.h"
#include "icons.h"
#include "messagebanner.h"
#include "rememberme.h"
#include "retrycountdown.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace portal {

SignInPage::SignInPage(AuthStateManager *auth, QWidget *parent)
    : Page(tr("Sign in"), parent)
    , m_auth(auth)
    , m_username(new QLineEdit)
    , m_password(new QLineEdit)
    , m_showPassword(new QCheckBox(tr("Show password")))
    , m_forgotPassword(new QPushButton(tr("Forgot pass&word?")))
    , m_remember(new RememberMe)
    , m_signIn(new QPushButton(icon(Icon::SignIn), tr("Sign &in")))
    , m_createAccount(new QPushButton(icon(Icon::CreateAccount), tr("&Create account")))
    , m_busy(new BusyIndicator)
    , m_countdown(new RetryCountdown(banner(), m_signIn, this))
{
    setObjectName(QStringLiteral("signInPage"));
    buildForm();

    connect(m_signIn, &QPushButton::clicked, this, &SignInPage::submit);
    connect(m_createAccount, &QPushButton::clicked, this, &SignInPage::createAccountRequested);
    connect(m_forgotPassword, &QPushButton::clicked, this, &SignInPage::forgotPasswordRequested);
    connect(m_username, &QLineEdit::textEdited, m_usernameError, &FieldErrorLabel::clearError);
    connect(m_password, &QLineEdit::textEdited, m_passwordError, &FieldErrorLabel::clearError);
    connect(m_showPassword, &QCheckBox::toggled, this, [this](bool show) {
        m_password->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(auth, &AuthStateManager::stateChanged, this, &SignInPage::onStateChanged);
    connect(auth, &AuthStateManager::signInFailed, this, &SignInPage::onSignInFailed);
    // When the wait is over, the keyboard is where the next attempt starts.
    connect(m_countdown, &RetryCountdown::finished, this, [this]() { m_password->setFocus(); });
    connect(auth, &AuthStateManager::rememberAvailableChanged, m_remember,
            &RememberMe::setAvailable);
    m_remember->setAvailable(auth->isRememberAvailable());
    m_username->setText(auth->lastUsername());
}

// The application's icon and one line that says where the person is and what to do.
void SignInPage::addWelcome()
{
    auto *row = new QHBoxLayout;
    row->setSpacing(12);
    auto *logo = new QLabel;
    logo->setObjectName(QStringLiteral("welcomeIcon"));
    constexpr int kLogoSize = 40;
    logo->setPixmap(icon(Icon::App).pixmap(QSize(kLogoSize, kLogoSize), devicePixelRatioF()));
    logo->setFixedSize(kLogoSize, kLogoSize);
    logo->setAccessibleName(tr("Customer Portal"));
    auto *welcome =
        new QLabel(tr("Welcome to Customer Portal. Sign in to see and update your account."));
    welcome->setObjectName(QStringLiteral("welcomeText"));
    welcome->setWordWrap(true);
    welcome->setTextFormat(Qt::PlainText);
    row->addWidget(logo, 0, Qt::AlignTop);
    row->addWidget(welcome, 1);
    cardLayout()->addLayout(row);
}

void SignInPage::buildForm()
{
    m_username->setObjectName(QStringLiteral("username"));
    m_password->setObjectName(QStringLiteral("password"));
    m_showPassword->setObjectName(QStringLiteral("showPassword"));
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_createAccount->setObjectName(QStringLiteral("createAccountButton"));
    m_forgotPassword->setObjectName(QStringLiteral("forgotPasswordButton"));

    m_password->setEchoMode(QLineEdit::Password);
    m_signIn->setDefault(true);
    m_createAccount->setFlat(true);
    m_createAccount->setAutoDefault(true); // Enter on it opens the form rather than signing in
    m_forgotPassword->setFlat(true);
    m_forgotPassword->setAutoDefault(true); // Enter on it opens the reset rather than signing in
    m_forgotPassword->setToolTip(tr("Set a new password with a message sent to your email"));

    addWelcome();
    m_usernameError = addField(tr("Username"), m_username, m_username);
    m_passwordError = addField(tr("Password"), m_password, m_password);
    // Right under the password, beside Show password: where a forgotten password is noticed.
    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_showPassword);
    passwordRow->addStretch(1);
    passwordRow->addWidget(m_forgotPassword);
    cardLayout()->addLayout(passwordRow);
    cardLayout()->addWidget(m_remember);
    QHBoxLayout *buttons = addButtonRow();
    buttons->addWidget(m_signIn);
    buttons->addWidget(m_busy);
    buttons->addStretch(1);
    buttons->addWidget(m_createAccount);

    setTabOrder(m_username, m_password);
    setTabOrder(m_password, m_showPassword);
    setTabOrder(m_showPassword, m_forgotPassword);
    setTabOrder(m_forgotPassword, m_remember->checkBox());
    setTabOrder(m_remember->checkBox(), m_signIn);
    setTabOrder(m_signIn, m_createAccount);
}

QCheckBox *SignInPage::rememberBox() const
{
    return m_remember->checkBox();
}

QLabel *SignInPage::rememberReasonLabel() const
{
    return m_remember->reasonLabel();
}

void SignInPage::showSignedOut(AuthStateManager::SignOutReason reason, const QString &lastUsername)
{
    using Reason = AuthStateManager::SignOutReason;
    // setText(), not clear(): clear() is an undoable edit, so Ctrl+Z (with Show password) would
    // bring the last password back, and every password typed would stay in the undo history.
    m_password->setText(QString());
    m_usernameError->clearError();
    m_passwordError->clearError();
    if (!lastUsername.isEmpty())
        m_username->setText(lastUsername);
    switch (reason) {
    case Reason::SessionExpired:
    case Reason::StoredTokenRejected:
        banner()->showError(tr("Your session has expired. Please sign in again."));
        break;
    case Reason::IssuedTokenRejected:
        banner()->showError(tr("The server accepted your password but rejected the session it "
                               "issued. Contact the server's administrator."));
        break;
    case Reason::UserRequested:
        banner()->showSuccess(tr("You have signed out."));
        break;
    case Reason::ServerChanged:
        banner()->showInfo(tr("You were signed out because the server address changed."));
        break;
    case Reason::PasswordChanged:
        banner()->showInfo(tr("Your password was changed. Sign in with your new password."));
        break;
    case Reason::AccountDeleted:
        m_username->setText(QString()); // Nothing of the account is left, not even to undo.
        banner()->showSuccess(tr("Your account was deleted."));
        break;
    case Reason::None:
        if (!m_noServerNotice) // "Choose the server…" stays until there is one.
            banner()->clear();
        break;
    }
    QWidget *focus = m_username->text().isEmpty() ? m_username : m_password;
    focus->setFocus();
}

void SignInPage::setServerConfigured(bool configured)
{
    m_serverConfigured = configured;
    m_countdown->stop(); // Another server: its own limits.
    m_signIn->setEnabled(configured);
    m_createAccount->setEnabled(configured);
    m_forgotPassword->setEnabled(configured);
    if (!configured)
        banner()->showInfo(tr("Choose the server to connect to: Settings ▸ Server address…"));
    else if (m_noServerNotice)
        banner()->clear();
    m_noServerNotice = !configured;
}

void SignInPage::prefillUsername(const QString &username)
{
    if (!username.isEmpty())
        m_username->setText(username);
}

void SignInPage::showPasswordReset()
{
    m_password->setText(QString()); // Not undoable (see showSignedOut()).
    m_usernameError->clearError();
    m_passwordError->clearError();
    banner()->showSuccess(tr("Your password was reset. Sign in with your new password."));
    (m_username->text().isEmpty() ? m_username : m_password)->setFocus();
}

void SignInPage::setPasswordResetAvailable(bool available)
{
    m_forgotPassword->setVisible(available);
}

void SignInPage::submit()
{
    if (!m_signIn->isEnabled() || m_countdown->isRunning())
        return;
    const QString username = m_username->text().trimmed();
    const QString password = m_password->text();
    m_usernameError->setError(username.isEmpty() ? tr("Enter your username.") : QString());
    m_passwordError->setError(password.isEmpty() ? tr("Enter your password.") : QString());
    if (username.isEmpty() || password.isEmpty()) {
        (username.isEmpty() ? m_username : m_password)->setFocus();
        return;
    }
    banner()->clear();
    m_submitting = true;
    m_auth->signIn(username, password, m_remember->isRequested());
}

void SignInPage::onStateChanged(AuthStateManager::State state)
{
    // Registering also passes through SigningIn; only this page's own attempt shows here.
    if (state != AuthStateManager::State::SigningIn)
        m_submitting = false;
    setBusy(m_submitting);
}

void SignInPage::onSignInFailed(const ApiError &error)
{
    if (!m_countdown->start(error)) // A wait the server asked for counts down on the banner.
        banner()->showFailure(error, error.userMessage(), [this]() { submit(); });
    // Nothing typed is thrown away: the password stays, selected, so typing replaces it.
    m_password->selectAll();
    m_password->setFocus();
}

void SignInPage::setBusy(bool busy)
{
    if (busy)
        rememberFocus();
    m_busy->setRunning(busy);
    const QList<QWidget *> form{m_username, m_password, m_showPassword, m_forgotPassword,
                                m_createAccount};
    for (QWidget *widget : form)
        widget->setEnabled(!busy);
    m_remember->setBusy(busy);
    m_signIn->setEnabled(!busy && m_serverConfigured && !m_countdown->isRunning());
    if (!busy)
        restoreFocus();
}

bool SignInPage::submitFromKeyboard()
{
    submit();
    return true;
}

} // namespace portal
