// CustomerListModel against the reference server (its rows must be exactly the database's, in the
// server's order) and a loopback fault server (slow and broken answers), with a
// QAbstractItemModelTester attached throughout.

#include "apiclient.h"
#include "authtestapp.h"
#include "customerlistmodel.h"
#include "faultserver.h"
#include "testenv.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace portal;
using namespace portal::test;
using Status = CustomerListModel::Status;
using Column = CustomerListModel::Column;

namespace {

constexpr int kWaitMs = 20000;

/// Waits until no page is on its way (the model tester, like a view, may ask for more).
bool settled(const CustomerListModel &model)
{
    return QTest::qWaitFor([&model]() { return !model.isLoading(); }, kWaitMs);
}

/// Loads every page the server offers (as a view scrolled to the end would).
bool loadAll(CustomerListModel &model)
{
    while (settled(model) && model.status() != Status::Failed && model.canFetchMore({}))
        model.fetchMore({});
    return !model.isLoading() && model.status() == Status::Ready;
}

QList<qint64> idsOf(const CustomerListModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(CustomerListModel::IdRole).toLongLong());
    return ids;
}

QByteArray pageJson(int count, const QList<int> &ids, bool hasNext)
{
    QByteArray results;
    for (int id : ids) {
        if (!results.isEmpty())
            results += ',';
        results += "{\"id\": " + QByteArray::number(id) + ", \"username\": \"user" +
                   QByteArray::number(id) + "\"}";
    }
    return "{\"count\": " + QByteArray::number(count) + ", \"next\": " +
           (hasNext ? QByteArray("\"http://127.0.0.1/next\"") : QByteArray("null")) +
           ", \"previous\": null, \"results\": [" + results + "]}";
}

} // namespace

class tst_CustomerListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void firstPageIsTheServersFirstRows();
    void searchAndOrderMatchTheDatabase_data();
    void searchAndOrderMatchTheDatabase();
    void serverPageSizeIsObeyed();
    void reorderingWhileScrolledStartsAtTheFirstPage();
    void nothingFound();
    void birthDateIsNotSortable();
    void slowOlderAnswerNeverOverwritesNewer();
    void failedPageCanBeRetried();
    void olderAnswerArrivingFirstIsNeverShown();
    void emptyPageEndsTheList();
    void garbagePageIsAnError();
    void customersGetForbidden();
    void updateCustomerReplacesItsRow();
    void displayAndRoles();

private:
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<CustomerListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_staff;
};

void tst_CustomerListModel::initTestCase()
{
    QVERIFY2(referenceServerUrl().isValid(), "the reference server fixture is not running");
}

void tst_CustomerListModel::init()
{
    m_api = std::make_unique<ApiClient>();
    m_api->setBaseUrl(referenceServerUrl());
    m_staff = uniqueUsername(QStringLiteral("lm_staff"));
    QVERIFY(!registerWithToken(*m_api, m_staff).isEmpty());
    QVERIFY(setStaff(m_staff, true));
    m_model = std::make_unique<CustomerListModel>(m_api.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_CustomerListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_api.reset();
}

void tst_CustomerListModel::firstPageIsTheServersFirstRows()
{
    m_model->setRequestedPageSize(7);
    QSignalSpy pages(m_model.get(), &CustomerListModel::pageLoaded);
    QSignalSpy statuses(m_model.get(), &CustomerListModel::statusChanged);
    m_model->setSearch(QStringLiteral("customer"));
    QCOMPARE(m_model->status(), Status::Loading);
    QVERIFY(pages.wait(kWaitMs));
    const QList<qint64> expected = listedIds(QStringLiteral("customer"), QStringLiteral("id"));
    QVERIFY(expected.size() > 14);
    QCOMPARE(m_model->status(), Status::Ready);
    QCOMPARE(m_model->totalCount(), expected.size());
    QCOMPARE(statuses.count(), 2); // Loading, Ready
    // The first page is the server's first seven rows (the model tester may already have asked
    // for the next page, as a view would).
    QCOMPARE(pages.at(0).at(0).toInt(), 0);
    QCOMPARE(pages.at(0).at(1).toInt(), 7);
    QVERIFY(settled(*m_model));
    QCOMPARE(idsOf(*m_model), expected.mid(0, m_model->rowCount()));
    for (const QList<QVariant> &page : std::as_const(pages)) // Pages of 7 but the last.
        QVERIFY(page.at(1).toInt() == 7 ||
                page.at(0).toInt() + page.at(1).toInt() == expected.size());
}

void tst_CustomerListModel::searchAndOrderMatchTheDatabase_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QString>("ordering"); // What the database is asked for the same rows.

    QTest::newRow("smith by name")
        << QStringLiteral("smith") << int(CustomerListModel::NameColumn) << Qt::AscendingOrder
        << QStringLiteral("last_name,first_name,id");
    QTest::newRow("smith by name, descending")
        << QStringLiteral("smith") << int(CustomerListModel::NameColumn) << Qt::DescendingOrder
        << QStringLiteral("-last_name,-first_name,-id");
    QTest::newRow("miller by username, descending")
        << QStringLiteral("Miller") << int(CustomerListModel::UsernameColumn) << Qt::DescendingOrder
        << QStringLiteral("-username,-id");
    // Searches only the seeded customers match: accounts other tests create meanwhile never do.
    QTest::newRow("example.net by email")
        << QStringLiteral("example.net") << int(CustomerListModel::EmailColumn)
        << Qt::AscendingOrder << QStringLiteral("email,id");
    QTest::newRow("customer by joined, newest first")
        << QStringLiteral("customer") << int(CustomerListModel::JoinedColumn) << Qt::DescendingOrder
        << QStringLiteral("-date_joined,-id");
    QTest::newRow("two words") << QStringLiteral("smith example")
                               << int(CustomerListModel::IdColumn) << Qt::DescendingOrder
                               << QStringLiteral("-id");
}

void tst_CustomerListModel::searchAndOrderMatchTheDatabase()
{
    QFETCH(QString, search);
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QString, ordering);
    m_model->setRequestedPageSize(10);
    QSignalSpy pages(m_model.get(), &CustomerListModel::pageLoaded);
    m_model->setSearch(search);
    QVERIFY(pages.wait(kWaitMs));
    QVERIFY(settled(*m_model));
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->sort(column, order);
    // A new order starts from the first page, which replaces the rows when it comes.
    QCOMPARE(m_model->status(), Status::Loading);
    QCOMPARE(m_model->totalCount(), -1);
    QVERIFY(!m_model->canFetchMore({}));
    QVERIFY(loadAll(*m_model));
    QCOMPARE(resets.count(), 1);
    const QList<qint64> expected = listedIds(search, ordering);
    QVERIFY2(expected.size() >= 2, "the demo data should have matches");
    QCOMPARE(idsOf(*m_model), expected);
    QCOMPARE(m_model->totalCount(), expected.size());
    QVERIFY(!m_model->canFetchMore({}));
}

void tst_CustomerListModel::serverPageSizeIsObeyed()
{
    // The reference server caps pages at 100: asking for 500 gets 100 rows a page (the fixture
    // has over a hundred seeded customers at example.net).
    m_model->setRequestedPageSize(500);
    QSignalSpy pages(m_model.get(), &CustomerListModel::pageLoaded);
    m_model->setSearch(QStringLiteral("example.net"));
    QVERIFY(pages.wait(kWaitMs));
    QCOMPARE(pages.at(0).at(1).toInt(), 100);
    QVERIFY(m_model->totalCount() > 100);
    QVERIFY(settled(*m_model));
    while (m_model->canFetchMore({})) {
        m_model->fetchMore({});
        QVERIFY(m_model->isLoading());
        QVERIFY(!m_model->canFetchMore({})); // One page at a time.
        QVERIFY(settled(*m_model));
    }
    const QList<qint64> expected = listedIds(QStringLiteral("example.net"), QStringLiteral("id"));
    QCOMPARE(idsOf(*m_model), expected);
    QVERIFY(pages.count() >= 2);
    for (int i = 0; i < pages.count(); ++i) {
        QCOMPARE(pages.at(i).at(0).toInt(), i * 100);
        if (i + 1 < pages.count())
            QCOMPARE(pages.at(i).at(1).toInt(), 100);
    }
}

void tst_CustomerListModel::reorderingWhileScrolledStartsAtTheFirstPage()
{
    // A view asks for more rows as soon as the model resets (its scroll bar is at the end), and
    // so does the model tester: the new order must still start at its first page, with no page of
    // the old order mixed in. A paging server of the test's own, slow enough that the list is
    // still only partly loaded when the order changes: ids 1..1000, by id ascending or not.
    FaultServer server;
    QVERIFY(server.listen());
    m_api->setBaseUrl(server.url());
    m_api->setToken(QStringLiteral("staff-token"));
    server.route("/api/customers/", [](const FaultServer::Request &request) {
        const QUrlQuery query(QUrl::fromEncoded(request.target).query());
        const int page = query.queryItemValue(QStringLiteral("page")).toInt();
        const int size = query.queryItemValue(QStringLiteral("page_size")).toInt();
        const bool descending = query.queryItemValue(QStringLiteral("ordering")).startsWith(u'-');
        QList<int> ids;
        for (int i = (page - 1) * size + 1; i <= qMin(1000, page * size); ++i)
            ids.append(descending ? 1001 - i : i);
        return FaultServer::Response::json(200, pageJson(1000, ids, page * size < 1000))
            .delayedBy(30);
    });
    m_model->setRequestedPageSize(10);
    QSignalSpy pages(m_model.get(), &CustomerListModel::pageLoaded);
    m_model->setSearch({});
    // The model tester asks for the next page whenever rows arrive, as a view at the end would.
    QTRY_VERIFY_WITH_TIMEOUT(m_model->rowCount() >= 30, kWaitMs);
    QVERIFY(m_model->rowCount() < 1000); // Far from the end.
    connect(m_model.get(), &QAbstractItemModel::modelReset, this,
            [this]() { m_model->fetchMore({}); });
    m_model->sort(CustomerListModel::IdColumn, Qt::DescendingOrder);
    // The old rows stay until the new order's first page replaces them.
    QTRY_VERIFY_WITH_TIMEOUT(m_model->status() == Status::Ready &&
                                 m_model->customerAt(0).id == 1000 && m_model->rowCount() >= 30,
                             kWaitMs);
    const QList<qint64> rows = idsOf(*m_model);
    for (int row = 0; row < rows.size(); ++row)
        QCOMPARE(rows.at(row), qint64(1000 - row));
}

void tst_CustomerListModel::nothingFound()
{
    QSignalSpy pages(m_model.get(), &CustomerListModel::pageLoaded);
    m_model->setSearch(QStringLiteral("zzzz-nobody-is-called-this"));
    QVERIFY(pages.wait(kWaitMs));
    QCOMPARE(m_model->status(), Status::Ready);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->totalCount(), 0);
    QVERIFY(!m_model->canFetchMore({}));
}

void tst_CustomerListModel::birthDateIsNotSortable()
{
    QSignalSpy pages(m_model.get(), &CustomerListModel::pageLoaded);
    m_model->setSearch(QStringLiteral("smith"));
    QVERIFY(pages.wait(kWaitMs));
    const int rows = m_model->rowCount();
    QVERIFY(!CustomerListModel::isSortable(CustomerListModel::BirthDateColumn));
    m_model->sort(CustomerListModel::BirthDateColumn, Qt::DescendingOrder);
    QCOMPARE(m_model->rowCount(), rows); // Nothing reloaded.
    QCOMPARE(m_model->sortColumn(), int(CustomerListModel::IdColumn));
    QCOMPARE(m_model->status(), Status::Ready);
}

void tst_CustomerListModel::slowOlderAnswerNeverOverwritesNewer()
{
    FaultServer server;
    QVERIFY(server.listen());
    m_api->setBaseUrl(server.url()); // Another origin: the token stays behind.
    m_api->setToken(QStringLiteral("staff-token"));
    server.route("/api/customers/",
                 FaultServer::Response::json(200, pageJson(2, {1, 2}, false)).delayedBy(500));
    QSignalSpy received(&server, &FaultServer::requestReceived);
    QSignalSpy answered(&server, &FaultServer::answered);
    QSignalSpy pages(m_model.get(), &CustomerListModel::pageLoaded);
    m_model->setSearch(QStringLiteral("slow"));
    QVERIFY(received.wait(kWaitMs));
    server.route("/api/customers/", FaultServer::Response::json(200, pageJson(1, {42}, false)));
    m_model->setSearch(QStringLiteral("fast"));
    QVERIFY(pages.wait(kWaitMs));
    QCOMPARE(idsOf(*m_model), QList<qint64>{42});
    // The first answer comes later; it must change nothing.
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 2, kWaitMs);
    QCoreApplication::processEvents();
    QCOMPARE(pages.count(), 1);
    QCOMPARE(idsOf(*m_model), QList<qint64>{42});
    QCOMPARE(m_model->totalCount(), 1);
    QVERIFY(server.requests().at(0).target.contains("search=slow"));
    QVERIFY(server.requests().at(1).target.contains("search=fast"));
}

void tst_CustomerListModel::failedPageCanBeRetried()
{
    FaultServer server;
    QVERIFY(server.listen());
    m_api->setBaseUrl(server.url());
    m_api->setToken(QStringLiteral("staff-token"));
    QSignalSpy pages(m_model.get(), &CustomerListModel::pageLoaded);
    QSignalSpy failed(m_model.get(), &CustomerListModel::loadFailed);
    server.route("/api/customers/", FaultServer::Response::json(200, pageJson(3, {1, 2}, true)));
    QSignalSpy received(&server, &FaultServer::requestReceived);
    m_model->setSearch({});
    QVERIFY(pages.wait(kWaitMs));
    // Whoever asks for page 2 next (the model tester, as a view would, or this test) fails.
    server.route("/api/customers/", FaultServer::Response::json(503, R"({"detail": "busy"})"));
    m_model->fetchMore({});
    QVERIFY(failed.count() > 0 || failed.wait(kWaitMs));
    QCOMPARE(m_model->status(), Status::Failed);
    QCOMPARE(m_model->lastError().kind, ErrorKind::Server);
    QCOMPARE(m_model->rowCount(), 2); // What was loaded stays.
    QVERIFY(m_model->canFetchMore({}));
    server.route("/api/customers/", FaultServer::Response::json(200, pageJson(3, {3}, false)));
    m_model->fetchMore({});
    QVERIFY(pages.wait(kWaitMs));
    QCOMPARE(idsOf(*m_model), (QList<qint64>{1, 2, 3}));
    QCOMPARE(m_model->status(), Status::Ready);
    QVERIFY(server.requests().last().target.contains("page=2"));
}

void tst_CustomerListModel::olderAnswerArrivingFirstIsNeverShown()
{
    // The user typed on: the older query's (quick) answer comes before the newer query's (slow)
    // one. It must not be shown as the newer query's rows, nor block the newer answer.
    FaultServer server;
    QVERIFY(server.listen());
    m_api->setBaseUrl(server.url());
    m_api->setToken(QStringLiteral("staff-token"));
    server.route("/api/customers/",
                 FaultServer::Response::json(200, pageJson(2, {1, 2}, false)).delayedBy(200));
    QSignalSpy received(&server, &FaultServer::requestReceived);
    QSignalSpy answered(&server, &FaultServer::answered);
    QSignalSpy pages(m_model.get(), &CustomerListModel::pageLoaded);
    m_model->setSearch(QStringLiteral("slo"));
    QVERIFY(received.wait(kWaitMs));
    server.route("/api/customers/",
                 FaultServer::Response::json(200, pageJson(1, {42}, false)).delayedBy(1500));
    m_model->setSearch(QStringLiteral("slow"));
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, kWaitMs); // Only the older one so far.
    QTest::qWait(100); // Time for the client to read it, were it still listening.
    QCOMPARE(pages.count(), 0);
    QCOMPARE(m_model->status(), Status::Loading);
    QCOMPARE(m_model->totalCount(), -1);
    QVERIFY(pages.wait(kWaitMs));
    QCOMPARE(idsOf(*m_model), QList<qint64>{42});
    QCOMPARE(m_model->totalCount(), 1);
    QCOMPARE(m_model->status(), Status::Ready);
}

void tst_CustomerListModel::emptyPageEndsTheList()
{
    // A server whose count went stale names a next page that has no rows: the list ends there.
    FaultServer server;
    QVERIFY(server.listen());
    m_api->setBaseUrl(server.url());
    m_api->setToken(QStringLiteral("staff-token"));
    server.route("/api/customers/", [](const FaultServer::Request &request) {
        const QUrlQuery query(QUrl::fromEncoded(request.target).query());
        const bool first = query.queryItemValue(QStringLiteral("page")) == QLatin1String("1");
        return FaultServer::Response::json(200, first ? pageJson(5, {1, 2}, true)
                                                      : pageJson(5, {}, true));
    });
    QSignalSpy pages(m_model.get(), &CustomerListModel::pageLoaded);
    m_model->setSearch({});
    QVERIFY(pages.wait(kWaitMs));
    QVERIFY(settled(*m_model));
    if (m_model->canFetchMore({})) // Unless the model tester asked for page 2 already.
        m_model->fetchMore({});
    QVERIFY(settled(*m_model));
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(idsOf(*m_model), (QList<qint64>{1, 2}));
    QCOMPARE(m_model->status(), Status::Ready);
    QCOMPARE(server.requests().size(), 2);
}

void tst_CustomerListModel::garbagePageIsAnError()
{
    FaultServer server;
    QVERIFY(server.listen());
    m_api->setBaseUrl(server.url());
    m_api->setToken(QStringLiteral("staff-token"));
    server.route("/api/customers/",
                 FaultServer::Response::json(200, R"({"count": 1, "results": [{"id": "x"}]})"));
    QSignalSpy failed(m_model.get(), &CustomerListModel::loadFailed);
    m_model->setSearch({});
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(m_model->status(), Status::Failed);
    QCOMPARE(m_model->lastError().kind, ErrorKind::BadResponse);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->totalCount(), -1);
}

void tst_CustomerListModel::customersGetForbidden()
{
    QVERIFY(setStaff(m_staff, false));
    QSignalSpy failed(m_model.get(), &CustomerListModel::loadFailed);
    QSignalSpy denied(m_api.get(), &ApiClient::staffAccessDenied);
    m_model->setSearch({});
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(m_model->lastError().kind, ErrorKind::Forbidden);
    QCOMPARE(denied.count(), 1);
    QCOMPARE(m_model->rowCount(), 0);
}

void tst_CustomerListModel::updateCustomerReplacesItsRow()
{
    QSignalSpy pages(m_model.get(), &CustomerListModel::pageLoaded);
    m_model->setSearch(QStringLiteral("smith"));
    QVERIFY(pages.wait(kWaitMs));
    QVERIFY(m_model->rowCount() > 1);
    Customer edited = m_model->customerAt(1);
    edited.lastName = QStringLiteral("Smythe");
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->updateCustomer(edited);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->customerAt(1), edited);
    QVERIFY(m_model->index(1, CustomerListModel::NameColumn)
                .data()
                .toString()
                .endsWith(QStringLiteral("Smythe")));
    Customer unknown = edited;
    unknown.id = 987654321;
    m_model->updateCustomer(unknown); // Not loaded: nothing happens.
    QCOMPARE(changed.count(), 1);
}

void tst_CustomerListModel::displayAndRoles()
{
    QSignalSpy pages(m_model.get(), &CustomerListModel::pageLoaded);
    m_model->setSearch(QStringLiteral("customer01"));
    QVERIFY(pages.wait(kWaitMs));
    QCOMPARE(m_model->rowCount(), 1);
    const QJsonObject onServer = serverCustomer(QStringLiteral("customer01"));
    QCOMPARE(m_model->index(0, CustomerListModel::UsernameColumn).data().toString(),
             QStringLiteral("customer01"));
    QCOMPARE(m_model->index(0, CustomerListModel::NameColumn).data().toString(),
             onServer.value(QLatin1String("first_name")).toString() + QLatin1Char(' ') +
                 onServer.value(QLatin1String("last_name")).toString());
    QCOMPARE(m_model->index(0, CustomerListModel::EmailColumn).data(Qt::ToolTipRole).toString(),
             onServer.value(QLatin1String("email")).toString());
    QCOMPARE(m_model->index(0, 0).data(CustomerListModel::CustomerRole).value<Customer>().id,
             onServer.value(QLatin1String("id")).toInteger());
    QCOMPARE(m_model->headerData(CustomerListModel::JoinedColumn, Qt::Horizontal).toString(),
             QStringLiteral("Joined"));
    QCOMPARE(m_model->columnCount(), 6);
}

QTEST_GUILESS_MAIN(tst_CustomerListModel)
#include "tst_customerlistmodel.moc"
