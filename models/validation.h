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
/// Empty text is acceptable (the field is optional); otherwise a date that exists, written
/// YYYY-MM-DD, not after @p today. Each of the three has its own message.
QString validateBirthDate(const QString &text, const QDate &today);

/// Whether @p text (less surrounding spaces) is written YYYY-MM-DD in ASCII digits, whether or not
/// that date exists.
bool hasIsoDateShape(const QString &text);
/// Parses "YYYY-MM-DD"; a null QDate for empty or malformed text, or a date that doesn't exist.
QDate parseIsoDate(const QString &text);

FieldErrors validateRegistration(const RegistrationInput &input, const QDate &today);
/// Email and birth date of an edited profile (names are free text).
FieldErrors validateProfile(const QString &email, const QString &birthDate, const QDate &today);

/// The register request body (birth_date only when given); confirmPassword is never sent.
QJsonObject registrationJson(const RegistrationInput &input);

} // namespace portal
