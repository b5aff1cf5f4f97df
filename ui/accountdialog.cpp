#include "accountdialog.h"

#include "busyindicator.h"
#include "fielderrorlabel.h"
#include "icons.h"
#include "messagebanner.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace portal {

AccountDialog::AccountDialog(AccountManager *account, AccountManager::Feature feature,
                             const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_account(account)
    , m_feature(feature)
    , m_banner(new MessageBanner(this))
    , m_body(new QWidget(this))
    , m_content(new QVBoxLayout(m_body))
    , m_busy(new BusyIndicator(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_cancel(m_buttons->addButton(QDialogButtonBox::Cancel))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(title);
    setWindowIcon(icon(Icon::User));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setIcon(icon(Icon::Cancel));
    m_content->setContentsMargins(0, 0, 0, 0);
    m_content->setSpacing(12);

    auto *row = new QHBoxLayout;
    row->addWidget(m_busy);
    row->addStretch(1);
    row->addWidget(m_buttons);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(m_banner);
    layout->addWidget(m_body);
    layout->addStretch(1);
    layout->addLayout(row);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &AccountDialog::reject);
    connect(account, &AccountManager::busyChanged, this, &AccountDialog::setBusy);
    connect(account, &AccountManager::failed, this,
            [this](AccountManager::Feature which, const ApiError &error) {
                if (which == m_feature && takeResult()) {
                    onFailed(error);
                    fitHeight();
                }
            });
    // A server without the endpoint: the caller takes the entry away; nothing is left open.
    connect(account, &AccountManager::featureUnavailable, this,
            [this](AccountManager::Feature which) {
                if (which == m_feature)
                    finish(QDialog::Rejected);
            });
}

QLineEdit *AccountDialog::addInput(QVBoxLayout *layout, const QString &label,
                                   const QString &objectName, bool password)
{
    auto *input = new QLineEdit;
    input->setObjectName(objectName);
    input->setAccessibleName(label);
    if (password)
        input->setEchoMode(QLineEdit::Password);
    auto *caption = new QLabel(label);
    caption->setBuddy(input);
    auto *error = new FieldErrorLabel(input, nullptr);
    auto *group = new QVBoxLayout;
    group->setSpacing(4);
    group->addWidget(caption);
    group->addWidget(input);
    group->addWidget(error);
    layout->addLayout(group);
    m_inputs.append(input);
    m_errors.insert(input, error);
    connect(input, &QLineEdit::textEdited, error, &FieldErrorLabel::clearError);
    return input;
}

QLabel *AccountDialog::paragraph(const QString &text, const QString &objectName)
{
    auto *label = new QLabel(text);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

QString AccountDialog::fieldError(const QWidget *input) const
{
    const FieldErrorLabel *error = m_errors.value(input);
    return error ? error->error() : QString();
}

void AccountDialog::setFieldError(QLineEdit *input, const QString &message)
{
    if (FieldErrorLabel *error = m_errors.value(input))
        error->setError(message);
    fitHeight();
}

QLineEdit *AccountDialog::firstInputInError() const
{
    for (QLineEdit *input : m_inputs) {
        if (!fieldError(input).isEmpty())
            return input;
    }
    return nullptr;
}

void AccountDialog::send(const std::function<void()> &send)
{
    m_banner->clear();
    m_waiting = true;
    send();
}

bool AccountDialog::takeResult()
{
    return std::exchange(m_waiting, false);
}

void AccountDialog::showFailure(const ApiError &error,
                                const QHash<AccountManager::Field, QLineEdit *> &inputs,
                                const std::function<void()> &retry)
{
    QStringList elsewhere = error.nonFieldErrors;
    for (auto it = error.fieldErrors.cbegin(); it != error.fieldErrors.cend(); ++it) {
        const std::optional<AccountManager::Field> field = AccountManager::fieldFor(it.key());
        if (QLineEdit *input = field ? inputs.value(*field) : nullptr)
            setFieldError(input, it.value().join(QLatin1Char(' ')));
        else
            elsewhere += it.value();
    }
    // The inputs of this step in the order they were added: the first in error gets the focus.
    const QList<QLineEdit *> ofThisForm = inputs.values();
    QLineEdit *first = nullptr;
    for (QLineEdit *input : std::as_const(m_inputs)) {
        if (!first && ofThisForm.contains(input) && !fieldError(input).isEmpty())
            first = input;
    }
    if (error.kind == ErrorKind::Validation && !elsewhere.isEmpty())
        m_banner->showError(elsewhere.join(QLatin1Char(' ')));
    else if (!first)
        m_banner->showFailure(error, error.userMessage(), retry);
    if (first) {
        first->setFocus(Qt::OtherFocusReason);
        first->selectAll(); // Typing replaces it; nothing typed is gone.
    }
    fitHeight();
}

void AccountDialog::reject()
{
    if (m_waiting && m_account->isBusy())
        return;
    finish(QDialog::Rejected);
}

void AccountDialog::finish(int result)
{
    if (std::exchange(m_finished, true))
        return;
    done(result);
}

void AccountDialog::setBusy(bool busy)
{
    // Disabling the focused input drops the focus: note where it was, to give it back.
    if (busy && focusWidget())
        m_focusBeforeBusy = focusWidget();
    m_busy->setRunning(busy);
    m_body->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
    if (!busy && m_focusBeforeBusy && m_focusBeforeBusy->isEnabled())
        m_focusBeforeBusy->setFocus(Qt::OtherFocusReason);
    if (!busy)
        m_focusBeforeBusy.clear();
}

void AccountDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitHeight();
}

void AccountDialog::fitHeight()
{
    const int needed = layout()->totalHeightForWidth(width());
    setMinimumHeight(needed);
    if (height() < needed)
        resize(width(), needed);
}

} // namespace portal
