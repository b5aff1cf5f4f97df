#pragma once

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
    /// @p name is the page's name: the first part of the window title and, unless @p heading
    /// is given, the heading.
    explicit Page(const QString &name, QWidget *parent = nullptr, const QString &heading = {});

    QString pageName() const;
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

private:
    QString m_name;
    QLabel *m_heading;
    MessageBanner *m_banner;
    QVBoxLayout *m_cardLayout;
};

} // namespace portal
