#include "apiclient.h"
#include "apiclienttest.h"
#include "faultserver.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace portal;
using namespace portal::test;

namespace {

QStringList g_logLines;

void collectLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_logLines.append(message);
}

} // namespace

/// What ApiClient puts on the wire, seen by a loopback server of the test's own, and redirects
/// between two such servers on different ports (two origins).
class tst_ApiClientWire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void credentialsCarryNoAuthorization_data();
    void credentialsCarryNoAuthorization();
    void authorizationOnTheWire_data();
    void authorizationOnTheWire();
    void tokenStaysWithItsOrigin();
    void basePathPrefixIsKept_data();
    void basePathPrefixIsKept();
    void profileUpdateMethodAndIfMatch_data();
    void profileUpdateMethodAndIfMatch();
    void customerPageQueryIsPercentEncoded();
    void customerUpdateCarriesIfMatch_data();
    void customerUpdateCarriesIfMatch();
    void cookiesAreNeitherKeptNorSent();
    void logsNeverContainSecrets();

    // Redirects.
    void redirectToOtherOriginIsBlocked_data();
    void redirectToOtherOriginIsBlocked();
    void sameOriginRedirectKeepsToken_data();
    void sameOriginRedirectKeepsToken();

private:
    std::unique_ptr<FaultServer> m_fault;
};

void tst_ApiClientWire::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_ApiClientWire::init()
{
    m_fault = std::make_unique<FaultServer>();
    QVERIFY(m_fault->listen());
}

void tst_ApiClientWire::cleanup()
{
    m_fault.reset();
}

void tst_ApiClientWire::credentialsCarryNoAuthorization_data()
{
    QTest::addColumn<bool>("registering");
    QTest::addColumn<QByteArray>("path");

    QTest::newRow("login") << false << QByteArray("/api/login/");
    QTest::newRow("register") << true << QByteArray("/api/register/");
}

void tst_ApiClientWire::credentialsCarryNoAuthorization()
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

void tst_ApiClientWire::authorizationOnTheWire_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("Token") << QStringLiteral("Token")
                           << QByteArray("Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b");
    QTest::newRow("Bearer") << QStringLiteral("Bearer")
                            << QByteArray("Bearer 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b");
}

void tst_ApiClientWire::authorizationOnTheWire()
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

void tst_ApiClientWire::tokenStaysWithItsOrigin()
{
    const auto customer = FaultServer::Response::json(200, R"({"id": 1, "username": "a"})");
    FaultServer other;
    QVERIFY(other.listen());
    other.setDefaultResponse(customer);
    m_fault->setDefaultResponse(customer);
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    client.setToken(QStringLiteral("origin-bound-token"));

    // Another path on the same origin keeps the token.
    client.setBaseUrl(withPath(m_fault->url(), QStringLiteral("/portal")));
    QVERIFY(client.hasToken());
    const auto samePlace = watch(client.fetchProfile());
    WAIT_DONE(samePlace);
    QVERIFY(samePlace->ok());
    QCOMPARE(m_fault->requests().constLast().header("Authorization"),
             QByteArray("Token origin-bound-token"));

    // Another origin (here: another port) never gets it, and coming back does not revive it.
    client.setBaseUrl(other.url());
    QVERIFY(!client.hasToken());
    const auto elsewhere = watch(client.fetchProfile());
    WAIT_DONE(elsewhere);
    QCOMPARE(other.requests().size(), 1);
    QVERIFY(!other.requests().constFirst().hasHeader("Authorization"));
    client.setBaseUrl(m_fault->url());
    const auto back = watch(client.fetchProfile());
    WAIT_DONE(back);
    QCOMPARE(m_fault->requests().size(), 2);
    QVERIFY(!m_fault->requests().constLast().hasHeader("Authorization"));
}

void tst_ApiClientWire::basePathPrefixIsKept_data()
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

void tst_ApiClientWire::basePathPrefixIsKept()
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

void tst_ApiClientWire::profileUpdateMethodAndIfMatch_data()
{
    QTest::addColumn<bool>("replace");
    QTest::addColumn<QByteArray>("ifMatch");
    QTest::addColumn<QByteArray>("method");

    QTest::newRow("patch with etag") << false << QByteArray("\"abc\"") << QByteArray("PATCH");
    QTest::newRow("patch without etag") << false << QByteArray() << QByteArray("PATCH");
    QTest::newRow("put with etag") << true << QByteArray("\"abc\"") << QByteArray("PUT");
}

void tst_ApiClientWire::profileUpdateMethodAndIfMatch()
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

void tst_ApiClientWire::cookiesAreNeitherKeptNorSent()
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

void tst_ApiClientWire::logsNeverContainSecrets()
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
// --- Redirects --------------------------------------------------------------------------------

void tst_ApiClientWire::redirectToOtherOriginIsBlocked_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("login");

    QTest::newRow("302 authenticated GET") << 302 << false;
    QTest::newRow("307 authenticated GET") << 307 << false;
    QTest::newRow("302 login POST") << 302 << true;
    QTest::newRow("307 login POST") << 307 << true;
}

void tst_ApiClientWire::redirectToOtherOriginIsBlocked()
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

void tst_ApiClientWire::sameOriginRedirectKeepsToken_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("relative");

    QTest::newRow("302 absolute") << 302 << false;
    QTest::newRow("307 absolute") << 307 << false;
    QTest::newRow("302 relative") << 302 << true;
}

void tst_ApiClientWire::sameOriginRedirectKeepsToken()
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

void tst_ApiClientWire::customerPageQueryIsPercentEncoded()
{
    // Django reads a literal '+' in a query as a space: "a+b" must go out as a%2Bb.
    m_fault->route("/api/customers/", FaultServer::Response::json(
                                          200, R"({"count": 0, "next": null, "results": []})"));
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    client.setToken(QStringLiteral("tok"));
    CustomerPageQuery query;
    query.search = QStringLiteral("a+b c&d=e");
    query.ordering = QStringLiteral("-last_name,-first_name,-id");
    query.page = 3;
    query.pageSize = 25;
    const auto outcome = watch(client.fetchCustomerPage(query));
    WAIT_DONE(outcome);
    QVERIFY(outcome->ok());
    const QByteArray target = m_fault->requests().constFirst().target;
    QVERIFY2(target.contains("search=a%2Bb%20c%26d%3De&"), target.constData());
    QVERIFY2(!target.contains("a+b"), target.constData());
    QVERIFY2(target.contains("ordering=-last_name%2C-first_name%2C-id"), target.constData());
    QVERIFY2(target.contains("&page=3&page_size=25"), target.constData());
}

void tst_ApiClientWire::customerUpdateCarriesIfMatch_data()
{
    QTest::addColumn<QByteArray>("ifMatch");
    QTest::newRow("with etag") << QByteArray("\"v7\"");
    QTest::newRow("without etag") << QByteArray();
}

void tst_ApiClientWire::customerUpdateCarriesIfMatch()
{
    QFETCH(QByteArray, ifMatch);
    m_fault->route("/api/customers/42/",
                   FaultServer::Response::json(200, R"({"id": 42, "username": "a"})"));
    ApiClient client;
    client.setBaseUrl(m_fault->url());
    client.setToken(QStringLiteral("tok"));
    const QJsonObject changes{{QStringLiteral("last_name"), QStringLiteral("Quill")}};
    const auto outcome = watch(client.updateCustomer(42, changes, ifMatch));
    WAIT_DONE(outcome);
    QVERIFY(outcome->ok());
    const FaultServer::Request &request = m_fault->requests().constFirst();
    QCOMPARE(request.method, QByteArray("PATCH"));
    QCOMPARE(request.header("If-Match"), ifMatch);
    QCOMPARE(request.hasHeader("If-Match"), !ifMatch.isEmpty());
    QCOMPARE(QJsonDocument::fromJson(request.body).object(), changes);
}

QTEST_GUILESS_MAIN(tst_ApiClientWire)

#include "tst_apiclient_wire.moc"
