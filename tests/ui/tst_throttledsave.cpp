// A server that throttles saves (429 with Retry-After): on Profile and on the customer editor the
// wait counts down on the banner, Save stays disabled until it ends, the edits stay, and the
// write is never sent again by itself. A throttled read counts down too and goes again by itself:
// the Profile's refresh (Refresh disabled), a page of Customers (a new search ends the old wait)
// and an opened customer (also the read that shows a conflict). A loopback fault server plays the
// throttling server.

#include "apiclient.h"
#include "conflictdialog.h"
#include "customereditor.h"
#include "customereditpage.h"
#include "customerform.h"
#include "customerlistmodel.h"
#include "customerspage.h"
#include "faultserver.h"
#include "messagebanner.h"
#include "profilepage.h"
#include "uitest.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace portal;
using namespace portal::test;
using Response = FaultServer::Response;

namespace {

const QByteArray kCustomer = R"({"id": 7, "username": "ada", "email": "ada@example.org",
    "first_name": "Ada", "last_name": "Lovelace"})";

/// ada signs in (a token, and her profile).
void routeSignIn(FaultServer &server)
{
    server.route("/api/login/",
                 Response::json(200, R"({"token": "t", "customer": )" + kCustomer + "}"));
    server.route("/api/profile/", Response::json(200, kCustomer));
}

/// The fault server answers reads with the customer and every write with 429, Retry-After 2.
void throttleWrites(FaultServer &server)
{
    const Response customer = Response::json(200, kCustomer).withHeader("ETag", "\"v1\"");
    const Response throttled =
        Response::json(429, R"({"detail": "Throttled."})").withHeader("Retry-After", "2");
    routeSignIn(server);
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

/// Signed in as ada on a fault server that throttles writes, with My profile shown.
struct ProfileOnThrottlingServer
{
    /// Empty once the page shows the profile, else what went wrong. @p clientWaitsUpTo: the
    /// longest Retry-After the client sits out by itself (0: its default); longer waits end a
    /// read and are the page's to count down.
    QString start(int clientWaitsUpTo = 0)
    {
        if (!server.listen())
            return QStringLiteral("the fault server does not listen");
        throttleWrites(server);
        if (clientWaitsUpTo > 0) {
            RetryPolicy policy = harness.api.retryPolicy();
            policy.maxRetryAfterSeconds = clientWaitsUpTo;
            harness.api.setRetryPolicy(policy);
        }
        harness.auth.changeServer(server.url());
        if (!harness.signIn(QStringLiteral("ada")))
            return QStringLiteral("the sign-in failed");
        if (!QTest::qWaitFor([this] { return !harness.auth.profile()->etag().isEmpty(); }, 20000))
            return QStringLiteral("the profile was not read");
        page = std::make_unique<ProfilePage>(&harness.auth);
        page->show();
        return QTest::qWaitForWindowExposed(page.get()) ? QString()
                                                        : QStringLiteral("the page is not shown");
    }

    FaultServer server;
    AuthHarness harness;
    std::unique_ptr<ProfilePage> page;
};

const QByteArray kCustomerPage = R"({"count": 1, "next": null, "results": [)" + kCustomer + "]}";

Response throttled(int seconds)
{
    return Response::json(429, R"({"detail": "Throttled."})")
        .withHeader("Retry-After", QByteArray::number(seconds));
}

/// The wait on @p banner, live: two seconds, then one.
void expectRetryCountdown(MessageBanner *banner)
{
    QTRY_COMPARE_WITH_TIMEOUT(
        banner->text(), QStringLiteral("The server asked to wait. Trying again in 2 seconds."),
        20000);
    // The plural form is the translations' business; this test loads none.
    QTRY_VERIFY_WITH_TIMEOUT(banner->text().startsWith(QStringLiteral(
                                 "The server asked to wait. Trying again in 1 second")),
                             5000);
}

/// Signed in as ada on a fault server routed by the test, the customer editor shown and customer 7
/// opened (its read may still be on its way).
struct OpenedCustomer
{
    /// Empty once the customer was opened, else what went wrong.
    QString start(const QUrl &server)
    {
        harness.auth.changeServer(server);
        if (!harness.signIn(QStringLiteral("ada")))
            return QStringLiteral("the sign-in failed");
        page = std::make_unique<CustomerEditPage>(&harness.auth, &harness.api);
        page->show();
        if (!QTest::qWaitForWindowExposed(page.get()))
            return QStringLiteral("the page is not shown");
        Customer listed;
        listed.id = 7;
        listed.username = QStringLiteral("ada");
        page->openCustomer(listed);
        return QString();
    }

    AuthHarness harness;
    std::unique_ptr<CustomerEditPage> page;
};

/// The Customers page of a support staff member, shown, on a fault server routed by the test.
struct StaffList
{
    explicit StaffList(const QUrl &server)
    {
        api.setBaseUrl(server);
        api.setToken(QStringLiteral("staff-token"));
        page.show();
    }

    ApiClient api;
    CustomerListModel model{&api};
    CustomersPage page{&model};
};

/// Types a new last name over the old one.
QLineEdit *retypeLastName(CustomerEditPage &page)
{
    QLineEdit *last = page.form()->input(QStringLiteral("last_name"));
    last->setFocus();
    last->selectAll();
    QTest::keyClicks(last, QStringLiteral("Byron"));
    return last;
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
    void customersList();
    void customersListNewSearchEndsTheWait();
    void customerEditorLoad();
    void conflictAfterAThrottledReadShowsNoWait();
};

void TestThrottledSave::profile()
{
    ProfileOnThrottlingServer fixture;
    const QString error = fixture.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    ProfilePage &page = *fixture.page;
    click(page.editButton());
    QLineEdit *first = page.form()->input(QStringLiteral("first_name"));
    first->selectAll();
    QTest::keyClicks(first, QStringLiteral("Augusta"));
    click(page.saveButton());
    expectCountdown(page.banner(), page.saveButton(), [&page]() { page.save(); });
    QCOMPARE(first->text(), QStringLiteral("Augusta")); // The edit is kept.
    QVERIFY(page.form()->isEditing());
    QCOMPARE(patches(fixture.server), 1);
}

void TestThrottledSave::customerEditor()
{
    FaultServer server;
    QVERIFY(server.listen());
    throttleWrites(server);
    OpenedCustomer opened;
    const QString error = opened.start(server.url());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    CustomerEditPage &page = *opened.page;
    QTRY_VERIFY_WITH_TIMEOUT(!page.editor()->etag().isEmpty(), 20000);
    QLineEdit *last = retypeLastName(page);
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
    ProfileOnThrottlingServer fixture;
    const QString error = fixture.start(clientWaitsUpTo);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    ProfilePage &page = *fixture.page;
    FaultServer &server = fixture.server;

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
    expectRetryCountdown(page.banner());
    QVERIFY(!page.refreshButton()->isEnabled());
    // Nobody clicks: the read goes again by itself once the wait is over.
    QTRY_COMPARE_WITH_TIMEOUT(fixture.harness.auth.user().firstName, QStringLiteral("Augusta"),
                              10000);
    QCOMPARE(page.form()->input(QStringLiteral("first_name"))->text(), QStringLiteral("Augusta"));
    QTRY_VERIFY_WITH_TIMEOUT(page.refreshButton()->isEnabled(), 5000);
    QVERIFY(page.banner()->text().isEmpty());
    QCOMPARE(reads, 2);
}

void TestThrottledSave::longWaitKeepsEditsBegunMeanwhile()
{
    ProfileOnThrottlingServer fixture;
    const QString error = fixture.start(1); // Retry-After 2 is the page's to count down.
    QVERIFY2(error.isEmpty(), qPrintable(error));
    ProfilePage &page = *fixture.page;
    FaultServer &server = fixture.server;
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

void TestThrottledSave::customersList()
{
    // The first page is throttled once: the page counts the wait down and asks again by itself.
    FaultServer server;
    QVERIFY(server.listen());
    int reads = 0;
    server.route("/api/customers/", [&reads](const FaultServer::Request &) {
        return ++reads == 1 ? throttled(2) : Response::json(200, kCustomerPage);
    });
    StaffList list(server.url());
    CustomersPage &page = list.page;
    CustomerListModel &model = list.model;
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.activate();
    expectRetryCountdown(page.banner());
    QCOMPARE(model.status(), CustomerListModel::Status::Loading);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 10000);
    QVERIFY(page.banner()->text().isEmpty());
    QVERIFY(!page.retryButton()->isVisible());
    QVERIFY(page.retryButton()->isEnabled()); // For the next failure: the wait let go of it.
    QCOMPARE(reads, 2);
}

void TestThrottledSave::customersListNewSearchEndsTheWait()
{
    // A search typed during the wait replaces the load waited for: its countdown goes away
    // instead of counting on (and saying "Trying again…") for a load nobody wants any more.
    FaultServer server;
    QVERIFY(server.listen());
    server.route("/api/customers/", [](const FaultServer::Request &request) {
        // The search's answer never comes: only the new load can have ended the countdown.
        return request.target.contains("search=") ? Response::of(FaultServer::Behaviour::Stall)
                                                  : throttled(30);
    });
    StaffList list(server.url());
    CustomersPage &page = list.page;
    CustomerListModel &model = list.model;
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.activate();
    QTRY_VERIFY_WITH_TIMEOUT(page.banner()->text().startsWith(
                                 QStringLiteral("The server asked to wait. Trying again in")),
                             20000);
    QTest::keyClicks(page.searchEdit(), QStringLiteral("ada"));
    QTest::keyClick(page.searchEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(page.banner()->text().isEmpty(), 5000);
    QCOMPARE(model.search(), QStringLiteral("ada"));
    QCOMPARE(page.stateLabel()->text(), QStringLiteral("Loading customers…"));
}

void TestThrottledSave::customerEditorLoad()
{
    // Opening a customer whose read is throttled once: counted down, then the record by itself.
    FaultServer server;
    QVERIFY(server.listen());
    routeSignIn(server);
    int reads = 0;
    server.route("/api/customers/7/", [&reads](const FaultServer::Request &) {
        return ++reads == 1 ? throttled(2)
                            : Response::json(200, kCustomer).withHeader("ETag", "\"v1\"");
    });
    OpenedCustomer opened;
    const QString error = opened.start(server.url());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    CustomerEditPage &page = *opened.page;
    expectRetryCountdown(page.banner());
    QTRY_VERIFY_WITH_TIMEOUT(!page.editor()->etag().isEmpty(), 10000);
    QCOMPARE(page.form()->input(QStringLiteral("last_name"))->text(), QStringLiteral("Lovelace"));
    QVERIFY2(page.banner()->text().isEmpty(), qPrintable(page.banner()->text()));
    QCOMPARE(reads, 2);
}

void TestThrottledSave::conflictAfterAThrottledReadShowsNoWait()
{
    // A save the server wants sent with If-Match (428) reads the record again to show the
    // conflict; that read is throttled once. Once the conflict shows, no countdown is left on
    // the banner ("Trying again…" for a read that is over).
    FaultServer server;
    QVERIFY(server.listen());
    routeSignIn(server);
    int reads = 0;
    server.route("/api/customers/7/", [&reads](const FaultServer::Request &request) {
        if (request.method == "PATCH")
            return Response::json(428, R"({"detail": "Send If-Match."})");
        ++reads;
        if (reads == 2)
            return throttled(2);
        return Response::json(200, kCustomer).withHeader("ETag", reads == 1 ? "\"v1\"" : "\"v2\"");
    });
    OpenedCustomer opened;
    const QString error = opened.start(server.url());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    CustomerEditPage &page = *opened.page;
    QTRY_VERIFY_WITH_TIMEOUT(!page.editor()->etag().isEmpty(), 10000);
    QLineEdit *last = retypeLastName(page);
    click(page.saveButton());
    expectRetryCountdown(page.banner());
    QTRY_VERIFY_WITH_TIMEOUT(page.conflictDialog() && page.conflictDialog()->isVisible(), 10000);
    QVERIFY2(page.banner()->text().isEmpty(), qPrintable(page.banner()->text()));
    QCOMPARE(reads, 3);
    QCOMPARE(last->text(), QStringLiteral("Byron")); // The edit waits for the person's choice.
}

QTEST_MAIN(TestThrottledSave)
#include "tst_throttledsave.moc"
