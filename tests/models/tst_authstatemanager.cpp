#include "authstatemanager.h"
#include "authtestapp.h"
#include "authtestcase.h"
#include "customereditor.h"
#include "faultserver.h"
#include "modeltestutil.h"
#include "testenv.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QMetaProperty>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace portal;
using State = AuthStateManager::State;
using Reason = AuthStateManager::SignOutReason;
using Status = TokenStoreResult::Status;
using portal::test::kTestPassword;
using portal::test::patchAsOtherClient;
using portal::test::serverCustomer;
using portal::test::statesOf;
using portal::test::tokenExists;

/// AuthStateManager signing in, out and editing the profile against the reference server and a
/// real keyring. Restoring remembered sessions is in tst_authstatemanager_restore.
class tst_AuthStateManager : public test::AuthTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyPropertyNotifies();
    void registerSignInProfileUpdateSignOut_data() { addFlavourRows(); }
    void registerSignInProfileUpdateSignOut();
    void registerRememberedThenSignOut();
    void signInWithPassword_data() { addFlavourRows(); }
    void signInWithPassword();
    void updateProfile();
    void staleEtagAdoptsServerVersion();
    void refreshProfile_data() { addFlavourRows(); }
    void refreshProfile();
    void signInFailure_data() { addFlavourRows(); }
    void signInFailure();
    void registrationFailure_data() { addFlavourRows(); }
    void registrationFailure();
    void sessionExpiry_data() { addFlavourRows(); }
    void sessionExpiry();
    void severalFailuresEndSessionOnce();
    void signOutAfterServerForgotToken();
    void draftDiscardedForOtherCustomer();
    void requestsIgnoredInWrongState();
    void issuedTokenRejectedAtOnceSaysSo_data();
    void issuedTokenRejectedAtOnceSaysSo();
};

void tst_AuthStateManager::initTestCase()
{
    const QString problem = setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void tst_AuthStateManager::everyPropertyNotifies()
{
    const QMetaObject &meta = AuthStateManager::staticMetaObject;
    QStringList names;
    for (int i = meta.propertyOffset(); i < meta.propertyCount(); ++i) {
        const QMetaProperty property = meta.property(i);
        names << QString::fromLatin1(property.name());
        QVERIFY2(property.hasNotifySignal(), property.name());
    }
    for (const char *name : {"state", "signOutReason", "user", "lastErrorMessage"})
        QVERIFY2(names.contains(QLatin1String(name)), name);
}

void tst_AuthStateManager::registerSignInProfileUpdateSignOut()
{
    useRowFlavour();
    // The whole journey in one run of the app, against the real server and the real keyring.
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    const QString username = test::uniqueUsername(QStringLiteral("asm_all"));
    QVERIFY(registerAccount(*app, username, true));
    QCOMPARE(waitForEntry(*app, username, Status::Ok).status, Status::Ok);
    manager.signOut();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);

    manager.signIn(username, kTestPassword, true);
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedIn, kWaitMs);
    const TokenStoreResult stored = waitForEntry(*app, username, Status::Ok);
    QCOMPARE(stored.status, Status::Ok);
    QCOMPARE(tokenExists(stored.token), QByteArray("yes"));

    QSignalSpy refreshed(manager.profile(), &CustomerEditor::loaded);
    manager.profile()->load();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, kWaitMs);
    QCOMPARE(manager.user().email, username + QStringLiteral("@example.com"));
    QCOMPARE(!manager.profile()->etag().isEmpty(), serverSendsEtags());

    QSignalSpy saved(manager.profile(), &CustomerEditor::saved);
    manager.profile()->save(
        CustomerChanges::fromJson({{QStringLiteral("last_name"), QStringLiteral("Journey")},
                                   {QStringLiteral("birth_date"), QStringLiteral("1980-12-31")}}));
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kWaitMs);
    const QJsonObject onServer = serverCustomer(username);
    QCOMPARE(onServer.value(QLatin1String("last_name")).toString(), QStringLiteral("Journey"));
    QCOMPARE(onServer.value(QLatin1String("birth_date")).toString(), QStringLiteral("1980-12-31"));
    QCOMPARE(manager.user().lastName, QStringLiteral("Journey"));

    manager.signOut();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);
    QCOMPARE(manager.signOutReason(), Reason::UserRequested);
    QCOMPARE(tokenExists(stored.token), QByteArray("no"));
    QCOMPARE(waitForEntry(*app, username, Status::NotFound).status, Status::NotFound);
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
    QCOMPARE(manager.property("user").value<Customer>(), manager.user());
    QCOMPARE(manager.user().email, username + QStringLiteral("@example.com"));
    QCOMPARE(manager.user().birthDate, QDate(1991, 2, 3));
    QCOMPARE(userChanged.count(), 1);
    QVERIFY(app->api.hasToken());
    QTRY_VERIFY_WITH_TIMEOUT(!manager.profile()->etag().isEmpty(), kWaitMs);

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
    useRowFlavour();
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
    // The background profile read after sign-in learns the ETag (where the server sends one).
    QVERIFY(waitForProfileRead(*app));
    QCOMPARE(!manager.profile()->etag().isEmpty(), serverSendsEtags());
}

void tst_AuthStateManager::updateProfile()
{
    const QString username = test::uniqueUsername(QStringLiteral("asm_upd"));
    auto app = signedInApp(username);
    QVERIFY(app);
    AuthStateManager &manager = *app->manager;
    const QByteArray firstEtag = manager.profile()->etag();

    QSignalSpy saved(manager.profile(), &CustomerEditor::saved);
    QSignalSpy userChanged(&manager, &AuthStateManager::userChanged);
    manager.profile()->save(
        CustomerChanges::fromJson({{QStringLiteral("first_name"), QStringLiteral("Zed")}}));
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kWaitMs);
    QCOMPARE(userChanged.count(), 1);
    QCOMPARE(manager.user().firstName, QStringLiteral("Zed"));
    QCOMPARE(saved.at(0).at(0).value<Customer>(), manager.user());
    QVERIFY(!manager.profile()->etag().isEmpty());
    QVERIFY(manager.profile()->etag() != firstEtag);
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
    const QByteArray staleEtag = manager.profile()->etag();
    QVERIFY(patchAsOtherClient(m_server, username,
                               {{QStringLiteral("last_name"), QStringLiteral("Elsewhere")}})
                .ok());

    QStringList events;
    connect(&manager, &AuthStateManager::userChanged, this,
            [&events]() { events << QStringLiteral("userChanged"); });
    connect(manager.profile(), &CustomerEditor::conflict, this,
            [&events]() { events << QStringLiteral("conflict"); });
    QSignalSpy conflict(manager.profile(), &CustomerEditor::conflict);
    QSignalSpy saveFailed(manager.profile(), &CustomerEditor::saveFailed);
    const CustomerChanges mine =
        CustomerChanges::fromJson({{QStringLiteral("first_name"), QStringLiteral("Mine")}});
    manager.profile()->save(mine);
    QTRY_COMPARE_WITH_TIMEOUT(conflict.count(), 1, kWaitMs);
    QCOMPARE(saveFailed.count(), 0);
    QCOMPARE(conflict.at(0).at(0).value<Customer>(), manager.user());
    QCOMPARE(conflict.at(0).at(1).value<CustomerChanges>(), mine);
    QCOMPARE(events, (QStringList{QStringLiteral("userChanged"), QStringLiteral("conflict")}));
    QCOMPARE(manager.user().lastName, QStringLiteral("Elsewhere"));
    QVERIFY(manager.user().firstName != QStringLiteral("Mine"));
    QVERIFY(!manager.profile()->etag().isEmpty());
    QVERIFY(manager.profile()->etag() != staleEtag);
    QCOMPARE(manager.state(), State::SignedIn);
    QVERIFY(serverCustomer(username).value(QLatin1String("first_name")).toString() !=
            QStringLiteral("Mine"));

    // With the server's current ETag the same change goes through.
    QSignalSpy saved(manager.profile(), &CustomerEditor::saved);
    manager.profile()->save(
        CustomerChanges::fromJson({{QStringLiteral("first_name"), QStringLiteral("Mine")}}));
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kWaitMs);
    QCOMPARE(serverCustomer(username).value(QLatin1String("first_name")).toString(),
             QStringLiteral("Mine"));
}

void tst_AuthStateManager::refreshProfile()
{
    useRowFlavour();
    const QString username = test::uniqueUsername(QStringLiteral("asm_ref"));
    auto app = signedInApp(username);
    QVERIFY(app);
    AuthStateManager &manager = *app->manager;
    QVERIFY(patchAsOtherClient(m_server, username,
                               {{QStringLiteral("email"), QStringLiteral("new@example.org")}})
                .ok());
    QSignalSpy refreshed(manager.profile(), &CustomerEditor::loaded);
    QSignalSpy refreshFailed(manager.profile(), &CustomerEditor::loadFailed);
    manager.profile()->load();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, kWaitMs);
    QCOMPARE(refreshFailed.count(), 0);
    QCOMPARE(manager.user().email, QStringLiteral("new@example.org"));
    QCOMPARE(refreshed.at(0).at(0).value<Customer>(), manager.user());
}

void tst_AuthStateManager::signInFailure()
{
    useRowFlavour();
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
    useRowFlavour();
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
    useRowFlavour();
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    const QString username = test::uniqueUsername(QStringLiteral("asm_exp"));
    QVERIFY(registerAccount(*app, username, true));
    QCOMPARE(waitForEntry(*app, username, Status::Ok).status, Status::Ok);
    QVERIFY(waitForProfileRead(*app));

    QString userWhileEnding;
    const CustomerChanges draft =
        CustomerChanges::fromJson({{QStringLiteral("first_name"), QStringLiteral("Unsaved")}});
    qint64 customerId = 0;
    connect(&manager, &AuthStateManager::sessionEnding, this, [&]() {
        userWhileEnding = manager.username();
        customerId = manager.user().id;
        manager.keepDraft(customerId, draft);
    });
    QSignalSpy ending(&manager, &AuthStateManager::sessionEnding);
    QSignalSpy reasons(&manager, &AuthStateManager::signOutReasonChanged);

    QCOMPARE(test::manage({QStringLiteral("delete_token"), username}).trimmed(),
             QByteArray("deleted 1"));
    manager.profile()->load();
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
    QVERIFY(manager.hasDraft());
    QCOMPARE(manager.user().id, customerId);
    const std::optional<CustomerChanges> kept = manager.takeDraft(customerId);
    QVERIFY(kept);
    QCOMPARE(*kept, draft);
    QVERIFY(!manager.hasDraft());
    QVERIFY(!manager.takeDraft(customerId));
}

void tst_AuthStateManager::severalFailuresEndSessionOnce()
{
    const QString username = test::uniqueUsername(QStringLiteral("asm_exp3"));
    auto app = signedInApp(username);
    QVERIFY(app);
    AuthStateManager &manager = *app->manager;
    QSignalSpy ending(&manager, &AuthStateManager::sessionEnding);
    QSignalSpy reasons(&manager, &AuthStateManager::signOutReasonChanged);
    QSignalSpy states(&manager, &AuthStateManager::stateChanged);
    QSignalSpy refreshFailed(manager.profile(), &CustomerEditor::loadFailed);
    QSignalSpy saveFailed(manager.profile(), &CustomerEditor::saveFailed);
    QSignalSpy expired(&app->api, &ApiClient::sessionExpired);

    QCOMPARE(test::manage({QStringLiteral("delete_token"), username}).trimmed(),
             QByteArray("deleted 1"));
    manager.profile()->load();
    manager.profile()->save(
        CustomerChanges::fromJson({{QStringLiteral("first_name"), QStringLiteral("Lost")}}));
    manager.profile()->load();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);
    QCOMPARE(manager.signOutReason(), Reason::SessionExpired);
    QCOMPARE(statesOf(states), QList<State>{State::SignedOut});
    QCOMPARE(ending.count(), 1);
    QCOMPARE(reasons.count(), 1);
    QCOMPARE(expired.count(), 1);
    // An expiry is not a failed refresh or save: the screen that asked is gone.
    QCOMPARE(refreshFailed.count(), 0);
    QCOMPARE(saveFailed.count(), 0);
    QCoreApplication::processEvents(); // Any late answer of the dead session changes nothing.
    QCOMPARE(ending.count(), 1);
    QCOMPARE(states.count(), 1);
}

void tst_AuthStateManager::signOutAfterServerForgotToken()
{
    // A 401 on logout means "already signed out": an ordinary sign-out, not an expired session.
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    const QString username = test::uniqueUsername(QStringLiteral("asm_so401"));
    QVERIFY(registerAccount(*app, username, true));
    QCOMPARE(waitForEntry(*app, username, Status::Ok).status, Status::Ok);
    QTRY_VERIFY_WITH_TIMEOUT(!manager.profile()->etag().isEmpty(), kWaitMs);
    QCOMPARE(test::manage({QStringLiteral("delete_token"), username}).trimmed(),
             QByteArray("deleted 1"));

    QSignalSpy ending(&manager, &AuthStateManager::sessionEnding);
    QSignalSpy reasons(&manager, &AuthStateManager::signOutReasonChanged);
    QSignalSpy expired(&app->api, &ApiClient::sessionExpired);
    manager.signOut();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);
    QCOMPARE(manager.signOutReason(), Reason::UserRequested);
    QCOMPARE(reasons.count(), 1);
    QCOMPARE(ending.count(), 1);
    QCOMPARE(ending.at(0).at(0).value<Reason>(), Reason::UserRequested);
    QCOMPARE(expired.count(), 0);
    QVERIFY(!manager.lastError());
    QVERIFY(!app->api.hasToken());
    QCOMPARE(waitForEntry(*app, username, Status::NotFound).status, Status::NotFound);
}

void tst_AuthStateManager::draftDiscardedForOtherCustomer()
{
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    const QString first = test::uniqueUsername(QStringLiteral("asm_dA"));
    const QString second = test::uniqueUsername(QStringLiteral("asm_dB"));
    QVERIFY(registerAccount(*app, first, false));
    const qint64 firstId = manager.user().id;
    manager.keepDraft(firstId, CustomerChanges::fromJson(
                                   {{QStringLiteral("last_name"), QStringLiteral("Draft")}}));
    manager.signOut();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);

    QVERIFY(registerAccount(*app, second, false));
    QVERIFY(manager.hasDraft()); // Still held (for the first customer) until someone takes it.
    QVERIFY(!manager.takeDraft(manager.user().id));
    QVERIFY(!manager.hasDraft()); // Taking it for anyone else discarded it.
    manager.signOut();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);
    manager.signIn(first, kTestPassword, false);
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedIn, kWaitMs);
    QVERIFY(!manager.takeDraft(firstId));
}

void tst_AuthStateManager::requestsIgnoredInWrongState()
{
    auto app = newApp();
    AuthStateManager &manager = *app->manager;
    QSignalSpy states(&manager, &AuthStateManager::stateChanged);
    QSignalSpy saveFailed(manager.profile(), &CustomerEditor::saveFailed);
    manager.signOut();
    manager.profile()->save(
        CustomerChanges::fromJson({{QStringLiteral("first_name"), QStringLiteral("X")}}));
    manager.profile()->load();
    manager.retryRestore();
    manager.cancelRestore();
    QCOMPARE(states.count(), 0);
    QCOMPARE(saveFailed.count(), 0);
    QCOMPARE(manager.state(), State::SignedOut);
}

void tst_AuthStateManager::issuedTokenRejectedAtOnceSaysSo_data()
{
    QTest::addColumn<bool>("honouredOnce");
    QTest::addColumn<Reason>("reason");
    QTest::newRow("never honoured") << false << Reason::IssuedTokenRejected;
    QTest::newRow("honoured, then expired") << true << Reason::SessionExpired;
}

void tst_AuthStateManager::issuedTokenRejectedAtOnceSaysSo()
{
    // A server that issues a token at sign-in and rejects it on the very next request: the
    // person is told that, not "your session has expired" (signing in again would only loop).
    QFETCH(bool, honouredOnce);
    QFETCH(Reason, reason);
    test::FaultServer server;
    QVERIFY(server.listen());
    server.route("/api/login/",
                 test::FaultServer::Response::json(
                     200, R"({"token": "t1", "customer": {"id": 5, "username": "eve"}})"));
    const auto rejected = test::FaultServer::Response::json(401, R"({"detail": "Invalid token."})");
    int answered = 0;
    server.route("/api/profile/", [&](const test::FaultServer::Request &) {
        return ++answered == 1 && honouredOnce
                   ? test::FaultServer::Response::json(200, R"({"id": 5, "username": "eve"})")
                   : rejected;
    });
    auto app = newApp(server.url());
    AuthStateManager &manager = *app->manager;
    QSignalSpy states(&manager, &AuthStateManager::stateChanged);
    manager.signIn(QStringLiteral("eve"), kTestPassword, false);
    if (honouredOnce) {
        QTRY_VERIFY_WITH_TIMEOUT(app->api.credentialsProven(), kWaitMs);
        manager.profile()->load();
    }
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);
    QCOMPARE(statesOf(states), (QList<State>{State::SigningIn, State::SignedIn, State::SignedOut}));
    QCOMPARE(manager.signOutReason(), reason);
}

QTEST_GUILESS_MAIN(tst_AuthStateManager)

#include "tst_authstatemanager.moc"
