#include "apiclient.h"
#include "apiclienttest.h"
#include "faultserver.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace portal;
using namespace portal::test;
using Response = FaultServer::Response;

/// What ApiClient refuses to send, and how it reads what a server may answer in the wild: stalls,
/// resets, garbage, throttling, server errors, credential errors, a 403-first server.
class tst_ApiClientFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void plainHttpElsewhereIsRefusedBeforeSending_data();
    void plainHttpElsewhereIsRefusedBeforeSending();
    void timeout_data();
    void timeout();
    void connectionFailuresAreNetwork_data();
    void connectionFailuresAreNetwork();
    void refusedConnectionIsNetwork();
    void preconnectOpensTheConnectionTheFirstRequestUses();
    void preconnectGoesThroughTheProxy();
    void badSuccessBodies_data();
    void badSuccessBodies();
    void rateLimited();
    void serverErrors_data();
    void serverErrors();
    void credentialErrors_data();
    void credentialErrors();
    void forbiddenEndsSessionOnlyForProfile_data();
    void forbiddenEndsSessionOnlyForProfile();
    void bodyOverTheLimitIsCutOff_data();
    void bodyOverTheLimitIsCutOff();
    void proxyAskingForCredentialsIsAClearError();
    void staffAccessDeniedOnlyForStaffRequests_data();
    void staffAccessDeniedOnlyForStaffRequests();

private:
    /// GET profile with a token from the fault server answering @p response; @p expiries gets how
    /// often sessionExpired() was emitted.
    std::shared_ptr<Outcome> fetchProfileAnswered(const FaultServer::Response &response,
                                                  int *expiries);

    std::unique_ptr<FaultServer> m_fault;
};

void tst_ApiClientFaults::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_ApiClientFaults::init()
{
    m_fault = std::make_unique<FaultServer>();
    QVERIFY(m_fault->listen());
}

void tst_ApiClientFaults::cleanup()
{
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    m_fault.reset();
}

std::shared_ptr<Outcome>
tst_ApiClientFaults::fetchProfileAnswered(const FaultServer::Response &response, int *expiries)
{
    m_fault->route("/api/profile/", response);
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    client.setToken(QStringLiteral("t"));
    QSignalSpy expired(&client, &ApiClient::sessionExpired);
    const auto outcome = watch(client.fetchProfile());
    static_cast<void>(QTest::qWaitFor([&outcome]() { return outcome->done(); }, kWaitMs));
    *expiries = int(expired.count());
    return outcome;
}

void tst_ApiClientFaults::plainHttpElsewhereIsRefusedBeforeSending_data()
{
    QTest::addColumn<QString>("base");

    QTest::newRow("TEST-NET address") << QStringLiteral("http://192.0.2.1");
    QTest::newRow("private address with port") << QStringLiteral("http://10.0.0.5:8000");
    QTest::newRow("name") << QStringLiteral("http://portal.example.com");
    QTest::newRow("localhost lookalike") << QStringLiteral("http://localhost.example.com");
    QTest::newRow("ftp") << QStringLiteral("ftp://192.0.2.1");
}

void tst_ApiClientFaults::plainHttpElsewhereIsRefusedBeforeSending()
{
    QFETCH(QString, base);

    // Every connection Qt would make now goes to the fault server acting as the proxy, so nothing
    // can leave this machine, and a single byte sent would show up there.
    QNetworkProxy::setApplicationProxy(
        QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), m_fault->port()));
    {
        // The trap works: a plain request to the same address reaches the proxy.
        QNetworkAccessManager nam;
        QNetworkReply *reply =
            nam.get(QNetworkRequest(QUrl(QStringLiteral("http://192.0.2.1/control"))));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), kWaitMs);
        delete reply;
        QCOMPARE(m_fault->requests().size(), 1);
        QCOMPARE(m_fault->requests().constFirst().target, QByteArray("http://192.0.2.1/control"));
    }
    const int connectionsBefore = m_fault->connectionCount();
    const qint64 bytesBefore = m_fault->bytesReceived();

    ApiClient client;
    client.setBaseUrl(QUrl(base));
    client.setToken(QStringLiteral("secret-token"));
    QVERIFY(!client.preconnect()); // Not even a connection where a request would be refused.
    const QRegularExpression refusal(QStringLiteral("refused: only https"));
    QTest::ignoreMessage(QtWarningMsg, refusal);
    QTest::ignoreMessage(QtWarningMsg, refusal);
    const auto profile = watch(client.fetchProfile());
    const auto login =
        watch(client.login(QStringLiteral("alice"), QStringLiteral("alice-password-1")));
    QCOMPARE(profile->count, 0); // Never synchronously: callers connect after the call returns.
    WAIT_DONE(profile);
    WAIT_DONE(login);
    for (const auto &outcome : {profile, login}) {
        QCOMPARE(outcome->kind(), kindName(ErrorKind::InsecureTransport));
        QCOMPARE(outcome->count, 1);
        QCOMPARE(outcome->error().userMessage(),
                 QStringLiteral("Plain http is allowed only to this computer; use https."));
    }
    QCOMPARE(m_fault->connectionCount(), connectionsBefore);
    QCOMPARE(m_fault->bytesReceived(), bytesBefore);
}

void tst_ApiClientFaults::timeout_data()
{
    QTest::addColumn<int>("clientTimeout");
    QTest::addColumn<int>("requestTimeout");

    QTest::newRow("client transfer timeout") << 300 << -1;
    QTest::newRow("per-request timeout") << 60000 << 300;
}

void tst_ApiClientFaults::timeout()
{
    QFETCH(int, clientTimeout);
    QFETCH(int, requestTimeout);

    m_fault->setDefaultResponse(FaultServer::Response::of(FaultServer::Behaviour::Stall));
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    client.setTransferTimeout(clientTimeout);
    QCOMPARE(client.transferTimeout(), clientTimeout);
    ApiRequest request;
    request.path = QStringLiteral("/api/profile/");
    request.timeoutMs = requestTimeout;
    const auto outcome = watch(client.send(request));
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(ErrorKind::Timeout));
    QCOMPARE(outcome->error().userMessage(),
             QStringLiteral("The server took too long to answer. Try again."));
    QCOMPARE(m_fault->requests().size(), 1);
}

void tst_ApiClientFaults::connectionFailuresAreNetwork_data()
{
    QTest::addColumn<FaultServer::Behaviour>("behaviour");
    QTest::addColumn<int>("status");

    QTest::newRow("reset") << FaultServer::Behaviour::Reset << 0;
    QTest::newRow("closed without answer") << FaultServer::Behaviour::Close << 0;
    // An answer that breaks off is the connection failing too, not a body to make sense of.
    QTest::newRow("truncated transfer") << FaultServer::Behaviour::Truncate << 200;
}

void tst_ApiClientFaults::connectionFailuresAreNetwork()
{
    QFETCH(FaultServer::Behaviour, behaviour);
    QFETCH(int, status);

    m_fault->setDefaultResponse(FaultServer::Response::of(behaviour));
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    const auto outcome = watch(client.fetchProfile());
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(ErrorKind::Network));
    QCOMPARE(outcome->error().httpStatus, status);
    // No answer at all: the server may be gone. An answer that broke off: the server is there.
    const QString expected =
        status == 0
            ? QStringLiteral("Can't reach the server at 127.0.0.1:%1. Check your connection, or "
                             "the server address (Settings \u25b8 Server address\u2026).")
            : QStringLiteral("The connection to the server at 127.0.0.1:%1 broke off before its "
                             "answer was complete. Check your connection and try again.");
    QCOMPARE(outcome->error().userMessage(), expected.arg(m_fault->port()));
}

void tst_ApiClientFaults::refusedConnectionIsNetwork()
{
    const QUrl closed = m_fault->url();
    m_fault.reset(); // Nothing listens on that port any more.
    ApiClient client;
    client.setBaseUrl(closed);
    const auto outcome = watch(client.login(QStringLiteral("a"), QStringLiteral("b")));
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(ErrorKind::Network));
    QCOMPARE(outcome->error().server, QStringLiteral("127.0.0.1:%1").arg(closed.port()));
    QVERIFY(!outcome->error().serverAddressFixed);

    // An address the administrator fixed: every error says so, and its message sends nobody to
    // Settings.
    client.setServerAddressFixed(true);
    const auto fixed = watch(client.login(QStringLiteral("a"), QStringLiteral("b")));
    WAIT_DONE(fixed);
    QVERIFY(fixed->error().serverAddressFixed);
    QCOMPARE(fixed->error().userMessage(),
             QStringLiteral("Can't reach the server at 127.0.0.1:%1. Check your connection and "
                            "try again; if it goes on, tell your administrator.")
                 .arg(closed.port()));
}

void tst_ApiClientFaults::preconnectOpensTheConnectionTheFirstRequestUses()
{
    m_fault->setDefaultResponse(
        Response::json(200, R"({"id": 1, "username": "alice", "email": "a@example.org"})"));
    ApiClient client;
    QVERIFY(!client.preconnect()); // No server yet.
    client.setBaseUrl(m_fault->url());
    client.setToken(QStringLiteral("secret-token"));
    QVERIFY(client.preconnect());
    QTRY_COMPARE_WITH_TIMEOUT(m_fault->connectionCount(), 1, kWaitMs);
    QVERIFY(m_fault->requests().isEmpty()); // Nothing is sent over it...
    const auto outcome = watch(client.fetchProfile());
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), QStringLiteral("ok"));
    QCOMPARE(m_fault->requests().size(), 1);
    QCOMPARE(m_fault->connectionCount(), 1); // ... until the first request, which takes it.
    // Nor is Qt's reply for the connection left behind (each restore would leak one).
    auto *manager = client.findChild<QNetworkAccessManager *>();
    QTRY_VERIFY_WITH_TIMEOUT(manager->findChildren<QNetworkReply *>().isEmpty(), kWaitMs);
}

void tst_ApiClientFaults::preconnectGoesThroughTheProxy()
{
    // An https server elsewhere: the connection (and its TLS) goes through the proxy in force,
    // as the requests would. The fault server, as the proxy, sees CONNECTs and nothing else.
    QNetworkProxy::setApplicationProxy(
        QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), m_fault->port()));
    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("https://192.0.2.1:8443")));
    QVERIFY(client.preconnect());
    QTRY_VERIFY_WITH_TIMEOUT(!m_fault->requests().isEmpty(), kWaitMs);
    // (Qt tries the tunnel again after the proxy's refusal; each try is a CONNECT alone.)
    for (const FaultServer::Request &request : m_fault->requests()) {
        QCOMPARE(request.method, QByteArray("CONNECT"));
        QCOMPARE(request.target, QByteArray("192.0.2.1:8443"));
    }
}

void tst_ApiClientFaults::badSuccessBodies_data()
{
    QTest::addColumn<FaultServer::Response>("response");

    QTest::newRow("html page") << Response::raw(200, "text/html",
                                                "<html><body>Welcome to the proxy</body></html>");
    QTest::newRow("garbage") << Response::raw(200, "application/octet-stream",
                                              QByteArray("\x00\x01\xfe\xff", 4));
    QTest::newRow("malformed json") << Response::json(200, R"({"id": 1, "username": })");
    QTest::newRow("wrong type") << Response::json(200, R"(["not", "a", "customer"])");
    QTest::newRow("empty 200") << Response::json(200, QByteArray());
}

void tst_ApiClientFaults::badSuccessBodies()
{
    QFETCH(FaultServer::Response, response);

    int expiries = -1;
    const auto outcome = fetchProfileAnswered(response, &expiries);
    QVERIFY(outcome->done());
    QCOMPARE(outcome->kind(), kindName(ErrorKind::BadResponse));
    QCOMPARE(outcome->error().httpStatus, 200);
    QVERIFY(!outcome->error().userMessage().contains(QLatin1Char('<')));
    QCOMPARE(expiries, 0);
}

void tst_ApiClientFaults::rateLimited()
{
    m_fault->route(
        "/api/login/",
        FaultServer::Response::json(
            429, R"({"detail": "Request was throttled. Expected available in 7 seconds."})")
            .withHeader("Retry-After", "7"));
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    const auto outcome = watch(client.login(QStringLiteral("alice"), QStringLiteral("x")));
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(ErrorKind::RateLimited));
    QCOMPARE(outcome->error().retryAfterSeconds, 7);
    QCOMPARE(outcome->error().userMessage(),
             QStringLiteral("Too many attempts. Try again in 7 seconds."));
}

void tst_ApiClientFaults::serverErrors_data()
{
    QTest::addColumn<FaultServer::Response>("response");
    QTest::addColumn<int>("status");

    QTest::newRow("500 json") << Response::json(500, R"({"detail": "Server error."})") << 500;
    QTest::newRow("502 html") << Response::raw(502, "text/html", "<h1>Bad Gateway</h1>") << 502;
    QTest::newRow("503 empty") << Response::raw(503, {}, {}) << 503;
}

void tst_ApiClientFaults::serverErrors()
{
    QFETCH(FaultServer::Response, response);
    QFETCH(int, status);

    int expiries = -1;
    const auto outcome = fetchProfileAnswered(response, &expiries);
    QVERIFY(outcome->done());
    QCOMPARE(outcome->kind(), kindName(ErrorKind::Server));
    QCOMPARE(outcome->error().httpStatus, status);
    QVERIFY(outcome->error().userMessage().contains(QString::number(status)));
    QCOMPARE(expiries, 0);
}

void tst_ApiClientFaults::credentialErrors_data()
{
    QTest::addColumn<bool>("registering");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("message");

    const QString wrong = QStringLiteral("Wrong username or password.");
    const QByteArray nonField = R"({"non_field_errors": ["Unable to log in."]})";
    const QByteArray taken = R"({"non_field_errors": ["That username and email are taken."]})";
    const QByteArray envelope =
        R"({"error": true, "message": "An error occurred", "details": {"non_field_errors": ["That username and email are taken."]}, "status_code": 400})";
    const QString takenText = QStringLiteral("That username and email are taken.");

    QTest::newRow("login 400 non-field")
        << false << 400 << nonField << ErrorKind::InvalidCredentials << wrong;
    QTest::newRow("login 400 error")
        << false << 400 << QByteArray(R"({"error": "Invalid credentials"})")
        << ErrorKind::InvalidCredentials << wrong;
    QTest::newRow("login 401") << false << 401
                               << QByteArray(R"({"detail": "Invalid credentials."})")
                               << ErrorKind::InvalidCredentials << wrong;
    // A register form's own non-field errors are not a wrong password.
    QTest::newRow("register 400 non-field")
        << true << 400 << taken << ErrorKind::Validation << takenText;
    QTest::newRow("register 400 error")
        << true << 400 << QByteArray(R"({"error": "Username already exists."})")
        << ErrorKind::Validation << QStringLiteral("Username already exists.");
    QTest::newRow("register 400 envelope")
        << true << 400 << envelope << ErrorKind::Validation << takenText;
    QTest::newRow("register 401") << true << 401
                                  << QByteArray(R"({"detail": "Invalid credentials."})")
                                  << ErrorKind::InvalidCredentials << wrong;
}

void tst_ApiClientFaults::credentialErrors()
{
    QFETCH(bool, registering);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, message);

    m_fault->setDefaultResponse(FaultServer::Response::json(status, body));
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    client.setToken(QStringLiteral("an-old-session"));
    QSignalSpy expired(&client, &ApiClient::sessionExpired);
    const QJsonObject fields{{QStringLiteral("username"), QStringLiteral("bob")},
                             {QStringLiteral("email"), QStringLiteral("bob@example.com")},
                             {QStringLiteral("password"), QStringLiteral("pw-123456")}};
    const auto outcome =
        watch(registering ? client.registerAccount(fields)
                          : client.login(QStringLiteral("bob"), QStringLiteral("pw-123456")));
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(kind));
    QCOMPARE(outcome->error().httpStatus, status);
    QCOMPARE(outcome->error().userMessage(), message);
    QCOMPARE(expired.count(), 0); // Credentials never end a session.
    QVERIFY(client.hasToken());
}

void tst_ApiClientFaults::forbiddenEndsSessionOnlyForProfile_data()
{
    QTest::addColumn<bool>("profile");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<int>("expiries");

    QTest::newRow("GET profile") << true << ErrorKind::Unauthorized << 1;
    QTest::newRow("other request") << false << ErrorKind::Forbidden << 0;
}

void tst_ApiClientFaults::forbiddenEndsSessionOnlyForProfile()
{
    QFETCH(bool, profile);
    QFETCH(ErrorKind, kind);
    QFETCH(int, expiries);

    m_fault->setDefaultResponse(FaultServer::Response::json(
        403, R"({"detail": "Authentication credentials were not provided."})"));
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    client.setToken(QStringLiteral("t"));
    QSignalSpy expired(&client, &ApiClient::sessionExpired);
    ApiRequest other;
    other.path = QStringLiteral("/api/customers/");
    const auto outcome = watch(profile ? client.fetchProfile() : client.send(other));
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(kind));
    QCOMPARE(outcome->error().httpStatus, 403);
    QCOMPARE(expired.count(), expiries);
}

void tst_ApiClientFaults::bodyOverTheLimitIsCutOff_data()
{
    QTest::addColumn<Response>("response");
    QTest::addColumn<qint64>("limit");
    QTest::newRow("20 MB answer, default limit")
        << Response::json(200, QByteArray(20 * 1024 * 1024, ' ') + "{}") << qint64(0);
    QTest::newRow("20 MB error page, default limit")
        << Response::raw(502, "text/html", QByteArray(20 * 1024 * 1024, 'x')) << qint64(0);
    QTest::newRow("5 KB over a 1 KB limit")
        << Response::json(200, QByteArray(5000, ' ') + R"({"id": 1, "username": "a"})")
        << qint64(1024);
}

void tst_ApiClientFaults::bodyOverTheLimitIsCutOff()
{
    QFETCH(Response, response);
    QFETCH(qint64, limit);
    m_fault->route("/api/profile/", response);
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    RetryPolicy once;
    once.maxRetries = 0;
    client.setRetryPolicy(once);
    if (limit > 0)
        client.setMaxResponseBytes(limit);
    QCOMPARE(client.maxResponseBytes(), limit > 0 ? limit : 4 * 1024 * 1024);
    const auto outcome = watch(client.fetchProfile());
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(ErrorKind::ResponseTooLarge));
    QVERIFY(outcome->error().userMessage().startsWith(
        QStringLiteral("The server sent a far bigger answer than expected")));
}

void tst_ApiClientFaults::proxyAskingForCredentialsIsAClearError()
{
    // The network's proxy (the fault server) wants a sign-in: a clear error, never a hang or a
    // prompt, and no retry.
    m_fault->setDefaultResponse(Response::raw(407, "text/html", "<h1>Proxy sign-in</h1>")
                                    .withHeader("Proxy-Authenticate", "Basic realm=\"corp\""));
    QNetworkProxy::setApplicationProxy(
        QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), m_fault->port()));
    ApiClient client;
    // A TEST-NET address: only the proxy is ever contacted (Qt sends loopback past a proxy).
    client.setBaseUrl(QUrl(QStringLiteral("https://192.0.2.1")));
    const auto outcome = watch(client.fetchProfile());
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(ErrorKind::ProxyAuthenticationRequired));
    QVERIFY(
        outcome->error().userMessage().contains(QStringLiteral("proxy server asks for a sign-in")));
    QCOMPARE(m_fault->requests().size(), 1);
    QCOMPARE(m_fault->requests().constFirst().method, QByteArray("CONNECT"));
}

void tst_ApiClientFaults::staffAccessDeniedOnlyForStaffRequests_data()
{
    QTest::addColumn<int>("request");
    QTest::addColumn<int>("denials");
    QTest::newRow("profile update") << 0 << 0;
    QTest::newRow("other authenticated request") << 1 << 0;
    QTest::newRow("profile read") << 2 << 0;
    QTest::newRow("customer page") << 3 << 1;
    QTest::newRow("customer") << 4 << 1;
    QTest::newRow("customer update") << 5 << 1;
    QTest::newRow("customer history") << 6 << 1;
}

void tst_ApiClientFaults::staffAccessDeniedOnlyForStaffRequests()
{
    // A 403 means "no longer staff" only on a staff endpoint.
    QFETCH(int, request);
    QFETCH(int, denials);
    m_fault->setDefaultResponse(
        Response::json(403, R"({"detail": "You do not have permission to perform this action."})"));
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    client.setToken(QStringLiteral("t"));
    QSignalSpy denied(&client, &ApiClient::staffAccessDenied);
    const QJsonObject changes{{QStringLiteral("first_name"), QStringLiteral("X")}};
    ApiRequest other;
    other.path = QStringLiteral("/api/other/");
    ApiCall *call = nullptr;
    switch (request) {
    case 0:
        call = client.updateProfile(changes, "\"e\"");
        break;
    case 1:
        call = client.send(other);
        break;
    case 2:
        call = client.fetchProfile();
        break;
    case 3:
        call = client.fetchCustomerPage(CustomerPageQuery());
        break;
    case 4:
        call = client.fetchCustomer(7);
        break;
    case 5:
        call = client.updateCustomer(7, changes, "\"e\"");
        break;
    default:
        call = client.fetchCustomerHistory(7);
        break;
    }
    const auto outcome = watch(call);
    WAIT_DONE(outcome);
    QCOMPARE(outcome->error().httpStatus, 403);
    QCoreApplication::processEvents();
    QCOMPARE(denied.count(), denials);
}

QTEST_GUILESS_MAIN(tst_ApiClientFaults)

#include "tst_apiclient_faults.moc"
