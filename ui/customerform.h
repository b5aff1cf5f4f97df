#pragma once

#include "apierror.h"
#include "customer.h"
#include "customerchanges.h"
#include "validation.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QWidget>

class QFormLayout;
class QLineEdit;

namespace portal {

class BirthDateEdit;
class FieldErrorLabel;

/**
 * The one form for a customer's fields: read-only display, or editing of the editable ones
 * (email, first name, last name, birth date). It tracks the customer it was given (the "base") and
 * reports only the fields whose text now differs from it. Everything is shown as plain text.
 */
class CustomerForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerForm)
    Q_PROPERTY(bool editing READ isEditing WRITE setEditing)

public:
    explicit CustomerForm(QWidget *parent = nullptr);

    /// Shows @p customer and makes it the base; any edits are dropped.
    void setCustomer(const Customer &customer);
    const Customer &customer() const;

    /// Keeps the current edits, lays them over @p fresh and makes @p fresh the base.
    void rebase(const Customer &fresh);
    /// Puts the fields present in @p changes into the inputs.
    void applyChanges(const portal::CustomerChanges &changes);

    void setEditing(bool editing);
    bool isEditing() const;

    /// The editable fields whose input differs from the base, with the typed values. Only
    /// meaningful once validate() is empty (a date that is not YYYY-MM-DD reads as not set).
    CustomerChanges changes() const;
    bool isDirty() const;

    /// Client-side checks of the edited values (wire names -> message).
    FieldErrors validate(const QDate &today) const;
    void showFieldErrors(const FieldErrors &errors);
    /// Shows the server's messages next to their fields; returns those for fields not on the form.
    QStringList showServerErrors(const QHash<QString, QStringList> &errors);
    /**
     * A failed save: a validation error's field messages go next to their fields, and the
     * sentence for the page's banner is returned (the form-level messages, or the error's own).
     */
    QString showSaveError(const ApiError &error);
    void clearFieldErrors();

    /// The input for a wire field name ("username", "email", "first_name", "last_name",
    /// "birth_date"), for tests and focus handling.
    QLineEdit *input(const QString &field) const;
    /// The first input, for tab order across the page.
    QWidget *firstInput() const;
    QWidget *lastInput() const;
    /// The first input, in the form's order, that shows an error; null when none does.
    QWidget *firstInputInError() const;

Q_SIGNALS:
    /// The user typed into an input (dirty state may have changed).
    void edited();
    /// Enter in an input while editing.
    void submitted();

private:
    struct Row
    {
        QString field;
        QLineEdit *edit = nullptr;
        FieldErrorLabel *error = nullptr;
    };

    QLineEdit *addLineRow(const QString &field, const QString &label);
    void addRow(const QString &field, const QString &label, QWidget *widget, QLineEdit *edit);
    QString baseText(const QString &field) const;
    /// The editable field of a row; nothing for the username.
    static std::optional<CustomerField> editableField(const QString &field);
    void showBase();

    Customer m_customer;
    bool m_editing = false;
    QList<Row> m_rows;
    QFormLayout *m_layout;
    BirthDateEdit *m_birthDate;
};

} // namespace portal
