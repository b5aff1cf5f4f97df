#include "appearance.h"
#include "messagebanner.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QTest>

using namespace portal;

class TestMessageBanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hiddenUntilAMessage();
    void showsEachKind_data();
    void showsEachKind();
    void textIsPlain();
    void screenReadersReadTheMessage();
    void followsThePalette();
};

void TestMessageBanner::hiddenUntilAMessage()
{
    QWidget window;
    auto *banner = new MessageBanner(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!banner->isVisible());
    banner->showError(QStringLiteral("Wrong username or password."));
    QVERIFY(banner->isVisible());
    banner->clear();
    QVERIFY(!banner->isVisible());
    QVERIFY(banner->text().isEmpty());
}

void TestMessageBanner::showsEachKind_data()
{
    QTest::addColumn<MessageBanner::Kind>("kind");
    QTest::newRow("error") << MessageBanner::Kind::Error;
    QTest::newRow("info") << MessageBanner::Kind::Info;
    QTest::newRow("success") << MessageBanner::Kind::Success;
}

void TestMessageBanner::showsEachKind()
{
    QFETCH(MessageBanner::Kind, kind);
    MessageBanner banner;
    banner.showMessage(kind, QStringLiteral("Saved."));
    QCOMPARE(banner.kind(), kind);
    QCOMPARE(banner.text(), QStringLiteral("Saved."));
    // Each kind has its own icon next to the text.
    const auto labels = banner.findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(),
                        [](QLabel *label) { return !label->pixmap().isNull(); }));
}

void TestMessageBanner::textIsPlain()
{
    MessageBanner banner;
    banner.showError(QStringLiteral("<b>Bob</b> said no"));
    auto *text = banner.findChild<QLabel *>(QStringLiteral("messageText"));
    QVERIFY(text);
    QCOMPARE(text->textFormat(), Qt::PlainText);
    QCOMPARE(text->text(), QStringLiteral("<b>Bob</b> said no"));
}

void TestMessageBanner::screenReadersReadTheMessage()
{
    MessageBanner banner;
    banner.showError(QStringLiteral("Can't reach the server at 127.0.0.1:1."));
    auto *text = banner.findChild<QLabel *>(QStringLiteral("messageText"));
    // No fixed name hides the text; the description says what it is.
    QVERIFY(text->accessibleName().isEmpty());
    QCOMPARE(text->accessibleDescription(), QStringLiteral("Message"));
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(text);
    QVERIFY(iface);
    QCOMPARE(iface->text(QAccessible::Name),
             QStringLiteral("Can't reach the server at 127.0.0.1:1."));
    QCOMPARE(iface->text(QAccessible::Description), QStringLiteral("Message"));
}

void TestMessageBanner::followsThePalette()
{
    // Switching Settings > Appearance while a message shows: the banner and its text follow.
    const QPalette original = QApplication::palette();
    QApplication::setPalette(Appearance::lightPalette());
    QWidget window;
    auto *banner = new MessageBanner(&window);
    banner->resize(400, 40);
    window.resize(420, 60);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    banner->showError(QStringLiteral("Wrong username or password."));
    auto *text = banner->findChild<QLabel *>(QStringLiteral("messageText"));
    const QPoint inside(banner->width() - 6, banner->height() / 2);
    QVERIFY(banner->grab().toImage().pixelColor(inside).lightnessF() > 0.7);
    QVERIFY(text->palette().color(text->foregroundRole()).lightnessF() < 0.3);

    QApplication::setPalette(Appearance::darkPalette()); // reaches widgets as posted events
    QTRY_VERIFY(text->palette().color(text->foregroundRole()).lightnessF() > 0.7);
    const QColor dark = banner->grab().toImage().pixelColor(inside);
    QVERIFY2(dark.lightnessF() < 0.3, qPrintable(dark.name()));
    QCOMPARE(dark.rgb(), banner->background().rgb());
    QApplication::setPalette(original);
}

QTEST_MAIN(TestMessageBanner)
#include "tst_messagebanner.moc"
