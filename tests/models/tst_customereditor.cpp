// CustomerEditor on its own: a staff user's editor of one customer against the reference server,
// and a loopback fault server for the answers a real server does not give on demand.

#include "apiclient.h"
#include "authtestapp.h"
#include "customereditor.h"
#include "faultserver.h"
#include "testenv.h"

#include <QSignalSpy>
#include <QTest>

using namespace portal;
using namespace portal::test;

namespace {

constexpr int kWaitMs = 20000;

/// A client signed in as a new account (staff or not), on the fixture server.
struct Client
{
    Client(const QString &prefix, bool staff)
        : username(uniqueUsername(prefix))
    {
        api.setBaseUrl(referenceServerUrl());
        ok = !registerWithToken(api, username).isEmpty() && (!staff || setStaff(username, true));
    }

    ApiClient api;
    QString username;
    bool ok = false;
};

CustomerChanges change(const char *field, const QString &value)
{
    return CustomerChanges::fromJson({{QString::fromLatin1(field), value}});
}

/// A customer of the fixture server, made for one test (a new account), with its id.
qint64 newCustomer(const QString &prefix, QString *username)
{
    ApiClient api;
    api.setBaseUrl(referenceServerUrl());
    *username = uniqueUsername(prefix);
    if (registerWithToken(api, *username).isEmpty())
        return 0;
    return serverCustomer(*username).value(QLatin1String("id")).toInteger();
}

/// Loads @p editor's record and waits for it; false when it did not load.
bool loadNow(CustomerEditor &editor)
{
    QSignalSpy loaded(&editor, &CustomerEditor::loaded);
    editor.load();
    return loaded.wait(kWaitMs);
}

} // namespace

class tst_CustomerEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loadGivesRecordAndEtag();
    void saveSendsOnlyTheChangedFields();
    void conflictHandsOverTheirVersion();
    void keepMineAfterAConflictKeepsBoth();
    void missingEtagFetchesThenAsks();
    void conflictWithoutACustomerFetchesAgain();
    void conflictWhoseFetchFailsLeavesNoStaleEtag();
    void validationErrorsComeBackByField();
    void expiredSessionEmitsNothing();
    void customersAreRefused();
    void newerRequestReplacesOlder();
    void answerAboutAnotherCustomerIsRefused();
};

void tst_CustomerEditor::initTestCase()
{
    QVERIFY2(referenceServerUrl().isValid(), "the reference server fixture is not running");
}

void tst_CustomerEditor::loadGivesRecordAndEtag()
{
    Client staff(QStringLiteral("ed_load"), true);
    QVERIFY(staff.ok);
    QString username;
    const qint64 id = newCustomer(QStringLiteral("ed_cust"), &username);
    QVERIFY(id > 0);
    CustomerEditor editor(&staff.api, CustomerEditor::Target::Customer, id);
    QSignalSpy loaded(&editor, &CustomerEditor::loaded);
    QSignalSpy busy(&editor, &CustomerEditor::busyChanged);
    editor.load();
    QVERIFY(editor.isBusy());
    QVERIFY(loaded.wait(kWaitMs));
    QVERIFY(!editor.isBusy());
    QCOMPARE(busy.count(), 2);
    QCOMPARE(editor.record().id, id);
    QCOMPARE(editor.record().username, username);
    QVERIFY(!editor.etag().isEmpty());
    QCOMPARE(loaded.at(0).at(0).value<Customer>(), editor.record());
}

void tst_CustomerEditor::saveSendsOnlyTheChangedFields()
{
    Client staff(QStringLiteral("ed_save"), true);
    QVERIFY(staff.ok);
    QString username;
    const qint64 id = newCustomer(QStringLiteral("ed_cust"), &username);
    CustomerEditor editor(&staff.api, CustomerEditor::Target::Customer, id);
    QVERIFY(loadNow(editor));
    const QByteArray before = editor.etag();

    QSignalSpy saved(&editor, &CustomerEditor::saved);
    editor.save(change("last_name", QStringLiteral("Quill")));
    QVERIFY(saved.wait(kWaitMs));
    QCOMPARE(editor.record().lastName, QStringLiteral("Quill"));
    QVERIFY(!editor.etag().isEmpty() && editor.etag() != before);
    QCOMPARE(serverCustomer(username).value(QLatin1String("last_name")).toString(),
             QStringLiteral("Quill"));
    // The server recorded exactly one change, of exactly that field, by this staff user.
    const QJsonArray history = serverHistory(username);
    QCOMPARE(history.size(), 1);
    const QJsonObject entry = history.at(0).toObject();
    QCOMPARE(entry.value(QLatin1String("by")).toString(), staff.username);
    QCOMPARE(entry.value(QLatin1String("changes")).toObject().keys(),
             QStringList{QStringLiteral("last_name")});
}

void tst_CustomerEditor::conflictHandsOverTheirVersion()
{
    Client mine(QStringLiteral("ed_me"), true);
    Client theirs(QStringLiteral("ed_them"), true);
    QVERIFY(mine.ok && theirs.ok);
    QString username;
    const qint64 id = newCustomer(QStringLiteral("ed_cust"), &username);
    CustomerEditor me(&mine.api, CustomerEditor::Target::Customer, id);
    CustomerEditor them(&theirs.api, CustomerEditor::Target::Customer, id);
    QSignalSpy meLoaded(&me, &CustomerEditor::loaded);
    QSignalSpy themLoaded(&them, &CustomerEditor::loaded);
    me.load();
    them.load();
    QVERIFY(meLoaded.wait(kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(themLoaded.count(), 1, kWaitMs);
    const QByteArray staleEtag = me.etag();

    QSignalSpy themSaved(&them, &CustomerEditor::saved);
    them.save(change("last_name", QStringLiteral("Theirs")));
    QVERIFY(themSaved.wait(kWaitMs));

    QSignalSpy conflict(&me, &CustomerEditor::conflict);
    QSignalSpy saved(&me, &CustomerEditor::saved);
    QSignalSpy failed(&me, &CustomerEditor::saveFailed);
    const CustomerChanges myChange = change("first_name", QStringLiteral("Mine"));
    me.save(myChange);
    QVERIFY(conflict.wait(kWaitMs));
    QCOMPARE(saved.count() + failed.count(), 0);
    const auto theirVersion = conflict.at(0).at(0).value<Customer>();
    QCOMPARE(theirVersion.lastName, QStringLiteral("Theirs"));
    QCOMPARE(conflict.at(0).at(1).value<CustomerChanges>(), myChange);
    QCOMPARE(me.record(), theirVersion);
    QVERIFY(!me.etag().isEmpty() && me.etag() != staleEtag);
    // Nothing of mine reached the server.
    QVERIFY(serverCustomer(username).value(QLatin1String("first_name")).toString() !=
            QStringLiteral("Mine"));
    QCOMPARE(serverHistory(username).size(), 1);
}

void tst_CustomerEditor::keepMineAfterAConflictKeepsBoth()
{
    Client mine(QStringLiteral("ed_me2"), true);
    QVERIFY(mine.ok);
    QString username;
    const qint64 id = newCustomer(QStringLiteral("ed_cust"), &username);
    CustomerEditor me(&mine.api, CustomerEditor::Target::Customer, id);
    QVERIFY(loadNow(me));
    // Someone else: a second editor of the same staff account, a second client.
    Client other(QStringLiteral("ed_oth2"), true);
    QVERIFY(other.ok);
    CustomerEditor them(&other.api, CustomerEditor::Target::Customer, id);
    QVERIFY(loadNow(them));
    QSignalSpy themSaved(&them, &CustomerEditor::saved);
    them.save(change("last_name", QStringLiteral("Theirs")));
    QVERIFY(themSaved.wait(kWaitMs));

    QSignalSpy conflict(&me, &CustomerEditor::conflict);
    me.save(change("first_name", QStringLiteral("Mine")));
    QVERIFY(conflict.wait(kWaitMs));
    // "Keep mine": the same changes again, now with their version's ETag.
    QSignalSpy saved(&me, &CustomerEditor::saved);
    me.save(conflict.at(0).at(1).value<CustomerChanges>());
    QVERIFY(saved.wait(kWaitMs));
    const QJsonObject onServer = serverCustomer(username);
    QCOMPARE(onServer.value(QLatin1String("first_name")).toString(), QStringLiteral("Mine"));
    QCOMPARE(onServer.value(QLatin1String("last_name")).toString(), QStringLiteral("Theirs"));
    const QJsonArray history = serverHistory(username);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).toObject().value(QLatin1String("by")).toString(), mine.username);
    QCOMPARE(history.at(1).toObject().value(QLatin1String("by")).toString(), other.username);
}

void tst_CustomerEditor::missingEtagFetchesThenAsks()
{
    // The server wants If-Match (428) and the editor has no ETag: it fetches the record and asks
    // through conflict(); it never sends the change again by itself.
    Client staff(QStringLiteral("ed_428"), true);
    QVERIFY(staff.ok);
    QString username;
    const qint64 id = newCustomer(QStringLiteral("ed_cust"), &username);
    CustomerEditor editor(&staff.api, CustomerEditor::Target::Customer, id);
    Customer listed;
    listed.id = id;
    listed.username = username;
    editor.setRecord(listed, {}); // As the list showed it: no ETag.
    QSignalSpy conflict(&editor, &CustomerEditor::conflict);
    QSignalSpy failed(&editor, &CustomerEditor::saveFailed);
    editor.save(change("first_name", QStringLiteral("Blind")));
    QVERIFY(conflict.wait(kWaitMs));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(editor.record().email, username + QStringLiteral("@example.com"));
    QVERIFY(!editor.etag().isEmpty());
    QVERIFY(!editor.isBusy());
    QVERIFY(serverCustomer(username).value(QLatin1String("first_name")).toString() !=
            QStringLiteral("Blind"));
    QCOMPARE(serverHistory(username).size(), 0);
}

void tst_CustomerEditor::conflictWithoutACustomerFetchesAgain()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.route("PATCH", "/api/customers/7/",
                 FaultServer::Response::raw(412, "text/html", "<html>Precondition</html>"));
    server.route(
        "GET", "/api/customers/7/",
        FaultServer::Response::json(200, R"({"id": 7, "username": "bob", "last_name": "Now"})")
            .withHeader("ETag", "\"v2\""));
    ApiClient api;
    api.setBaseUrl(server.url());
    api.setToken(QStringLiteral("staff-token"));
    CustomerEditor editor(&api, CustomerEditor::Target::Customer, 7);
    Customer bob;
    bob.id = 7;
    bob.username = QStringLiteral("bob");
    editor.setRecord(bob, "\"v1\"");
    QSignalSpy conflict(&editor, &CustomerEditor::conflict);
    editor.save(change("first_name", QStringLiteral("Mine")));
    QVERIFY(conflict.wait(kWaitMs));
    QCOMPARE(editor.etag(), QByteArray("\"v2\""));
    QCOMPARE(editor.record().lastName, QStringLiteral("Now"));
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().at(0).method, QByteArray("PATCH"));
    QCOMPARE(server.requests().at(0).header("If-Match"), QByteArray("\"v1\""));
    QCOMPARE(server.requests().at(1).method, QByteArray("GET"));
}

void tst_CustomerEditor::conflictWhoseFetchFailsLeavesNoStaleEtag()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.route("PATCH", "/api/customers/7/",
                 FaultServer::Response::json(412, R"({"detail": "x"})"));
    server.route("GET", "/api/customers/7/",
                 FaultServer::Response::json(503, R"({"detail": "down"})"));
    ApiClient api;
    api.setBaseUrl(server.url());
    api.setToken(QStringLiteral("staff-token"));
    CustomerEditor editor(&api, CustomerEditor::Target::Customer, 7);
    Customer bob;
    bob.id = 7;
    bob.username = QStringLiteral("bob");
    editor.setRecord(bob, "\"v1\"");
    QSignalSpy failed(&editor, &CustomerEditor::saveFailed);
    QSignalSpy conflict(&editor, &CustomerEditor::conflict);
    editor.save(change("first_name", QStringLiteral("Mine")));
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(conflict.count(), 0);
    QCOMPARE(failed.at(0).at(0).value<ApiError>().kind, ErrorKind::Server);
    QVERIFY(editor.etag().isEmpty()); // The stale one is gone: the next save cannot reuse it.
}

void tst_CustomerEditor::validationErrorsComeBackByField()
{
    Client staff(QStringLiteral("ed_val"), true);
    QVERIFY(staff.ok);
    QString username;
    const qint64 id = newCustomer(QStringLiteral("ed_cust"), &username);
    CustomerEditor editor(&staff.api, CustomerEditor::Target::Customer, id);
    QVERIFY(loadNow(editor));
    QSignalSpy failed(&editor, &CustomerEditor::saveFailed);
    editor.save(change("email", QStringLiteral("not-an-address")));
    QVERIFY(failed.wait(kWaitMs));
    const auto error = failed.at(0).at(0).value<ApiError>();
    QCOMPARE(error.kind, ErrorKind::Validation);
    QVERIFY(error.fieldErrors.contains(QStringLiteral("email")));
    QCOMPARE(serverHistory(username).size(), 0);
}

void tst_CustomerEditor::expiredSessionEmitsNothing()
{
    Client staff(QStringLiteral("ed_exp"), true);
    QVERIFY(staff.ok);
    QString username;
    const qint64 id = newCustomer(QStringLiteral("ed_cust"), &username);
    CustomerEditor editor(&staff.api, CustomerEditor::Target::Customer, id);
    QVERIFY(loadNow(editor));
    QCOMPARE(manage({QStringLiteral("delete_token"), staff.username}).trimmed(),
             QByteArray("deleted 1"));
    QSignalSpy expired(&staff.api, &ApiClient::sessionExpired);
    QSignalSpy saved(&editor, &CustomerEditor::saved);
    QSignalSpy failed(&editor, &CustomerEditor::saveFailed);
    QSignalSpy conflict(&editor, &CustomerEditor::conflict);
    editor.save(change("first_name", QStringLiteral("Late")));
    QVERIFY(expired.wait(kWaitMs));
    QCOMPARE(saved.count() + failed.count() + conflict.count(), 0);
    QVERIFY(!editor.isBusy());
}

void tst_CustomerEditor::customersAreRefused()
{
    Client customer(QStringLiteral("ed_nostaff"), false);
    QVERIFY(customer.ok);
    QString username;
    const qint64 id = newCustomer(QStringLiteral("ed_cust"), &username);
    CustomerEditor editor(&customer.api, CustomerEditor::Target::Customer, id);
    QSignalSpy failed(&editor, &CustomerEditor::loadFailed);
    QSignalSpy denied(&customer.api, &ApiClient::staffAccessDenied);
    QSignalSpy expired(&customer.api, &ApiClient::sessionExpired);
    editor.load();
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.at(0).at(0).value<ApiError>().kind, ErrorKind::Forbidden);
    QCOMPARE(denied.count(), 1);
    QCOMPARE(expired.count(), 0);
}

void tst_CustomerEditor::newerRequestReplacesOlder()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.route(
        "GET", "/api/customers/7/",
        FaultServer::Response::json(200, R"({"id": 7, "username": "bob", "last_name": "Old"})")
            .withHeader("ETag", "\"old\"")
            .delayedBy(400));
    ApiClient api;
    api.setBaseUrl(server.url());
    api.setToken(QStringLiteral("staff-token"));
    CustomerEditor editor(&api, CustomerEditor::Target::Customer, 7);
    QSignalSpy received(&server, &FaultServer::requestReceived);
    QSignalSpy answered(&server, &FaultServer::answered);
    QSignalSpy loaded(&editor, &CustomerEditor::loaded);
    editor.load();
    QVERIFY(received.wait(kWaitMs));
    server.route(
        "GET", "/api/customers/7/",
        FaultServer::Response::json(200, R"({"id": 7, "username": "bob", "last_name": "New"})")
            .withHeader("ETag", "\"new\""));
    editor.load();
    QVERIFY(loaded.wait(kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 2, kWaitMs); // The slow answer went out too.
    QCoreApplication::processEvents();
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(editor.record().lastName, QStringLiteral("New"));
    QCOMPARE(editor.etag(), QByteArray("\"new\""));
}

void tst_CustomerEditor::answerAboutAnotherCustomerIsRefused()
{
    // A misrouted or cached answer about customer 8 must not become customer 7's record.
    FaultServer server;
    QVERIFY(server.listen());
    server.route("GET", "/api/customers/7/",
                 FaultServer::Response::json(200, R"({"id": 8, "username": "eve"})")
                     .withHeader("ETag", "\"e8\""));
    ApiClient api;
    api.setBaseUrl(server.url());
    api.setToken(QStringLiteral("staff-token"));
    CustomerEditor editor(&api, CustomerEditor::Target::Customer, 7);
    QSignalSpy loaded(&editor, &CustomerEditor::loaded);
    QSignalSpy failed(&editor, &CustomerEditor::loadFailed);
    editor.load();
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(failed.at(0).at(0).value<ApiError>().kind, ErrorKind::BadResponse);
    QVERIFY(editor.record().username.isEmpty());
    QVERIFY(editor.etag().isEmpty());
    QCOMPARE(editor.customerId(), 7);
}

QTEST_GUILESS_MAIN(tst_CustomerEditor)
#include "tst_customereditor.moc"
