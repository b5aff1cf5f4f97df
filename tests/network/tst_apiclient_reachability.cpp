#include "apiclient.h"
#include "apiclienttest.h"
#include "faultserver.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace portal;
using namespace portal::test;
using Behaviour = FaultServer::Behaviour;
using Response = FaultServer::Response;

/// Whether the server can be reached, as ApiClient tells it: lost when a request gets no answer at
/// all, back with the next answer of any status, and never decided by the client's own cache.
class tst_ApiClientReachability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void noAnswerLosesTheServer_data();
    void noAnswerLosesTheServer();
    void anyAnswerBringsItBack_data();
    void anyAnswerBringsItBack();
    void cachedAnswersSayNothing();
    void anotherServerStartsAfresh();

private:
    /// A client of the fault server that sends nothing again by itself.
    std::unique_ptr<ApiClient> newClient() const;
    /// GET @p path and wait for its one outcome.
    static std::shared_ptr<Outcome> get(ApiClient &client, const QString &path);
    /// Makes @p client lose the server (a refused connection).
    void loseServer(ApiClient &client);

    std::unique_ptr<FaultServer> m_fault;
};

void tst_ApiClientReachability::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_ApiClientReachability::init()
{
    m_fault = std::make_unique<FaultServer>();
    QVERIFY(m_fault->listen());
    m_fault->setDefaultResponse(Response::json(200, R"({"ok": true})"));
}

void tst_ApiClientReachability::cleanup()
{
    m_fault.reset();
}

std::unique_ptr<ApiClient> tst_ApiClientReachability::newClient() const
{
    auto client = std::make_unique<ApiClient>();
    client->setBaseUrl(m_fault->url());
    RetryPolicy never;
    never.maxRetries = 0;
    client->setRetryPolicy(never);
    client->setTransferTimeout(300);
    return client;
}

std::shared_ptr<Outcome> tst_ApiClientReachability::get(ApiClient &client, const QString &path)
{
    ApiRequest request;
    request.path = path;
    request.authenticated = false;
    const auto outcome = watch(client.send(request));
    static_cast<void>(QTest::qWaitFor([&outcome]() { return outcome->done(); }, kWaitMs));
    return outcome;
}

void tst_ApiClientReachability::loseServer(ApiClient &client)
{
    const quint16 port = m_fault->port();
    m_fault->close();
    const auto refused = get(client, QStringLiteral("/api/lost/"));
    QCOMPARE(refused->kind(), kindName(ErrorKind::Network));
    QVERIFY(!client.isServerReachable());
    QVERIFY(m_fault->listen(port));
}

void tst_ApiClientReachability::noAnswerLosesTheServer_data()
{
    QTest::addColumn<bool>("refused");
    QTest::addColumn<Behaviour>("behaviour");
    QTest::addColumn<ErrorKind>("kind");

    QTest::newRow("refused") << true << Behaviour::Respond << ErrorKind::Network;
    QTest::newRow("closed without an answer") << false << Behaviour::Close << ErrorKind::Network;
    QTest::newRow("reset mid-body") << false << Behaviour::ResetMidBody << ErrorKind::Network;
    QTest::newRow("no answer in time") << false << Behaviour::Stall << ErrorKind::Timeout;
}

void tst_ApiClientReachability::noAnswerLosesTheServer()
{
    QFETCH(bool, refused);
    QFETCH(Behaviour, behaviour);
    QFETCH(ErrorKind, kind);

    const std::unique_ptr<ApiClient> client = newClient();
    QVERIFY(client->isServerReachable()); // Nothing is known yet: nothing to warn about.
    QSignalSpy changes(client.get(), &ApiClient::serverReachableChanged);
    // The change is known before the caller hears of the failure (a status bar and a banner agree).
    bool reachableWhenFinished = true;
    if (refused)
        m_fault->close();
    else
        m_fault->route("/api/profile/", Response::of(behaviour));
    ApiRequest request;
    request.path = QStringLiteral("/api/profile/");
    request.authenticated = false;
    ApiCall *call = client->send(request);
    connect(call, &ApiCall::finished, this, [&client, &reachableWhenFinished]() {
        reachableWhenFinished = client->isServerReachable();
    });
    const auto outcome = watch(call);
    WAIT_DONE(outcome);
    QCOMPARE(outcome->kind(), kindName(kind));
    QVERIFY(!client->isServerReachable());
    QVERIFY(!reachableWhenFinished);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(changes.at(0).at(0).toBool(), false);

    // A second failure of the same kind is no news.
    const auto again = get(*client, QStringLiteral("/api/profile/"));
    QCOMPARE(again->kind(), kindName(kind));
    QCOMPARE(changes.count(), 1);
}

void tst_ApiClientReachability::anyAnswerBringsItBack_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("kind");

    QTest::newRow("200") << 200 << QStringLiteral("ok");
    QTest::newRow("404") << 404 << kindName(ErrorKind::NotFound);
    QTest::newRow("500") << 500 << kindName(ErrorKind::Server);
    QTest::newRow("503") << 503 << kindName(ErrorKind::Server);
}

void tst_ApiClientReachability::anyAnswerBringsItBack()
{
    QFETCH(int, status);
    QFETCH(QString, kind);

    const std::unique_ptr<ApiClient> client = newClient();
    loseServer(*client);
    if (QTest::currentTestFailed())
        return;
    QSignalSpy changes(client.get(), &ApiClient::serverReachableChanged);
    m_fault->route("/api/back/", Response::json(status, R"({"detail": "answered"})"));
    const auto answered = get(*client, QStringLiteral("/api/back/"));
    QCOMPARE(answered->kind(), kind);
    QVERIFY(client->isServerReachable());
    QCOMPARE(changes.count(), 1);
    QCOMPARE(changes.at(0).at(0).toBool(), true);
}

void tst_ApiClientReachability::cachedAnswersSayNothing()
{
    const std::unique_ptr<ApiClient> client = newClient();
    client->setGetCacheLifetime(60000);
    QCOMPARE(get(*client, QStringLiteral("/api/cached/"))->kind(), QStringLiteral("ok"));
    loseServer(*client);
    if (QTest::currentTestFailed())
        return;
    m_fault->close(); // Down again: only the cache can answer now.
    const int requestsBefore = int(m_fault->requests().size());
    QSignalSpy changes(client.get(), &ApiClient::serverReachableChanged);
    QCOMPARE(get(*client, QStringLiteral("/api/cached/"))->kind(), QStringLiteral("ok"));
    QCOMPARE(int(m_fault->requests().size()), requestsBefore); // Answered from memory.
    QVERIFY(!client->isServerReachable());
    QCOMPARE(changes.count(), 0);
}

void tst_ApiClientReachability::anotherServerStartsAfresh()
{
    const std::unique_ptr<ApiClient> client = newClient();
    loseServer(*client);
    if (QTest::currentTestFailed())
        return;
    QSignalSpy changes(client.get(), &ApiClient::serverReachableChanged);
    client->setBaseUrl(m_fault->url()); // The same server: still lost.
    QVERIFY(!client->isServerReachable());
    FaultServer other;
    QVERIFY(other.listen());
    client->setBaseUrl(other.url()); // Nothing is known of this one yet.
    QVERIFY(client->isServerReachable());
    QCOMPARE(changes.count(), 1);
    QCOMPARE(changes.at(0).at(0).toBool(), true);
}

QTEST_GUILESS_MAIN(tst_ApiClientReachability)
#include "tst_apiclient_reachability.moc"
