// The fault catalogue, end to end: every fault a server (or the way to it) can produce on demand
// runs through signing in, refreshing the profile and saving it, on the real pages. Each ends in
// its own error kind and the sentence for it on screen, nothing hangs, the session stays what it
// was, nothing typed is lost, and once the server answers properly again the same action works.
// A loopback fault server plays the server: it answers the steps before the stage normally, then
// the fault on the stage's own request.

#include "customereditor.h"
#include "customerform.h"
#include "faultserver.h"
#include "messagebanner.h"
#include "profilepage.h"
#include "signinpage.h"
#include "uitest.h"

#include <QDateTime>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace portal;
using namespace portal::test;
using Response = FaultServer::Response;
using Behaviour = FaultServer::Behaviour;
using State = AuthStateManager::State;

namespace {

enum class Stage
{
    SignIn,
    Refresh,
    Save
};

enum class Fault
{
    Refused,           ///< Nothing listens: the connection is refused.
    ResetMidBody,      ///< The head and half the body, then RST.
    Stall,             ///< The request is read, then nothing comes until the timeout.
    BadGatewayHtml,    ///< A proxy's 502 HTML page.
    Empty200,          ///< 200 with an empty body.
    TruncatedJson,     ///< A complete transfer of half a JSON document.
    TruncatedTransfer, ///< Content-Length announces more than arrives before the close.
    NullForString,     ///< The customer's username is null.
    NumberForString,   ///< The customer's first name is a number.
    ArrayForObject,    ///< The customer is an array (of one customer).
    Huge,              ///< A 20 MB body.
    InvalidUtf8,       ///< Bytes that are not UTF-8 inside a JSON string.
    RateLimitedSeconds,
    RateLimitedDate,
    Unavailable ///< 503 with DRF's detail.
};

/// What a row expects of the stage's failure.
struct Expected
{
    ErrorKind kind;
    int status;      ///< ApiError::httpStatus: 0 when no answer began; -1: not checked.
    QString message; ///< A fragment of the banner's text.
    int attempts;    ///< How often the stage's request reaches the server.
};

constexpr int kTransferTimeoutMs = 1000; // The stall's timeout.
constexpr int kNoHangMs = 5000;          // Every outcome comes well within this.
const QString kTyped = QStringLiteral("Augusta");
const QString kPassword = QStringLiteral("typed password 1");

QByteArray customer(const QByteArray &username = "\"ada\"", const QByteArray &firstName = "\"Ada\"",
                    const QByteArray &lastName = "\"Lovelace\"")
{
    return R"({"id": 7, "username": )" + username + R"(, "email": "ada@example.org", )" +
           R"("first_name": )" + firstName + R"(, "last_name": )" + lastName + "}";
}

/// The body of a successful answer to @p stage's request carrying @p record.
QByteArray answerOf(Stage stage, const QByteArray &record)
{
    return stage == Stage::SignIn ? R"({"token": "t0k3n", "customer": )" + record + "}" : record;
}

QByteArray httpDate(const QDateTime &when)
{
    return QLocale::c()
        .toString(when.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

/// What the fault server answers the stage's request with (made when the row runs: the HTTP date
/// of Retry-After must be in the future then).
Response faultResponse(Fault fault, Stage stage)
{
    const QByteArray good = answerOf(stage, customer());
    switch (fault) {
    case Fault::Refused: // Not an answer: the server stops listening.
        break;
    case Fault::ResetMidBody: {
        Response response = Response::json(200, good);
        response.behaviour = Behaviour::ResetMidBody;
        return response;
    }
    case Fault::Stall:
        return Response::of(Behaviour::Stall);
    case Fault::BadGatewayHtml:
        return Response::raw(502, "text/html",
                             "<html><head><title>502 Bad Gateway</title></head><body><center>"
                             "<h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body>"
                             "</html>");
    case Fault::Empty200:
        return Response::json(200, QByteArray());
    case Fault::TruncatedJson:
        return Response::json(200, good.left(good.size() / 2));
    case Fault::TruncatedTransfer: {
        Response response = Response::json(200, good);
        response.behaviour = Behaviour::Truncate;
        return response;
    }
    case Fault::NullForString:
        return Response::json(200, answerOf(stage, customer("null")));
    case Fault::NumberForString:
        return Response::json(200, answerOf(stage, customer("\"ada\"", "42")));
    case Fault::ArrayForObject:
        return Response::json(200, answerOf(stage, '[' + customer() + ']'));
    case Fault::Huge:
        return Response::json(200, QByteArray(20 * 1024 * 1024, ' ') + good);
    case Fault::InvalidUtf8:
        return Response::json(
            200, answerOf(stage, customer("\"ada\"", "\"Ada\"", "\"Love\xff\xfe\xc3(lace\"")));
    case Fault::RateLimitedSeconds:
        return Response::json(
                   429, R"({"detail": "Request was throttled. Expected available in 1 second."})")
            .withHeader("Retry-After", "1");
    case Fault::RateLimitedDate:
        return Response::json(429, R"({"detail": "Request was throttled."})")
            .withHeader("Retry-After",
                        httpDate(QDateTime::currentDateTimeUtc().addSecs(2).addMSecs(500)));
    case Fault::Unavailable:
        return Response::json(503, R"({"detail": "Service temporarily unavailable."})");
    }
    return Response::of(Behaviour::Close);
}

QByteArray methodOf(Stage stage)
{
    switch (stage) {
    case Stage::SignIn:
        return "POST";
    case Stage::Refresh:
        return "GET";
    case Stage::Save:
        return "PATCH";
    }
    return {};
}

QByteArray pathOf(Stage stage)
{
    return stage == Stage::SignIn ? QByteArray("/api/login/") : QByteArray("/api/profile/");
}

/// The requests of @p stage the server has seen (its method and path).
QList<FaultServer::Request> stageRequests(const FaultServer &server, Stage stage)
{
    QList<FaultServer::Request> found;
    for (const FaultServer::Request &request : server.requests()) {
        if (request.method == methodOf(stage) && request.path() == pathOf(stage))
            found.append(request);
    }
    return found;
}

/// A server that answers everything properly: sign-in, the profile (ETag "v1"), saves ("v2").
void answerNormally(FaultServer &server)
{
    server.route("POST", "/api/login/", Response::json(200, answerOf(Stage::SignIn, customer())));
    server.route("GET", "/api/profile/",
                 Response::json(200, customer()).withHeader("ETag", "\"v1\""));
    server.route("PATCH", "/api/profile/",
                 Response::json(200, customer("\"ada\"", '"' + kTyped.toUtf8() + '"'))
                     .withHeader("ETag", "\"v2\""));
}

} // namespace

Q_DECLARE_METATYPE(Stage)
Q_DECLARE_METATYPE(Fault)
Q_DECLARE_METATYPE(portal::ErrorKind)

class TestFaultCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void catalogue_data();
    void catalogue();

private:
    /// Makes the server answer @p stage's request with @p fault (or stop listening).
    void inject(Fault fault, Stage stage);
    /// Undoes inject(): the server answers the stage's request properly again.
    void heal(Fault fault);

    void signInStage(Fault fault, const Expected &expected);
    void refreshStage(Fault fault, const Expected &expected);
    void saveStage(Fault fault, const Expected &expected);

    /// The one failure reported is the expected one.
    static void expectFailure(const QList<ApiError> &failures, const Expected &expected);
    /// The checks every row makes on the page's banner once the failure is reported.
    static void expectMessage(MessageBanner *banner, const QString &message);
    /// For a throttled row: the wait counts down with @p submit disabled, then it is enabled.
    static void waitOutCountdown(Fault fault, MessageBanner *banner, QPushButton *submit);

    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<AuthHarness> m_harness;
    quint16 m_port = 0;
};

void TestFaultCatalogue::init()
{
    m_server = std::make_unique<FaultServer>();
    QVERIFY(m_server->listen());
    m_port = m_server->port();
    answerNormally(*m_server);
    m_harness = std::make_unique<AuthHarness>();
    m_harness->api.setTransferTimeout(kTransferTimeoutMs);
    // Reads are still sent again after a failure that may pass, but at once and only once; a wait
    // the server asks for is always left to the person (no Retry-After is waited out here).
    RetryPolicy quick;
    quick.maxRetries = 1;
    quick.baseDelayMs = 10;
    quick.maxDelayMs = 20;
    quick.maxRetryAfterSeconds = 0;
    m_harness->api.setRetryPolicy(quick);
    m_harness->auth.changeServer(m_server->url());
    QCOMPARE(m_harness->auth.state(), State::SignedOut);
}

void TestFaultCatalogue::cleanup()
{
    m_harness.reset();
    m_server.reset();
}

void TestFaultCatalogue::inject(Fault fault, Stage stage)
{
    if (fault == Fault::Refused)
        m_server->close();
    else
        m_server->route(methodOf(stage), pathOf(stage), faultResponse(fault, stage));
}

void TestFaultCatalogue::heal(Fault fault)
{
    answerNormally(*m_server);
    if (fault == Fault::Refused)
        QVERIFY(m_server->listen(m_port)); // The same address, listening again.
}

void TestFaultCatalogue::expectFailure(const QList<ApiError> &failures, const Expected &expected)
{
    QCOMPARE(failures.size(), 1);
    QCOMPARE(errorKindName(failures.constFirst().kind), errorKindName(expected.kind));
    if (expected.status >= 0)
        QCOMPARE(failures.constFirst().httpStatus, expected.status);
}

void TestFaultCatalogue::expectMessage(MessageBanner *banner, const QString &message)
{
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
    QVERIFY2(banner->text().contains(message),
             qPrintable(QStringLiteral("banner: \"%1\"").arg(banner->text())));
    // A proxy's page is never shown as text, and neither are the bytes that were not UTF-8.
    QVERIFY2(!banner->text().contains(QLatin1Char('<')), qPrintable(banner->text()));
    QVERIFY2(!banner->text().contains(QChar::ReplacementCharacter), qPrintable(banner->text()));
}

void TestFaultCatalogue::waitOutCountdown(Fault fault, MessageBanner *banner, QPushButton *submit)
{
    if (fault != Fault::RateLimitedSeconds && fault != Fault::RateLimitedDate) {
        QVERIFY(submit->isEnabled());
        return;
    }
    QVERIFY(!submit->isEnabled()); // The wait the server asked for comes first.
    QTRY_COMPARE_WITH_TIMEOUT(banner->text(), QStringLiteral("You can try again now."), kNoHangMs);
    QVERIFY(submit->isEnabled());
}

void TestFaultCatalogue::catalogue_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<Stage>("stage");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message"); ///< {port}: the fault server's port.
    QTest::addColumn<int>("attempts");

    const QString unreachable = QStringLiteral("Can't reach the server at 127.0.0.1:{port}.");
    const QString brokeOff = QStringLiteral(
        "The connection to the server at 127.0.0.1:{port} broke off before its answer was "
        "complete.");
    const QString slow = QStringLiteral("The server took too long to answer. Try again.");
    const QString notUnderstood =
        QStringLiteral("The server sent an answer this app does not understand.");
    const QString tooBig =
        QStringLiteral("The server sent a far bigger answer than expected, so it was not read.");
    const QString throttled = QStringLiteral("Too many attempts. Try again in ");
    const QString throttledOne = QStringLiteral("Too many attempts. Try again in 1 second");
    const QString badGateway =
        QStringLiteral("The server had a problem (HTTP 502). Try again later.");
    const QString unavailable =
        QStringLiteral("The server had a problem (HTTP 503). Try again later. The server said: "
                       "\u201cService temporarily unavailable.\u201d");

    struct Row
    {
        const char *name;
        Fault fault;
        ErrorKind kind;
        int status;
        QString message;
        bool readRetried; ///< A read sent once more by itself (a failure that may pass).
    };
    // Well-formed JSON of the wrong shape is found out by the model reading it, which has no
    // status to report (ApiClient::badResponse()).
    const int kByModel = -1;
    const QList<Row> rows{
        {"refused", Fault::Refused, ErrorKind::Network, 0, unreachable, true},
        // The answer began (its status arrived), then the connection broke: still the network's.
        {"reset mid-body", Fault::ResetMidBody, ErrorKind::Network, 200, brokeOff, true},
        {"stall", Fault::Stall, ErrorKind::Timeout, 0, slow, false},
        {"502 html", Fault::BadGatewayHtml, ErrorKind::Server, 502, badGateway, true},
        {"200 empty", Fault::Empty200, ErrorKind::BadResponse, 200, notUnderstood, false},
        {"truncated json", Fault::TruncatedJson, ErrorKind::BadResponse, 200, notUnderstood, false},
        {"truncated transfer", Fault::TruncatedTransfer, ErrorKind::Network, 200, brokeOff, true},
        {"null for a string", Fault::NullForString, ErrorKind::BadResponse, kByModel, notUnderstood,
         false},
        {"number for a string", Fault::NumberForString, ErrorKind::BadResponse, kByModel,
         notUnderstood, false},
        {"array for an object", Fault::ArrayForObject, ErrorKind::BadResponse, kByModel,
         notUnderstood, false},
        {"20 MB body", Fault::Huge, ErrorKind::ResponseTooLarge, 200, tooBig, false},
        {"invalid utf-8", Fault::InvalidUtf8, ErrorKind::BadResponse, 200, notUnderstood, false},
        {"429 retry-after seconds", Fault::RateLimitedSeconds, ErrorKind::RateLimited, 429,
         throttledOne, false},
        {"429 retry-after date", Fault::RateLimitedDate, ErrorKind::RateLimited, 429, throttled,
         false},
        {"503", Fault::Unavailable, ErrorKind::Server, 503, unavailable, true},
    };
    const QList<QPair<Stage, const char *>> stages{
        {Stage::SignIn, "sign-in"}, {Stage::Refresh, "refresh"}, {Stage::Save, "save"}};
    for (const auto &[stage, stageName] : stages) {
        for (const Row &row : rows) {
            // Refused never reaches the server; only reads are ever sent again.
            const int attempts = row.fault == Fault::Refused                  ? 0
                                 : stage == Stage::Refresh && row.readRetried ? 2
                                                                              : 1;
            QTest::addRow("%s: %s", stageName, row.name)
                << row.fault << stage << row.kind << row.status << row.message << attempts;
        }
    }
}

void TestFaultCatalogue::catalogue()
{
    QFETCH(Fault, fault);
    QFETCH(Stage, stage);
    QFETCH(ErrorKind, kind);
    QFETCH(int, status);
    QFETCH(QString, message);
    QFETCH(int, attempts);
    message.replace(QStringLiteral("{port}"), QString::number(m_port));
    const Expected expected{kind, status, message, attempts};

    switch (stage) {
    case Stage::SignIn:
        signInStage(fault, expected);
        return;
    case Stage::Refresh:
        refreshStage(fault, expected);
        return;
    case Stage::Save:
        saveStage(fault, expected);
        return;
    }
}

void TestFaultCatalogue::signInStage(Fault fault, const Expected &expected)
{
    AuthStateManager &auth = m_harness->auth;
    SignInPage page(&auth);
    page.resize(720, 720);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    inject(fault, Stage::SignIn);

    QList<ApiError> failures;
    connect(&auth, &AuthStateManager::signInFailed, this,
            [&failures](const ApiError &error) { failures.append(error); });
    QTest::keyClicks(page.usernameEdit(), QStringLiteral("ada"));
    QTest::keyClicks(page.passwordEdit(), kPassword);
    QTest::keyClick(page.passwordEdit(), Qt::Key_Return);
    QCOMPARE(auth.state(), State::SigningIn);
    QTRY_VERIFY_WITH_TIMEOUT(!failures.isEmpty(), kNoHangMs);

    expectFailure(failures, expected);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(auth.lastError().has_value());
    QCOMPARE(auth.lastError()->kind, expected.kind);
    expectMessage(page.banner(), expected.message);
    if (QTest::currentTestFailed())
        return;
    // Still signed out, with nothing of a session left, and everything typed still there.
    QCOMPARE(auth.state(), State::SignedOut);
    QVERIFY(!m_harness->api.hasToken());
    QCOMPARE(auth.user().id, 0);
    QCOMPARE(page.usernameEdit()->text(), QStringLiteral("ada"));
    QCOMPARE(page.passwordEdit()->text(), kPassword);
    QVERIFY(page.usernameEdit()->isEnabled());
    QVERIFY(page.passwordEdit()->isEnabled());
    QCOMPARE(stageRequests(*m_server, Stage::SignIn).size(),
             expected.attempts); // A write: never resent.

    // Usable again: the same attempt, once the server answers properly.
    heal(fault);
    waitOutCountdown(fault, page.banner(), page.signInButton());
    if (QTest::currentTestFailed())
        return;
    QTest::keyClick(page.passwordEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(auth.state(), State::SignedIn, kNoHangMs);
    QCOMPARE(auth.username(), QStringLiteral("ada"));
    QCOMPARE(failures.size(), 1);
    QVERIFY(!auth.lastError().has_value());
}

void TestFaultCatalogue::refreshStage(Fault fault, const Expected &expected)
{
    AuthStateManager &auth = m_harness->auth;
    CustomerEditor *profile = auth.profile();
    QVERIFY(m_harness->signIn(QStringLiteral("ada")));
    QTRY_COMPARE_WITH_TIMEOUT(profile->etag(), QByteArray("\"v1\""), kNoHangMs);
    ProfilePage page(&auth);
    page.resize(720, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    inject(fault, Stage::Refresh);
    const qsizetype readsBefore = stageRequests(*m_server, Stage::Refresh).size();

    QList<ApiError> failures;
    connect(profile, &CustomerEditor::loadFailed, this,
            [&failures](const ApiError &error) { failures.append(error); });
    int loads = 0;
    connect(profile, &CustomerEditor::loaded, this, [&loads]() { ++loads; });
    click(page.refreshButton());
    QVERIFY(!page.refreshButton()->isEnabled()); // Busy until the answer.
    QTRY_VERIFY_WITH_TIMEOUT(!failures.isEmpty(), kNoHangMs);

    expectFailure(failures, expected);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(loads, 0);
    if (fault == Fault::RateLimitedSeconds || fault == Fault::RateLimitedDate) {
        // A read the server asked to wait counts the wait down, Refresh disabled, and goes
        // again by itself when it ends (this client leaves every wait to the page).
        QCOMPARE(page.banner()->kind(), MessageBanner::Kind::Info);
        QVERIFY2(page.banner()->text().startsWith(
                     QStringLiteral("The server asked to wait. Trying again in ")),
                 qPrintable(page.banner()->text()));
        QVERIFY(!page.refreshButton()->isEnabled());
        heal(fault);
        m_server->route("GET", "/api/profile/",
                        Response::json(200, customer("\"ada\"", '"' + kTyped.toUtf8() + '"'))
                            .withHeader("ETag", "\"v2\""));
        QTRY_COMPARE_WITH_TIMEOUT(loads, 1, kNoHangMs);
        QCOMPARE(page.form()->input(QStringLiteral("first_name"))->text(), kTyped);
        QCOMPARE(page.banner()->text(), QString());
        QVERIFY(page.refreshButton()->isEnabled());
        QCOMPARE(failures.size(), 1);
        return;
    }
    expectMessage(page.banner(), expected.message);
    if (QTest::currentTestFailed())
        return;
    // Still signed in, with the record as it was, and the page usable.
    QCOMPARE(auth.state(), State::SignedIn);
    QCOMPARE(auth.signOutReason(), AuthStateManager::SignOutReason::None);
    QVERIFY(m_harness->api.hasToken());
    QCOMPARE(auth.user().firstName, QStringLiteral("Ada"));
    QCOMPARE(auth.user().lastName, QStringLiteral("Lovelace"));
    QCOMPARE(profile->etag(), QByteArray("\"v1\""));
    QVERIFY(!profile->isBusy());
    QCOMPARE(page.form()->input(QStringLiteral("first_name"))->text(), QStringLiteral("Ada"));
    QVERIFY(page.refreshButton()->isEnabled());
    QVERIFY(page.editButton()->isEnabled());
    QCOMPARE(stageRequests(*m_server, Stage::Refresh).size() - readsBefore, expected.attempts);

    // Usable again: Refresh works once the server answers properly (with a newer record).
    heal(fault);
    m_server->route("GET", "/api/profile/",
                    Response::json(200, customer("\"ada\"", '"' + kTyped.toUtf8() + '"'))
                        .withHeader("ETag", "\"v2\""));
    click(page.refreshButton());
    QTRY_COMPARE_WITH_TIMEOUT(loads, 1, kNoHangMs);
    QCOMPARE(page.form()->input(QStringLiteral("first_name"))->text(), kTyped);
    QCOMPARE(page.banner()->text(), QString());
    QCOMPARE(profile->etag(), QByteArray("\"v2\""));
    QCOMPARE(failures.size(), 1);
}

void TestFaultCatalogue::saveStage(Fault fault, const Expected &expected)
{
    AuthStateManager &auth = m_harness->auth;
    CustomerEditor *profile = auth.profile();
    QVERIFY(m_harness->signIn(QStringLiteral("ada")));
    QTRY_COMPARE_WITH_TIMEOUT(profile->etag(), QByteArray("\"v1\""), kNoHangMs);
    ProfilePage page(&auth);
    page.resize(720, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    inject(fault, Stage::Save);

    click(page.editButton());
    QLineEdit *first = page.form()->input(QStringLiteral("first_name"));
    first->setFocus();
    first->selectAll();
    QTest::keyClicks(first, kTyped);
    QCOMPARE(first->text(), kTyped);

    QList<ApiError> failures;
    connect(profile, &CustomerEditor::saveFailed, this,
            [&failures](const ApiError &error) { failures.append(error); });
    int saves = 0;
    connect(profile, &CustomerEditor::saved, this, [&saves]() { ++saves; });
    click(page.saveButton());
    QVERIFY(!page.saveButton()->isEnabled()); // Busy until the answer.
    QTRY_VERIFY_WITH_TIMEOUT(!failures.isEmpty(), kNoHangMs);

    expectFailure(failures, expected);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(saves, 0);
    expectMessage(page.banner(), expected.message);
    if (QTest::currentTestFailed())
        return;
    // Still signed in, the record as it was, the edit still typed in, ready to be saved again.
    QCOMPARE(auth.state(), State::SignedIn);
    QCOMPARE(auth.signOutReason(), AuthStateManager::SignOutReason::None);
    QVERIFY(m_harness->api.hasToken());
    QCOMPARE(auth.user().firstName, QStringLiteral("Ada"));
    QCOMPARE(profile->etag(), QByteArray("\"v1\""));
    QVERIFY(!profile->isBusy());
    QCOMPARE(first->text(), kTyped);
    QVERIFY(page.form()->isEditing());
    QVERIFY(page.hasUnsavedChanges());
    QVERIFY(first->isEnabled());
    const QList<FaultServer::Request> sent = stageRequests(*m_server, Stage::Save);
    QCOMPARE(sent.size(), expected.attempts); // A write: never resent by itself.
    for (const FaultServer::Request &request : sent)
        QCOMPARE(request.header("If-Match"), QByteArray("\"v1\""));

    // Usable again: the same Save, with the same edit, once the server answers properly.
    heal(fault);
    waitOutCountdown(fault, page.banner(), page.saveButton());
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(first->text(), kTyped);
    click(page.saveButton());
    QTRY_COMPARE_WITH_TIMEOUT(saves, 1, kNoHangMs);
    QCOMPARE(page.banner()->text(), QStringLiteral("Saved."));
    QVERIFY(!page.form()->isEditing());
    QCOMPARE(auth.user().firstName, kTyped);
    QCOMPARE(profile->etag(), QByteArray("\"v2\""));
    const QList<FaultServer::Request> after = stageRequests(*m_server, Stage::Save);
    QCOMPARE(after.size(), expected.attempts + 1);
    QVERIFY2(after.constLast().body.contains(kTyped.toUtf8()), after.constLast().body.constData());
    QCOMPARE(failures.size(), 1);
}

QTEST_MAIN(TestFaultCatalogue)
#include "tst_faultcatalogue.moc"
