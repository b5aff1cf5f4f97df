#pragma once

#include <QDate>
#include <QWidget>

class QCalendarWidget;
class QLineEdit;
class QMenu;
class QToolButton;

namespace portal {

/**
 * An optional date typed as YYYY-MM-DD, with a calendar button. Unlike QDateEdit it can stay
 * empty, and partial input is allowed while typing (validation.h judges the final text).
 */
class BirthDateEdit final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BirthDateEdit)

public:
    explicit BirthDateEdit(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    /// Null when empty or not a valid YYYY-MM-DD date.
    QDate date() const;
    void setDate(const QDate &date);

    /// Read-only: no calendar button, no frame; an empty value (and only an empty one) shows
    /// "Not set".
    void setReadOnly(bool readOnly);
    bool isReadOnly() const;

    QLineEdit *lineEdit() const;
    QToolButton *calendarButton() const;

Q_SIGNALS:
    /// The user changed the text (typing or picking a day), not setText().
    void textEdited(const QString &text);
    void returnPressed();

private:
    void buildCalendar();
    void openCalendar();
    void showNotSetWhenEmpty();
    void pick(const QDate &date);

    QLineEdit *m_edit;
    QToolButton *m_button;
    QMenu *m_popup = nullptr; ///< Built with the calendar, when first opened.
    QCalendarWidget *m_calendar = nullptr;
};

} // namespace portal
