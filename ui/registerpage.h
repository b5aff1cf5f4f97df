#pragma once

#include "authstatemanager.h"
#include "page.h"

#include <QHash>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace portal {

class BirthDateEdit;
class BusyIndicator;
class RetryCountdown;
class FieldErrorLabel;
class RememberMe;

/// Create account: checks every field before sending, then AuthStateManager::registerAccount().
class RegisterPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegisterPage)

public:
    explicit RegisterPage(AuthStateManager *auth, QWidget *parent = nullptr);

    /// Empties the form and its messages.
    void reset();

    /// The input for a wire field name: "username", "email", "password", "confirm_password",
    /// "birth_date".
    QLineEdit *input(const QString &field) const;
    /// The inline error shown for a wire field name (empty when none).
    QString fieldError(const QString &field) const;
    BirthDateEdit *birthDateEdit() const { return m_birthDate; }
    QCheckBox *rememberBox() const;
    QPushButton *createButton() const { return m_create; }
    QPushButton *backButton() const { return m_back; }

Q_SIGNALS:
    void backRequested();

protected:
    bool submitFromKeyboard() override;

private:
    void buildForm();
    void addInput(const QString &field, const QString &label, QLineEdit *edit);
    void submit();
    void onStateChanged(AuthStateManager::State state);
    void onRegistrationFailed(const portal::ApiError &error);
    void setBusy(bool busy);
    QLineEdit *firstInputInError() const;

    AuthStateManager *m_auth;
    QHash<QString, QLineEdit *> m_inputs;
    QHash<QString, FieldErrorLabel *> m_errors;
    BirthDateEdit *m_birthDate;
    RememberMe *m_remember;
    QPushButton *m_create;
    QPushButton *m_back;
    BusyIndicator *m_busy;
    RetryCountdown *m_countdown;
    bool m_submitting = false;
};

} // namespace portal
