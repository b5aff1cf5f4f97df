#include "authstatemanager.h"
#include "authtestapp.h"
#include "modeltestutil.h"
#include "testenv.h"
#include "tokenstore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace portal;
using State = AuthStateManager::State;
using Reason = AuthStateManager::SignOutReason;
using Status = TokenStoreResult::Status;
using portal::test::kTestPassword;
using portal::test::patchAsOtherClient;
using portal::test::serverCustomer;
using portal::test::tokenExists;
using App = portal::test::TestApp;

namespace {

constexpr int kWaitMs = 20000;

QList<State> statesOf(const QSignalSpy &spy)
{
    QList<State> states;
    for (const QList<QVariant> &arguments : spy)
        states << arguments.at(0).value<State>();
    return states;
}

} // namespace

class tst_AuthStateManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void registerRememberedThenSignOut();
    void signInWithPassword();
    void updateProfile();
    void staleEtagAdoptsServerVersion();
    void refreshProfile();
    void signInFailure();
    void registrationFailure();
    void sessionExpiry();
    void draftDiscardedForOtherCustomer();
    void restoreValidToken();
    void restoreRejectedToken();
    void restoreNothingStored();
    void rememberFalseStoresNothing();
    void signOutWithServerDown();
    void restoreWithServerDown();
    void changeServer();
    void requestsIgnoredInWrongState();

private:
    QString settingsPath() const;
    std::unique_ptr<App> newApp(const QUrl &server = {}) const;
    bool registerAccount(App &app, const QString &username, bool remember);
    /// A new app signed in as a newly registered @p username, ETag known; null on failure.
    std::unique_ptr<App> signedInApp(const QString &username);
    TokenStoreResult waitForEntry(App &app, const QString &username, Status status);

    QTemporaryDir m_dir;
    QUrl m_server;
};

void tst_AuthStateManager::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_server = test::referenceServerUrl();
    QVERIFY2(m_server.isValid(), "the reference server is not running (run through ctest)");
    TokenStore store(test::appId());
    QVERIFY2(test::readStored(store, QStringLiteral("probe")).status == Status::NotFound,
             "no working keyring: run through tests/keyring-session.sh");
}

QString tst_AuthStateManager::settingsPath() const
{
    return m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                          QStringLiteral(".ini"));
}

std::unique_ptr<App> tst_AuthStateManager::newApp(const QUrl &server) const
{
    return std::make_unique<App>(settingsPath(), server.isEmpty() ? m_server : server);
}

bool tst_AuthStateManager::registerAccount(App &app, const QString &username, bool remember)
{
    app.manager->registerAccount(test::registrationFor(username), remember);
    return QTest::qWaitFor([&app]() { return app.manager->state() == State::SignedIn; }, kWaitMs);
}

std::unique_ptr<App> tst_AuthStateManager::signedInApp(const QString &username)
{
    auto app = newApp();
    if (!registerAccount(*app, username, false))
        return nullptr;
    AuthStateManager *manager = app->manager.get();
    if (!QTest::qWaitFor([manager]() { return !manager->profileEtag().isEmpty(); }, kWaitMs))
        return nullptr;
    return app;
}

TokenStoreResult tst_AuthStateManager::waitForEntry(App &app, const QString &username,
                                                    Status status)
{
    // The manager writes and deletes in the background: poll until the keychain agrees.
    TokenStore store(test::appId());
    TokenStoreResult result;
    static_cast<void>(QTest::qWaitFor(
        [&]() {
            result = test::readStored(store, app.storedKey(username));
            return result.status == status;
        },
        kWaitMs));
    return result;
}

void tst_AuthStateManager::registerRememberedThenSignOut()
{
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    const QString username = test::uniqueUsername(QStringLiteral("asm_reg"));
    QSignalSpy states(&manager, &AuthStateManager::stateChanged);
    QSignalSpy userChanged(&manager, &AuthStateManager::userChanged);

    QVERIFY(registerAccount(*app, username, true));
    QCOMPARE(statesOf(states), (QList<State>{State::SigningIn, State::SignedIn}));
    QCOMPARE(manager.username(), username);
    QCOMPARE(manager.user().email, username + QStringLiteral("@example.com"));
    QCOMPARE(manager.user().birthDate, QDate(1991, 2, 3));
    QCOMPARE(userChanged.count(), 1);
    QVERIFY(app->api.hasToken());
    QTRY_VERIFY_WITH_TIMEOUT(!manager.profileEtag().isEmpty(), kWaitMs);

    const TokenStoreResult stored = waitForEntry(*app, username, Status::Ok);
    QCOMPARE(stored.status, Status::Ok);
    QCOMPARE(tokenExists(stored.token), QByteArray("yes"));

    QSignalSpy ending(&manager, &AuthStateManager::sessionEnding);
    QSignalSpy reasons(&manager, &AuthStateManager::signOutReasonChanged);
    states.clear();
    manager.signOut();
    QCOMPARE(ending.count(), 1);
    QCOMPARE(ending.at(0).at(0).value<Reason>(), Reason::UserRequested);
    QCOMPARE(manager.state(), State::SigningOut);
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);
    QCOMPARE(statesOf(states), (QList<State>{State::SigningOut, State::SignedOut}));
    QCOMPARE(manager.signOutReason(), Reason::UserRequested);
    QCOMPARE(reasons.count(), 1);
    QVERIFY(manager.username().isEmpty());
    QCOMPARE(manager.lastUsername(), username);
    QVERIFY(!app->api.hasToken());
    QCOMPARE(tokenExists(stored.token), QByteArray("no"));
    QCOMPARE(waitForEntry(*app, username, Status::NotFound).status, Status::NotFound);

    // An explicit sign-out is remembered: the next start does not restore.
    app.reset();
    auto next = newApp();
    QSignalSpy nextStates(next->manager.get(), &AuthStateManager::stateChanged);
    next->manager->restoreSession();
    QCOMPARE(next->manager->state(), State::SignedOut);
    QCOMPARE(nextStates.count(), 0);
    QCOMPARE(next->manager->lastUsername(), username);
}

void tst_AuthStateManager::signInWithPassword()
{
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    const QString username = test::uniqueUsername(QStringLiteral("asm_si"));
    QVERIFY(registerAccount(*app, username, false));
    manager.signOut();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);

    QSignalSpy states(&manager, &AuthStateManager::stateChanged);
    QSignalSpy failed(&manager, &AuthStateManager::signInFailed);
    manager.signIn(username, kTestPassword, false);
    QCOMPARE(manager.state(), State::SigningIn);
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedIn, kWaitMs);
    QCOMPARE(statesOf(states), (QList<State>{State::SigningIn, State::SignedIn}));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(manager.username(), username);
    QVERIFY(app->api.hasToken());
    // The background profile read after sign-in learns the ETag.
    QTRY_VERIFY_WITH_TIMEOUT(!manager.profileEtag().isEmpty(), kWaitMs);
}

void tst_AuthStateManager::updateProfile()
{
    const QString username = test::uniqueUsername(QStringLiteral("asm_upd"));
    auto app = signedInApp(username);
    QVERIFY(app);
    AuthStateManager &manager = *app->manager;
    const QByteArray firstEtag = manager.profileEtag();

    QSignalSpy saved(&manager, &AuthStateManager::profileSaved);
    QSignalSpy userChanged(&manager, &AuthStateManager::userChanged);
    manager.updateProfile({{QStringLiteral("first_name"), QStringLiteral("Zed")}});
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kWaitMs);
    QCOMPARE(userChanged.count(), 1);
    QCOMPARE(manager.user().firstName, QStringLiteral("Zed"));
    QCOMPARE(saved.at(0).at(0).value<Customer>(), manager.user());
    QVERIFY(!manager.profileEtag().isEmpty());
    QVERIFY(manager.profileEtag() != firstEtag);
    QCOMPARE(serverCustomer(username).value(QLatin1String("first_name")).toString(),
             QStringLiteral("Zed"));
}

void tst_AuthStateManager::staleEtagAdoptsServerVersion()
{
    const QString username = test::uniqueUsername(QStringLiteral("asm_412"));
    auto app = signedInApp(username);
    QVERIFY(app);
    AuthStateManager &manager = *app->manager;
    // Someone else changes the profile: our ETag is stale now. Only an If-Match can notice.
    const QByteArray staleEtag = manager.profileEtag();
    QVERIFY(patchAsOtherClient(m_server, username,
                               {{QStringLiteral("last_name"), QStringLiteral("Elsewhere")}})
                .ok());

    QStringList events;
    connect(&manager, &AuthStateManager::userChanged, this,
            [&events]() { events << QStringLiteral("userChanged"); });
    connect(&manager, &AuthStateManager::profileSaveFailed, this,
            [&events]() { events << QStringLiteral("profileSaveFailed"); });
    QSignalSpy saveFailed(&manager, &AuthStateManager::profileSaveFailed);
    manager.updateProfile({{QStringLiteral("first_name"), QStringLiteral("Mine")}});
    QTRY_COMPARE_WITH_TIMEOUT(saveFailed.count(), 1, kWaitMs);
    const auto error = saveFailed.at(0).at(0).value<ApiError>();
    QCOMPARE(error.kind, ErrorKind::PreconditionFailed);
    QCOMPARE(error.httpStatus, 412);
    QCOMPARE(events,
             (QStringList{QStringLiteral("userChanged"), QStringLiteral("profileSaveFailed")}));
    QCOMPARE(manager.user().lastName, QStringLiteral("Elsewhere"));
    QVERIFY(manager.user().firstName != QStringLiteral("Mine"));
    QVERIFY(!manager.profileEtag().isEmpty());
    QVERIFY(manager.profileEtag() != staleEtag);
    QVERIFY(manager.lastError());
    QCOMPARE(manager.state(), State::SignedIn);
    QVERIFY(serverCustomer(username).value(QLatin1String("first_name")).toString() !=
            QStringLiteral("Mine"));

    // With the server's current ETag the same change goes through.
    QSignalSpy saved(&manager, &AuthStateManager::profileSaved);
    manager.updateProfile({{QStringLiteral("first_name"), QStringLiteral("Mine")}});
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kWaitMs);
    QVERIFY(!manager.lastError());
    QCOMPARE(serverCustomer(username).value(QLatin1String("first_name")).toString(),
             QStringLiteral("Mine"));
}

void tst_AuthStateManager::refreshProfile()
{
    const QString username = test::uniqueUsername(QStringLiteral("asm_ref"));
    auto app = signedInApp(username);
    QVERIFY(app);
    AuthStateManager &manager = *app->manager;
    QVERIFY(patchAsOtherClient(m_server, username,
                               {{QStringLiteral("email"), QStringLiteral("new@example.org")}})
                .ok());
    QSignalSpy refreshed(&manager, &AuthStateManager::profileRefreshed);
    QSignalSpy refreshFailed(&manager, &AuthStateManager::profileRefreshFailed);
    manager.refreshProfile();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, kWaitMs);
    QCOMPARE(refreshFailed.count(), 0);
    QCOMPARE(manager.user().email, QStringLiteral("new@example.org"));
    QCOMPARE(refreshed.at(0).at(0).value<Customer>(), manager.user());
}

void tst_AuthStateManager::signInFailure()
{
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    QSignalSpy states(&manager, &AuthStateManager::stateChanged);
    QSignalSpy failed(&manager, &AuthStateManager::signInFailed);
    QSignalSpy errorChanged(&manager, &AuthStateManager::lastErrorChanged);
    manager.signIn(QStringLiteral("alice"), QStringLiteral("not-her-password"), true);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
    QCOMPARE(manager.state(), State::SignedOut);
    QCOMPARE(statesOf(states), (QList<State>{State::SigningIn, State::SignedOut}));
    QCOMPARE(failed.at(0).at(0).value<ApiError>().kind, ErrorKind::InvalidCredentials);
    QVERIFY(manager.lastError());
    QCOMPARE(manager.lastError()->kind, ErrorKind::InvalidCredentials);
    QVERIFY(!manager.lastErrorMessage().isEmpty());
    QCOMPARE(errorChanged.count(), 1);
    QCOMPARE(manager.signOutReason(), Reason::None);
    QVERIFY(!app->api.hasToken());
}

void tst_AuthStateManager::registrationFailure()
{
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    QSignalSpy failed(&manager, &AuthStateManager::registrationFailed);
    QSignalSpy signInFailed(&manager, &AuthStateManager::signInFailed);
    manager.registerAccount(test::registrationFor(QStringLiteral("alice")), true);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
    QCOMPARE(manager.state(), State::SignedOut);
    const auto error = failed.at(0).at(0).value<ApiError>();
    QCOMPARE(error.kind, ErrorKind::Validation);
    QVERIFY(error.fieldErrors.contains(QStringLiteral("username")));
    QCOMPARE(signInFailed.count(), 0);
}

void tst_AuthStateManager::sessionExpiry()
{
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    const QString username = test::uniqueUsername(QStringLiteral("asm_exp"));
    QVERIFY(registerAccount(*app, username, true));
    QCOMPARE(waitForEntry(*app, username, Status::Ok).status, Status::Ok);
    QTRY_VERIFY_WITH_TIMEOUT(!manager.profileEtag().isEmpty(), kWaitMs);

    QString userWhileEnding;
    const QJsonObject draft{{QStringLiteral("first_name"), QStringLiteral("Unsaved")}};
    connect(&manager, &AuthStateManager::sessionEnding, this, [&]() {
        userWhileEnding = manager.username();
        manager.keepDraft(draft);
    });
    QSignalSpy ending(&manager, &AuthStateManager::sessionEnding);
    QSignalSpy reasons(&manager, &AuthStateManager::signOutReasonChanged);

    QCOMPARE(test::manage({QStringLiteral("delete_token"), username}).trimmed(),
             QByteArray("deleted 1"));
    manager.refreshProfile();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);
    QCOMPARE(manager.signOutReason(), Reason::SessionExpired);
    QCOMPARE(reasons.count(), 1);
    QCOMPARE(ending.count(), 1);
    QCOMPARE(ending.at(0).at(0).value<Reason>(), Reason::SessionExpired);
    QCOMPARE(userWhileEnding, username);
    QVERIFY(manager.username().isEmpty());
    QCOMPARE(manager.lastUsername(), username);
    QVERIFY(!app->api.hasToken());
    QCOMPARE(waitForEntry(*app, username, Status::NotFound).status, Status::NotFound);

    // Signing in again as the same customer gets the unsaved edits back, once.
    manager.signIn(username, kTestPassword, false);
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedIn, kWaitMs);
    const std::optional<QJsonObject> kept = manager.takeDraft();
    QVERIFY(kept);
    QCOMPARE(*kept, draft);
    QVERIFY(!manager.takeDraft());
}

void tst_AuthStateManager::draftDiscardedForOtherCustomer()
{
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    const QString first = test::uniqueUsername(QStringLiteral("asm_dA"));
    const QString second = test::uniqueUsername(QStringLiteral("asm_dB"));
    QVERIFY(registerAccount(*app, first, false));
    manager.keepDraft({{QStringLiteral("last_name"), QStringLiteral("Draft")}});
    manager.signOut();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);

    QVERIFY(registerAccount(*app, second, false));
    QVERIFY(!manager.takeDraft());
    manager.signOut();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);
    manager.signIn(first, kTestPassword, false);
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedIn, kWaitMs);
    QVERIFY(!manager.takeDraft());
}

void tst_AuthStateManager::restoreValidToken()
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
    QVERIFY(!manager.profileEtag().isEmpty());
    QCOMPARE(manager.signOutReason(), Reason::None);
    QVERIFY(!manager.isServerUnreachable());
    QVERIFY(manager.isRememberAvailable());
}

void tst_AuthStateManager::restoreRejectedToken()
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

void tst_AuthStateManager::restoreNothingStored()
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

void tst_AuthStateManager::rememberFalseStoresNothing()
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

void tst_AuthStateManager::signOutWithServerDown()
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

void tst_AuthStateManager::restoreWithServerDown()
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

void tst_AuthStateManager::changeServer()
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

void tst_AuthStateManager::requestsIgnoredInWrongState()
{
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    QSignalSpy states(&manager, &AuthStateManager::stateChanged);
    QSignalSpy saveFailed(&manager, &AuthStateManager::profileSaveFailed);
    manager.signOut();
    manager.updateProfile({{QStringLiteral("first_name"), QStringLiteral("X")}});
    manager.refreshProfile();
    manager.retryRestore();
    manager.cancelRestore();
    QCOMPARE(states.count(), 0);
    QCOMPARE(saveFailed.count(), 0);
    QCOMPARE(manager.state(), State::SignedOut);
}

QTEST_GUILESS_MAIN(tst_AuthStateManager)

#include "tst_authstatemanager.moc"
