#include "registerpage.h"

#include "birthdateedit.h"
#include "busyindicator.h"
#include "fielderrorlabel.h"
#include "icons.h"
#include "messagebanner.h"
#include "rememberme.h"
#include "retrycountdown.h"
#include "validation.h"

#include <QCheckBox>
#include <QDate>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace portal {

namespace {

const char *const kFieldOrder[] = {"username", "email", "password", "confirm_password",
                                   "birth_date"};

} // namespace

RegisterPage::RegisterPage(AuthStateManager *auth, QWidget *parent)
    : Page(tr("Create account"), parent)
    , m_auth(auth)
    , m_birthDate(new BirthDateEdit)
    , m_remember(new RememberMe)
    , m_create(new QPushButton(icon(Icon::CreateAccount), tr("&Create account")))
    , m_back(new QPushButton(tr("&Back to sign in")))
    , m_busy(new BusyIndicator)
    , m_countdown(new RetryCountdown(banner(), m_create, this))
{
    setObjectName(QStringLiteral("registerPage"));
    buildForm();
    connect(m_create, &QPushButton::clicked, this, &RegisterPage::submit);
    connect(m_back, &QPushButton::clicked, this, &RegisterPage::backRequested);
    connect(m_birthDate, &BirthDateEdit::textEdited, m_errors.value(QStringLiteral("birth_date")),
            &FieldErrorLabel::clearError);
    connect(auth, &AuthStateManager::stateChanged, this, &RegisterPage::onStateChanged);
    connect(auth, &AuthStateManager::registrationFailed, this, &RegisterPage::onRegistrationFailed);
    connect(auth, &AuthStateManager::rememberAvailableChanged, m_remember,
            &RememberMe::setAvailable);
    m_remember->setAvailable(auth->isRememberAvailable());
}

void RegisterPage::buildForm()
{
    addInput(QStringLiteral("username"), tr("Username"), new QLineEdit);
    addInput(QStringLiteral("email"), tr("Email"), new QLineEdit);
    addInput(QStringLiteral("password"), tr("Password"), new QLineEdit);
    addInput(QStringLiteral("confirm_password"), tr("Confirm password"), new QLineEdit);
    m_inputs.value(QStringLiteral("password"))->setEchoMode(QLineEdit::Password);
    m_inputs.value(QStringLiteral("confirm_password"))->setEchoMode(QLineEdit::Password);
    m_inputs.value(QStringLiteral("email"))->setInputMethodHints(Qt::ImhEmailCharactersOnly);

    const QString birthDate = QStringLiteral("birth_date");
    m_birthDate->setObjectName(QStringLiteral("birthDateEdit"));
    m_birthDate->lineEdit()->setObjectName(birthDate);
    m_inputs.insert(birthDate, m_birthDate->lineEdit());
    m_errors.insert(birthDate, addField(tr("Birth date"), m_birthDate, m_birthDate->lineEdit()));
    m_birthDate->lineEdit()->setPlaceholderText(tr("Optional, YYYY-MM-DD"));

    m_create->setObjectName(QStringLiteral("createButton"));
    m_back->setObjectName(QStringLiteral("backButton"));
    m_create->setDefault(true);
    m_back->setFlat(true);
    m_back->setAutoDefault(true); // Enter on it goes back rather than to the page
    // Escape goes back too, as it cancels a dialog (not while a request runs: Back is off then).
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(escape, &QShortcut::activated, m_back, &QPushButton::click);
    m_back->setToolTip(
        tr("Back to sign in (%1)").arg(escape->key().toString(QKeySequence::NativeText)));
    cardLayout()->addWidget(m_remember);
    QHBoxLayout *buttons = addButtonRow();
    buttons->addWidget(m_create);
    buttons->addWidget(m_busy);
    buttons->addStretch(1);
    buttons->addWidget(m_back);

    QWidget *previous = nullptr;
    for (const char *field : kFieldOrder) {
        QWidget *current = m_inputs.value(QString::fromLatin1(field));
        if (previous)
            setTabOrder(previous, current);
        previous = current;
    }
    setTabOrder(previous, m_birthDate->calendarButton());
    setTabOrder(m_birthDate->calendarButton(), m_remember->checkBox());
    setTabOrder(m_remember->checkBox(), m_create);
    setTabOrder(m_create, m_back);
}

void RegisterPage::addInput(const QString &field, const QString &label, QLineEdit *edit)
{
    edit->setObjectName(field);
    m_inputs.insert(field, edit);
    FieldErrorLabel *error = addField(label, edit, edit);
    m_errors.insert(field, error);
    connect(edit, &QLineEdit::textEdited, error, &FieldErrorLabel::clearError);
}

void RegisterPage::reset()
{
    // setText(), not clear(), which Ctrl+Z would undo: the password must not come back.
    for (QLineEdit *edit : std::as_const(m_inputs))
        edit->setText(QString());
    for (FieldErrorLabel *error : std::as_const(m_errors))
        error->clearError();
    banner()->clear();
}

QCheckBox *RegisterPage::rememberBox() const
{
    return m_remember->checkBox();
}

QLineEdit *RegisterPage::input(const QString &field) const
{
    return m_inputs.value(field);
}

QString RegisterPage::fieldError(const QString &field) const
{
    FieldErrorLabel *label = m_errors.value(field);
    return label ? label->error() : QString();
}

void RegisterPage::submit()
{
    if (m_submitting || m_countdown->isRunning())
        return;
    RegistrationInput input;
    input.username = m_inputs.value(QStringLiteral("username"))->text();
    input.email = m_inputs.value(QStringLiteral("email"))->text();
    input.password = m_inputs.value(QStringLiteral("password"))->text();
    input.confirmPassword = m_inputs.value(QStringLiteral("confirm_password"))->text();
    input.birthDate = m_birthDate->text();

    const FieldErrors errors = validateRegistration(input, QDate::currentDate());
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        it.value()->setError(errors.value(it.key()));
    if (!errors.isEmpty()) {
        banner()->clear();
        firstInputInError()->setFocus();
        return;
    }
    banner()->clear();
    m_submitting = true;
    m_auth->registerAccount(input, m_remember->isRequested());
}

void RegisterPage::onStateChanged(AuthStateManager::State state)
{
    if (state != AuthStateManager::State::SigningIn)
        m_submitting = false;
    setBusy(m_submitting);
    if (state == AuthStateManager::State::SignedIn)
        reset();
}

void RegisterPage::onRegistrationFailed(const ApiError &error)
{
    QStringList elsewhere = error.nonFieldErrors;
    for (auto it = error.fieldErrors.cbegin(); it != error.fieldErrors.cend(); ++it) {
        if (FieldErrorLabel *label = m_errors.value(it.key()))
            label->setError(it.value().join(QLatin1Char(' ')));
        else
            elsewhere += it.value();
    }
    if (error.kind == ErrorKind::Validation && !elsewhere.isEmpty())
        banner()->showError(elsewhere.join(QLatin1Char(' ')));
    else if (!m_countdown->start(error)) // A wait the server asked for counts down.
        banner()->showFailure(error, error.userMessage(), [this]() { submit(); });
    restoreFocus(firstInputInError());
}

QLineEdit *RegisterPage::firstInputInError() const
{
    for (const char *field : kFieldOrder) {
        const QString name = QString::fromLatin1(field);
        if (!m_errors.value(name)->error().isEmpty())
            return m_inputs.value(name);
    }
    return nullptr;
}

void RegisterPage::setBusy(bool busy)
{
    if (busy)
        rememberFocus();
    m_busy->setRunning(busy);
    for (QLineEdit *edit : std::as_const(m_inputs))
        edit->setEnabled(!busy);
    m_birthDate->setEnabled(!busy);
    m_create->setEnabled(!busy && !m_countdown->isRunning());
    m_back->setEnabled(!busy);
    m_remember->setBusy(busy);
    if (!busy)
        restoreFocus();
}

bool RegisterPage::submitFromKeyboard()
{
    submit();
    return true;
}

} // namespace portal
