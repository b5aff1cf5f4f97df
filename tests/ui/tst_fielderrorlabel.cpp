#include "appearance.h"
#include "fielderrorlabel.h"

#include <QApplication>
#include <QLineEdit>
#include <QTest>
#include <QVBoxLayout>

using namespace portal;

class TestFieldErrorLabel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void hiddenWhileEmpty();
    void describesItsField();
    void textIsPlain();
    void followsThePalette_data();
    void followsThePalette();

private:
    QPalette m_original;
};

void TestFieldErrorLabel::init()
{
    m_original = QApplication::palette();
}

void TestFieldErrorLabel::cleanup()
{
    QApplication::setPalette(m_original);
}

void TestFieldErrorLabel::hiddenWhileEmpty()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *edit = new QLineEdit;
    edit->setObjectName(QStringLiteral("email"));
    auto *error = new FieldErrorLabel(edit, nullptr);
    layout->addWidget(edit);
    layout->addWidget(error);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(error->objectName(), QStringLiteral("emailError"));
    QVERIFY(!error->isVisible());
    error->setError(QStringLiteral("Enter a valid email address."));
    QVERIFY(error->isVisible());
    error->clearError();
    QVERIFY(!error->isVisible());
    QVERIFY(error->error().isEmpty());
}

void TestFieldErrorLabel::describesItsField()
{
    QLineEdit edit;
    FieldErrorLabel error(&edit, nullptr);
    QCOMPARE(error.field(), &edit);
    error.setError(QStringLiteral("Passwords do not match."));
    QCOMPARE(edit.accessibleDescription(), QStringLiteral("Passwords do not match."));
    error.clearError();
    QVERIFY(edit.accessibleDescription().isEmpty());
}

void TestFieldErrorLabel::textIsPlain()
{
    FieldErrorLabel error(nullptr, nullptr);
    error.setError(QStringLiteral("<b>taken</b>"));
    QCOMPARE(error.textFormat(), Qt::PlainText);
    QCOMPARE(error.text(), QStringLiteral("<b>taken</b>"));
}

void TestFieldErrorLabel::followsThePalette_data()
{
    QTest::addColumn<bool>("startDark");
    QTest::newRow("light, then dark") << false;
    QTest::newRow("dark, then light") << true;
}

void TestFieldErrorLabel::followsThePalette()
{
    // Switching Settings > Appearance while an error shows: its red keeps its contrast.
    QFETCH(bool, startDark);
    const QPalette first = startDark ? Appearance::darkPalette() : Appearance::lightPalette();
    const QPalette second = startDark ? Appearance::lightPalette() : Appearance::darkPalette();
    QApplication::setPalette(first);
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *edit = new QLineEdit;
    auto *error = new FieldErrorLabel(edit, nullptr);
    layout->addWidget(edit);
    layout->addWidget(error);
    error->setError(QStringLiteral("Enter a valid email address."));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto textColour = [error]() {
        return error->palette().color(error->foregroundRole());
    };
    QCOMPARE(textColour(), FieldErrorLabel::colourFor(first));

    QApplication::setPalette(second); // reaches the widgets through posted events
    QTRY_COMPARE(textColour(), FieldErrorLabel::colourFor(second));
    QVERIFY(FieldErrorLabel::colourFor(first) != FieldErrorLabel::colourFor(second));
    // Everything else still comes from the application palette.
    QCOMPARE(error->palette().color(QPalette::Window), second.color(QPalette::Window));
    const qreal contrast = textColour().lightnessF() - second.color(QPalette::Window).lightnessF();
    QVERIFY2(qAbs(contrast) > 0.35, qPrintable(QString::number(contrast)));
}

QTEST_MAIN(TestFieldErrorLabel)
#include "tst_fielderrorlabel.moc"
