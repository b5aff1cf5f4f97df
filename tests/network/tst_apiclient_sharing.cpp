// Identical GETs in flight share one exchange, and a short-lived cache answers repeated reads:
// against a loopback fault server that counts what reaches it. Writes drop what they concern,
// other credentials or another server never see another session's answers, and each caller can
// abort its own call without taking the others' with it.

#include "apiclient.h"
#include "apiclienttest.h"
#include "faultserver.h"

#include <QTest>

using namespace portal;
using namespace portal::test;
using Response = FaultServer::Response;

namespace {

const QByteArray kCustomer = R"({"id": 7, "username": "bob"})";

ApiRequest get(const QString &path)
{
    ApiRequest request;
    request.path = path;
    return request;
}

ApiRequest patch(const QString &path)
{
    ApiRequest request = get(path);
    request.method = "PATCH";
    request.body = QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Bob")}};
    return request;
}

/// Waits for @p call to finish (whatever the outcome); false when it does not in time.
bool finishes(ApiCall *call)
{
    const std::shared_ptr<Outcome> outcome = watch(call);
    return QTest::qWaitFor([&outcome]() { return outcome->done(); }, kWaitMs);
}

} // namespace

class tst_ApiClientSharing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void identicalGetsInFlightShareOneRequest();
    void differentGetsAreNotShared();
    void oneCallerAbortingLeavesTheOthers();
    void lastCallerAbortingStopsTheExchange();
    void aRepeatedReadComesFromTheCache();
    void theCacheExpires();
    void aFreshReadSkipsTheCache();
    void failuresAreNotCached();
    void writesDropWhatTheyConcern_data();
    void writesDropWhatTheyConcern();
    void aReadInFlightDuringAWriteIsNotCached();
    void signingOutDropsTheCache();
    void anotherServerNeverSeesTheCache();
    void zeroLifetimeTurnsTheCacheOff();

private:
    /// The GETs of @p path that reached the server.
    int requestsTo(const QByteArray &path) const;

    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<ApiClient> m_client;
};

void tst_ApiClientSharing::init()
{
    m_server = std::make_unique<FaultServer>();
    QVERIFY(m_server->listen());
    m_server->route("/api/customers/7/", Response::json(200, kCustomer));
    m_server->route("/api/customers/", Response::json(200, R"({"count": 0, "results": []})"));
    m_server->route("/api/profile/", Response::json(200, kCustomer));
    m_client = std::make_unique<ApiClient>();
    m_client->setBaseUrl(m_server->url());
    m_client->setToken(QStringLiteral("secret-token"));
}

void tst_ApiClientSharing::cleanup()
{
    m_client.reset();
    m_server.reset();
}

int tst_ApiClientSharing::requestsTo(const QByteArray &path) const
{
    int count = 0;
    for (const FaultServer::Request &request : m_server->requests())
        count += request.method == "GET" && request.path() == path ? 1 : 0;
    return count;
}

void tst_ApiClientSharing::identicalGetsInFlightShareOneRequest()
{
    m_server->route("/api/customers/7/", Response::json(200, kCustomer).delayedBy(200));
    QList<std::shared_ptr<Outcome>> outcomes;
    for (int i = 0; i < 5; ++i)
        outcomes << watch(m_client->send(get(QStringLiteral("/api/customers/7/"))));
    for (const auto &outcome : std::as_const(outcomes)) {
        WAIT_DONE(outcome);
        QCOMPARE(outcome->kind(), QStringLiteral("ok"));
        QCOMPARE(outcome->count, 1);
        QCOMPARE(outcome->json().value(QStringLiteral("username")).toString(),
                 QStringLiteral("bob"));
    }
    QCOMPARE(requestsTo("/api/customers/7/"), 1);
}

void tst_ApiClientSharing::differentGetsAreNotShared()
{
    m_server->route("/api/customers/", Response::json(200, R"({"count": 0})").delayedBy(100));
    const auto first = watch(m_client->send(get(QStringLiteral("/api/customers/?page=1"))));
    const auto second = watch(m_client->send(get(QStringLiteral("/api/customers/?page=2"))));
    ApiRequest withHeader = get(QStringLiteral("/api/customers/?page=1"));
    withHeader.headers.append({QByteArrayLiteral("If-None-Match"), QByteArrayLiteral("\"x\"")});
    const auto third = watch(m_client->send(withHeader));
    WAIT_DONE(first);
    WAIT_DONE(second);
    WAIT_DONE(third);
    QCOMPARE(requestsTo("/api/customers/"), 3);
}

void tst_ApiClientSharing::oneCallerAbortingLeavesTheOthers()
{
    m_server->route("/api/customers/7/", Response::json(200, kCustomer).delayedBy(200));
    ApiCall *leaving = m_client->send(get(QStringLiteral("/api/customers/7/")));
    const auto left = watch(leaving);
    const auto staying = watch(m_client->send(get(QStringLiteral("/api/customers/7/"))));
    leaving->abort();
    QCOMPARE(left->kind(), QStringLiteral("Cancelled"));
    WAIT_DONE(staying);
    QCOMPARE(staying->kind(), QStringLiteral("ok"));
    QCOMPARE(requestsTo("/api/customers/7/"), 1);
}

void tst_ApiClientSharing::lastCallerAbortingStopsTheExchange()
{
    m_server->route("/api/customers/7/", Response::of(FaultServer::Behaviour::Stall));
    ApiCall *a = m_client->send(get(QStringLiteral("/api/customers/7/")));
    ApiCall *b = m_client->send(get(QStringLiteral("/api/customers/7/")));
    QTRY_COMPARE_WITH_TIMEOUT(requestsTo("/api/customers/7/"), 1, kWaitMs);
    a->abort();
    b->abort();
    // Nobody waits any more: a new read starts its own exchange instead of joining a dead one.
    m_server->route("/api/customers/7/", Response::json(200, kCustomer));
    const auto again = watch(m_client->send(get(QStringLiteral("/api/customers/7/"))));
    WAIT_DONE(again);
    QCOMPARE(again->kind(), QStringLiteral("ok"));
    QCOMPARE(requestsTo("/api/customers/7/"), 2);
}

void tst_ApiClientSharing::aRepeatedReadComesFromTheCache()
{
    const auto first = watch(m_client->send(get(QStringLiteral("/api/customers/7/"))));
    WAIT_DONE(first);
    const auto second = watch(m_client->send(get(QStringLiteral("/api/customers/7/"))));
    // Never synchronously, even from the cache.
    QVERIFY(!second->done());
    WAIT_DONE(second);
    QCOMPARE(second->json(), first->json());
    QCOMPARE(requestsTo("/api/customers/7/"), 1);
}

void tst_ApiClientSharing::theCacheExpires()
{
    m_client->setGetCacheLifetime(100);
    const auto first = watch(m_client->send(get(QStringLiteral("/api/customers/7/"))));
    WAIT_DONE(first);
    QTest::qWait(150); // The lifetime itself is what is tested.
    const auto second = watch(m_client->send(get(QStringLiteral("/api/customers/7/"))));
    WAIT_DONE(second);
    QCOMPARE(requestsTo("/api/customers/7/"), 2);
}

void tst_ApiClientSharing::aFreshReadSkipsTheCache()
{
    QVERIFY(finishes(m_client->fetchCustomer(7)));
    const auto fresh = watch(m_client->fetchCustomer(7, true));
    WAIT_DONE(fresh);
    QCOMPARE(fresh->kind(), QStringLiteral("ok"));
    QCOMPARE(requestsTo("/api/customers/7/"), 2);
}

void tst_ApiClientSharing::failuresAreNotCached()
{
    m_server->route("/api/customers/7/", Response::json(404, R"({"detail": "Not found."})"));
    QVERIFY(finishes(m_client->send(get(QStringLiteral("/api/customers/7/")))));
    m_server->route("/api/customers/7/", Response::json(200, kCustomer));
    const auto second = watch(m_client->send(get(QStringLiteral("/api/customers/7/"))));
    WAIT_DONE(second);
    QCOMPARE(second->kind(), QStringLiteral("ok"));
    QCOMPARE(requestsTo("/api/customers/7/"), 2);
}

void tst_ApiClientSharing::writesDropWhatTheyConcern_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("read");
    QTest::addColumn<bool>("dropped");
    QTest::newRow("the record itself") << "/api/customers/7/"
                                       << "/api/customers/7/" << true;
    QTest::newRow("the list that shows it") << "/api/customers/7/"
                                            << "/api/customers/?page=1" << true;
    QTest::newRow("another resource") << "/api/profile/"
                                      << "/api/customers/7/" << false;
}

void tst_ApiClientSharing::writesDropWhatTheyConcern()
{
    QFETCH(QString, written);
    QFETCH(QString, read);
    QFETCH(bool, dropped);
    const QByteArray readPath = read.section(QLatin1Char('?'), 0, 0).toLatin1();
    QVERIFY(finishes(m_client->send(get(read))));
    QCOMPARE(requestsTo(readPath), 1);
    QVERIFY(finishes(m_client->send(patch(written))));
    QVERIFY(finishes(m_client->send(get(read))));
    QCOMPARE(requestsTo(readPath), dropped ? 2 : 1);
}

void tst_ApiClientSharing::aReadInFlightDuringAWriteIsNotCached()
{
    m_server->route("GET", "/api/customers/7/", Response::json(200, kCustomer).delayedBy(200));
    const auto before = watch(m_client->send(get(QStringLiteral("/api/customers/7/"))));
    const auto write = watch(m_client->send(patch(QStringLiteral("/api/customers/7/"))));
    // Neither joins the read that started before the write nor, later, takes its answer.
    const auto joined = watch(m_client->send(get(QStringLiteral("/api/customers/7/"))));
    WAIT_DONE(before);
    WAIT_DONE(write);
    WAIT_DONE(joined);
    const auto after = watch(m_client->send(get(QStringLiteral("/api/customers/7/"))));
    WAIT_DONE(after);
    QCOMPARE(m_server->requests().size(), 4);
}

void tst_ApiClientSharing::signingOutDropsTheCache()
{
    QVERIFY(finishes(m_client->fetchProfile()));
    QCOMPARE(m_client->cachedAnswerCount(), 1);
    m_client->clearToken();
    // Signed out: nothing read with the token stays in memory, and so nothing answers a read
    // made without it.
    QCOMPARE(m_client->cachedAnswerCount(), 0);
    QVERIFY(finishes(m_client->fetchProfile()));
    QCOMPARE(requestsTo("/api/profile/"), 2);
    QVERIFY(!m_server->requests().last().hasHeader("Authorization"));
    m_client->setToken(QStringLiteral("another-users-token"));
    QVERIFY(finishes(m_client->fetchProfile()));
    QCOMPARE(requestsTo("/api/profile/"), 3);
    QCOMPARE(m_server->requests().last().header("Authorization"),
             QByteArray("Token another-users-token"));
}

void tst_ApiClientSharing::anotherServerNeverSeesTheCache()
{
    QVERIFY(finishes(m_client->send(get(QStringLiteral("/api/customers/7/")))));
    FaultServer other;
    QVERIFY(other.listen());
    other.route("/api/customers/7/", Response::json(200, R"({"id": 7, "username": "eve"})"));
    m_client->setBaseUrl(other.url());
    const auto there = watch(m_client->send(get(QStringLiteral("/api/customers/7/"))));
    WAIT_DONE(there);
    QCOMPARE(there->json().value(QStringLiteral("username")).toString(), QStringLiteral("eve"));
    QCOMPARE(other.requests().size(), 1);
}

void tst_ApiClientSharing::zeroLifetimeTurnsTheCacheOff()
{
    m_client->setGetCacheLifetime(0);
    QVERIFY(finishes(m_client->send(get(QStringLiteral("/api/customers/7/")))));
    QVERIFY(finishes(m_client->send(get(QStringLiteral("/api/customers/7/")))));
    QCOMPARE(requestsTo("/api/customers/7/"), 2);
}

QTEST_GUILESS_MAIN(tst_ApiClientSharing)
#include "tst_apiclient_sharing.moc"
