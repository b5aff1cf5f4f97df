#include "validation.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace portal {

namespace {

constexpr int kMinUsernameLength = 3;
constexpr int kMinPasswordLength = 8;

void addError(FieldErrors &errors, const QString &field, const QString &message)
{
    if (!message.isEmpty())
        errors.insert(field, message);
}

} // namespace

QString validateUsername(const QString &username)
{
    // The server trims surrounding spaces, so they do not count.
    if (username.trimmed().size() < kMinUsernameLength)
        return QCoreApplication::translate("portal::Validation",
                                           "Username must be at least 3 characters.");
    return {};
}

QString validateEmail(const QString &email)
{
    // One @, a non-empty local part, a domain of non-empty dot-separated labels, no spaces.
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    if (!pattern.match(email.trimmed()).hasMatch())
        return QCoreApplication::translate("portal::Validation", "Enter a valid email address.");
    return {};
}

QString validatePassword(const QString &password)
{
    if (password.size() < kMinPasswordLength)
        return QCoreApplication::translate("portal::Validation",
                                           "Password must be at least 8 characters.");
    return {};
}

QString validatePasswordConfirmation(const QString &password, const QString &confirmation)
{
    if (password != confirmation)
        return QCoreApplication::translate("portal::Validation", "Passwords do not match.");
    return {};
}

QString validateBirthDate(const QString &text, const QDate &today)
{
    if (text.trimmed().isEmpty())
        return {};
    if (!hasIsoDateShape(text))
        return QCoreApplication::translate("portal::Validation",
                                           "Enter the birth date as YYYY-MM-DD.");
    // In the right shape, but no calendar has it: month 13, or 30 February.
    const QDate date = parseIsoDate(text);
    if (!date.isValid())
        return QCoreApplication::translate("portal::Validation", "That date doesn't exist.");
    if (date > today)
        return QCoreApplication::translate("portal::Validation",
                                           "Birth date can't be in the future.");
    return {};
}

bool hasIsoDateShape(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    return pattern.match(text.trimmed()).hasMatch();
}

QDate parseIsoDate(const QString &text)
{
    // Qt's ISO parser alone is looser (it takes other separators and signs), hence the shape.
    if (!hasIsoDateShape(text))
        return {};
    return QDate::fromString(text.trimmed(), Qt::ISODate);
}

FieldErrors validateRegistration(const RegistrationInput &input, const QDate &today)
{
    FieldErrors errors;
    addError(errors, QStringLiteral("username"), validateUsername(input.username));
    addError(errors, QStringLiteral("email"), validateEmail(input.email));
    addError(errors, QStringLiteral("password"), validatePassword(input.password));
    addError(errors, QStringLiteral("confirm_password"),
             validatePasswordConfirmation(input.password, input.confirmPassword));
    addError(errors, QStringLiteral("birth_date"), validateBirthDate(input.birthDate, today));
    return errors;
}

FieldErrors validateProfile(const QString &email, const QString &birthDate, const QDate &today)
{
    FieldErrors errors;
    addError(errors, QStringLiteral("email"), validateEmail(email));
    addError(errors, QStringLiteral("birth_date"), validateBirthDate(birthDate, today));
    return errors;
}

QJsonObject registrationJson(const RegistrationInput &input)
{
    QJsonObject json{
        {QStringLiteral("username"), input.username.trimmed()},
        {QStringLiteral("email"), input.email.trimmed()},
        {QStringLiteral("password"), input.password},
    };
    const QString birthDate = input.birthDate.trimmed();
    if (!birthDate.isEmpty())
        json.insert(QStringLiteral("birth_date"), birthDate);
    return json;
}

} // namespace portal
