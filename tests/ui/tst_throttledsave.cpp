// A server that throttles saves (429 with Retry-After): on Profile and on the customer editor the
// wait counts down on the banner, Save stays disabled until it ends, the edits stay, and the
// write is never sent again by itself. A throttled refresh (a read) counts down too, with Refresh
// disabled, and goes again by itself. A loopback fault server plays the throttling server.

#include "customereditor.h"
#include "customereditpage.h"
#include "customerform.h"
#include "faultserver.h"
#include "messagebanner.h"
#include "profilepage.h"
#include "uitest.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace portal;
using namespace portal::test;
using Response = FaultServer::Response;

namespace {

const QByteArray kCustomer = R"({"id": 7, "username": "ada", "email": "ada@example.org",
    "first_name": "Ada", "last_name": "Lovelace"})";

/// The fault server answers reads with the customer and every write with 429, Retry-After 2.
void throttleWrites(FaultServer &server)
{
    const Response customer = Response::json(200, kCustomer).withHeader("ETag", "\"v1\"");
    const Response throttled =
        Response::json(429, R"({"detail": "Throttled."})").withHeader("Retry-After", "2");
    server.route("/api/login/",
                 Response::json(200, R"({"token": "t", "customer": )" + kCustomer + "}"));
    for (const QByteArray &path : {QByteArray("/api/profile/"), QByteArray("/api/customers/7/")}) {
        server.route("GET", path, customer);
        server.route("PATCH", path, throttled);
    }
}

int patches(const FaultServer &server)
{
    int count = 0;
    for (const FaultServer::Request &request : server.requests())
        count += request.method == "PATCH" ? 1 : 0;
    return count;
}

/// Saves, then follows the countdown to its end: Save disabled, then enabled again.
void expectCountdown(MessageBanner *banner, QPushButton *save, const std::function<void()> &again)
{
    QTRY_COMPARE_WITH_TIMEOUT(banner->text(),
                              QStringLiteral("Too many attempts. Try again in 2 seconds."), 20000);
    QVERIFY(!save->isEnabled());
    again(); // Ignored while the wait lasts.
    QTRY_COMPARE_WITH_TIMEOUT(banner->text(), QStringLiteral("You can try again now."), 5000);
    QVERIFY(save->isEnabled());
}

} // namespace

class TestThrottledSave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void profile();
    void customerEditor();
    void profileRefresh_data();
    void profileRefresh();
    void longWaitKeepsEditsBegunMeanwhile();
};

void TestThrottledSave::profile()
{
    FaultServer server;
    QVERIFY(server.listen());
    throttleWrites(server);
    AuthHarness harness;
    harness.auth.changeServer(server.url());
    QVERIFY(harness.signIn(QStringLiteral("ada")));
    QTRY_VERIFY_WITH_TIMEOUT(!harness.auth.profile()->etag().isEmpty(), 20000);
    ProfilePage page(&harness.auth);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    click(page.editButton());
    QLineEdit *first = page.form()->input(QStringLiteral("first_name"));
    first->selectAll();
    QTest::keyClicks(first, QStringLiteral("Augusta"));
    click(page.saveButton());
    expectCountdown(page.banner(), page.saveButton(), [&page]() { page.save(); });
    QCOMPARE(first->text(), QStringLiteral("Augusta")); // The edit is kept.
    QVERIFY(page.form()->isEditing());
    QCOMPARE(patches(server), 1);
}

void TestThrottledSave::customerEditor()
{
    FaultServer server;
    QVERIFY(server.listen());
    throttleWrites(server);
    AuthHarness harness;
    harness.auth.changeServer(server.url());
    QVERIFY(harness.signIn(QStringLiteral("ada")));
    CustomerEditPage page(&harness.auth, &harness.api);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    Customer listed;
    listed.id = 7;
    listed.username = QStringLiteral("ada");
    page.openCustomer(listed);
    QTRY_VERIFY_WITH_TIMEOUT(!page.editor()->etag().isEmpty(), 20000);
    QLineEdit *last = page.form()->input(QStringLiteral("last_name"));
    last->setFocus();
    last->selectAll();
    QTest::keyClicks(last, QStringLiteral("Byron"));
    click(page.saveButton());
    expectCountdown(page.banner(), page.saveButton(), [&page]() { page.save(); });
    QCOMPARE(last->text(), QStringLiteral("Byron"));
    QVERIFY(page.hasUnsavedChanges());
    QCOMPARE(patches(server), 1);
}

void TestThrottledSave::profileRefresh_data()
{
    // The longest Retry-After the client sits out by itself; longer waits end the read.
    QTest::addColumn<int>("clientWaitsUpTo");
    QTest::newRow("the client's own retry") << 60;
    QTest::newRow("a wait too long for the client: the page's") << 1;
}

void TestThrottledSave::profileRefresh()
{
    QFETCH(int, clientWaitsUpTo);
    FaultServer server;
    QVERIFY(server.listen());
    throttleWrites(server);
    AuthHarness harness;
    RetryPolicy policy = harness.api.retryPolicy();
    policy.maxRetryAfterSeconds = clientWaitsUpTo;
    harness.api.setRetryPolicy(policy);
    harness.auth.changeServer(server.url());
    QVERIFY(harness.signIn(QStringLiteral("ada")));
    QTRY_VERIFY_WITH_TIMEOUT(!harness.auth.profile()->etag().isEmpty(), 20000);
    ProfilePage page(&harness.auth);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    // The next read of the profile is throttled once, then answered with a changed name.
    int reads = 0;
    server.route("/api/profile/", [&reads](const FaultServer::Request &) {
        if (++reads == 1)
            return Response::json(429, R"({"detail": "Throttled."})")
                .withHeader("Retry-After", "2");
        return Response::json(200, R"({"id": 7, "username": "ada", "email": "ada@example.org",
            "first_name": "Augusta", "last_name": "Lovelace"})")
            .withHeader("ETag", "\"v2\"");
    });
    click(page.refreshButton());
    QTRY_COMPARE_WITH_TIMEOUT(
        page.banner()->text(),
        QStringLiteral("The server asked to wait. Trying again in 2 seconds."), 20000);
    QVERIFY(!page.refreshButton()->isEnabled());
    // Live: a second later it says one (the plural form is the translations' business; this
    // test loads none).
    QTRY_VERIFY_WITH_TIMEOUT(page.banner()->text().startsWith(QStringLiteral(
                                 "The server asked to wait. Trying again in 1 second")),
                             5000);
    QVERIFY(!page.refreshButton()->isEnabled());
    // Nobody clicks: the read goes again by itself once the wait is over.
    QTRY_COMPARE_WITH_TIMEOUT(harness.auth.user().firstName, QStringLiteral("Augusta"), 10000);
    QCOMPARE(page.form()->input(QStringLiteral("first_name"))->text(), QStringLiteral("Augusta"));
    QTRY_VERIFY_WITH_TIMEOUT(page.refreshButton()->isEnabled(), 5000);
    QVERIFY(page.banner()->text().isEmpty());
    QCOMPARE(reads, 2);
}

void TestThrottledSave::longWaitKeepsEditsBegunMeanwhile()
{
    FaultServer server;
    QVERIFY(server.listen());
    throttleWrites(server);
    AuthHarness harness;
    RetryPolicy policy = harness.api.retryPolicy();
    policy.maxRetryAfterSeconds = 1; // Retry-After 2 is the page's to count down.
    harness.api.setRetryPolicy(policy);
    harness.auth.changeServer(server.url());
    QVERIFY(harness.signIn(QStringLiteral("ada")));
    QTRY_VERIFY_WITH_TIMEOUT(!harness.auth.profile()->etag().isEmpty(), 20000);
    ProfilePage page(&harness.auth);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    int reads = 0;
    server.route("/api/profile/", [&reads](const FaultServer::Request &) {
        ++reads;
        return Response::json(429, R"({"detail": "Throttled."})").withHeader("Retry-After", "2");
    });
    click(page.refreshButton());
    QTRY_VERIFY_WITH_TIMEOUT(page.banner()->text().startsWith(
                                 QStringLiteral("The server asked to wait. Trying again in")),
                             20000);
    // Editing begins during the wait: the refresh it ends in would throw the edit away.
    click(page.editButton());
    QLineEdit *first = page.form()->input(QStringLiteral("first_name"));
    first->selectAll();
    QTest::keyClicks(first, QStringLiteral("Augusta"));
    QTRY_COMPARE_WITH_TIMEOUT(page.banner()->text(), QStringLiteral("You can refresh again now."),
                              10000);
    QVERIFY(page.refreshButton()->isEnabled());
    QCOMPARE(first->text(), QStringLiteral("Augusta"));
    QCOMPARE(reads, 1);
}

QTEST_MAIN(TestThrottledSave)
#include "tst_throttledsave.moc"
