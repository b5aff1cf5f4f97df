// Pure parsing of the staff list's pages and of a customer's edit history.

#include "customerpage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using portal::CustomerField;
using portal::CustomerPage;
using portal::HistoryEntry;

namespace {

QJsonValue parse(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

} // namespace

class tst_CustomerPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void page_data();
    void page();
    void pageKeepsServerOrder();
    void history_data();
    void history();
    void historyReadsChanges();
};

void tst_CustomerPage::page_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<bool>("hasNext");
    QTest::addColumn<int>("rows");

    QTest::newRow("first of many")
        << QByteArray(R"({"count": 250, "next": "http://h/api/customers/?page=2",
        "previous": null, "results": [{"id": 1, "username": "a"}, {"id": 2, "username": "b"}]})")
        << true << qint64(250) << true << 2;
    QTest::newRow("last page") << QByteArray(R"({"count": 2, "next": null, "previous": null,
        "results": [{"id": 1, "username": "a"}, {"id": 2, "username": "b"}]})")
                               << true << qint64(2) << false << 2;
    QTest::newRow("no next key") << QByteArray(
                                        R"({"count": 1, "results": [{"id": 1, "username": "a"}]})")
                                 << true << qint64(1) << false << 1;
    QTest::newRow("empty next is no next")
        << QByteArray(R"({"count": 1, "next": "", "results": [{"id": 1, "username": "a"}]})")
        << true << qint64(1) << false << 1;
    QTest::newRow("nothing found") << QByteArray(R"({"count": 0, "next": null, "results": []})")
                                   << true << qint64(0) << false << 0;
    QTest::newRow("extra keys ignored")
        << QByteArray(R"({"count": 0, "next": null, "results": [], "total_pages": 0})") << true
        << qint64(0) << false << 0;
    QTest::newRow("a bare list is not a page")
        << QByteArray(R"([{"id": 1, "username": "a"}])") << false << qint64(0) << false << 0;
    QTest::newRow("count missing")
        << QByteArray(R"({"next": null, "results": []})") << false << qint64(0) << false << 0;
    QTest::newRow("count a string")
        << QByteArray(R"({"count": "3", "results": []})") << false << qint64(0) << false << 0;
    QTest::newRow("negative count")
        << QByteArray(R"({"count": -1, "results": []})") << false << qint64(0) << false << 0;
    QTest::newRow("results an object")
        << QByteArray(R"({"count": 1, "results": {"id": 1, "username": "a"}})") << false
        << qint64(0) << false << 0;
    QTest::newRow("next a number") << QByteArray(R"({"count": 1, "next": 2, "results": []})")
                                   << false << qint64(0) << false << 0;
    QTest::newRow("a result is not a customer")
        << QByteArray(R"({"count": 2, "results": [{"id": 1, "username": "a"}, {"id": 2}]})")
        << false << qint64(0) << false << 0;
    QTest::newRow("a result is a string")
        << QByteArray(R"({"count": 1, "results": ["alice"]})") << false << qint64(0) << false << 0;
    QTest::newRow("more results than count")
        << QByteArray(
               R"({"count": 1, "results": [{"id": 1, "username": "a"}, {"id": 2, "username": "b"}]})")
        << false << qint64(0) << false << 0;
}

void tst_CustomerPage::page()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    const std::optional<CustomerPage> page = CustomerPage::fromJson(parse(json));
    QCOMPARE(page.has_value(), valid);
    if (!valid)
        return;
    QTEST(page->count, "count");
    QTEST(page->hasNext, "hasNext");
    QTEST(int(page->results.size()), "rows");
}

void tst_CustomerPage::pageKeepsServerOrder()
{
    const std::optional<CustomerPage> page = CustomerPage::fromJson(parse(R"({"count": 3,
        "results": [{"id": 9, "username": "zed"}, {"id": 2, "username": "amy", "email": "a@x.org",
        "first_name": "Amy", "last_name": "Ames", "birth_date": "1999-01-31",
        "date_joined": "2024-05-06T07:08:09Z"}, {"id": 5, "username": "bo"}]})"));
    QVERIFY(page);
    QCOMPARE(page->results.size(), 3);
    QCOMPARE(page->results.at(0).id, 9);
    QCOMPARE(page->results.at(1).id, 2);
    QCOMPARE(page->results.at(2).id, 5);
    QCOMPARE(page->results.at(1).lastName, QStringLiteral("Ames"));
    QCOMPARE(page->results.at(1).birthDate, QDate(1999, 1, 31));
    QCOMPARE(page->results.at(1).dateJoined, QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9), Qt::UTC));
}

void tst_CustomerPage::history_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("entries");

    QTest::newRow("none") << QByteArray("[]") << true << 0;
    QTest::newRow("two") << QByteArray(R"([
        {"at": "2026-11-29T10:00:00.123456Z", "by": "support", "changes": {"email": ["a@x.org", "b@x.org"]}},
        {"at": "2026-11-28T10:00:00Z", "by": "other", "changes": {"birth_date": [null, "1990-01-02"]}}])")
                         << true << 2;
    QTest::newRow("author gone") << QByteArray(R"([{"at": "2026-11-29T10:00:00Z", "by": null,
        "changes": {"last_name": ["A", "B"]}}])")
                                 << true << 1;
    QTest::newRow("unknown field skipped") << QByteArray(R"([{"at": "2026-11-29T10:00:00Z",
        "by": "s", "changes": {"nickname": ["a", "b"]}}])")
                                           << true << 1;
    QTest::newRow("an object is not a history") << QByteArray(R"({"results": []})") << false << 0;
    QTest::newRow("at missing") << QByteArray(R"([{"by": "s", "changes": {}}])") << false << 0;
    QTest::newRow("at garbage") << QByteArray(R"([{"at": "soon", "by": "s", "changes": {}}])")
                                << false << 0;
    QTest::newRow("by a number") << QByteArray(R"([{"at": "2026-11-29T10:00:00Z", "by": 3,
        "changes": {}}])") << false
                                 << 0;
    QTest::newRow("changes a list") << QByteArray(R"([{"at": "2026-11-29T10:00:00Z", "by": "s",
        "changes": ["email"]}])") << false
                                    << 0;
    QTest::newRow("a change not a pair") << QByteArray(R"([{"at": "2026-11-29T10:00:00Z",
        "by": "s", "changes": {"email": ["only one"]}}])")
                                         << false << 0;
    QTest::newRow("a value a number") << QByteArray(R"([{"at": "2026-11-29T10:00:00Z",
        "by": "s", "changes": {"email": [1, 2]}}])")
                                      << false << 0;
}

void tst_CustomerPage::history()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    const std::optional<QList<HistoryEntry>> entries = HistoryEntry::listFromJson(parse(json));
    QCOMPARE(entries.has_value(), valid);
    if (valid)
        QTEST(int(entries->size()), "entries");
}

void tst_CustomerPage::historyReadsChanges()
{
    const std::optional<QList<HistoryEntry>> entries = HistoryEntry::listFromJson(parse(R"([
        {"at": "2026-11-29T10:00:00Z", "by": "support",
         "changes": {"last_name": ["Old", "New"], "email": ["a@x.org", "b@x.org"],
                     "birth_date": ["1990-01-02", null]}}])"));
    QVERIFY(entries);
    const HistoryEntry &entry = entries->at(0);
    QCOMPARE(entry.author, QStringLiteral("support"));
    QCOMPARE(entry.at, QDateTime(QDate(2026, 11, 29), QTime(10, 0), Qt::UTC));
    // In the form's order (email, first name, last name, birth date), whatever the server's.
    QCOMPARE(entry.changes.size(), 3);
    QCOMPARE(entry.changes.at(0).field, CustomerField::Email);
    QCOMPARE(entry.changes.at(1).field, CustomerField::LastName);
    QCOMPARE(entry.changes.at(1).before, QStringLiteral("Old"));
    QCOMPARE(entry.changes.at(1).after, QStringLiteral("New"));
    QCOMPARE(entry.changes.at(2).field, CustomerField::BirthDate);
    QCOMPARE(entry.changes.at(2).before, QStringLiteral("1990-01-02"));
    QVERIFY(entry.changes.at(2).after.isEmpty());
}

QTEST_APPLESS_MAIN(tst_CustomerPage)
#include "tst_customerpage.moc"
