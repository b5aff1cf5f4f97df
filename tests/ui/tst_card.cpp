#include "appearance.h"
#include "card.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QTest>
#include <QVBoxLayout>

using namespace portal;

class TestCard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inputsStandOut_data();
    void inputsStandOut();
    void followsThePalette();
};

void TestCard::inputsStandOut_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << Appearance::lightPalette();
    QTest::newRow("dark") << Appearance::darkPalette();
}

void TestCard::inputsStandOut()
{
    // A field is drawn in Base with a frame a little darker than the window: on a dark palette
    // that frame is as dark as Base, so the card must differ from Base for a field to be seen.
    QFETCH(QPalette, palette);
    const QColor card = Card::background(palette);
    const QColor input = palette.color(QPalette::Base);
    const QColor frame = palette.color(QPalette::Window).darker(140);
    const auto distance = [](const QColor &a, const QColor &b) {
        return qAbs(a.lightnessF() - b.lightnessF());
    };
    QVERIFY(distance(card, input) > 0.04 || distance(card, frame) > 0.2);
    // Text on the card keeps its contrast.
    QVERIFY(distance(card, palette.color(QPalette::WindowText)) > 0.6);
}

void TestCard::followsThePalette()
{
    const QPalette original = QApplication::palette();
    QApplication::setPalette(Appearance::lightPalette());
    Card card;
    card.resize(200, 100);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    const QPoint middle(100, 50);
    QCOMPARE(card.grab().toImage().pixel(middle),
             Card::background(Appearance::lightPalette()).rgb());
    QApplication::setPalette(Appearance::darkPalette()); // reaches widgets as posted events
    QTRY_COMPARE(card.grab().toImage().pixel(middle),
                 Card::background(Appearance::darkPalette()).rgb());
    QVERIFY(Card::background(Appearance::darkPalette()) !=
            Appearance::darkPalette().color(QPalette::Base));
    QApplication::setPalette(original);
}

QTEST_MAIN(TestCard)
#include "tst_card.moc"
