#pragma once

#include "customer.h"

#include <QFlags>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace portal {

/// The editable fields of a customer (API.md: email, first_name, last_name, birth_date).
enum class CustomerField
{
    Email = 0x1,
    FirstName = 0x2,
    LastName = 0x4,
    BirthDate = 0x8,
};
Q_DECLARE_FLAGS(CustomerFields, CustomerField)
Q_DECLARE_OPERATORS_FOR_FLAGS(CustomerFields)

/// Every editable field, in the order forms and dialogs show them.
QList<CustomerField> editableFields();

/// The field's wire name ("email", "first_name"...), and back (nothing for any other name).
QString wireName(CustomerField field);
std::optional<CustomerField> fieldFromWireName(const QString &name);

/// The field's value as text: the date as YYYY-MM-DD, empty when not set.
QString fieldText(const Customer &customer, CustomerField field);
/// Sets the field from text as fieldText() gives it (a date that is not YYYY-MM-DD: not set).
void setFieldText(Customer &customer, CustomerField field, const QString &text);

/**
 * Some editable fields of a customer with their new values: what a form changed, what a Save
 * sends, what a draft keeps. Typed, so nothing above the models speaks wire names.
 */
struct CustomerChanges
{
    CustomerFields fields; ///< Which fields changed.
    Customer values;       ///< Their new values (other fields of it mean nothing).

    bool isEmpty() const { return !fields; }
    bool has(CustomerField field) const { return fields.testFlag(field); }
    /// Marks @p field changed, with its value taken from @p from.
    void set(CustomerField field, const Customer &from);

    /// The PATCH body: the changed fields in wire names (birth_date "YYYY-MM-DD" or null).
    QJsonObject toJson() const;
    /// Reads wire-named editable fields; other keys are ignored.
    static CustomerChanges fromJson(const QJsonObject &json);
    /// The editable fields whose values differ, valued as in @p after.
    static CustomerChanges between(const Customer &before, const Customer &after);
    /// @p base with these changes applied.
    Customer appliedTo(const Customer &base) const;

    friend bool operator==(const CustomerChanges &a, const CustomerChanges &b);
    friend bool operator!=(const CustomerChanges &a, const CustomerChanges &b) { return !(a == b); }
};

} // namespace portal
