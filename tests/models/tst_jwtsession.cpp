// JWT sessions (simplejwt) against a reference server that accepts nothing but JWTs: sign-in,
// one shared refresh for every request in flight, rotation into the keychain, restoring from the
// stored refresh token, the refresh's failures and the blacklist at sign-out.

#include "apiclient.h"
#include "authstatemanager.h"
#include "authtestcase.h"
#include "customereditor.h"
#include "modeltestutil.h"
#include "testenv.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace portal;
using State = AuthStateManager::State;
using Reason = AuthStateManager::SignOutReason;
using Status = TokenStoreResult::Status;

namespace {

const QByteArray kRefreshPath = QByteArrayLiteral("/api/token/refresh/");

} // namespace

class tst_JwtSession : public test::AuthTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void signInReadsTheProfileAndKeepsOnlyTheRefreshToken();
    void registeringSignsInWithTheSameCredentials();
    void twentyRequestsShareOneRefresh();
    void restoreRenewsFromTheStoredRefreshToken();
    void rotatedRefreshTokenReplacesTheStoredOne();
    void deadRefreshTokenEndsTheSession();
    void unreachableRefreshIsANetworkError();
    void aRejectedRenewedTokenIsNotRenewedAgain();
    void signOutBlacklistsTheRefreshToken();

private:
    /// Starts m_jwtServer (JWT only) with @p settings added; false with a QFAIL-able message.
    bool startServer(const QStringList &settings = {});
    std::unique_ptr<test::TestApp> jwtApp();
    /// A new account on the JWT server, signed in through the manager.
    std::unique_ptr<test::TestApp> signedIn(const QString &prefix, bool remember);
    /// {access (already expired), refresh} for @p username, as the server issues them.
    QJsonObject expiredPair(const QString &username);
    /// The server's answer to a refresh with @p refresh: 200 or 401.
    int refreshStatus(const QString &refresh);

    std::unique_ptr<test::PrivateServer> m_jwtServer;
    QString m_error;
};

void tst_JwtSession::initTestCase()
{
    const QString problem = setUp();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
    QVERIFY2(startServer(), qPrintable(m_error));
}

void tst_JwtSession::cleanup()
{
    // A test that changed the server's settings gets a fresh default server for the next.
    if (!m_jwtServer)
        QVERIFY2(startServer(), qPrintable(m_error));
}

bool tst_JwtSession::startServer(const QStringList &settings)
{
    m_jwtServer = std::make_unique<test::PrivateServer>();
    if (m_jwtServer->start(&m_error,
                           QStringList{QStringLiteral("PORTAL_SERVER_AUTH=jwt")} + settings))
        return true;
    m_jwtServer.reset();
    return false;
}

std::unique_ptr<test::TestApp> tst_JwtSession::jwtApp()
{
    auto app = newApp(m_jwtServer->url());
    app->api.setAuthMode(AuthMode::Jwt);
    return app;
}

std::unique_ptr<test::TestApp> tst_JwtSession::signedIn(const QString &prefix, bool remember)
{
    auto app = jwtApp();
    const QString username = test::uniqueUsername(prefix);
    if (!registerAccount(*app, username, remember))
        return nullptr;
    if (!QTest::qWaitFor([&app]() { return !app->manager->profile()->etag().isEmpty(); }, kWaitMs))
        return nullptr;
    return app;
}

QJsonObject tst_JwtSession::expiredPair(const QString &username)
{
    return QJsonDocument::fromJson(m_jwtServer->manage({QStringLiteral("issue_jwt"), username,
                                                        QStringLiteral("--expired-access")}))
        .object();
}

int tst_JwtSession::refreshStatus(const QString &refresh)
{
    ApiClient other;
    other.setBaseUrl(m_jwtServer->url());
    ApiRequest request;
    request.method = "POST";
    request.path = QString::fromLatin1(kRefreshPath);
    request.body = QJsonObject{{QStringLiteral("refresh"), refresh}};
    request.authenticated = false;
    const ApiResult result = test::waitForCall(other.send(request));
    return result.ok() ? result.value().httpStatus : result.error().httpStatus;
}

void tst_JwtSession::signInReadsTheProfileAndKeepsOnlyTheRefreshToken()
{
    // An account made on the server, then a sign-in through the token endpoint.
    auto app = jwtApp();
    const QString username = test::uniqueUsername(QStringLiteral("jwt_in"));
    {
        auto maker = newApp(m_jwtServer->url());
        QVERIFY(registerAccount(*maker, username, false));
    }
    const int profileReads = m_jwtServer->requestCount("GET", "/api/profile/");
    app->manager->signIn(username, test::kTestPassword, true);
    QTRY_COMPARE_WITH_TIMEOUT(app->manager->state(), State::SignedIn, kWaitMs);
    QCOMPARE(app->manager->username(), username);
    // The pair has no customer: who signed in came from the profile (which also gave the ETag).
    QVERIFY(m_jwtServer->requestCount("GET", "/api/profile/") > profileReads);
    QVERIFY(!app->manager->profile()->etag().isEmpty());

    const QString refresh = app->api.storedSecret();
    QVERIFY(!refresh.isEmpty());
    QCOMPARE(waitForEntry(*app, username, Status::Ok).token, refresh);
    QCOMPARE(refreshStatus(refresh), 200);
}

void tst_JwtSession::registeringSignsInWithTheSameCredentials()
{
    const int obtains = m_jwtServer->requestCount("POST", "/api/token/");
    auto app = signedIn(QStringLiteral("jwt_reg"), false);
    QVERIFY(app);
    // The registration's DRF token is useless on this server; the token endpoint gave the pair.
    QCOMPARE(m_jwtServer->requestCount("POST", "/api/token/"), obtains + 1);
    QVERIFY(test::waitForCall(app->api.fetchProfile()).ok());
}

void tst_JwtSession::twentyRequestsShareOneRefresh()
{
    auto app = signedIn(QStringLiteral("jwt_20"), false);
    QVERIFY(app);
    ApiClient &api = app->api;
    QVERIFY(api.beginSession(expiredPair(app->manager->username())));
    const int refreshesBefore = m_jwtServer->requestCount("POST", kRefreshPath);

    // Twenty different requests (so that none can be shared), all sent with the expired token.
    QList<ApiResult> results;
    for (int i = 0; i < 20; ++i) {
        ApiRequest request;
        request.path = QStringLiteral("/api/profile/?request=%1").arg(i);
        QObject::connect(api.send(request), &ApiCall::finished, this,
                         [&results](const ApiResult &result) { results.append(result); });
    }
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 20, kWaitMs);
    for (const ApiResult &result : std::as_const(results))
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().technicalDetail));
    QCOMPARE(m_jwtServer->requestCount("POST", kRefreshPath), refreshesBefore + 1);
    QCOMPARE(app->manager->state(), State::SignedIn);
}

void tst_JwtSession::restoreRenewsFromTheStoredRefreshToken()
{
    QString username;
    {
        auto app = signedIn(QStringLiteral("jwt_rs"), true);
        QVERIFY(app);
        username = app->manager->username();
        QCOMPARE(waitForEntry(*app, username, Status::Ok).status, Status::Ok);
    } // Quit without signing out: the next start restores.
    const int refreshesBefore = m_jwtServer->requestCount("POST", kRefreshPath);

    auto app = jwtApp();
    app->manager->restoreSession();
    QTRY_COMPARE_WITH_TIMEOUT(app->manager->state(), State::SignedIn, kWaitMs);
    QCOMPARE(app->manager->username(), username);
    // No access token survives a restart: the stored refresh token got a new one first.
    QCOMPARE(m_jwtServer->requestCount("POST", kRefreshPath), refreshesBefore + 1);
}

void tst_JwtSession::rotatedRefreshTokenReplacesTheStoredOne()
{
    m_jwtServer.reset();
    QVERIFY2(startServer({QStringLiteral("PORTAL_SERVER_JWT_ROTATE=1")}), qPrintable(m_error));
    auto app = signedIn(QStringLiteral("jwt_rot"), true);
    QVERIFY(app);
    const QString username = app->manager->username();
    QCOMPARE(waitForEntry(*app, username, Status::Ok).status, Status::Ok);
    // The session's own refresh token, with an expired access token beside it.
    QJsonObject pair = expiredPair(username);
    pair[QStringLiteral("refresh")] = app->api.storedSecret();
    QVERIFY(app->api.beginSession(pair));
    const QString before = app->api.storedSecret();

    QSignalSpy rotated(&app->api, &ApiClient::storedSecretChanged);
    QVERIFY(test::waitForCall(app->api.fetchProfile()).ok());
    QCOMPARE(rotated.count(), 1);
    const QString after = app->api.storedSecret();
    QVERIFY(after != before);
    // The keychain follows; the old token is blacklisted by the server, the new one works.
    QTRY_COMPARE_WITH_TIMEOUT(waitForEntry(*app, username, Status::Ok).token, after, kWaitMs);
    QCOMPARE(refreshStatus(before), 401);

    app.reset();
    auto next = jwtApp();
    next->manager->restoreSession();
    QTRY_COMPARE_WITH_TIMEOUT(next->manager->state(), State::SignedIn, kWaitMs);
    // The restore's own refresh rotated the token again: the keychain keeps that one too, or the
    // start after this one could not restore.
    const QString restored = next->api.storedSecret();
    QVERIFY(restored != after);
    QTRY_COMPARE_WITH_TIMEOUT(waitForEntry(*next, username, Status::Ok).token, restored, kWaitMs);
    m_jwtServer.reset(); // cleanup() starts a server without rotation.
}

void tst_JwtSession::deadRefreshTokenEndsTheSession()
{
    // Access tokens that live a second: the session's own expires while the test watches.
    m_jwtServer.reset();
    QVERIFY2(startServer({QStringLiteral("PORTAL_SERVER_JWT_ACCESS_SECONDS=1")}),
             qPrintable(m_error));
    auto app = signedIn(QStringLiteral("jwt_dead"), true);
    QVERIFY(app);
    const QString username = app->manager->username();
    QCOMPARE(waitForEntry(*app, username, Status::Ok).status, Status::Ok);
    // Someone signs the session's refresh token out elsewhere.
    {
        ApiClient other;
        other.setBaseUrl(m_jwtServer->url());
        other.setAuthMode(AuthMode::Jwt);
        other.setToken(app->api.storedSecret());
        QVERIFY(test::waitForCall(other.logout()).ok());
    }
    QSignalSpy expired(&app->api, &ApiClient::sessionExpired);
    QSignalSpy ending(app->manager.get(), &AuthStateManager::sessionEnding);
    const int refreshesBefore = m_jwtServer->requestCount("POST", kRefreshPath);
    // Reads succeed until the access token expires; the next one cannot renew it.
    CustomerEditor *profile = app->manager->profile();
    QElapsedTimer sinceLoad;
    QVERIFY(QTest::qWaitFor(
        [&]() {
            if (app->manager->state() == State::SignedOut)
                return true;
            if (!profile->isBusy() && (!sinceLoad.isValid() || sinceLoad.elapsed() > 200)) {
                sinceLoad.start();
                profile->load();
            }
            return false;
        },
        kWaitMs));
    QCOMPARE(app->manager->signOutReason(), Reason::SessionExpired);
    QCOMPARE(ending.count(), 1);
    QCOMPARE(expired.count(), 1);
    // One refresh, refused; never a loop.
    QCOMPARE(m_jwtServer->requestCount("POST", kRefreshPath), refreshesBefore + 1);
    QCOMPARE(waitForEntry(*app, username, Status::NotFound).status, Status::NotFound);
    m_jwtServer.reset();
}

void tst_JwtSession::unreachableRefreshIsANetworkError()
{
    auto app = signedIn(QStringLiteral("jwt_down"), false);
    QVERIFY(app);
    QVERIFY(app->api.beginSession(expiredPair(app->manager->username())));
    RetryPolicy quick;
    quick.baseDelayMs = 1;
    app->api.setRetryPolicy(quick);
    m_jwtServer->stop();

    const ApiResult down = test::waitForCall(app->api.fetchProfile());
    QVERIFY(!down.ok());
    QCOMPARE(down.error().kind, ErrorKind::Network);
    QVERIFY(!down.error().endsSession);
    QCOMPARE(app->manager->state(), State::SignedIn);

    // The server comes back: the same session goes on after one refresh.
    QVERIFY2(m_jwtServer->start(&m_error, {QStringLiteral("PORTAL_SERVER_AUTH=jwt")}),
             qPrintable(m_error));
    const int refreshesBefore = m_jwtServer->requestCount("POST", kRefreshPath);
    QVERIFY(test::waitForCall(app->api.fetchProfile()).ok());
    QCOMPARE(m_jwtServer->requestCount("POST", kRefreshPath), refreshesBefore + 1);
    QCOMPARE(app->manager->state(), State::SignedIn);
}

void tst_JwtSession::aRejectedRenewedTokenIsNotRenewedAgain()
{
    // A server whose fresh access tokens are already expired (lifetime 0): the refresh succeeds,
    // the replay is refused, and the session ends instead of refreshing forever.
    m_jwtServer.reset();
    QVERIFY2(startServer({QStringLiteral("PORTAL_SERVER_JWT_ACCESS_SECONDS=0")}),
             qPrintable(m_error));
    auto app = jwtApp();
    const QString username = test::uniqueUsername(QStringLiteral("jwt_loop"));
    QSignalSpy failed(app->manager.get(), &AuthStateManager::signInFailed);
    app->manager->registerAccount(test::registrationFor(username), false);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
    QCOMPARE(app->manager->state(), State::SignedOut);
    QCOMPARE(failed.at(0).at(0).value<ApiError>().kind, ErrorKind::IssuedSessionRejected);
    QCOMPARE(m_jwtServer->requestCount("POST", kRefreshPath), 1);
    m_jwtServer.reset();
}

void tst_JwtSession::signOutBlacklistsTheRefreshToken()
{
    auto app = signedIn(QStringLiteral("jwt_out"), true);
    QVERIFY(app);
    const QString username = app->manager->username();
    QCOMPARE(waitForEntry(*app, username, Status::Ok).status, Status::Ok);
    const QString refresh = app->api.storedSecret();
    QCOMPARE(refreshStatus(refresh), 200);

    const int blacklisted = m_jwtServer->requestCount("POST", "/api/token/blacklist/");
    app->manager->signOut();
    QTRY_COMPARE_WITH_TIMEOUT(app->manager->state(), State::SignedOut, kWaitMs);
    QCOMPARE(m_jwtServer->requestCount("POST", "/api/token/blacklist/"), blacklisted + 1);
    QCOMPARE(refreshStatus(refresh), 401);
    QVERIFY(!app->api.hasToken());
    QCOMPARE(waitForEntry(*app, username, Status::NotFound).status, Status::NotFound);
}

QTEST_GUILESS_MAIN(tst_JwtSession)
#include "tst_jwtsession.moc"
