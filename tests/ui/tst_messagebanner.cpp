#include "appearance.h"
#include "messagebanner.h"
#include "uitest.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QVBoxLayout>

using namespace portal;

class TestMessageBanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hiddenUntilAMessage();
    void showingAgainReusesTheIcon();
    void showsEachKind_data();
    void showsEachKind();
    void textIsPlain();
    void screenReadersReadTheMessage();
    void followsThePalette();
    void retryIsOfferedWhenTryingAgainMayHelp_data();
    void retryIsOfferedWhenTryingAgainMayHelp();
    void retryRepeatsTheFailedActionOnce();
    void retryGoesWithItsMessage();
    void retryIsReachableByKeyboard();
};

namespace {

ApiError failure(ErrorKind kind, int status = 0)
{
    ApiError error;
    error.kind = kind;
    error.httpStatus = status;
    error.server = QStringLiteral("127.0.0.1:1");
    return error;
}

} // namespace

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

void TestMessageBanner::showingAgainReusesTheIcon()
{
    // A message shown again (every sign-out shows one) draws its icon from the pixmap Qt cached the
    // first time, instead of rendering and caching one more copy for the life of the app.
    MessageBanner banner;
    auto *iconLabel = banner.findChild<QLabel *>(QStringLiteral("messageIcon"));
    QVERIFY(iconLabel);
    banner.showSuccess(QStringLiteral("You have signed out."));
    const qint64 first = iconLabel->pixmap().cacheKey();
    QVERIFY(!iconLabel->pixmap().isNull());
    banner.showError(QStringLiteral("Something else."));
    QVERIFY(iconLabel->pixmap().cacheKey() != first);
    banner.showSuccess(QStringLiteral("You have signed out."));
    QCOMPARE(iconLabel->pixmap().cacheKey(), first);
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

void TestMessageBanner::retryIsOfferedWhenTryingAgainMayHelp_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<bool>("offered");

    QTest::newRow("no answer") << failure(ErrorKind::Network) << true;
    QTest::newRow("timeout") << failure(ErrorKind::Timeout) << true;
    QTest::newRow("server problem") << failure(ErrorKind::Server, 503) << true;
    QTest::newRow("too many attempts, no wait given")
        << failure(ErrorKind::RateLimited, 429) << true;
    QTest::newRow("validation") << failure(ErrorKind::Validation, 400) << false;
    QTest::newRow("conflict") << failure(ErrorKind::Conflict, 412) << false;
    QTest::newRow("forbidden") << failure(ErrorKind::Forbidden, 403) << false;
    QTest::newRow("not found") << failure(ErrorKind::NotFound, 404) << false;
    QTest::newRow("bad response") << failure(ErrorKind::BadResponse, 200) << false;
    QTest::newRow("certificate") << failure(ErrorKind::TlsFailure) << false;
    QTest::newRow("plain http elsewhere") << failure(ErrorKind::InsecureTransport) << false;
    ApiError expired = failure(ErrorKind::Server, 500);
    expired.endsSession = true;
    QTest::newRow("a failure that ends the session") << expired << false;
}

void TestMessageBanner::retryIsOfferedWhenTryingAgainMayHelp()
{
    QFETCH(ApiError, error);
    QFETCH(bool, offered);

    QWidget window;
    auto *banner = new MessageBanner(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    int retries = 0;
    banner->showFailure(error, error.userMessage(), [&retries]() { ++retries; });
    QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
    QCOMPARE(banner->text(), error.userMessage());
    QCOMPARE(banner->retryButton()->isVisible(), offered);
    QCOMPARE(MessageBanner::offersRetry(error), offered);
    // Without an action to repeat, nothing is offered.
    banner->showFailure(error, error.userMessage(), {});
    QVERIFY(!banner->retryButton()->isVisible());
    QCOMPARE(retries, 0);
}

void TestMessageBanner::retryRepeatsTheFailedActionOnce()
{
    QWidget window;
    auto *banner = new MessageBanner(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const ApiError lost = failure(ErrorKind::Network);
    int retries = 0;
    banner->showFailure(lost, lost.userMessage(), [&retries]() { ++retries; });
    QPushButton *retry = banner->retryButton();
    QVERIFY(retry->isVisible());
    QCOMPARE(retry->text(), QStringLiteral("&Retry"));
    QCOMPARE(test::accessibleName(retry), QStringLiteral("Retry"));
    QVERIFY(!retry->icon().isNull());
    test::click(retry);
    QCOMPARE(retries, 1);
    // The failure on screen is being tried again: its message and Retry go.
    QVERIFY(!banner->isVisible());
    QVERIFY(!retry->isVisible());
    retry->click(); // Hidden, and its action already spent.
    QCOMPARE(retries, 1);
}

void TestMessageBanner::retryGoesWithItsMessage()
{
    QWidget window;
    auto *banner = new MessageBanner(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const ApiError lost = failure(ErrorKind::Network);
    int retries = 0;
    banner->showFailure(lost, lost.userMessage(), [&retries]() { ++retries; });
    banner->showInfo(QStringLiteral("Nothing to save: no field was changed."));
    QVERIFY(banner->isVisible());
    QVERIFY(!banner->retryButton()->isVisible());
    banner->retryButton()->click();
    QCOMPARE(retries, 0); // A later message is not about the failure Retry would repeat.

    banner->showFailure(lost, lost.userMessage(), [&retries]() { ++retries; });
    banner->clear();
    QVERIFY(!banner->retryButton()->isVisibleTo(banner));
    banner->retryButton()->click();
    QCOMPARE(retries, 0);
}

void TestMessageBanner::retryIsReachableByKeyboard()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *banner = new MessageBanner;
    auto *field = new QLineEdit;
    layout->addWidget(banner);
    layout->addWidget(field);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const ApiError lost = failure(ErrorKind::Network);
    int retries = 0;
    const auto offer = [&]() {
        banner->showFailure(lost, lost.userMessage(), [&retries]() { ++retries; });
        field->setFocus();
        test::settle();
        QCOMPARE(QApplication::focusWidget(), field);
    };
    // Tab reaches it, Space presses it.
    offer();
    QTest::keyClick(field, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), banner->retryButton());
    QTest::keyClick(banner->retryButton(), Qt::Key_Space);
    QCOMPARE(retries, 1);
    // Its mnemonic presses it from anywhere in the window.
    offer();
    QTest::keyClick(field, Qt::Key_R, Qt::AltModifier);
    QTRY_COMPARE(retries, 2); // An animated click: it lands a moment later.
}

QTEST_MAIN(TestMessageBanner)
#include "tst_messagebanner.moc"
