// Account self-service against the reference server, in both API flavours (a data row each): a
// password changed (wrong current one, too common a new one, a good one), a forgotten password
// reset with the code from the server's mail, an account deleted with everything local, and a
// server without the endpoints, which loses the features instead of showing broken forms.

#include "accountmanager.h"
#include "apiclient.h"
#include "authstatemanager.h"
#include "authtestcase.h"
#include "customereditor.h"
#include "faultserver.h"
#include "modeltestutil.h"
#include "testenv.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace portal;
using State = AuthStateManager::State;
using Reason = AuthStateManager::SignOutReason;
using Feature = AccountManager::Feature;
using Status = TokenStoreResult::Status;

namespace {

const QString kNewPassword = QStringLiteral("a-new-secret-42");

/// The one failure an AccountManager reported: its feature and error.
struct Failure
{
    Feature feature;
    ApiError error;
};

} // namespace

class tst_AccountManager : public test::AuthTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void parseResetCode_data();
    void parseResetCode();
    void fieldFor_data();
    void fieldFor();

    void changePassword_data() { addFlavourRows(); }
    void changePassword();
    void serverThatDropsTheSessionOnAPasswordChange_data() { addFlavourRows(); }
    void serverThatDropsTheSessionOnAPasswordChange();
    void resetPassword_data() { addFlavourRows(); }
    void resetPassword();
    void deleteAccount_data() { addFlavourRows(); }
    void deleteAccount();
    void serverWithoutTheEndpointsLosesTheFeatures();
    void aTokenIssuedWithAPasswordChangeIsKept();

private:
    /// (Re)starts m_private with @p settings; false with m_error.
    bool startServer(const QStringList &settings = {});
    /// An app of the row's flavour (useRowFlavour()) on m_private.
    std::unique_ptr<test::TestApp> app();
    /// An app signed in as a newly registered @p username (remembered).
    std::unique_ptr<test::TestApp> signedIn(const QString &username);
    /// Signs @p app in; true once SignedIn, false once SignedOut again.
    static bool signIn(test::TestApp &app, const QString &username, const QString &password);
    /// Waits for @p account's one failure.
    static std::optional<Failure> failureOf(AccountManager &account, QSignalSpy &failed);

    std::unique_ptr<test::PrivateServer> m_private;
    QString m_error;
};

void tst_AccountManager::initTestCase()
{
    qRegisterMetaType<ApiError>();
    const QString problem = setUp();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
    QVERIFY2(startServer(), qPrintable(m_error));
}

void tst_AccountManager::cleanup()
{
    if (!m_private) // A test that changed the server's switches gets a default server again.
        QVERIFY2(startServer(), qPrintable(m_error));
}

bool tst_AccountManager::startServer(const QStringList &settings)
{
    m_private = std::make_unique<test::PrivateServer>();
    if (m_private->start(&m_error, settings))
        return true;
    m_private.reset();
    return false;
}

std::unique_ptr<test::TestApp> tst_AccountManager::app()
{
    return newApp(m_private->url());
}

std::unique_ptr<test::TestApp> tst_AccountManager::signedIn(const QString &username)
{
    auto made = app();
    if (!registerAccount(*made, username, true))
        return nullptr;
    // Remembered: the keychain entry is written before the test looks at it.
    if (waitForEntry(*made, username, Status::Ok).status != Status::Ok)
        return nullptr;
    return made;
}

bool tst_AccountManager::signIn(test::TestApp &app, const QString &username,
                                const QString &password)
{
    app.manager->signIn(username, password, false);
    return QTest::qWaitFor([&app]() { return app.manager->state() != State::SigningIn; },
                           kWaitMs) &&
           app.manager->state() == State::SignedIn;
}

std::optional<Failure> tst_AccountManager::failureOf(AccountManager &account, QSignalSpy &failed)
{
    if (failed.isEmpty() && !failed.wait(kWaitMs))
        return std::nullopt;
    if (account.isBusy())
        return std::nullopt;
    const QList<QVariant> arguments = failed.takeFirst();
    return Failure{arguments.at(0).value<Feature>(), arguments.at(1).value<ApiError>()};
}

void tst_AccountManager::parseResetCode_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("uid");
    QTest::addColumn<QString>("token");
    const QString none;
    QTest::newRow("link with fragment")
        << QStringLiteral("http://127.0.0.1:8000/#/password/reset/confirm/MTI/c3x9-8a1b2c3d4e5f")
        << QStringLiteral("MTI") << QStringLiteral("c3x9-8a1b2c3d4e5f");
    QTest::newRow("link with path")
        << QStringLiteral("https://portal.example/password/reset/confirm/MQ/abc-123/")
        << QStringLiteral("MQ") << QStringLiteral("abc-123");
    QTest::newRow("code") << QStringLiteral("MTI/c3x9-8a1b2c3d4e5f") << QStringLiteral("MTI")
                          << QStringLiteral("c3x9-8a1b2c3d4e5f");
    QTest::newRow("code with spaces around")
        << QStringLiteral("  MTI/c3x9-8a1b  \n") << QStringLiteral("MTI")
        << QStringLiteral("c3x9-8a1b");
    QTest::newRow("one part") << QStringLiteral("c3x9-8a1b2c3d4e5f") << none << none;
    QTest::newRow("empty") << QString() << none << none;
    QTest::newRow("words") << QStringLiteral("my code is gone") << none << none;
}

void tst_AccountManager::parseResetCode()
{
    QFETCH(QString, text);
    QFETCH(QString, uid);
    QFETCH(QString, token);
    const std::optional<ResetCode> code = AccountManager::parseResetCode(text);
    QCOMPARE(code.has_value(), !uid.isEmpty());
    if (code) {
        QCOMPARE(code->uid, uid);
        QCOMPARE(code->token, token);
    }
}

void tst_AccountManager::fieldFor_data()
{
    // What the server names a field in its 400 answer -> the input the forms show it under.
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("field"); // -1: none of the forms has it.
    QTest::newRow("current password")
        << QStringLiteral("current_password") << int(AccountManager::Field::CurrentPassword);
    QTest::newRow("new password") << QStringLiteral("new_password")
                                  << int(AccountManager::Field::NewPassword);
    QTest::newRow("email") << QStringLiteral("email") << int(AccountManager::Field::Email);
    QTest::newRow("uid") << QStringLiteral("uid") << int(AccountManager::Field::ResetCode);
    QTest::newRow("token") << QStringLiteral("token") << int(AccountManager::Field::ResetCode);
    QTest::newRow("another form's") << QStringLiteral("birth_date") << -1;
    QTest::newRow("non-field") << QStringLiteral("non_field_errors") << -1;
}

void tst_AccountManager::fieldFor()
{
    QFETCH(QString, name);
    QFETCH(int, field);
    const std::optional<AccountManager::Field> found = AccountManager::fieldFor(name);
    QCOMPARE(found ? int(*found) : -1, field);
}

void tst_AccountManager::changePassword()
{
    useRowFlavour();
    const QString username = test::uniqueUsername(QStringLiteral("chpw"));
    auto signedInApp = signedIn(username);
    QVERIFY(signedInApp);
    AuthStateManager *auth = signedInApp->manager.get();
    AccountManager account(&signedInApp->api, auth);
    QSignalSpy failed(&account, &AccountManager::failed);
    QSignalSpy changed(&account, &AccountManager::passwordChanged);

    // A wrong current password: said under its field; nothing changes.
    account.changePassword(QStringLiteral("not-the-password"), kNewPassword);
    std::optional<Failure> failure = failureOf(account, failed);
    QVERIFY(failure);
    QCOMPARE(failure->feature, Feature::ChangePassword);
    QCOMPARE(errorKindName(failure->error.kind), errorKindName(ErrorKind::Validation));
    QVERIFY2(failure->error.fieldErrors.contains(QStringLiteral("current_password")),
             qPrintable(failure->error.technicalDetail));

    // Too common a new password: the server's validator says so under the new password.
    account.changePassword(test::kTestPassword, QStringLiteral("password123"));
    failure = failureOf(account, failed);
    QVERIFY(failure);
    QCOMPARE(failure->error.fieldErrors.value(QStringLiteral("new_password")),
             QStringList{QStringLiteral("This password is too common.")});
    QCOMPARE(changed.count(), 0);

    // A good one: the session goes on, with the same keychain entry.
    account.changePassword(test::kTestPassword, kNewPassword);
    QVERIFY(changed.wait(kWaitMs));
    QCOMPARE(failed.count(), 0);
    QVERIFY(QTest::qWaitFor([auth]() { return !auth->profile()->isBusy(); }, kWaitMs));
    QCOMPARE(auth->state(), State::SignedIn);
    QCOMPARE(waitForEntry(*signedInApp, username, Status::Ok).status, Status::Ok);

    // The new password is the one that signs in now.
    auth->signOut();
    QVERIFY(QTest::qWaitFor([auth]() { return auth->state() == State::SignedOut; }, kWaitMs));
    QVERIFY(!signIn(*signedInApp, username, test::kTestPassword));
    QCOMPARE(errorKindName(auth->lastError()->kind), errorKindName(ErrorKind::InvalidCredentials));
    QVERIFY(signIn(*signedInApp, username, kNewPassword));
}

void tst_AccountManager::serverThatDropsTheSessionOnAPasswordChange()
{
    useRowFlavour();
    QVERIFY2(startServer({QStringLiteral("PORTAL_SERVER_DJOSER_LOGOUT_ON_PASSWORD_CHANGE=1")}),
             qPrintable(m_error));
    const QString username = test::uniqueUsername(QStringLiteral("chdrop"));
    auto signedInApp = signedIn(username);
    QVERIFY(signedInApp);
    AuthStateManager *auth = signedInApp->manager.get();
    AccountManager account(&signedInApp->api, auth);
    QSignalSpy changed(&account, &AccountManager::passwordChanged);

    account.changePassword(test::kTestPassword, kNewPassword);
    QVERIFY(changed.wait(kWaitMs));
    // The token died with the old password: the session ends, saying why, and is not kept.
    QVERIFY(QTest::qWaitFor([auth]() { return auth->state() == State::SignedOut; }, kWaitMs));
    QCOMPARE(auth->signOutReason(), Reason::PasswordChanged);
    QCOMPARE(waitForEntry(*signedInApp, username, Status::NotFound).status, Status::NotFound);
    QVERIFY(signIn(*signedInApp, username, kNewPassword));
    m_private.reset(); // cleanup() starts a default server again.
}

void tst_AccountManager::resetPassword()
{
    useRowFlavour();
    const QString username = test::uniqueUsername(QStringLiteral("reset"));
    const QString email = username + QStringLiteral("@example.com");
    auto signedInApp = signedIn(username);
    QVERIFY(signedInApp);
    AuthStateManager *auth = signedInApp->manager.get();
    auth->signOut();
    QVERIFY(QTest::qWaitFor([auth]() { return auth->state() == State::SignedOut; }, kWaitMs));

    AccountManager account(&signedInApp->api, auth);
    QSignalSpy failed(&account, &AccountManager::failed);
    QSignalSpy requested(&account, &AccountManager::resetRequested);
    QSignalSpy confirmed(&account, &AccountManager::resetConfirmed);

    // An address nobody uses gets the same answer, and no mail.
    const QString nobody =
        test::uniqueUsername(QStringLiteral("nobody")) + QStringLiteral("@example.com");
    account.requestPasswordReset(nobody);
    QVERIFY(requested.wait(kWaitMs));
    QCOMPARE(m_private->latestMailTo(nobody), QString());

    account.requestPasswordReset(email);
    QVERIFY(requested.wait(kWaitMs));
    const QString mail = m_private->latestMailTo(email);
    QVERIFY2(!mail.isEmpty(), "no reset mail");
    // The link, as the person would copy it out of the mail.
    QString link;
    for (const QString &word : mail.split(QRegularExpression(QStringLiteral("\\s+")))) {
        if (link.isEmpty() && word.contains(QLatin1String("/password/reset/confirm/")))
            link = word; // The plain-text part's, before the HTML part.
    }
    const std::optional<ResetCode> code = AccountManager::parseResetCode(link);
    QVERIFY2(code, qPrintable(mail));

    // Too common first: the code is still good after that.
    account.confirmPasswordReset(*code, QStringLiteral("password123"));
    std::optional<Failure> failure = failureOf(account, failed);
    QVERIFY(failure);
    QCOMPARE(failure->feature, Feature::ResetPassword);
    QVERIFY(failure->error.fieldErrors.contains(QStringLiteral("new_password")));

    account.confirmPasswordReset(*code, kNewPassword);
    QVERIFY(confirmed.wait(kWaitMs));
    QCOMPARE(failed.count(), 0);
    QVERIFY(!signIn(*signedInApp, username, test::kTestPassword));
    QVERIFY(signIn(*signedInApp, username, kNewPassword));

    // A used code is refused, clearly.
    auth->signOut();
    QVERIFY(QTest::qWaitFor([auth]() { return auth->state() == State::SignedOut; }, kWaitMs));
    account.confirmPasswordReset(*code, QStringLiteral("yet-another-secret-7"));
    failure = failureOf(account, failed);
    QVERIFY(failure);
    QCOMPARE(errorKindName(failure->error.kind), errorKindName(ErrorKind::Validation));
    QVERIFY(signIn(*signedInApp, username, kNewPassword));
}

void tst_AccountManager::deleteAccount()
{
    useRowFlavour();
    const QString username = test::uniqueUsername(QStringLiteral("delete"));
    auto signedInApp = signedIn(username);
    QVERIFY(signedInApp);
    AuthStateManager *auth = signedInApp->manager.get();
    AccountManager account(&signedInApp->api, auth);
    QSignalSpy failed(&account, &AccountManager::failed);
    QSignalSpy deleted(&account, &AccountManager::accountDeleted);
    QCOMPARE(auth->lastUsername(), username);

    account.deleteAccount(QStringLiteral("not-the-password"));
    const std::optional<Failure> failure = failureOf(account, failed);
    QVERIFY(failure);
    QCOMPARE(failure->feature, Feature::DeleteAccount);
    QCOMPARE(errorKindName(failure->error.kind), errorKindName(ErrorKind::Validation));
    QCOMPARE(auth->state(), State::SignedIn);

    account.deleteAccount(test::kTestPassword);
    QVERIFY(deleted.wait(kWaitMs));
    // Gone on the server, and nothing of it left here: session, keychain entry, username.
    QCOMPARE(auth->state(), State::SignedOut);
    QCOMPARE(auth->signOutReason(), Reason::AccountDeleted);
    QVERIFY(!auth->hasDraft());
    QCOMPARE(auth->lastUsername(), QString());
    QCOMPARE(waitForEntry(*signedInApp, username, Status::NotFound).status, Status::NotFound);
    QVERIFY(!signIn(*signedInApp, username, test::kTestPassword));
    auto nextRun = app();
    QCOMPARE(nextRun->manager->lastUsername(), QString());
}

void tst_AccountManager::serverWithoutTheEndpointsLosesTheFeatures()
{
    // A seed server without Djoser (a Djoser-flavoured client could not even sign in there).
    QVERIFY2(startServer({QStringLiteral("PORTAL_SERVER_DJOSER=0")}), qPrintable(m_error));
    const QString username = test::uniqueUsername(QStringLiteral("noacct"));
    auto signedInApp = signedIn(username);
    QVERIFY(signedInApp);
    AuthStateManager *auth = signedInApp->manager.get();
    AccountManager account(&signedInApp->api, auth);
    QSignalSpy unavailable(&account, &AccountManager::featureUnavailable);
    QSignalSpy failed(&account, &AccountManager::failed);

    QVERIFY(account.isAvailable(Feature::ChangePassword));
    account.changePassword(test::kTestPassword, kNewPassword);
    QVERIFY(unavailable.wait(kWaitMs));
    QCOMPARE(unavailable.takeFirst().at(0).value<Feature>(), Feature::ChangePassword);
    QVERIFY(!account.isAvailable(Feature::ChangePassword));
    QVERIFY(account.isAvailable(Feature::DeleteAccount)); // Each feature on its own answer.

    account.deleteAccount(test::kTestPassword);
    QVERIFY(unavailable.wait(kWaitMs));
    QVERIFY(!account.isAvailable(Feature::DeleteAccount));
    QCOMPARE(auth->state(), State::SignedIn); // Nothing half-done: the session goes on.

    auth->signOut();
    QVERIFY(QTest::qWaitFor([auth]() { return auth->state() == State::SignedOut; }, kWaitMs));
    account.requestPasswordReset(username + QStringLiteral("@example.com"));
    QVERIFY(unavailable.wait(kWaitMs));
    QVERIFY(!account.isAvailable(Feature::ResetPassword));
    QCOMPARE(failed.count(), 0);

    // Another server may have them all.
    auth->changeServer(test::closedPortUrl());
    QVERIFY(account.isAvailable(Feature::ChangePassword));
    m_private.reset();
}

void tst_AccountManager::aTokenIssuedWithAPasswordChangeIsKept()
{
    // A server that answers a password change with a new token (and drops the old one): the
    // session goes on with it, and the keychain keeps it for the next start.
    using Response = test::FaultServer::Response;
    test::FaultServer server;
    QVERIFY(server.listen());
    const QByteArray customer = R"({"id": 7, "username": "ada", "email": "ada@example.org"})";
    server.route("POST", "/api/login/",
                 Response::json(200, R"({"token": "t0k3n-one", "customer": )" + customer + "}"));
    server.route("GET", "/api/profile/",
                 Response::json(200, customer).withHeader("ETag", "\"v1\""));
    server.route("POST", "/auth/users/set_password/",
                 Response::json(200, R"({"auth_token": "t0k3n-two"})"));
    auto made = newApp(server.url());
    AuthStateManager *auth = made->manager.get();
    auth->signIn(QStringLiteral("ada"), QStringLiteral("old-secret-1"), true);
    QVERIFY(QTest::qWaitFor([auth]() { return auth->state() == State::SignedIn; }, kWaitMs));
    QCOMPARE(waitForEntry(*made, QStringLiteral("ada"), Status::Ok).token,
             QStringLiteral("t0k3n-one"));

    AccountManager account(&made->api, auth);
    QSignalSpy changed(&account, &AccountManager::passwordChanged);
    account.changePassword(QStringLiteral("old-secret-1"), kNewPassword);
    QVERIFY(changed.wait(kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(made->api.storedSecret(), QStringLiteral("t0k3n-two"), kWaitMs);
    QVERIFY(QTest::qWaitFor(
        [&]() {
            return test::readStored(made->store, made->storedKey(QStringLiteral("ada"))).token ==
                   QStringLiteral("t0k3n-two");
        },
        kWaitMs));
    // The check that follows the change already carries the new token.
    QVERIFY(QTest::qWaitFor([auth]() { return !auth->profile()->isBusy(); }, kWaitMs));
    QCOMPARE(server.requests().constLast().header("Authorization"), QByteArray("Token t0k3n-two"));
    QCOMPARE(auth->state(), State::SignedIn);
}

QTEST_GUILESS_MAIN(tst_AccountManager)
#include "tst_accountmanager.moc"
