#include "messagebanner.h"

#include <QAccessible>
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

QTEST_MAIN(TestMessageBanner)
#include "tst_messagebanner.moc"
