// ApiClient's attempts and credentials against a loopback fault server: reads sent again after
// failures that may pass (and writes never), bounded; a generation per credentials, not a token
// string, decides whether a failure ends the session; and no secret survives into an error or a
// log line, whatever a hostile server sends back.

#include "apiclient.h"
#include "apiclienttest.h"
#include "faultserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace portal;
using namespace portal::test;
using Response = FaultServer::Response;

namespace {

/// Fast retries for tests: the rule is the production one, only the waits are short.
RetryPolicy quickRetries()
{
    RetryPolicy policy;
    policy.baseDelayMs = 10;
    return policy;
}

const QByteArray kRefreshPath = QByteArrayLiteral("/api/token/refresh/");
const QString kRefresh = QStringLiteral("r3fr3sh-t0ken-value");

/// simplejwt's answer to an access token that expired (or was never valid).
const QByteArray kTokenNotValid =
    R"({"detail": "Given token not valid for any token type", "code": "token_not_valid"})";

/// A JWT server's read: the profile for the access token "fresh", the expired-token 401 otherwise.
Response jwtRead(const FaultServer::Request &request)
{
    return request.header("Authorization") == "Bearer fresh"
               ? Response::json(200, R"({"id": 7, "username": "bob"})")
               : Response::json(401, kTokenNotValid);
}

/// Log output captured while alive (every category, debug included).
class LogCapture
{
public:
    LogCapture()
    {
        s_lines = &m_lines;
        m_previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &,
                                               const QString &line) { s_lines->append(line); });
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        s_lines = nullptr;
    }
    Q_DISABLE_COPY_MOVE(LogCapture)

    QString all() const { return m_lines.join(QLatin1Char('\n')); }

private:
    static inline QStringList *s_lines = nullptr;
    QStringList m_lines;
    QtMessageHandler m_previous;
};

} // namespace

class tst_ApiClientAttempts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void readsAreSentAgainUntilTheyWork_data();
    void readsAreSentAgainUntilTheyWork();
    void writesAreNeverSentAgain_data();
    void writesAreNeverSentAgain();
    void attemptsAreBounded();
    void rateLimitedReadWaitsForRetryAfter();
    void abortWhileWaitingSendsNothingMore();
    void newCredentialsAreANewGeneration();
    void hostileServerNeverSeesItsEchoShown();
    void onlyAnExpiredAccessTokenIsRenewed();
    void anUnreachableRefreshDoesNotEndTheSession();
    void aReadRefusedAfterARenewalIsReplayedAtOnce();
    void signingOutDuringARenewalKeepsNothing();
    void theRefreshTokenNeverShows();

private:
    /// JWT mode: an expired access token ("stale") and the refresh token kRefresh.
    void useJwt();
    /// The requests of @p method to @p path that reached the server.
    int requestsTo(const QByteArray &method, const QByteArray &path) const;

    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<ApiClient> m_client;
};

void tst_ApiClientAttempts::init()
{
    m_server = std::make_unique<FaultServer>();
    QVERIFY(m_server->listen());
    m_client = std::make_unique<ApiClient>();
    m_client->setBaseUrl(m_server->url());
    m_client->setRetryPolicy(quickRetries());
    m_client->setToken(QStringLiteral("staff-token"));
}

void tst_ApiClientAttempts::cleanup()
{
    m_client.reset();
    m_server.reset();
}

void tst_ApiClientAttempts::readsAreSentAgainUntilTheyWork_data()
{
    QTest::addColumn<Response>("failure");
    QTest::addColumn<int>("attempts"); // The client's own; the server sees three requests.
    QTest::newRow("502 page") << Response::raw(502, "text/html", "<h1>Bad Gateway</h1>") << 3;
    QTest::newRow("503") << Response::json(503, R"({"detail": "Busy."})") << 3;
    QTest::newRow("504") << Response::raw(504, {}, {}) << 3;
    // Qt's HTTP transport itself sends a request once more when its connection closes before
    // any answer: the client's retry comes on top of that, so two attempts of its own here.
    QTest::newRow("reset") << Response::of(FaultServer::Behaviour::Reset) << 2;
    QTest::newRow("closed without answer") << Response::of(FaultServer::Behaviour::Close) << 2;
}

void tst_ApiClientAttempts::readsAreSentAgainUntilTheyWork()
{
    QFETCH(Response, failure);
    QFETCH(int, attempts);
    int answered = 0;
    m_server->route("/api/profile/", [&answered, failure](const FaultServer::Request &) {
        // Twice the failure, then the profile.
        return ++answered <= 2 ? failure : Response::json(200, R"({"id": 1, "username": "alice"})");
    });
    ApiCall *call = m_client->fetchProfile();
    int made = 0;
    connect(call, &ApiCall::finished, this, [&made, call]() { made = call->attempts(); });
    const auto outcome = watch(call);
    WAIT_DONE(outcome);
    QVERIFY2(outcome->ok(), qPrintable(outcome->kind()));
    QCOMPARE(outcome->count, 1); // One result for the caller, however many attempts.
    QCOMPARE(made, attempts);
    QCOMPARE(m_server->requests().size(), 3);
    for (const FaultServer::Request &request : m_server->requests()) // Each carries the token.
        QCOMPARE(request.header("Authorization"), QByteArray("Token staff-token"));
}

void tst_ApiClientAttempts::writesAreNeverSentAgain_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<Response>("failure");
    QTest::newRow("PATCH 503") << QByteArray("PATCH") << Response::json(503, "{}");
    QTest::newRow("PUT 502") << QByteArray("PUT") << Response::raw(502, "text/html", "<p>x</p>");
    QTest::newRow("POST 504") << QByteArray("POST") << Response::raw(504, {}, {});
    QTest::newRow("POST 429 with a short Retry-After")
        << QByteArray("POST") << Response::json(429, "{}").withHeader("Retry-After", "1");
}

void tst_ApiClientAttempts::writesAreNeverSentAgain()
{
    QFETCH(QByteArray, method);
    QFETCH(Response, failure);
    m_server->route("/api/profile/", failure);
    ApiRequest request;
    request.method = method;
    request.path = QStringLiteral("/api/profile/");
    request.body = QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Once")}};
    const auto outcome = watch(m_client->send(request));
    WAIT_DONE(outcome);
    QVERIFY(!outcome->ok());
    QCOMPARE(m_server->requests().size(), 1);
}

void tst_ApiClientAttempts::attemptsAreBounded()
{
    QUrl closed = m_server->url();
    m_server.reset(); // Nothing listens there now: refused every time.
    m_client->setBaseUrl(closed);
    ApiCall *call = m_client->fetchProfile();
    int attempts = 0;
    connect(call, &ApiCall::finished, this, [&attempts, call]() { attempts = call->attempts(); });
    const auto outcome = watch(call);
    WAIT_DONE(outcome);
    QCOMPARE(kindName(outcome->error().kind), kindName(ErrorKind::Network));
    QCOMPARE(attempts, 1 + quickRetries().maxRetries);
}

void tst_ApiClientAttempts::rateLimitedReadWaitsForRetryAfter()
{
    int answered = 0;
    m_server->route("/api/customers/", [&answered](const FaultServer::Request &) {
        return ++answered == 1
                   ? Response::json(429, R"({"detail": "Slow down."})")
                         .withHeader("Retry-After", "1")
                   : Response::json(200, R"({"count": 0, "next": null, "results": []})");
    });
    QElapsedTimer clock;
    clock.start();
    const auto outcome = watch(m_client->fetchCustomerPage({}));
    WAIT_DONE(outcome);
    QVERIFY2(outcome->ok(), qPrintable(outcome->kind()));
    QCOMPARE(m_server->requests().size(), 2);
    // Not a timing assertion: a retry sooner than the server asked would be a protocol error.
    QVERIFY(clock.elapsed() >= 1000);
}

void tst_ApiClientAttempts::abortWhileWaitingSendsNothingMore()
{
    RetryPolicy patient;
    patient.baseDelayMs = 60000;
    m_client->setRetryPolicy(patient);
    m_server->route("/api/profile/", Response::json(503, "{}"));
    QSignalSpy received(m_server.get(), &FaultServer::requestReceived);
    ApiCall *call = m_client->fetchProfile();
    const auto outcome = watch(call);
    QVERIFY(received.wait(kWaitMs));
    QTRY_COMPARE(call->attempts(), 1);
    QTest::qWait(50); // The 503 is read and the call now waits a minute to try again.
    QVERIFY(!outcome->done());
    call->abort();
    QVERIFY(outcome->done());
    QCOMPARE(kindName(outcome->error().kind), kindName(ErrorKind::Cancelled));
    QCOMPARE(outcome->count, 1);
    QCOMPARE(m_server->requests().size(), 1);
}

void tst_ApiClientAttempts::newCredentialsAreANewGeneration()
{
    // DRF gives a user the same token again at the next sign-in: a 401 that answers a request of
    // the previous session must not end the new one, although the token string is the same.
    m_server->route("/api/profile/",
                    Response::json(401, R"({"detail": "Invalid token."})").delayedBy(300));
    QSignalSpy expired(m_client.get(), &ApiClient::sessionExpired);
    QSignalSpy received(m_server.get(), &FaultServer::requestReceived);
    const auto old = watch(m_client->fetchProfile());
    QVERIFY(received.wait(kWaitMs));
    m_client->setToken(QStringLiteral("staff-token")); // Signed in again: same token.
    WAIT_DONE(old);
    QCOMPARE(kindName(old->error().kind), kindName(ErrorKind::Unauthorized));
    QVERIFY(!old->error().endsSession);
    QCOMPARE(expired.count(), 0);
    // A request of the new generation failing the same way does end it.
    const auto current = watch(m_client->fetchProfile());
    WAIT_DONE(current);
    QVERIFY(current->error().endsSession);
    QCOMPARE(expired.count(), 1);
}

void tst_ApiClientAttempts::hostileServerNeverSeesItsEchoShown()
{
    // A server (or a proxy) that echoes the Authorization header back in every text it can.
    const QString secret = QStringLiteral("s3cr3t-t0ken-value");
    m_client->setToken(secret);
    m_server->route("PATCH", "/api/profile/",
                    Response::json(400, R"({"email": ["s3cr3t-t0ken-value is not an email"],
                        "non_field_errors": ["Authorization: Token s3cr3t-t0ken-value"]})"));
    m_server->route("GET", "/api/profile/",
                    Response::json(403, R"({"detail": "Token s3cr3t-t0ken-value rejected"})"));
    LogCapture logs;
    ApiRequest patch;
    patch.method = "PATCH";
    patch.path = QStringLiteral("/api/profile/");
    const auto invalid = watch(m_client->send(patch));
    ApiRequest get;
    get.path = QStringLiteral("/api/profile/");
    const auto refused = watch(m_client->send(get));
    WAIT_DONE(invalid);
    WAIT_DONE(refused);
    QCOMPARE(kindName(invalid->error().kind), kindName(ErrorKind::Validation));
    QCOMPARE(kindName(refused->error().kind), kindName(ErrorKind::Forbidden));
    for (const ApiError &error : {invalid->error(), refused->error()}) {
        QStringList texts{error.userMessage(), error.serverMessage, error.technicalDetail};
        texts += error.nonFieldErrors;
        for (const QStringList &messages : error.fieldErrors)
            texts += messages;
        const QString shown = texts.join(QLatin1Char('\n'));
        QVERIFY2(shown.contains(QStringLiteral("<redacted>")), qPrintable(shown));
        QVERIFY2(!shown.contains(secret), qPrintable(shown));
    }
    QVERIFY2(!logs.all().isEmpty(), "debug logging is on in the tests");
    QVERIFY2(!logs.all().contains(secret), qPrintable(logs.all()));
}

void tst_ApiClientAttempts::useJwt()
{
    m_client->setAuthMode(AuthMode::Jwt);
    QVERIFY(m_client->beginSession(QJsonObject{{QStringLiteral("access"), QStringLiteral("stale")},
                                               {QStringLiteral("refresh"), kRefresh}}));
}

int tst_ApiClientAttempts::requestsTo(const QByteArray &method, const QByteArray &path) const
{
    int count = 0;
    for (const FaultServer::Request &request : m_server->requests())
        count += request.method == method && request.path() == path ? 1 : 0;
    return count;
}

void tst_ApiClientAttempts::onlyAnExpiredAccessTokenIsRenewed()
{
    // simplejwt's other 401s (a user that is gone or inactive) are not cured by a refresh.
    useJwt();
    m_server->route(
        "/api/profile/",
        Response::json(401, R"({"detail": "User not found", "code": "user_not_found"})"));
    m_server->route(kRefreshPath, Response::json(200, R"({"access": "fresh"})"));
    QSignalSpy expired(m_client.get(), &ApiClient::sessionExpired);
    const auto profile = watch(m_client->fetchProfile());
    WAIT_DONE(profile);
    QCOMPARE(kindName(profile->error().kind), kindName(ErrorKind::Unauthorized));
    QVERIFY(profile->error().endsSession);
    QCOMPARE(expired.count(), 1);
    QCOMPARE(requestsTo("POST", kRefreshPath), 0);
}

void tst_ApiClientAttempts::anUnreachableRefreshDoesNotEndTheSession()
{
    // The read is answered (expired access token), the refresh is not: the server is out of
    // reach, and the session waits for it rather than ending.
    useJwt();
    m_server->route("/api/profile/", jwtRead);
    m_server->route(kRefreshPath, Response::of(FaultServer::Behaviour::Reset));
    QSignalSpy expired(m_client.get(), &ApiClient::sessionExpired);
    const auto down = watch(m_client->fetchProfile());
    WAIT_DONE(down);
    QVERIFY(requestsTo("POST", kRefreshPath) >= 1);
    QCOMPARE(kindName(down->error().kind), kindName(ErrorKind::Network));
    QVERIFY(!down->error().endsSession);
    QCOMPARE(expired.count(), 0);
    QVERIFY(m_client->hasToken());
    // Reachable again: the same refresh token renews, the read goes through.
    m_server->route(kRefreshPath, Response::json(200, R"({"access": "fresh"})"));
    const auto up = watch(m_client->fetchProfile(true));
    WAIT_DONE(up);
    QVERIFY2(up->ok(), qPrintable(up->kind()));
    QCOMPARE(expired.count(), 0);
}

void tst_ApiClientAttempts::aReadRefusedAfterARenewalIsReplayedAtOnce()
{
    // Two reads with the expired token; the slow one's 401 comes after the fast one's renewal
    // has finished: it is sent again with the new access token, without a second refresh.
    useJwt();
    m_server->route("/api/customers/7/", [](const FaultServer::Request &request) {
        Response response = jwtRead(request);
        if (response.status == 401)
            response.delayedBy(1000);
        return response;
    });
    m_server->route("/api/profile/", jwtRead);
    m_server->route(kRefreshPath, Response::json(200, R"({"access": "fresh"})"));
    const auto slow = watch(m_client->fetchCustomer(7));
    const auto fast = watch(m_client->fetchProfile());
    WAIT_DONE(fast);
    QVERIFY2(fast->ok(), qPrintable(fast->kind()));
    QVERIFY2(!slow->done(), "the slow read must still wait for its 401");
    WAIT_DONE(slow);
    QVERIFY2(slow->ok(), qPrintable(slow->kind()));
    QCOMPARE(requestsTo("POST", kRefreshPath), 1);
    QCOMPARE(requestsTo("GET", "/api/customers/7/"), 2);
}

void tst_ApiClientAttempts::signingOutDuringARenewalKeepsNothing()
{
    // The refresh answers after the session has ended: its access token must not bring the
    // session back, and the read that waited for it is cancelled, not sent.
    useJwt();
    m_server->route("/api/profile/", jwtRead);
    m_server->route(kRefreshPath, Response::json(200, R"({"access": "fresh"})").delayedBy(300));
    const auto profile = watch(m_client->fetchProfile());
    QTRY_COMPARE_WITH_TIMEOUT(requestsTo("POST", kRefreshPath), 1, kWaitMs);
    m_client->clearToken();
    WAIT_DONE(profile);
    QCOMPARE(kindName(profile->error().kind), kindName(ErrorKind::Cancelled));
    QVERIFY(!m_client->hasToken());
    QCOMPARE(requestsTo("GET", "/api/profile/"), 1);
}

void tst_ApiClientAttempts::theRefreshTokenNeverShows()
{
    // A refresh refused by a server that echoes the refresh token back: the session ends, and
    // neither the error nor the log shows that token.
    useJwt();
    m_server->route("/api/profile/", jwtRead);
    m_server->route(kRefreshPath,
                    Response::json(401, R"({"detail": "r3fr3sh-t0ken-value is blacklisted",
                        "code": "token_not_valid"})"));
    LogCapture logs;
    const auto profile = watch(m_client->fetchProfile());
    WAIT_DONE(profile);
    const ApiError error = profile->error();
    QCOMPARE(kindName(error.kind), kindName(ErrorKind::Unauthorized));
    QVERIFY(error.endsSession);
    const QString shown =
        QStringList{error.userMessage(), error.serverMessage, error.technicalDetail}.join(
            QLatin1Char('\n'));
    QVERIFY2(shown.contains(QStringLiteral("<redacted>")), qPrintable(shown));
    QVERIFY2(!shown.contains(kRefresh), qPrintable(shown));
    QVERIFY2(!logs.all().isEmpty(), "debug logging is on in the tests");
    QVERIFY2(!logs.all().contains(kRefresh), qPrintable(logs.all()));
}

QTEST_GUILESS_MAIN(tst_ApiClientAttempts)
#include "tst_apiclient_attempts.moc"
