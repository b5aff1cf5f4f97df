#include "customerchanges.h"

#include "validation.h"

#include <QJsonValue>

namespace portal {

namespace {

void copyField(Customer &to, const Customer &from, CustomerField field)
{
    switch (field) {
    case CustomerField::Email:
        to.email = from.email;
        return;
    case CustomerField::FirstName:
        to.firstName = from.firstName;
        return;
    case CustomerField::LastName:
        to.lastName = from.lastName;
        return;
    case CustomerField::BirthDate:
        to.birthDate = from.birthDate;
        return;
    }
}

} // namespace

QList<CustomerField> editableFields()
{
    return {CustomerField::Email, CustomerField::FirstName, CustomerField::LastName,
            CustomerField::BirthDate};
}

QString wireName(CustomerField field)
{
    switch (field) {
    case CustomerField::Email:
        return QStringLiteral("email");
    case CustomerField::FirstName:
        return QStringLiteral("first_name");
    case CustomerField::LastName:
        return QStringLiteral("last_name");
    case CustomerField::BirthDate:
        return QStringLiteral("birth_date");
    }
    return {};
}

std::optional<CustomerField> fieldFromWireName(const QString &name)
{
    for (CustomerField field : editableFields()) {
        if (wireName(field) == name)
            return field;
    }
    return std::nullopt;
}

QString fieldText(const Customer &customer, CustomerField field)
{
    switch (field) {
    case CustomerField::Email:
        return customer.email;
    case CustomerField::FirstName:
        return customer.firstName;
    case CustomerField::LastName:
        return customer.lastName;
    case CustomerField::BirthDate:
        return customer.birthDate.isValid() ? customer.birthDate.toString(Qt::ISODate) : QString();
    }
    return {};
}

void setFieldText(Customer &customer, CustomerField field, const QString &text)
{
    switch (field) {
    case CustomerField::Email:
        customer.email = text;
        return;
    case CustomerField::FirstName:
        customer.firstName = text;
        return;
    case CustomerField::LastName:
        customer.lastName = text;
        return;
    case CustomerField::BirthDate:
        customer.birthDate = parseIsoDate(text);
        return;
    }
}

void CustomerChanges::set(CustomerField field, const Customer &from)
{
    fields |= field;
    copyField(values, from, field);
}

QJsonObject CustomerChanges::toJson() const
{
    QJsonObject json;
    for (CustomerField field : editableFields()) {
        if (!has(field))
            continue;
        const QString text = fieldText(values, field);
        // An unset date is null on the wire; an empty name is "".
        json.insert(wireName(field), field == CustomerField::BirthDate && text.isEmpty()
                                         ? QJsonValue(QJsonValue::Null)
                                         : QJsonValue(text));
    }
    return json;
}

CustomerChanges CustomerChanges::fromJson(const QJsonObject &json)
{
    CustomerChanges changes;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const std::optional<CustomerField> field = fieldFromWireName(it.key());
        if (!field)
            continue;
        Customer value;
        setFieldText(value, *field, it.value().toString());
        changes.set(*field, value);
    }
    return changes;
}

CustomerChanges CustomerChanges::between(const Customer &before, const Customer &after)
{
    CustomerChanges changes;
    for (CustomerField field : editableFields()) {
        if (fieldText(before, field) != fieldText(after, field))
            changes.set(field, after);
    }
    return changes;
}

Customer CustomerChanges::appliedTo(const Customer &base) const
{
    Customer result = base;
    for (CustomerField field : editableFields()) {
        if (has(field))
            copyField(result, values, field);
    }
    return result;
}

bool operator==(const CustomerChanges &a, const CustomerChanges &b)
{
    if (a.fields != b.fields)
        return false;
    for (CustomerField field : editableFields()) {
        if (a.has(field) && fieldText(a.values, field) != fieldText(b.values, field))
            return false;
    }
    return true;
}

} // namespace portal
