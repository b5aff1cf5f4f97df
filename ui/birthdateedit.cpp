#include "birthdateedit.h"

#include "icons.h"
#include "validation.h"
#include "valuelineedit.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QToolButton>
#include <QWidgetAction>

namespace portal {

BirthDateEdit::BirthDateEdit(QWidget *parent)
    : QWidget(parent)
    , m_edit(new ValueLineEdit(this))
    , m_button(new QToolButton(this))
{
    // Digits and dashes in the YYYY-MM-DD shape, possibly unfinished while typing.
    static const QRegularExpression shape(QStringLiteral("[0-9]{0,4}(-[0-9]{0,2}(-[0-9]{0,2})?)?"));
    m_edit->setValidator(new QRegularExpressionValidator(shape, m_edit));
    m_edit->setPlaceholderText(tr("YYYY-MM-DD"));
    m_edit->setClearButtonEnabled(true);

    m_button->setIcon(icon(Icon::Calendar));
    m_button->setAccessibleName(tr("Choose birth date"));
    m_button->setToolTip(tr("Choose birth date"));
    m_button->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_button);
    // No focus proxy: its owner would report the focus too, and screen readers announce that
    // unnamed container ("filler") instead of the field. Focus lineEdit() instead.

    connect(m_edit, &QLineEdit::textEdited, this, &BirthDateEdit::textEdited);
    connect(m_edit, &QLineEdit::textChanged, this, [this]() {
        if (isReadOnly())
            showNotSetWhenEmpty();
    });
    connect(m_edit, &QLineEdit::returnPressed, this, &BirthDateEdit::returnPressed);
    connect(m_button, &QToolButton::clicked, this, &BirthDateEdit::openCalendar);
}

void BirthDateEdit::buildCalendar()
{
    // Built when first opened: a QCalendarWidget costs more than the rest of a form together, and
    // most forms are never asked for one.
    m_popup = new QMenu(this);
    m_calendar = new QCalendarWidget(m_popup);
    m_calendar->setGridVisible(false);
    m_calendar->setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    auto *action = new QWidgetAction(m_popup);
    action->setDefaultWidget(m_calendar);
    m_popup->addAction(action);
    connect(m_calendar, &QCalendarWidget::clicked, this, &BirthDateEdit::pick);
    connect(m_calendar, &QCalendarWidget::activated, this, &BirthDateEdit::pick);
}

QString BirthDateEdit::text() const
{
    return m_edit->text().trimmed();
}

void BirthDateEdit::setText(const QString &text)
{
    m_edit->setText(text);
}

QDate BirthDateEdit::date() const
{
    return parseIsoDate(text());
}

void BirthDateEdit::setDate(const QDate &date)
{
    m_edit->setText(date.isValid() ? date.toString(Qt::ISODate) : QString());
}

void BirthDateEdit::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
    m_edit->setFrame(!readOnly);
    m_edit->setClearButtonEnabled(!readOnly);
    if (readOnly)
        showNotSetWhenEmpty();
    else
        m_edit->setPlaceholderText(tr("YYYY-MM-DD"));
    m_button->setVisible(!readOnly);
}

void BirthDateEdit::showNotSetWhenEmpty()
{
    // Screen readers read the placeholder as the description: "Not set" only where it is true.
    m_edit->setPlaceholderText(m_edit->text().isEmpty() ? tr("Not set") : QString());
}

bool BirthDateEdit::isReadOnly() const
{
    return m_edit->isReadOnly();
}

QLineEdit *BirthDateEdit::lineEdit() const
{
    return m_edit;
}

QToolButton *BirthDateEdit::calendarButton() const
{
    return m_button;
}

void BirthDateEdit::openCalendar()
{
    if (!m_calendar)
        buildCalendar();
    const QDate today = QDate::currentDate();
    m_calendar->setMaximumDate(today);
    const QDate current = date();
    // Most people pick a day decades back: start somewhere sensible rather than today.
    m_calendar->setSelectedDate(current.isValid() ? current : today.addYears(-30));
    m_popup->popup(m_button->mapToGlobal(QPoint(0, m_button->height())));
    m_calendar->setFocus();
}

void BirthDateEdit::pick(const QDate &date)
{
    m_popup->hide();
    setDate(date);
    m_edit->setFocus();
    Q_EMIT textEdited(text());
}

} // namespace portal
