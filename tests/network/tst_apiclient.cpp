#include "apiclient.h"
#include "faultserver.h"
#include "testenv.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <optional>

using namespace portal;
using portal::test::FaultServer;

Q_DECLARE_METATYPE(portal::ErrorKind)

namespace {

constexpr int kWaitMs = 20000;

// What an ApiCall reported; connected right after the call is made, so a call that finished
// synchronously (which it must never do) would be missed and the test would fail.
struct Outcome
{
    int count = 0;
    std::optional<ApiResult> result;

    bool done() const { return result.has_value(); }
    bool ok() const { return result && result->ok(); }
    ApiError error() const { return result && !result->ok() ? result->error() : ApiError{}; }
    QJsonObject json() const { return ok() ? result->value().json.toObject() : QJsonObject{}; }
    QString kind() const { return ok() ? QStringLiteral("ok") : errorKindName(error().kind); }
};

std::shared_ptr<Outcome> watch(ApiCall *call)
{
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(call, &ApiCall::finished, call, [outcome](const ApiResult &result) {
        ++outcome->count;
        outcome->result = result;
    });
    return outcome;
}

QString kindName(ErrorKind kind)
{
    return errorKindName(kind);
}

QUrl withPath(const QUrl &base, const QString &path)
{
    QUrl url = base;
    url.setPath(path);
    return url;
}

int headerCount(const FaultServer::Request &request, const QByteArray &name)
{
    int count = 0;
    for (const auto &header : request.headers)
        count += header.first.compare(name, Qt::CaseInsensitive) == 0 ? 1 : 0;
    return count;
}

QStringList g_logLines;

void collectLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_logLines.append(message);
}

} // namespace

#define WAIT_DONE(outcome) QTRY_VERIFY_WITH_TIMEOUT((outcome)->done(), kWaitMs)

class tst_ApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // Against the reference server.
    void loginReturnsToken();
    void wrongPasswordIsInvalidCredentials();
    void registerFieldErrorsAreValidation();
    void profileWithToken();
    void noTokenIsUnauthorizedWithoutSessionExpiry();
    void deadTokenExpiresSessionOnce();
    void logoutDeletesToken();

    // What goes on the wire (loopback fault server).
    void credentialsCarryNoAuthorization_data();
    void credentialsCarryNoAuthorization();
    void authorizationOnTheWire_data();
    void authorizationOnTheWire();
    void basePathPrefixIsKept_data();
    void basePathPrefixIsKept();
    void profileUpdateMethodAndIfMatch_data();
    void profileUpdateMethodAndIfMatch();
    void cookiesAreNeitherKeptNorSent();
    void logsNeverContainSecrets();

    // Refusals and faults.
    void plainHttpElsewhereIsRefusedBeforeSending_data();
    void plainHttpElsewhereIsRefusedBeforeSending();
    void timeout_data();
    void timeout();
    void abortIsCancelledNotTimeout();
    void abortAllCancelsEveryCall();
    void connectionFailuresAreNetwork_data();
    void connectionFailuresAreNetwork();
    void refusedConnectionIsNetwork();
    void badSuccessBodies_data();
    void badSuccessBodies();
    void rateLimited();
    void serverErrors_data();
    void serverErrors();
    void forbiddenEndsSessionOnlyForProfile_data();
    void forbiddenEndsSessionOnlyForProfile();

    // Redirects.
    void redirectToOtherOriginIsBlocked_data();
    void redirectToOtherOriginIsBlocked();
    void sameOriginRedirectKeepsToken_data();
    void sameOriginRedirectKeepsToken();

    // Lifetimes.
    void callDeletesItselfAfterFinishing();
    void destroyingClientWithCallsInFlight();
    void deletingClientFromFinishedHandler();

private:
    QJsonObject registerUser(ApiClient &client, const QString &username);

    QUrl m_server;
    std::unique_ptr<FaultServer> m_fault;
};

void tst_ApiClient::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server = portal::test::referenceServerUrl();
    QVERIFY2(
        m_server.isValid() && !m_server.host().isEmpty(),
        "The reference server is not running: run this test through ctest (fixture server.start)");
}

void tst_ApiClient::init()
{
    m_fault = std::make_unique<FaultServer>();
    QVERIFY(m_fault->listen());
}

void tst_ApiClient::cleanup()
{
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    m_fault.reset();
}

QJsonObject tst_ApiClient::registerUser(ApiClient &client, const QString &username)
{
    const auto outcome = watch(client.registerAccount(
        QJsonObject{{QStringLiteral("username"), username},
                    {QStringLiteral("email"), QString(username + QStringLiteral("@example.com"))},
                    {QStringLiteral("password"), QStringLiteral("a-long-password-1")}}));
    if (!QTest::qWaitFor([&] { return outcome->done(); }, kWaitMs))
        return {};
    return outcome->json();
}

// --- Reference server -------------------------------------------------------------------------

void tst_ApiClient::loginReturnsToken()
{
    ApiClient client;
    client.setBaseUrl(m_server);
    const auto outcome =
        watch(client.login(QStringLiteral("alice"), QStringLiteral("alice-password-1")));
    WAIT_DONE(outcome);
    QVERIFY2(outcome->ok(), qPrintable(outcome->error().technicalDetail));
    QCOMPARE(outcome->result->value().httpStatus, 200);
    QVERIFY(!outcome->json().value(QLatin1String("token")).toString().isEmpty());
    QCOMPARE(outcome->json()
                 .value(QLatin1String("customer"))
                 .toObject()
                 .value(QLatin1String("username"))
                 .toString(),
             QStringLiteral("alice"));
}

void tst_ApiClient::wrongPasswordIsInvalidCredentials()
{
    ApiClient client;
    client.setBaseUrl(m_server);
    QSignalSpy expired(&client, &ApiClient::sessionExpired);
    const auto outcome =
        watch(client.login(QStringLiteral("alice"), QStringLiteral("not-her-password")));
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(ErrorKind::InvalidCredentials));
    QCOMPARE(outcome->error().httpStatus, 400);
    QCOMPARE(outcome->error().userMessage(), QStringLiteral("Wrong username or password."));
    QCOMPARE(expired.count(), 0);
}

void tst_ApiClient::registerFieldErrorsAreValidation()
{
    ApiClient client;
    client.setBaseUrl(m_server);
    const auto outcome = watch(client.registerAccount(
        QJsonObject{{QStringLiteral("username"), QStringLiteral("alice")},
                    {QStringLiteral("email"), QStringLiteral("not-an-email")},
                    {QStringLiteral("password"), QStringLiteral("short")}}));
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(ErrorKind::Validation));
    const ApiError error = outcome->error();
    QVERIFY(error.fieldErrors.contains(QStringLiteral("username")));
    QVERIFY(error.fieldErrors.contains(QStringLiteral("email")));
    QVERIFY(error.fieldErrors.contains(QStringLiteral("password")));
}

void tst_ApiClient::profileWithToken()
{
    ApiClient client;
    client.setBaseUrl(m_server);
    const auto login =
        watch(client.login(QStringLiteral("alice"), QStringLiteral("alice-password-1")));
    WAIT_DONE(login);
    QVERIFY(login->ok());
    client.setToken(login->json().value(QLatin1String("token")).toString());

    const auto profile = watch(client.fetchProfile());
    WAIT_DONE(profile);
    QVERIFY2(profile->ok(), qPrintable(profile->error().technicalDetail));
    QCOMPARE(profile->json().value(QLatin1String("username")).toString(), QStringLiteral("alice"));
    QVERIFY(!profile->result->value().etag.isEmpty());
}

void tst_ApiClient::noTokenIsUnauthorizedWithoutSessionExpiry()
{
    ApiClient client;
    client.setBaseUrl(m_server);
    QSignalSpy expired(&client, &ApiClient::sessionExpired);
    const auto outcome = watch(client.fetchProfile());
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(ErrorKind::Unauthorized));
    QCOMPARE(outcome->error().httpStatus, 401);
    QCOMPARE(expired.count(), 0); // There was no session to end.
}

void tst_ApiClient::deadTokenExpiresSessionOnce()
{
    ApiClient client;
    client.setBaseUrl(m_server);
    const QString username = portal::test::uniqueUsername(QStringLiteral("dead"));
    const QString token = registerUser(client, username).value(QLatin1String("token")).toString();
    QVERIFY(!token.isEmpty());
    QString error;
    QVERIFY2(!portal::test::manage({QStringLiteral("delete_token"), username}, &error).isEmpty(),
             qPrintable(error));

    client.setToken(token);
    QSignalSpy expired(&client, &ApiClient::sessionExpired);
    const auto first = watch(client.fetchProfile());
    const auto second = watch(client.fetchProfile());
    ApiRequest customers;
    customers.path = QStringLiteral("/api/customers/?search=a");
    const auto third = watch(client.send(customers));
    WAIT_DONE(first);
    WAIT_DONE(second);
    WAIT_DONE(third);
    for (const auto &outcome : {first, second, third}) {
        QCOMPARE(outcome->kind(), kindName(ErrorKind::Unauthorized));
        QCOMPARE(outcome->error().httpStatus, 401);
        QCOMPARE(outcome->count, 1);
    }
    QCOMPARE(expired.count(), 1);

    client.setToken(token); // A new session (here: the same dead token) re-arms the signal.
    const auto again = watch(client.fetchProfile());
    WAIT_DONE(again);
    QCOMPARE(expired.count(), 2);
}

void tst_ApiClient::logoutDeletesToken()
{
    ApiClient client;
    client.setBaseUrl(m_server);
    const QString token =
        registerUser(client, portal::test::uniqueUsername(QStringLiteral("logout")))
            .value(QLatin1String("token"))
            .toString();
    QVERIFY(!token.isEmpty());
    QCOMPARE(portal::test::manage({QStringLiteral("token_exists"), token}).trimmed(),
             QByteArray("yes"));

    client.setToken(token);
    QSignalSpy expired(&client, &ApiClient::sessionExpired);
    const auto logout = watch(client.logout());
    WAIT_DONE(logout);
    QVERIFY2(logout->ok(), qPrintable(logout->error().technicalDetail));
    QCOMPARE(logout->result->value().httpStatus, 200);
    QCOMPARE(portal::test::manage({QStringLiteral("token_exists"), token}).trimmed(),
             QByteArray("no"));

    // Logging out again: the server says 401, which means "already signed out", not "expired".
    const auto again = watch(client.logout());
    WAIT_DONE(again);
    QCOMPARE(again->kind(), kindName(ErrorKind::Unauthorized));
    QCOMPARE(expired.count(), 0);
}

// --- On the wire ------------------------------------------------------------------------------

void tst_ApiClient::credentialsCarryNoAuthorization_data()
{
    QTest::addColumn<bool>("registering");
    QTest::addColumn<QByteArray>("path");

    QTest::newRow("login") << false << QByteArray("/api/login/");
    QTest::newRow("register") << true << QByteArray("/api/register/");
}

void tst_ApiClient::credentialsCarryNoAuthorization()
{
    QFETCH(bool, registering);
    QFETCH(QByteArray, path);

    m_fault->route(path,
                   FaultServer::Response::json(200, R"({"token": "new", "customer": {"id": 1}})"));
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    client.setToken(QStringLiteral("stale-token")); // Must not leak into a login.
    const QJsonObject fields{{QStringLiteral("username"), QStringLiteral("bob")},
                             {QStringLiteral("password"), QStringLiteral("pw-123456")}};
    const auto outcome =
        watch(registering ? client.registerAccount(fields)
                          : client.login(QStringLiteral("bob"), QStringLiteral("pw-123456")));
    WAIT_DONE(outcome);
    QVERIFY(outcome->ok());
    QCOMPARE(m_fault->requests().size(), 1);
    const FaultServer::Request &request = m_fault->requests().constFirst();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target, path);
    QVERIFY(!request.hasHeader("Authorization"));
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(request.header("Accept"), QByteArray("application/json"));
    QCOMPARE(QJsonDocument::fromJson(request.body).object(), fields);
}

void tst_ApiClient::authorizationOnTheWire_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("Token") << QStringLiteral("Token")
                           << QByteArray("Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b");
    QTest::newRow("Bearer") << QStringLiteral("Bearer")
                            << QByteArray("Bearer 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b");
}

void tst_ApiClient::authorizationOnTheWire()
{
    QFETCH(QString, scheme);
    QFETCH(QByteArray, expected);

    m_fault->route("/api/profile/",
                   FaultServer::Response::json(200, R"({"id": 1, "username": "a"})"));
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    client.setAuthScheme(scheme);
    client.setToken(QStringLiteral("9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"));
    const auto outcome = watch(client.fetchProfile());
    WAIT_DONE(outcome);
    QVERIFY(outcome->ok());
    QCOMPARE(m_fault->requests().size(), 1);
    const FaultServer::Request &request = m_fault->requests().constFirst();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(headerCount(request, "Authorization"), 1);
    QCOMPARE(request.header("Authorization"), expected);
    QCOMPARE(request.header("Accept"), QByteArray("application/json"));
}

void tst_ApiClient::basePathPrefixIsKept_data()
{
    QTest::addColumn<QString>("basePath");
    QTest::addColumn<QString>("loginPath");
    QTest::addColumn<QByteArray>("target");

    QTest::newRow("prefix") << QStringLiteral("/portal") << QStringLiteral("/api/login/")
                            << QByteArray("/portal/api/login/");
    QTest::newRow("prefix with slash")
        << QStringLiteral("/portal/") << QStringLiteral("/api/login/")
        << QByteArray("/portal/api/login/");
    QTest::newRow("custom endpoint")
        << QStringLiteral("/portal") << QStringLiteral("auth/token/login/")
        << QByteArray("/portal/auth/token/login/");
    QTest::newRow("no prefix") << QString() << QStringLiteral("/api/login/")
                               << QByteArray("/api/login/");
}

void tst_ApiClient::basePathPrefixIsKept()
{
    QFETCH(QString, basePath);
    QFETCH(QString, loginPath);
    QFETCH(QByteArray, target);

    m_fault->setDefaultResponse(FaultServer::Response::json(200, R"({"token": "t"})"));
    ApiClient client;
    client.setBaseUrl(withPath(m_fault->url(), basePath));
    ApiEndpoints endpoints;
    endpoints.loginPath = loginPath;
    client.setEndpoints(endpoints);
    const auto outcome = watch(client.login(QStringLiteral("a"), QStringLiteral("b")));
    WAIT_DONE(outcome);
    QVERIFY(outcome->ok());
    QCOMPARE(m_fault->requests().constFirst().target, target);
}

void tst_ApiClient::profileUpdateMethodAndIfMatch_data()
{
    QTest::addColumn<bool>("replace");
    QTest::addColumn<QByteArray>("ifMatch");
    QTest::addColumn<QByteArray>("method");

    QTest::newRow("patch with etag") << false << QByteArray("\"abc\"") << QByteArray("PATCH");
    QTest::newRow("patch without etag") << false << QByteArray() << QByteArray("PATCH");
    QTest::newRow("put with etag") << true << QByteArray("\"abc\"") << QByteArray("PUT");
}

void tst_ApiClient::profileUpdateMethodAndIfMatch()
{
    QFETCH(bool, replace);
    QFETCH(QByteArray, ifMatch);
    QFETCH(QByteArray, method);

    m_fault->route("/api/profile/",
                   FaultServer::Response::json(200, R"({"id": 1, "username": "a"})"));
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    client.setToken(QStringLiteral("tok"));
    const QJsonObject changes{{QStringLiteral("first_name"), QStringLiteral("Zoë")}};
    const auto outcome = watch(client.updateProfile(changes, ifMatch, replace));
    WAIT_DONE(outcome);
    QVERIFY(outcome->ok());
    const FaultServer::Request &request = m_fault->requests().constFirst();
    QCOMPARE(request.method, method);
    QCOMPARE(request.header("If-Match"), ifMatch);
    QCOMPARE(request.hasHeader("If-Match"), !ifMatch.isEmpty());
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(request.header("Authorization"), QByteArray("Token tok"));
    QCOMPARE(QJsonDocument::fromJson(request.body).object(), changes);
}

void tst_ApiClient::cookiesAreNeitherKeptNorSent()
{
    m_fault->route("/api/login/", FaultServer::Response::json(200, R"({"token": "t"})")
                                      .withHeader("Set-Cookie", "sessionid=abc; Path=/"));
    m_fault->route("/api/profile/", FaultServer::Response::json(200, R"({"id": 1})"));
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    const auto login = watch(client.login(QStringLiteral("a"), QStringLiteral("b")));
    WAIT_DONE(login);
    client.setToken(QStringLiteral("t"));
    const auto profile = watch(client.fetchProfile());
    WAIT_DONE(profile);
    QVERIFY(profile->ok());
    QCOMPARE(m_fault->requests().size(), 2);
    QVERIFY(!m_fault->requests().at(1).hasHeader("Cookie"));
}

void tst_ApiClient::logsNeverContainSecrets()
{
    const QString password = QStringLiteral("pw-do-not-log-7431");
    const QString token = QStringLiteral("tok-do-not-log-9911");
    m_fault->route("/api/login/",
                   FaultServer::Response::json(200, R"({"token": "tok-do-not-log-9911"})"));
    m_fault->route("/api/profile/",
                   FaultServer::Response::json(401, R"({"detail": "Invalid token."})"));
    ApiClient client;
    client.setBaseUrl(m_fault->url());

    QLoggingCategory::setFilterRules(QStringLiteral("portal.*=true"));
    g_logLines.clear();
    const QtMessageHandler previous = qInstallMessageHandler(collectLog);
    const auto login = watch(client.login(QStringLiteral("carol"), password));
    const bool loggedIn = QTest::qWaitFor([&] { return login->done(); }, kWaitMs);
    client.setToken(token);
    const auto profile = watch(client.fetchProfile());
    const bool fetched = QTest::qWaitFor([&] { return profile->done(); }, kWaitMs);
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    QVERIFY(loggedIn && fetched);
    const QString all = g_logLines.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("/api/profile/")), qPrintable(all)); // Logging did happen.
    QVERIFY2(!all.contains(password), qPrintable(all));
    QVERIFY2(!all.contains(token), qPrintable(all));
}

// --- Refusals and faults ----------------------------------------------------------------------

void tst_ApiClient::plainHttpElsewhereIsRefusedBeforeSending_data()
{
    QTest::addColumn<QString>("base");

    QTest::newRow("TEST-NET address") << QStringLiteral("http://192.0.2.1");
    QTest::newRow("private address with port") << QStringLiteral("http://10.0.0.5:8000");
    QTest::newRow("name") << QStringLiteral("http://portal.example.com");
    QTest::newRow("localhost lookalike") << QStringLiteral("http://localhost.example.com");
    QTest::newRow("ftp") << QStringLiteral("ftp://192.0.2.1");
}

void tst_ApiClient::plainHttpElsewhereIsRefusedBeforeSending()
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

void tst_ApiClient::timeout_data()
{
    QTest::addColumn<int>("clientTimeout");
    QTest::addColumn<int>("requestTimeout");

    QTest::newRow("client transfer timeout") << 300 << -1;
    QTest::newRow("per-request timeout") << 60000 << 300;
}

void tst_ApiClient::timeout()
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

void tst_ApiClient::abortIsCancelledNotTimeout()
{
    m_fault->setDefaultResponse(FaultServer::Response::of(FaultServer::Behaviour::Stall));
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    ApiCall *call = client.fetchProfile();
    const auto outcome = watch(call);
    QSignalSpy destroyed(call, &QObject::destroyed);
    QTRY_COMPARE_WITH_TIMEOUT(m_fault->requests().size(), 1, kWaitMs); // In flight for sure.
    call->abort();
    QCOMPARE(outcome->kind(), kindName(ErrorKind::Cancelled));
    QVERIFY(destroyed.wait(kWaitMs));
    QCOMPARE(outcome->count, 1);
}

void tst_ApiClient::abortAllCancelsEveryCall()
{
    m_fault->setDefaultResponse(FaultServer::Response::of(FaultServer::Behaviour::Stall));
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    const auto a = watch(client.fetchProfile());
    const auto b = watch(client.logout());
    const auto c = watch(client.login(QStringLiteral("x"), QStringLiteral("y")));
    client.abortAll();
    for (const auto &outcome : {a, b, c}) {
        QCOMPARE(outcome->kind(), kindName(ErrorKind::Cancelled));
        QCOMPARE(outcome->count, 1);
    }
}

void tst_ApiClient::connectionFailuresAreNetwork_data()
{
    QTest::addColumn<FaultServer::Behaviour>("behaviour");

    QTest::newRow("reset") << FaultServer::Behaviour::Reset;
    QTest::newRow("closed without answer") << FaultServer::Behaviour::Close;
}

void tst_ApiClient::connectionFailuresAreNetwork()
{
    QFETCH(FaultServer::Behaviour, behaviour);

    m_fault->setDefaultResponse(FaultServer::Response::of(behaviour));
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    const auto outcome = watch(client.fetchProfile());
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(ErrorKind::Network));
    QCOMPARE(outcome->error().httpStatus, 0);
    QCOMPARE(outcome->error().userMessage(),
             QStringLiteral("Can't reach the server at 127.0.0.1:%1.").arg(m_fault->port()));
}

void tst_ApiClient::refusedConnectionIsNetwork()
{
    const QUrl closed = m_fault->url();
    m_fault.reset(); // Nothing listens on that port any more.
    ApiClient client;
    client.setBaseUrl(closed);
    const auto outcome = watch(client.login(QStringLiteral("a"), QStringLiteral("b")));
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(ErrorKind::Network));
    QCOMPARE(outcome->error().server, QStringLiteral("127.0.0.1:%1").arg(closed.port()));
}

void tst_ApiClient::badSuccessBodies_data()
{
    QTest::addColumn<FaultServer::Response>("response");

    using Response = FaultServer::Response;
    QTest::newRow("html page") << Response::raw(200, "text/html",
                                                "<html><body>Welcome to the proxy</body></html>");
    QTest::newRow("garbage") << Response::raw(200, "application/octet-stream",
                                              QByteArray("\x00\x01\xfe\xff", 4));
    QTest::newRow("malformed json") << Response::json(200, R"({"id": 1, "username": })");
    QTest::newRow("wrong type") << Response::json(200, R"(["not", "a", "customer"])");
    QTest::newRow("empty 200") << Response::json(200, QByteArray());
    Response truncated =
        Response::json(200, R"({"id": 1, "username": "alice", "email": "alice@example.com"})");
    truncated.behaviour = FaultServer::Behaviour::Truncate;
    QTest::newRow("truncated transfer") << truncated;
}

void tst_ApiClient::badSuccessBodies()
{
    QFETCH(FaultServer::Response, response);

    m_fault->route("/api/profile/", response);
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    client.setToken(QStringLiteral("t"));
    QSignalSpy expired(&client, &ApiClient::sessionExpired);
    const auto outcome = watch(client.fetchProfile());
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(ErrorKind::BadResponse));
    QCOMPARE(outcome->error().httpStatus, 200);
    QVERIFY(!outcome->error().userMessage().contains(QLatin1Char('<')));
    QCOMPARE(expired.count(), 0);
}

void tst_ApiClient::rateLimited()
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

void tst_ApiClient::serverErrors_data()
{
    QTest::addColumn<FaultServer::Response>("response");
    QTest::addColumn<int>("status");

    using Response = FaultServer::Response;
    QTest::newRow("500 json") << Response::json(500, R"({"detail": "Server error."})") << 500;
    QTest::newRow("502 html") << Response::raw(502, "text/html", "<h1>Bad Gateway</h1>") << 502;
    QTest::newRow("503 empty") << Response::raw(503, {}, {}) << 503;
}

void tst_ApiClient::serverErrors()
{
    QFETCH(FaultServer::Response, response);
    QFETCH(int, status);

    m_fault->route("/api/profile/", response);
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    client.setToken(QStringLiteral("t"));
    QSignalSpy expired(&client, &ApiClient::sessionExpired);
    const auto outcome = watch(client.fetchProfile());
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(ErrorKind::Server));
    QCOMPARE(outcome->error().httpStatus, status);
    QVERIFY(outcome->error().userMessage().contains(QString::number(status)));
    QCOMPARE(expired.count(), 0);
}

void tst_ApiClient::forbiddenEndsSessionOnlyForProfile_data()
{
    QTest::addColumn<bool>("profile");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<int>("expiries");

    QTest::newRow("GET profile") << true << ErrorKind::Unauthorized << 1;
    QTest::newRow("other request") << false << ErrorKind::Forbidden << 0;
}

void tst_ApiClient::forbiddenEndsSessionOnlyForProfile()
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

// --- Redirects --------------------------------------------------------------------------------

void tst_ApiClient::redirectToOtherOriginIsBlocked_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("login");

    QTest::newRow("302 authenticated GET") << 302 << false;
    QTest::newRow("307 authenticated GET") << 307 << false;
    QTest::newRow("302 login POST") << 302 << true;
    QTest::newRow("307 login POST") << 307 << true;
}

void tst_ApiClient::redirectToOtherOriginIsBlocked()
{
    QFETCH(int, status);
    QFETCH(bool, login);

    FaultServer other;
    QVERIFY(other.listen());
    other.setDefaultResponse(FaultServer::Response::json(200, R"({"token": "evil", "id": 1})"));
    const QByteArray path = login ? "/api/login/" : "/api/profile/";
    m_fault->route(path, FaultServer::Response::redirect(
                             status, withPath(other.url(), QString::fromLatin1(path))));

    ApiClient client;
    client.setBaseUrl(m_fault->url());
    client.setToken(QStringLiteral("secret-token"));
    const auto outcome = watch(login ? client.login(QStringLiteral("alice"), QStringLiteral("pw"))
                                     : client.fetchProfile());
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(ErrorKind::RedirectBlocked));
    QCOMPARE(outcome->error().redirectTarget, other.url().toString());
    QCOMPARE(outcome->error().userMessage(),
             QStringLiteral("The server tried to send you to another address (%1); the request was "
                            "stopped to keep your sign-in safe.")
                 .arg(other.url().toString()));
    QCOMPARE(m_fault->requests().size(), 1);
    QCOMPARE(other.connectionCount(), 0);
    QCOMPARE(other.bytesReceived(), 0);
}

void tst_ApiClient::sameOriginRedirectKeepsToken_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("relative");

    QTest::newRow("302 absolute") << 302 << false;
    QTest::newRow("307 absolute") << 307 << false;
    QTest::newRow("302 relative") << 302 << true;
}

void tst_ApiClient::sameOriginRedirectKeepsToken()
{
    QFETCH(int, status);
    QFETCH(bool, relative);

    const QUrl moved = withPath(m_fault->url(), QStringLiteral("/moved/profile/"));
    FaultServer::Response redirect = FaultServer::Response::redirect(status, moved);
    if (relative)
        redirect = FaultServer::Response::redirect(status, QUrl(QStringLiteral("/moved/profile/")));
    m_fault->route("/api/profile/", redirect);
    m_fault->route("/moved/profile/",
                   FaultServer::Response::json(200, R"({"id": 1, "username": "alice"})"));

    ApiClient client;
    client.setBaseUrl(m_fault->url());
    client.setToken(QStringLiteral("secret-token"));
    const auto outcome = watch(client.fetchProfile());
    WAIT_DONE(outcome);
    QVERIFY2(outcome->ok(), qPrintable(outcome->error().technicalDetail));
    QCOMPARE(outcome->json().value(QLatin1String("username")).toString(), QStringLiteral("alice"));
    QCOMPARE(m_fault->requests().size(), 2);
    QCOMPARE(m_fault->requests().at(1).target, QByteArray("/moved/profile/"));
    for (const FaultServer::Request &request : m_fault->requests())
        QCOMPARE(request.header("Authorization"), QByteArray("Token secret-token"));
}

// --- Lifetimes --------------------------------------------------------------------------------

void tst_ApiClient::callDeletesItselfAfterFinishing()
{
    m_fault->route("/api/profile/", FaultServer::Response::json(200, R"({"id": 1})"));
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    ApiCall *call = client.fetchProfile();
    const auto outcome = watch(call);
    QSignalSpy destroyed(call, &QObject::destroyed);
    QVERIFY(destroyed.wait(kWaitMs));
    QCOMPARE(outcome->count, 1);
    QVERIFY(outcome->ok());
}

void tst_ApiClient::destroyingClientWithCallsInFlight()
{
    m_fault->setDefaultResponse(FaultServer::Response::of(FaultServer::Behaviour::Stall));
    auto *client = new ApiClient;
    client->setBaseUrl(m_fault->url());
    ApiCall *stalled = client->fetchProfile();
    const auto profile = watch(stalled);
    QSignalSpy destroyed(stalled, &QObject::destroyed);
    const auto logout = watch(client->logout());
    QTRY_COMPARE_WITH_TIMEOUT(m_fault->requests().size(), 2, kWaitMs);
    delete client;
    QCOMPARE(destroyed.count(), 1);
    for (const auto &outcome : {profile, logout}) {
        QCOMPARE(outcome->kind(), kindName(ErrorKind::Cancelled));
        QCOMPARE(outcome->count, 1);
    }
    QCoreApplication::processEvents(); // Nothing left over may fire now.
    QCOMPARE(profile->count, 1);
    QCOMPARE(logout->count, 1);
}

void tst_ApiClient::deletingClientFromFinishedHandler()
{
    m_fault->route("/api/profile/", FaultServer::Response::json(200, R"({"id": 1})"));
    auto *client = new ApiClient;
    client->setBaseUrl(m_fault->url());
    QSignalSpy clientDestroyed(client, &QObject::destroyed);
    ApiCall *call = client->fetchProfile();
    const auto outcome = watch(call);
    connect(call, &ApiCall::finished, client, [client] { delete client; });
    QVERIFY(clientDestroyed.wait(kWaitMs));
    QCOMPARE(outcome->count, 1);
    QVERIFY(outcome->ok());
}

QTEST_GUILESS_MAIN(tst_ApiClient)

#include "tst_apiclient.moc"
