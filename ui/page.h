#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QVBoxLayout;

namespace portal {

class FieldErrorLabel;
class MessageBanner;

/**
 * One screen of the main window: a heading, the message area and a centred card holding the
 * page's form, inside a scroll area so small windows still reach every control.
 */
class Page : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Page)

public:
    /// How wide the page's card is.
    enum class Width
    {
        Narrow, ///< A centred column for forms.
        Full    ///< The whole window, and the card takes the height left (lists, tables).
    };

    /// @p name is the page's name: the first part of the window title and, unless @p heading
    /// is given, the heading.
    explicit Page(const QString &name, QWidget *parent = nullptr, const QString &heading = {},
                  Width width = Width::Narrow);

    QString pageName() const;
    /// Changes the heading shown (the page's name, and so the window title, stays).
    void setHeading(const QString &heading);
    MessageBanner *banner() const;

protected:
    /// The card's layout, below the heading and the message area.
    QVBoxLayout *cardLayout() const;
    /// A row of buttons for the card: returns its layout, already added.
    QHBoxLayout *addButtonRow();
    /// Adds a captioned input to the card: the caption is @p label (also the input's accessible
    /// name); @p widget is what is laid out (the input or a widget holding it). Returns the
    /// input's inline error label.
    FieldErrorLabel *addField(const QString &label, QWidget *widget, QWidget *input);

    /// Call before disabling the form for a request: disabling the focused input drops the
    /// keyboard focus, so the page notes where it was.
    void rememberFocus();
    /// Call once the form is enabled again: focuses @p preferred if given, else where the focus
    /// was before rememberFocus(), unless the user has put it somewhere on the page meanwhile.
    void restoreFocus(QWidget *preferred = nullptr);

    /// Enter that no control on the page took (on a check box, say) submits the page's form, as
    /// a dialog's default button would. Returns false for a page without such a form.
    virtual bool submitFromKeyboard() { return false; }
    void keyPressEvent(QKeyEvent *event) override;

private:
    QWidget *buildColumn(QWidget *card, Width width);

    QString m_name;
    QLabel *m_heading;
    MessageBanner *m_banner;
    QVBoxLayout *m_cardLayout;
    QPointer<QWidget> m_focusBeforeBusy;
};

} // namespace portal
