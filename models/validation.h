#pragma once

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace portal {

/// Messages by wire field name ("username", "email", "password", "confirm_password", "birth_date").
using FieldErrors = QHash<QString, QString>;

/// What the Create account form collects.
struct RegistrationInput
{
    QString username;
    QString email;
    QString password;
    QString confirmPassword;
    QString birthDate; ///< "YYYY-MM-DD" or empty.
};

/// Each returns an empty string when the value is acceptable, else the translated message.
QString validateUsername(const QString &username);
QString validateEmail(const QString &email);
QString validatePassword(const QString &password);
QString validatePasswordConfirmation(const QString &password, const QString &confirmation);
/// Empty text is acceptable (the field is optional); otherwise YYYY-MM-DD, not after @p today.
QString validateBirthDate(const QString &text, const QDate &today);

/// Parses "YYYY-MM-DD"; a null QDate for empty or malformed text.
QDate parseIsoDate(const QString &text);

FieldErrors validateRegistration(const RegistrationInput &input, const QDate &today);
/// Email and birth date of an edited profile (names are free text).
FieldErrors validateProfile(const QString &email, const QString &birthDate, const QDate &today);

/// The register request body (birth_date only when given); confirmPassword is never sent.
QJsonObject registrationJson(const RegistrationInput &input);

} // namespace portal
