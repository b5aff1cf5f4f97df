#include "authstatemanager.h"
#include "authtestapp.h"
#include "authtestcase.h"
#include "customereditor.h"
#include "faultserver.h"
#include "modeltestutil.h"
#include "testenv.h"
#include "tokenstore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace portal;
using State = AuthStateManager::State;
using Reason = AuthStateManager::SignOutReason;
using Status = TokenStoreResult::Status;
using portal::test::FaultServer;
using portal::test::kTestPassword;
using portal::test::statesOf;

namespace {

/// The state a new start of the app with @p settings enters right after restoreSession().
State wouldRestore(const QUrl &server, QSettings &settings)
{
    ApiClient api;
    api.setBaseUrl(server);
    TokenStore store(test::appId());
    AuthStateManager manager(&api, &store, &settings);
    manager.restoreSession();
    return manager.state();
}

/// Login and profile answer for @p username as the contract says; logout never answers.
void serveSilentLogout(FaultServer &server, const QString &username)
{
    const QByteArray customer =
        QStringLiteral(R"({"id": 7, "username": "%1", "email": "%1@example.com"})")
            .arg(username)
            .toUtf8();
    server.route("/api/login/",
                 FaultServer::Response::json(
                     200, R"({"token": "never-logged-out-token", "customer": )" + customer + "}"));
    server.route("/api/profile/",
                 FaultServer::Response::json(200, customer).withHeader("ETag", "\"v1\""));
    server.route("/api/logout/", FaultServer::Response::of(FaultServer::Behaviour::Stall));
}

} // namespace

/// AuthStateManager and remembered sessions: restoring with a valid, a rejected or no stored token,
/// Remember me off, signing out with the server down or silent, another server.
class tst_AuthStateManagerRestore : public test::AuthTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void restoreValidToken();
    void restoreRejectedToken();
    void restoreNothingStored();
    void rememberFalseStoresNothing();
    void signOutWithServerDown();
    void signOutHoldsBeforeTheServerAnswers();
    void restoreWithServerDown();
    void profile403OnSessionFirstServer();
    void changeServer();
};

void tst_AuthStateManagerRestore::initTestCase()
{
    const QString problem = setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void tst_AuthStateManagerRestore::restoreValidToken()
{
    const QString username = test::uniqueUsername(QStringLiteral("asm_rv"));
    {
        auto app = newApp();
        QVERIFY(registerAccount(*app, username, true));
        QCOMPARE(waitForEntry(*app, username, Status::Ok).status, Status::Ok);
    }
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    QCOMPARE(manager.lastUsername(), username);
    QSignalSpy states(&manager, &AuthStateManager::stateChanged);
    manager.restoreSession();
    QCOMPARE(manager.state(), State::Restoring);
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedIn, kWaitMs);
    QCOMPARE(statesOf(states), (QList<State>{State::Restoring, State::SignedIn}));
    QCOMPARE(manager.username(), username);
    QVERIFY(!manager.profile()->etag().isEmpty());
    QCOMPARE(manager.signOutReason(), Reason::None);
    QVERIFY(!manager.isServerUnreachable());
    QVERIFY(manager.isRememberAvailable());
}

void tst_AuthStateManagerRestore::restoreRejectedToken()
{
    const QString username = test::uniqueUsername(QStringLiteral("asm_rr"));
    {
        auto app = newApp();
        QVERIFY(registerAccount(*app, username, true));
        QCOMPARE(waitForEntry(*app, username, Status::Ok).status, Status::Ok);
    }
    QCOMPARE(test::manage({QStringLiteral("delete_token"), username}).trimmed(),
             QByteArray("deleted 1"));
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    QSignalSpy ending(&manager, &AuthStateManager::sessionEnding);
    manager.restoreSession();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);
    QCOMPARE(manager.signOutReason(), Reason::StoredTokenRejected);
    QVERIFY(manager.lastError());
    QCOMPARE(manager.lastError()->kind, ErrorKind::Unauthorized);
    QCOMPARE(ending.count(), 0);
    QVERIFY(!app->api.hasToken());
    QCOMPARE(waitForEntry(*app, username, Status::NotFound).status, Status::NotFound);

    app.reset();
    auto next = newApp();
    next->manager->restoreSession();
    QCOMPARE(next->manager->state(), State::SignedOut);
    QCOMPARE(next->manager->signOutReason(), Reason::None);
}

void tst_AuthStateManagerRestore::restoreNothingStored()
{
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    QSignalSpy states(&manager, &AuthStateManager::stateChanged);
    QSignalSpy remember(&manager, &AuthStateManager::rememberAvailableChanged);
    manager.restoreSession();
    QCOMPARE(manager.state(), State::SignedOut);
    QCOMPARE(states.count(), 0);
    QCOMPARE(manager.signOutReason(), Reason::None);
    QVERIFY(manager.lastUsername().isEmpty());
    // The probe read tells whether "Remember me" can work.
    QTRY_COMPARE_WITH_TIMEOUT(app->store.availability(), TokenStore::Availability::Available,
                              kWaitMs);
    QVERIFY(manager.isRememberAvailable());
    QCOMPARE(remember.count(), 0);
}

void tst_AuthStateManagerRestore::rememberFalseStoresNothing()
{
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    const QString username = test::uniqueUsername(QStringLiteral("asm_nr"));
    QVERIFY(registerAccount(*app, username, false));
    QCOMPARE(waitForEntry(*app, username, Status::NotFound).status, Status::NotFound);
    manager.signOut();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);

    // An entry left from an earlier "remember me" goes when signing in without it.
    TokenStore store(test::appId());
    QCOMPARE(test::writeStored(store, app->storedKey(username), QStringLiteral("old")).status,
             Status::Ok);
    manager.signIn(username, kTestPassword, false);
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedIn, kWaitMs);
    QCOMPARE(waitForEntry(*app, username, Status::NotFound).status, Status::NotFound);

    app.reset();
    auto next = newApp();
    next->manager->restoreSession();
    QCOMPARE(next->manager->state(), State::SignedOut);
    QCOMPARE(next->manager->lastUsername(), username);
}

void tst_AuthStateManagerRestore::signOutWithServerDown()
{
    test::PrivateServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    auto app = newApp(server.url());
    AuthStateManager &manager = *app->manager;
    const QString username = test::uniqueUsername(QStringLiteral("asm_sd"));
    QVERIFY(registerAccount(*app, username, true));
    const TokenStoreResult stored = waitForEntry(*app, username, Status::Ok);
    QCOMPARE(stored.status, Status::Ok);

    server.stop();
    manager.signOut();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);
    QCOMPARE(manager.signOutReason(), Reason::UserRequested);
    QVERIFY(!app->api.hasToken());
    QCOMPARE(waitForEntry(*app, username, Status::NotFound).status, Status::NotFound);
    // Only the local copy is gone: the server never heard of the sign-out.
    QCOMPARE(server.manage({QStringLiteral("token_exists"), stored.token}), QByteArray("yes"));

    app.reset();
    auto next = newApp(server.url());
    next->manager->restoreSession();
    QCOMPARE(next->manager->state(), State::SignedOut);
}

void tst_AuthStateManagerRestore::signOutHoldsBeforeTheServerAnswers()
{
    // A server that never answers the logout (a fault the reference server cannot produce on
    // demand): the sign-out must hold even if the app quits while the request is on its way.
    const QString username = test::uniqueUsername(QStringLiteral("asm_so"));
    FaultServer server;
    QVERIFY(server.listen());
    serveSilentLogout(server, username);

    QSettings settings(settingsPath(), QSettings::IniFormat);
    TokenStore store(test::appId());
    auto *api = new ApiClient;
    api->setBaseUrl(server.url());
    AuthStateManager manager(api, &store, &settings);
    manager.signIn(username, QStringLiteral("any-password-1"), true);
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedIn, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(manager.profile()->etag(), QByteArray("\"v1\""), kWaitMs);
    const QString key = TokenStore::keyFor(server.url(), username);
    TokenStore probe(test::appId());
    QVERIFY(QTest::qWaitFor([&]() { return test::readStored(probe, key).status == Status::Ok; },
                            kWaitMs));
    QCOMPARE(wouldRestore(server.url(), settings), State::Restoring); // Remembered so far.

    manager.signOut();
    QCOMPARE(manager.state(), State::SigningOut);
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 3, kWaitMs);
    QCOMPARE(server.requests().constLast().path(), QByteArray("/api/logout/"));
    // No answer yet, and already forgotten: the keychain delete was queued before this read.
    QCOMPARE(test::readStored(probe, key).status, Status::NotFound);
    QCOMPARE(wouldRestore(server.url(), settings), State::SignedOut);
    QCOMPARE(manager.state(), State::SigningOut);

    // The app quits: its client goes while the logout is still unanswered.
    delete api;
    QCOMPARE(manager.state(), State::SignedOut);
    QCOMPARE(manager.signOutReason(), Reason::UserRequested);
    QCOMPARE(test::readStored(probe, key).status, Status::NotFound);
}

void tst_AuthStateManagerRestore::restoreWithServerDown()
{
    test::PrivateServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const QString username = test::uniqueUsername(QStringLiteral("asm_rd"));
    {
        auto app = newApp(server.url());
        QVERIFY(registerAccount(*app, username, true));
        QCOMPARE(waitForEntry(*app, username, Status::Ok).status, Status::Ok);
    }
    server.stop();

    auto app = newApp(server.url());
    AuthStateManager &manager = *app->manager;
    QSignalSpy unreachable(&manager, &AuthStateManager::serverUnreachableChanged);
    manager.restoreSession();
    QTRY_VERIFY_WITH_TIMEOUT(manager.isServerUnreachable(), kWaitMs);
    QCOMPARE(manager.state(), State::Restoring);
    QVERIFY(manager.lastError());
    QCOMPARE(manager.lastError()->kind, ErrorKind::Network);
    QCOMPARE(waitForEntry(*app, username, Status::Ok).status, Status::Ok);

    // Giving up keeps the token for the next start.
    manager.cancelRestore();
    QCOMPARE(manager.state(), State::SignedOut);
    QCOMPARE(manager.signOutReason(), Reason::None);
    QVERIFY(!manager.isServerUnreachable());
    QCOMPARE(waitForEntry(*app, username, Status::Ok).status, Status::Ok);

    manager.restoreSession();
    QTRY_VERIFY_WITH_TIMEOUT(manager.isServerUnreachable(), kWaitMs);
    QVERIFY2(server.start(&error), qPrintable(error));
    unreachable.clear();
    manager.retryRestore();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedIn, kWaitMs);
    QCOMPARE(manager.username(), username);
    QVERIFY(!manager.isServerUnreachable());
    QCOMPARE(unreachable.count(), 1);
    QVERIFY(!manager.lastError());
}

void tst_AuthStateManagerRestore::profile403OnSessionFirstServer()
{
    // A server whose first authentication class answers a dead token with 403, not 401.
    test::PrivateServer server;
    QString error;
    QVERIFY2(server.start(&error, {QStringLiteral("PORTAL_SERVER_AUTH_FIRST=session")}),
             qPrintable(error));
    const QString stored = test::uniqueUsername(QStringLiteral("asm_403r"));
    {
        auto app = newApp(server.url());
        QVERIFY(registerAccount(*app, stored, true));
        QCOMPARE(waitForEntry(*app, stored, Status::Ok).status, Status::Ok);
    }
    QCOMPARE(server.manage({QStringLiteral("delete_token"), stored}), QByteArray("deleted 1"));

    // Restoring: the profile's 403 rejects the stored token, which is deleted.
    auto app = newApp(server.url());
    AuthStateManager &manager = *app->manager;
    manager.restoreSession();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);
    QCOMPARE(manager.signOutReason(), Reason::StoredTokenRejected);
    QVERIFY(manager.lastError());
    QCOMPARE(manager.lastError()->httpStatus, 403);
    QCOMPARE(waitForEntry(*app, stored, Status::NotFound).status, Status::NotFound);

    // Signed in: the profile's 403 ends the session.
    const QString live = test::uniqueUsername(QStringLiteral("asm_403e"));
    QVERIFY(registerAccount(*app, live, true));
    QTRY_VERIFY_WITH_TIMEOUT(!manager.profile()->etag().isEmpty(), kWaitMs);
    QCOMPARE(waitForEntry(*app, live, Status::Ok).status, Status::Ok);
    QCOMPARE(server.manage({QStringLiteral("delete_token"), live}), QByteArray("deleted 1"));
    QSignalSpy ending(&manager, &AuthStateManager::sessionEnding);
    manager.profile()->load();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);
    QCOMPARE(manager.signOutReason(), Reason::SessionExpired);
    QCOMPARE(ending.count(), 1);
    QCOMPARE(waitForEntry(*app, live, Status::NotFound).status, Status::NotFound);
}

void tst_AuthStateManagerRestore::changeServer()
{
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    const QString username = test::uniqueUsername(QStringLiteral("asm_cs"));
    QVERIFY(registerAccount(*app, username, true));
    QCOMPARE(waitForEntry(*app, username, Status::Ok).status, Status::Ok);
    const QString oldKey = app->storedKey(username);

    QSignalSpy ending(&manager, &AuthStateManager::sessionEnding);
    QSignalSpy serverChanged(&manager, &AuthStateManager::serverChanged);
    const QUrl elsewhere = test::closedPortUrl();
    manager.changeServer(elsewhere);
    QCOMPARE(ending.count(), 1);
    QCOMPARE(ending.at(0).at(0).value<Reason>(), Reason::ServerChanged);
    QCOMPARE(manager.signOutReason(), Reason::ServerChanged);
    QCOMPARE(manager.state(), State::SignedOut);
    QCOMPARE(serverChanged.count(), 1);
    QCOMPARE(serverChanged.at(0).at(0).toUrl(), elsewhere);
    QCOMPARE(manager.server(), elsewhere);
    QVERIFY(!app->api.hasToken());
    TokenStore store(test::appId());
    QCOMPARE(test::readStored(store, oldKey).status, Status::Ok);

    // Back on the first server, its stored session is restored without a password.
    manager.changeServer(m_server);
    QCOMPARE(manager.state(), State::Restoring);
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedIn, kWaitMs);
    QCOMPARE(manager.username(), username);
    QCOMPARE(serverChanged.count(), 2);
}

QTEST_GUILESS_MAIN(tst_AuthStateManagerRestore)

#include "tst_authstatemanager_restore.moc"
