#pragma once

#include <QLabel>
#include <QPointer>

namespace portal {

/**
 * An inline error under one input. Hidden while empty; the message is also the input's accessible
 * description, so a screen reader reads it together with the field.
 */
class FieldErrorLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldErrorLabel)

public:
    FieldErrorLabel(QWidget *field, QWidget *parent);

    void setError(const QString &message);
    void clearError() { setError({}); }
    QString error() const;
    QWidget *field() const;
    /// The text colour on @p palette.
    static QColor colourFor(const QPalette &palette);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColour();

    QPointer<QWidget> m_field;
};

} // namespace portal
