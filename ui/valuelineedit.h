#pragma once

#include <QLineEdit>

namespace portal {

/**
 * A line edit that, while it only shows a value (read-only, not focused), shows the start of a
 * value too long for it and elides the end with "…", gives the whole value as its tooltip (screen
 * readers read the whole value from the line edit itself) and lines the text up with the label
 * above it. Focused or editable it is a plain QLineEdit, its cursor at the start of the value.
 */
class ValueLineEdit final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ValueLineEdit)

public:
    explicit ValueLineEdit(QWidget *parent = nullptr);

    /// True while the value is drawn shortened (with "…").
    bool isElided() const;
    /// What is drawn while only the value is shown (the elided value, or the placeholder).
    QString shownText() const;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    bool showsValueOnly() const;
    QRect valueRect() const;
    void updateTip();
};

} // namespace portal
