#include "customer.h"

#include "validation.h"

#include <QJsonValue>
#include <QStringList>

namespace portal {

namespace {

const QLatin1String kId("id");
const QLatin1String kUsername("username");
const QLatin1String kEmail("email");
const QLatin1String kFirstName("first_name");
const QLatin1String kLastName("last_name");
const QLatin1String kBirthDate("birth_date");
const QLatin1String kIsStaff("is_staff");
const QLatin1String kDateJoined("date_joined");

/// An optional string field: absent or null reads as empty; any other type is a failure.
bool readOptionalString(const QJsonObject &json, QLatin1String name, QString &out)
{
    const QJsonValue value = json.value(name);
    if (value.isUndefined() || value.isNull()) {
        out.clear();
        return true;
    }
    if (!value.isString())
        return false;
    out = value.toString();
    return true;
}

/// Some servers send "" instead of null for an unset date, so both mean "not set".
bool readBirthDate(const QJsonObject &json, QDate &out)
{
    QString text;
    if (!readOptionalString(json, kBirthDate, text))
        return false;
    out = parseIsoDate(text);
    return text.isEmpty() || out.isValid();
}

bool readIsStaff(const QJsonObject &json, bool &out)
{
    const QJsonValue value = json.value(kIsStaff);
    if (value.isUndefined() || value.isNull()) {
        out = false;
        return true;
    }
    if (!value.isBool())
        return false;
    out = value.toBool();
    return true;
}

/// Optional ISO 8601 date and time; a wrong type or an unreadable value is a failure.
bool readDateJoined(const QJsonObject &json, QDateTime &out)
{
    QString text;
    if (!readOptionalString(json, kDateJoined, text))
        return false;
    out = text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
    return text.isEmpty() || out.isValid();
}

/// The id must be a whole positive number that fits a qint64 exactly.
bool readId(const QJsonObject &json, qint64 &out)
{
    const QJsonValue value = json.value(kId);
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    const qint64 whole = value.toInteger(-1);
    if (whole <= 0 || static_cast<double>(whole) != number)
        return false;
    out = whole;
    return true;
}

QJsonValue birthDateValue(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

std::optional<Customer> Customer::fromJson(const QJsonObject &json)
{
    Customer customer;
    const QJsonValue username = json.value(kUsername);
    if (!readId(json, customer.id) || !username.isString() || username.toString().isEmpty())
        return std::nullopt;
    customer.username = username.toString();
    const bool ok = readOptionalString(json, kEmail, customer.email) &&
                    readOptionalString(json, kFirstName, customer.firstName) &&
                    readOptionalString(json, kLastName, customer.lastName) &&
                    readBirthDate(json, customer.birthDate) &&
                    readIsStaff(json, customer.isStaff) &&
                    readDateJoined(json, customer.dateJoined);
    if (!ok)
        return std::nullopt;
    return customer;
}

std::optional<Customer> Customer::fromResponse(const QJsonValue &json)
{
    if (!json.isObject())
        return std::nullopt;
    const QJsonObject object = json.toObject();
    // The seed's {success, message, data: customer} wrapper; a bare customer has an id instead.
    const QJsonValue data = object.value(QLatin1String("data"));
    if (!object.contains(kId) && data.isObject())
        return fromJson(data.toObject());
    return fromJson(object);
}

QJsonObject Customer::toJson() const
{
    QJsonObject json = editableJson();
    json.insert(kId, id);
    json.insert(kUsername, username);
    json.insert(kIsStaff, isStaff);
    if (dateJoined.isValid())
        json.insert(kDateJoined, dateJoined.toString(Qt::ISODateWithMs));
    return json;
}

QJsonObject Customer::editableJson() const
{
    return QJsonObject{
        {kEmail, email},
        {kFirstName, firstName},
        {kLastName, lastName},
        {kBirthDate, birthDateValue(birthDate)},
    };
}

QString Customer::displayName() const
{
    const QString name = QStringList{firstName, lastName}.join(QLatin1Char(' ')).trimmed();
    return name.isEmpty() ? username : name;
}

bool operator==(const Customer &a, const Customer &b)
{
    return a.id == b.id && a.username == b.username && a.email == b.email &&
           a.firstName == b.firstName && a.lastName == b.lastName && a.birthDate == b.birthDate &&
           a.isStaff == b.isStaff && a.dateJoined == b.dateJoined;
}

std::optional<AuthSession> AuthSession::fromJson(const QJsonValue &json)
{
    const QJsonObject object = json.toObject();
    const QJsonValue token = object.value(QLatin1String("token"));
    const QJsonValue customer = object.value(QLatin1String("customer"));
    if (!token.isString() || token.toString().isEmpty() || !customer.isObject())
        return std::nullopt;
    const std::optional<Customer> parsed = Customer::fromJson(customer.toObject());
    if (!parsed)
        return std::nullopt;
    return AuthSession{token.toString(), *parsed};
}

} // namespace portal
