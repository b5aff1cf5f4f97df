#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace portal {

/// A customer account as the server describes it (API.md, "Customer object").
struct Customer
{
    qint64 id = 0;
    QString username;
    QString email;
    QString firstName;
    QString lastName;
    QDate birthDate; ///< Null when not set.
    bool isStaff = false;
    QDateTime dateJoined; ///< Read-only, optional ("date_joined"); null when not sent.

    /**
     * Tolerant reading: id and username are required; unknown fields are ignored; missing optional
     * fields are empty; a wrong-typed or malformed optional field makes the whole object invalid.
     */
    static std::optional<Customer> fromJson(const QJsonObject &json);
    /// Accepts a bare customer or the {success, message, data: customer} wrapper.
    static std::optional<Customer> fromResponse(const QJsonValue &json);

    /// Every field, in wire names; birth_date is "YYYY-MM-DD" or null.
    QJsonObject toJson() const;
    /// Only the editable fields (email, first_name, last_name, birth_date).
    QJsonObject editableJson() const;

    /// "First Last" when a name is known, else the username.
    QString displayName() const;

    friend bool operator==(const Customer &a, const Customer &b);
    friend bool operator!=(const Customer &a, const Customer &b) { return !(a == b); }
};

/// The body of a successful login or register: {token, customer}.
struct AuthSession
{
    QString token;
    Customer customer;

    /// Reads {token, customer}; nothing when the token is missing or empty or the customer is
    /// invalid.
    static std::optional<AuthSession> fromJson(const QJsonValue &json);
};

} // namespace portal
