#include "apiclient.h"
#include "apiclienttest.h"
#include "faultserver.h"
#include "testenv.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace portal;
using namespace portal::test;

/// ApiClient against the reference server, and the lifetimes of its calls. What goes on the wire is
/// in tst_apiclient_wire, refusals and faults in tst_apiclient_faults.
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

    // Lifetimes.
    void abortIsCancelledNotTimeout();
    void abortAllCancelsEveryCall();
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

// --- Lifetimes --------------------------------------------------------------------------------

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
