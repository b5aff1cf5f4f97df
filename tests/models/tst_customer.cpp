#include "customer.h"
#include "customerchanges.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using portal::AuthSession;
using portal::Customer;
using portal::CustomerChanges;

namespace portal {

// Readable QCOMPARE failures.
char *toString(const Customer &customer)
{
    return QTest::toString(QString::fromUtf8(QJsonDocument(customer.toJson()).toJson()));
}

} // namespace portal

namespace {

QJsonValue parse(const char *json)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json));
    if (document.isObject())
        return document.object();
    if (document.isArray())
        return document.array();
    // fromJson cannot read a bare scalar: wrap it.
    return QJsonDocument::fromJson("[" + QByteArray(json) + "]").array().at(0);
}

Customer alice()
{
    Customer customer;
    customer.id = 7;
    customer.username = QStringLiteral("alice");
    customer.email = QStringLiteral("alice@example.com");
    customer.firstName = QStringLiteral("Alice");
    customer.lastName = QStringLiteral("Anderson");
    customer.birthDate = QDate(1990, 4, 12);
    return customer;
}

Customer bare(qint64 id, const QString &username)
{
    Customer customer;
    customer.id = id;
    customer.username = username;
    return customer;
}

const char *const kAliceJson = R"({"id": 7, "username": "alice", "email": "alice@example.com",
    "first_name": "Alice", "last_name": "Anderson", "birth_date": "1990-04-12", "is_staff": false})";

} // namespace

class tst_Customer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromJson_data();
    void fromJson();
    void fromResponse_data();
    void fromResponse();
    void toJson();
    void toJsonNullBirthDate();
    void roundTrip_data();
    void roundTrip();
    void editableJson();
    void changedFields_data();
    void changedFields();
    void withChanges_data();
    void withChanges();
    void displayName_data();
    void displayName();
    void authSession_data();
    void authSession();
};

void tst_Customer::fromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<Customer>("expected");

    Customer staff = bare(2, QStringLiteral("support"));
    staff.isStaff = true;

    QTest::newRow("every field") << QByteArray(kAliceJson) << true << alice();
    QTest::newRow("unknown fields ignored")
        << QByteArray(R"({"id": 7, "username": "alice", "email": "alice@example.com",
            "first_name": "Alice", "last_name": "Anderson", "birth_date": "1990-04-12",
            "last_login": "2020-01-01T00:00:00Z", "groups": [1, 2], "extra": {"a": 1}})")
        << true << alice();
    Customer joined = bare(3, QStringLiteral("bob"));
    joined.dateJoined = QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5, 600), Qt::UTC);
    QTest::newRow("date_joined read")
        << QByteArray(R"({"id": 3, "username": "bob", "date_joined": "2020-01-02T03:04:05.600Z"})")
        << true << joined;
    QTest::newRow("date_joined null")
        << QByteArray(R"({"id": 3, "username": "bob", "date_joined": null})") << true
        << bare(3, QStringLiteral("bob"));
    QTest::newRow("date_joined garbage")
        << QByteArray(R"({"id": 3, "username": "bob", "date_joined": "yesterday"})") << false
        << Customer();
    QTest::newRow("only required fields")
        << QByteArray(R"({"id": 3, "username": "bob"})") << true << bare(3, QStringLiteral("bob"));
    QTest::newRow("is_staff absent is false")
        << QByteArray(R"({"id": 3, "username": "bob", "email": ""})") << true
        << bare(3, QStringLiteral("bob"));
    QTest::newRow("is_staff true")
        << QByteArray(R"({"id": 2, "username": "support", "is_staff": true})") << true << staff;
    QTest::newRow("null strings read as empty")
        << QByteArray(R"({"id": 3, "username": "bob", "email": null, "first_name": null})") << true
        << bare(3, QStringLiteral("bob"));
    QTest::newRow("birth_date null")
        << QByteArray(R"({"id": 3, "username": "bob", "birth_date": null})") << true
        << bare(3, QStringLiteral("bob"));
    QTest::newRow("birth_date empty string")
        << QByteArray(R"({"id": 3, "username": "bob", "birth_date": ""})") << true
        << bare(3, QStringLiteral("bob"));
    QTest::newRow("birth_date garbage")
        << QByteArray(R"({"id": 3, "username": "bob", "birth_date": "last spring"})") << false
        << Customer();
    QTest::newRow("birth_date impossible day")
        << QByteArray(R"({"id": 3, "username": "bob", "birth_date": "2023-02-30"})") << false
        << Customer();
    QTest::newRow("birth_date with time")
        << QByteArray(R"({"id": 3, "username": "bob", "birth_date": "1990-04-12T00:00:00"})")
        << false << Customer();
    QTest::newRow("birth_date number")
        << QByteArray(R"({"id": 3, "username": "bob", "birth_date": 19900412})") << false
        << Customer();
    QTest::newRow("id missing") << QByteArray(R"({"username": "bob"})") << false << Customer();
    QTest::newRow("id string") << QByteArray(R"({"id": "3", "username": "bob"})") << false
                               << Customer();
    QTest::newRow("id fractional")
        << QByteArray(R"({"id": 3.5, "username": "bob"})") << false << Customer();
    QTest::newRow("id zero") << QByteArray(R"({"id": 0, "username": "bob"})") << false
                             << Customer();
    QTest::newRow("username missing") << QByteArray(R"({"id": 3})") << false << Customer();
    QTest::newRow("username empty")
        << QByteArray(R"({"id": 3, "username": ""})") << false << Customer();
    QTest::newRow("username number")
        << QByteArray(R"({"id": 3, "username": 42})") << false << Customer();
    QTest::newRow("email number") << QByteArray(R"({"id": 3, "username": "bob", "email": 1})")
                                  << false << Customer();
    QTest::newRow("first_name array")
        << QByteArray(R"({"id": 3, "username": "bob", "first_name": ["Bob"]})") << false
        << Customer();
    QTest::newRow("is_staff string")
        << QByteArray(R"({"id": 3, "username": "bob", "is_staff": "yes"})") << false << Customer();
}

void tst_Customer::fromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QFETCH(Customer, expected);

    const std::optional<Customer> customer =
        Customer::fromJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(customer.has_value(), valid);
    if (valid)
        QCOMPARE(*customer, expected);
}

void tst_Customer::fromResponse_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");

    QTest::newRow("bare customer") << QByteArray(kAliceJson) << true;
    QTest::newRow("success wrapper")
        << (QByteArray(R"({"success": true, "message": "Profile updated", "data": )") + kAliceJson +
            "}")
        << true;
    QTest::newRow("wrapper without message")
        << (QByteArray(R"({"data": )") + kAliceJson + "}") << true;
    QTest::newRow("wrapper with invalid customer")
        << QByteArray(R"({"success": true, "data": {"id": "x", "username": "alice"}})") << false;
    QTest::newRow("wrapper with data not an object")
        << QByteArray(R"({"success": true, "data": "alice"})") << false;
    QTest::newRow("array") << (QByteArray("[") + kAliceJson + "]") << false;
    QTest::newRow("string") << QByteArray(R"("alice")") << false;
    QTest::newRow("null") << QByteArray("null") << false;
    QTest::newRow("empty object") << QByteArray("{}") << false;
}

void tst_Customer::fromResponse()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);

    const std::optional<Customer> customer = Customer::fromResponse(parse(json.constData()));
    QCOMPARE(customer.has_value(), valid);
    if (valid)
        QCOMPARE(*customer, alice());
}

void tst_Customer::toJson()
{
    const QJsonObject json = alice().toJson();
    QCOMPARE(json, QJsonDocument::fromJson(kAliceJson).object());
}

void tst_Customer::toJsonNullBirthDate()
{
    const QJsonObject json = bare(3, QStringLiteral("bob")).toJson();
    QVERIFY(json.contains(QLatin1String("birth_date")));
    QVERIFY(json.value(QLatin1String("birth_date")).isNull());
    QCOMPARE(json.value(QLatin1String("is_staff")), QJsonValue(false));
}

void tst_Customer::roundTrip_data()
{
    QTest::addColumn<Customer>("customer");

    Customer staff = alice();
    staff.isStaff = true;
    Customer unicode = bare(9, QStringLiteral("zoe"));
    unicode.firstName = QStringLiteral("Zoë");
    unicode.lastName = QStringLiteral("<b>Ørsted</b> & Co");

    QTest::newRow("full") << alice();
    QTest::newRow("staff") << staff;
    QTest::newRow("only required") << bare(3, QStringLiteral("bob"));
    QTest::newRow("unicode and markup") << unicode;
}

void tst_Customer::roundTrip()
{
    QFETCH(Customer, customer);
    const std::optional<Customer> back = Customer::fromJson(customer.toJson());
    QVERIFY(back);
    QCOMPARE(*back, customer);
}

void tst_Customer::editableJson()
{
    const QJsonObject json = alice().editableJson();
    QStringList keys = json.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("birth_date"), QStringLiteral("email"),
                                QStringLiteral("first_name"), QStringLiteral("last_name")}));
    QCOMPARE(json.value(QLatin1String("birth_date")).toString(), QStringLiteral("1990-04-12"));
    QVERIFY(
        bare(1, QStringLiteral("x")).editableJson().value(QLatin1String("birth_date")).isNull());
}

void tst_Customer::changedFields_data()
{
    QTest::addColumn<Customer>("before");
    QTest::addColumn<Customer>("after");
    QTest::addColumn<QByteArray>("expected");

    Customer email = alice();
    email.email = QStringLiteral("new@example.com");
    Customer names = alice();
    names.firstName = QStringLiteral("Al");
    names.lastName.clear();
    Customer noDate = alice();
    noDate.birthDate = QDate();
    Customer readOnly = alice();
    readOnly.id = 99;
    readOnly.username = QStringLiteral("mallory");
    readOnly.isStaff = true;

    QTest::newRow("nothing changed") << alice() << alice() << QByteArray("{}");
    QTest::newRow("email") << alice() << email << QByteArray(R"({"email": "new@example.com"})");
    QTest::newRow("both names") << alice() << names
                                << QByteArray(R"({"first_name": "Al", "last_name": ""})");
    QTest::newRow("birth date cleared")
        << alice() << noDate << QByteArray(R"({"birth_date": null})");
    QTest::newRow("birth date set")
        << noDate << alice() << QByteArray(R"({"birth_date": "1990-04-12"})");
    QTest::newRow("read-only fields ignored") << alice() << readOnly << QByteArray("{}");
}

void tst_Customer::changedFields()
{
    QFETCH(Customer, before);
    QFETCH(Customer, after);
    QFETCH(QByteArray, expected);
    QCOMPARE(CustomerChanges::between(before, after).toJson(),
             QJsonDocument::fromJson(expected).object());
}

void tst_Customer::withChanges_data()
{
    QTest::addColumn<QByteArray>("changes");
    QTest::addColumn<Customer>("expected");

    Customer email = alice();
    email.email = QStringLiteral("new@example.com");
    Customer noDate = alice();
    noDate.birthDate = QDate();
    Customer newDate = alice();
    newDate.birthDate = QDate(2001, 12, 31);
    Customer names = alice();
    names.firstName = QStringLiteral("Al");
    names.lastName.clear();

    QTest::newRow("no changes") << QByteArray("{}") << alice();
    QTest::newRow("email") << QByteArray(R"({"email": "new@example.com"})") << email;
    QTest::newRow("names") << QByteArray(R"({"first_name": "Al", "last_name": ""})") << names;
    QTest::newRow("birth date null clears") << QByteArray(R"({"birth_date": null})") << noDate;
    QTest::newRow("birth date set") << QByteArray(R"({"birth_date": "2001-12-31"})") << newDate;
    QTest::newRow("read-only and unknown keys ignored")
        << QByteArray(R"({"id": 99, "username": "mallory", "is_staff": true, "x": 1})") << alice();
}

void tst_Customer::withChanges()
{
    QFETCH(QByteArray, changes);
    QFETCH(Customer, expected);
    const Customer result =
        CustomerChanges::fromJson(QJsonDocument::fromJson(changes).object()).appliedTo(alice());
    QCOMPARE(result, expected);
    // Applying what changed gives back the same customer.
    QCOMPARE(CustomerChanges::between(alice(), expected).appliedTo(alice()), expected);
}

void tst_Customer::displayName_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<QString>("expected");

    QTest::newRow("both names") << QStringLiteral("Alice") << QStringLiteral("Anderson")
                                << QStringLiteral("Alice Anderson");
    QTest::newRow("first only") << QStringLiteral("Alice") << QString() << QStringLiteral("Alice");
    QTest::newRow("last only") << QString() << QStringLiteral("Anderson")
                               << QStringLiteral("Anderson");
    QTest::newRow("no names: username") << QString() << QString() << QStringLiteral("alice");
}

void tst_Customer::displayName()
{
    QFETCH(QString, first);
    QFETCH(QString, last);
    QFETCH(QString, expected);
    Customer customer = bare(1, QStringLiteral("alice"));
    customer.firstName = first;
    customer.lastName = last;
    QCOMPARE(customer.displayName(), expected);
}

void tst_Customer::authSession_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");

    QTest::newRow("token and customer")
        << (QByteArray(R"({"token": "abc123", "customer": )") + kAliceJson + "}") << true;
    QTest::newRow("extra fields")
        << (QByteArray(R"({"token": "abc123", "expires": null, "customer": )") + kAliceJson + "}")
        << true;
    QTest::newRow("token missing") << (QByteArray(R"({"customer": )") + kAliceJson + "}") << false;
    QTest::newRow("token empty") << (QByteArray(R"({"token": "", "customer": )") + kAliceJson + "}")
                                 << false;
    QTest::newRow("token number") << (QByteArray(R"({"token": 123, "customer": )") + kAliceJson +
                                      "}")
                                  << false;
    QTest::newRow("customer missing") << QByteArray(R"({"token": "abc123"})") << false;
    QTest::newRow("customer invalid")
        << QByteArray(R"({"token": "abc123", "customer": {"username": "alice"}})") << false;
    QTest::newRow("not an object") << QByteArray(R"(["abc123"])") << false;
}

void tst_Customer::authSession()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    const std::optional<AuthSession> session = AuthSession::fromJson(parse(json.constData()));
    QCOMPARE(session.has_value(), valid);
    if (valid) {
        QCOMPARE(session->token, QStringLiteral("abc123"));
        QCOMPARE(session->customer, alice());
    }
}

QTEST_APPLESS_MAIN(tst_Customer)

#include "tst_customer.moc"
