#include "forgotpassworddialog.h"

#include "icons.h"
#include "messagebanner.h"
#include "validation.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace portal {

namespace {

/// A flat button that moves between the steps, under the step's inputs.
QPushButton *linkButton(const QString &text, const QString &objectName)
{
    auto *button = new QPushButton(text);
    button->setObjectName(objectName);
    button->setFlat(true);
    return button;
}

} // namespace

ForgotPasswordDialog::ForgotPasswordDialog(AccountManager *account, QWidget *parent)
    : AccountDialog(account, AccountManager::Feature::ResetPassword, tr("Reset password"), parent)
    , m_send(buttonBox()->addButton(tr("&Send reset message"), QDialogButtonBox::AcceptRole))
    , m_haveCode(buttonBox()->addButton(tr("I &have a reset code"), QDialogButtonBox::AcceptRole))
    , m_setPassword(buttonBox()->addButton(tr("Set &new password"), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("forgotPasswordDialog"));
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_haveCode->setObjectName(QStringLiteral("haveCodeButton"));
    m_setPassword->setObjectName(QStringLiteral("setPasswordButton"));
    m_setPassword->setIcon(icon(Icon::Save));
    // One step on screen at a time. Not a QStackedWidget: that is as tall as its tallest page.
    m_emailStep = buildEmailStep();
    m_codeStep = buildCodeStep();
    content()->addWidget(m_emailStep);
    content()->addWidget(m_codeStep);

    connect(m_send, &QPushButton::clicked, this, &ForgotPasswordDialog::sendMessage);
    connect(m_haveCode, &QPushButton::clicked, this, [this]() { showStep(Step::Code); });
    connect(m_alreadyHaveCode, &QPushButton::clicked, this, [this]() { showStep(Step::Code); });
    connect(m_newMessage, &QPushButton::clicked, this, [this]() { showStep(Step::Email); });
    connect(m_setPassword, &QPushButton::clicked, this, &ForgotPasswordDialog::setPassword);
    connect(account, &AccountManager::resetRequested, this,
            &ForgotPasswordDialog::onResetRequested);
    connect(account, &AccountManager::resetConfirmed, this, [this]() {
        if (!takeResult())
            return;
        Q_EMIT passwordReset();
        finish(QDialog::Accepted);
    });
    showStep(Step::Email);
}

QWidget *ForgotPasswordDialog::buildEmailStep()
{
    auto *step = new QWidget(this);
    step->setObjectName(QStringLiteral("emailStep"));
    auto *layout = new QVBoxLayout(step);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(paragraph(
        tr("Enter the email address of your account, and we will send a reset message to it."),
        QStringLiteral("emailHint")));
    m_email = addInput(layout, tr("Email"), QStringLiteral("email"), false);
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly);
    m_alreadyHaveCode = linkButton(tr("I &already have a code"), QStringLiteral("alreadyHaveCode"));
    layout->addWidget(m_alreadyHaveCode, 0, Qt::AlignLeft);
    layout->addStretch(1);
    return step;
}

QWidget *ForgotPasswordDialog::buildCodeStep()
{
    auto *step = new QWidget(this);
    step->setObjectName(QStringLiteral("codeStep"));
    auto *layout = new QVBoxLayout(step);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(
        paragraph(tr("Paste the link or the code from the reset message, then choose a new "
                     "password."),
                  QStringLiteral("codeHint")));
    m_code = addInput(layout, tr("Reset code"), QStringLiteral("resetCode"), false);
    m_new = addInput(layout, tr("New password"), QStringLiteral("newPassword"), true);
    m_confirm =
        addInput(layout, tr("Confirm new password"), QStringLiteral("confirmPassword"), true);
    m_newMessage =
        linkButton(tr("Ask for a new reset &message"), QStringLiteral("newMessageButton"));
    layout->addWidget(m_newMessage, 0, Qt::AlignLeft);
    layout->addStretch(1);
    return step;
}

ForgotPasswordDialog::Step ForgotPasswordDialog::step() const
{
    return m_codeStep->isHidden() ? Step::Email : Step::Code;
}

void ForgotPasswordDialog::showStep(Step step)
{
    const bool email = step == Step::Email;
    m_emailStep->setVisible(email);
    m_codeStep->setVisible(!email);
    banner()->clear();
    m_send->setVisible(email);
    m_haveCode->setVisible(false);
    m_alreadyHaveCode->setVisible(email);
    m_setPassword->setVisible(!email);
    (email ? m_send : m_setPassword)->setDefault(true);
    (email ? m_email : m_code)->setFocus(Qt::OtherFocusReason);
    // As tall as the step on screen: the first one is shorter than the second.
    setMinimumHeight(0);
    adjustSize();
    fitHeight();
}

void ForgotPasswordDialog::sendMessage()
{
    banner()->clear();
    const QString email = m_email->text().trimmed();
    setFieldError(m_email, validateEmail(email));
    if (!fieldError(m_email).isEmpty()) {
        m_email->setFocus(Qt::OtherFocusReason);
        return;
    }
    send([this, email]() { account()->requestPasswordReset(email); });
}

void ForgotPasswordDialog::onResetRequested()
{
    if (!takeResult())
        return;
    // The same words whether or not an account uses the address: nobody learns which ones do.
    banner()->showInfo(tr("If an account uses this address, we sent it a reset message."));
    m_alreadyHaveCode->hide();
    m_haveCode->show();
    m_haveCode->setDefault(true);
    m_haveCode->setFocus(Qt::OtherFocusReason);
    fitHeight();
}

void ForgotPasswordDialog::setPassword()
{
    banner()->clear();
    const std::optional<ResetCode> code = AccountManager::parseResetCode(m_code->text());
    const QString password = m_new->text();
    setFieldError(m_code,
                  code ? QString() : tr("Paste the link or the code from the reset message."));
    setFieldError(m_new, validatePassword(password));
    setFieldError(m_confirm, validatePasswordConfirmation(password, m_confirm->text()));
    for (QLineEdit *input : {m_code, m_new, m_confirm}) {
        if (!fieldError(input).isEmpty()) {
            input->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    send([this, code, password]() { account()->confirmPasswordReset(*code, password); });
}

void ForgotPasswordDialog::onFailed(const ApiError &error)
{
    if (step() == Step::Email) {
        showFailure(error, {{AccountManager::Field::Email, m_email}}, [this]() { sendMessage(); });
        return;
    }
    // Whatever the server says about the uid, the token or the request as a whole, the code is
    // what is wrong: used already, expired, or from an older message.
    ApiError rest = error;
    bool codeRefused = false;
    if (error.kind == ErrorKind::Validation) {
        const QStringList names = error.fieldErrors.keys();
        for (const QString &name : names) {
            if (AccountManager::fieldFor(name) == AccountManager::Field::ResetCode) {
                rest.fieldErrors.remove(name);
                codeRefused = true;
            }
        }
        codeRefused = codeRefused || !rest.nonFieldErrors.isEmpty();
        rest.nonFieldErrors.clear();
    }
    if (codeRefused)
        setFieldError(m_code, tr("This reset code is not valid any more. Ask for a new reset "
                                 "message."));
    showFailure(
        rest,
        {{AccountManager::Field::ResetCode, m_code}, {AccountManager::Field::NewPassword, m_new}},
        [this]() { setPassword(); });
}

} // namespace portal
