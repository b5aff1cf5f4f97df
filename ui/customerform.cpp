#include "customerform.h"

#include "birthdateedit.h"
#include "fielderrorlabel.h"
#include "valuelineedit.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace portal {

namespace {

QString usernameField()
{
    return QStringLiteral("username");
}

QString birthDateField()
{
    return wireName(CustomerField::BirthDate);
}

// "Not set" stands in for an empty value only: screen readers read a placeholder as the field's
// description, and "First name, Not set, Alice" would say two things.
void showNotSetWhenEmpty(QLineEdit *edit, bool editing)
{
    edit->setPlaceholderText(!editing && edit->text().isEmpty() ? CustomerForm::tr("Not set")
                                                                : QString());
}

} // namespace

CustomerForm::CustomerForm(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout(this))
    , m_birthDate(new BirthDateEdit(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setVerticalSpacing(6);

    addLineRow(usernameField(), tr("Username"));
    addLineRow(wireName(CustomerField::Email), tr("Email"));
    addLineRow(wireName(CustomerField::FirstName), tr("First name"));
    addLineRow(wireName(CustomerField::LastName), tr("Last name"));
    m_birthDate->setObjectName(QStringLiteral("birthDateEdit"));
    m_birthDate->lineEdit()->setObjectName(QStringLiteral("birth_date"));
    addRow(birthDateField(), tr("Birth date"), m_birthDate, m_birthDate->lineEdit());
    connect(m_birthDate, &BirthDateEdit::textEdited, this, &CustomerForm::edited);
    connect(m_birthDate, &BirthDateEdit::returnPressed, this, [this]() {
        if (m_editing)
            Q_EMIT submitted();
    });
    // The birth date editor was created first; the focus chain must follow the layout.
    for (int i = 1; i < m_rows.size(); ++i)
        setTabOrder(m_rows.at(i - 1).edit, m_rows.at(i).edit);
    setTabOrder(m_birthDate->lineEdit(), m_birthDate->calendarButton());
    setEditing(false);
}

QLineEdit *CustomerForm::addLineRow(const QString &field, const QString &label)
{
    auto *edit = new ValueLineEdit(this);
    edit->setObjectName(field);
    connect(edit, &QLineEdit::textEdited, this, &CustomerForm::edited);
    connect(edit, &QLineEdit::textChanged, this,
            [this, edit]() { showNotSetWhenEmpty(edit, m_editing); });
    connect(edit, &QLineEdit::returnPressed, this, [this]() {
        if (m_editing)
            Q_EMIT submitted();
    });
    addRow(field, label, edit, edit);
    return edit;
}

void CustomerForm::addRow(const QString &field, const QString &label, QWidget *widget,
                          QLineEdit *edit)
{
    auto *caption = new QLabel(label, this);
    caption->setBuddy(edit);
    edit->setAccessibleName(label);

    auto *cell = new QWidget(this);
    auto *cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    widget->setParent(cell);
    cellLayout->addWidget(widget);
    auto *error = new FieldErrorLabel(edit, cell);
    cellLayout->addWidget(error);

    m_layout->addRow(caption, cell);
    m_rows.append({field, edit, error});
}

void CustomerForm::setCustomer(const Customer &customer)
{
    m_customer = customer;
    showBase();
    clearFieldErrors();
}

const Customer &CustomerForm::customer() const
{
    return m_customer;
}

void CustomerForm::rebase(const Customer &fresh)
{
    const CustomerChanges edits = changes();
    m_customer = fresh;
    showBase();
    applyChanges(edits);
}

void CustomerForm::applyChanges(const CustomerChanges &changes)
{
    for (const Row &row : std::as_const(m_rows)) {
        const std::optional<CustomerField> field = editableField(row.field);
        if (field && changes.has(*field))
            row.edit->setText(fieldText(changes.values, *field));
    }
}

void CustomerForm::setEditing(bool editing)
{
    m_editing = editing;
    for (const Row &row : std::as_const(m_rows)) {
        const bool editable = editing && row.field != usernameField();
        row.edit->setReadOnly(!editable);
        row.edit->setFrame(editable);
        // A value that cannot be edited reads as text on the card, on dark palettes too; one
        // that stays read-only while the others are edited (the username) is dimmed as well.
        QPalette palette;
        if (!editable)
            palette.setColor(QPalette::Base, Qt::transparent);
        const bool fixed = editing && !editable;
        if (fixed)
            palette.setColor(QPalette::Text, palette.color(QPalette::Disabled, QPalette::Text));
        row.edit->setPalette(palette);
        row.edit->setAccessibleDescription(fixed ? tr("Can't be changed.") : QString());
        showNotSetWhenEmpty(row.edit, editing);
        // Long values show their start in edit mode too.
        if (!row.edit->hasFocus())
            row.edit->setCursorPosition(0);
    }
    m_birthDate->setReadOnly(!editing);
    if (!editing)
        clearFieldErrors();
}

bool CustomerForm::isEditing() const
{
    return m_editing;
}

CustomerChanges CustomerForm::changes() const
{
    CustomerChanges result;
    for (const Row &row : m_rows) {
        const std::optional<CustomerField> field = editableField(row.field);
        const QString text = row.edit->text().trimmed();
        if (!field || text == baseText(row.field))
            continue;
        Customer value;
        setFieldText(value, *field, text);
        result.set(*field, value);
    }
    return result;
}

bool CustomerForm::isDirty() const
{
    return m_editing && !changes().isEmpty();
}

FieldErrors CustomerForm::validate(const QDate &today) const
{
    return validateProfile(input(QStringLiteral("email"))->text(), m_birthDate->text(), today);
}

void CustomerForm::showFieldErrors(const FieldErrors &errors)
{
    for (const Row &row : std::as_const(m_rows))
        row.error->setError(errors.value(row.field));
}

QStringList CustomerForm::showServerErrors(const QHash<QString, QStringList> &errors)
{
    QStringList elsewhere;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
        if (!input(it.key()))
            elsewhere += it.value();
    }
    for (const Row &row : std::as_const(m_rows))
        row.error->setError(errors.value(row.field).join(QLatin1Char(' ')));
    return elsewhere;
}

QString CustomerForm::showSaveError(const ApiError &error)
{
    if (error.kind != ErrorKind::Validation)
        return error.userMessage();
    QStringList elsewhere = error.nonFieldErrors;
    elsewhere += showServerErrors(error.fieldErrors);
    return elsewhere.isEmpty() ? error.userMessage() : elsewhere.join(QLatin1Char(' '));
}

void CustomerForm::clearFieldErrors()
{
    for (const Row &row : std::as_const(m_rows))
        row.error->clearError();
}

QLineEdit *CustomerForm::input(const QString &field) const
{
    for (const Row &row : m_rows) {
        if (row.field == field)
            return row.edit;
    }
    return nullptr;
}

QWidget *CustomerForm::firstInput() const
{
    return m_rows.constFirst().edit;
}

QWidget *CustomerForm::lastInput() const
{
    return m_birthDate->calendarButton();
}

QWidget *CustomerForm::firstInputInError() const
{
    for (const Row &row : m_rows) {
        if (!row.error->error().isEmpty())
            return row.edit;
    }
    return nullptr;
}

QString CustomerForm::baseText(const QString &field) const
{
    if (field == usernameField())
        return m_customer.username;
    const std::optional<CustomerField> editable = editableField(field);
    return editable ? fieldText(m_customer, *editable) : QString();
}

std::optional<CustomerField> CustomerForm::editableField(const QString &field)
{
    return fieldFromWireName(field);
}

void CustomerForm::showBase()
{
    for (const Row &row : std::as_const(m_rows))
        row.edit->setText(baseText(row.field));
}

} // namespace portal
