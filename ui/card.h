#pragma once

#include <QFrame>

namespace portal {

/**
 * The panel a page's form sits on. On a light palette it is the input colour (Base) and inputs
 * stand out by their frames; on a dark one it is a raised shade of the window colour, because
 * there the frames of inputs and check boxes are as dark as Base and would vanish. The colour is
 * taken from the palette when painting, so it follows every change of palette.
 */
class Card final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Card)

public:
    explicit Card(QWidget *parent = nullptr);

    /// The background for @p palette.
    static QColor background(const QPalette &palette);

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace portal
