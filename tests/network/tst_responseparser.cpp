#include "responseparser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace portal;

Q_DECLARE_METATYPE(portal::ErrorKind)
Q_DECLARE_METATYPE(portal::RequestRole)

namespace {

const QDateTime kNow = QDateTime(QDate(2024, 3, 1), QTime(12, 0, 0), Qt::UTC);

RawResponse http(int status, const QByteArray &body,
                 const QByteArray &contentType = "application/json")
{
    RawResponse raw;
    raw.httpStatus = status;
    raw.body = body;
    raw.contentType = contentType;
    raw.server = QStringLiteral("portal.example.com");
    return raw;
}

// "field=first|second;other=..." with the fields sorted: one comparable string per table cell.
QString describeFields(const QHash<QString, QStringList> &fields)
{
    QStringList keys = fields.keys();
    keys.sort();
    QStringList parts;
    for (const QString &key : std::as_const(keys))
        parts.append(key + QLatin1Char('=') + fields.value(key).join(QLatin1Char('|')));
    return parts.join(QLatin1Char(';'));
}

ApiError errorFrom(const RawResponse &raw, RequestRole role)
{
    const ApiResult result = interpretResponse(raw, role, kNow);
    if (result.ok())
        return ApiError{}; // BadResponse with status 0: the comparisons below then fail clearly.
    return result.error();
}

} // namespace

class tst_ResponseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void errorBodies_data();
    void errorBodies();
    void successBodies_data();
    void successBodies();
    void badSuccessBodies_data();
    void badSuccessBodies();
    void transportFailures_data();
    void transportFailures();
    void bodyShorterThanDeclared_data();
    void bodyShorterThanDeclared();
    void preconditionFailedKeepsCurrentResource();
    void retryAfter_data();
    void retryAfter();
    void rateLimitedCarriesRetryAfter();
    void certificateProblemsAndOversizedBodies_data();
    void certificateProblemsAndOversizedBodies();
    void endsSession_data();
    void endsSession();
    void htmlNeverReachesTheUser();
};

void tst_ResponseParser::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_ResponseParser::errorBodies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<RequestRole>("role");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("serverMessage");
    QTest::addColumn<QString>("fields");
    QTest::addColumn<QStringList>("nonField");

    using R = RequestRole;
    using K = ErrorKind;
    const QByteArray detailToken = R"({"detail": "Invalid token."})";
    const QByteArray detailPerm =
        R"({"detail": "You do not have permission to perform this action."})";
    const QByteArray serializer =
        R"({"email": ["Enter a valid email address."], "birth_date": ["Birth date cannot be in the future.", "Second."], "non_field_errors": ["Both names are needed."]})";
    const QByteArray badLogin =
        R"({"non_field_errors": ["Unable to log in with provided credentials."]})";
    const QByteArray jwt =
        R"({"detail": "Given token not valid for any token type", "code": "token_not_valid", "messages": [{"token_class": "AccessToken", "token_type": "access", "message": "Token is invalid or expired"}]})";
    const QString tokenMsg = QStringLiteral("Invalid token.");
    const QString permMsg = QStringLiteral("You do not have permission to perform this action.");
    const QString none;
    const QStringList noList;

    // Shape 1: {"detail"} across statuses and roles.
    QTest::newRow("detail 401 authenticated")
        << 401 << R::Authenticated << detailToken << K::Unauthorized << tokenMsg << none << noList;
    QTest::newRow("detail 401 profile")
        << 401 << R::ProfileRead << detailToken << K::Unauthorized << tokenMsg << none << noList;
    QTest::newRow("detail 401 logout")
        << 401 << R::Logout << detailToken << K::Unauthorized << tokenMsg << none << noList;
    QTest::newRow("detail 401 credentials") << 401 << R::Credentials << detailToken
                                            << K::InvalidCredentials << tokenMsg << none << noList;
    QTest::newRow("detail 403 authenticated")
        << 403 << R::Authenticated << detailPerm << K::Forbidden << permMsg << none << noList;
    QTest::newRow("detail 403 profile")
        << 403 << R::ProfileRead << detailPerm << K::Unauthorized << permMsg << none << noList;
    QTest::newRow("detail 403 logout")
        << 403 << R::Logout << detailPerm << K::Forbidden << permMsg << none << noList;
    QTest::newRow("detail 403 credentials")
        << 403 << R::Credentials << detailPerm << K::Forbidden << permMsg << none << noList;
    QTest::newRow("detail 404") << 404 << R::Authenticated
                                << QByteArray(R"({"detail": "Not found."})") << K::NotFound
                                << QStringLiteral("Not found.") << none << noList;
    QTest::newRow("detail 428") << 428 << R::Authenticated
                                << QByteArray(R"({"detail": "Needs If-Match."})")
                                << K::PreconditionRequired << QStringLiteral("Needs If-Match.")
                                << none << noList;
    QTest::newRow("detail 429") << 429 << R::Credentials
                                << QByteArray(R"({"detail": "Request was throttled."})")
                                << K::RateLimited << QStringLiteral("Request was throttled.")
                                << none << noList;
    QTest::newRow("detail 500") << 500 << R::Authenticated << QByteArray(R"({"detail": "Boom."})")
                                << K::Server << QStringLiteral("Boom.") << none << noList;
    QTest::newRow("detail as list")
        << 400 << R::Authenticated << QByteArray(R"({"detail": ["First.", "Second."]})")
        << K::Validation << QStringLiteral("First.") << none << noList;
    QTest::newRow("detail wrong type") << 403 << R::Authenticated << QByteArray(R"({"detail": 42})")
                                       << K::Forbidden << none << none << noList;

    // Shape 2: serializer errors.
    const QString serializerFields =
        QStringLiteral("birth_date=Birth date cannot be in the future.|Second.;email=Enter a valid "
                       "email address.");
    QTest::newRow("serializer 400 authenticated")
        << 400 << R::Authenticated << serializer << K::Validation << none << serializerFields
        << QStringList{QStringLiteral("Both names are needed.")};
    QTest::newRow("serializer 400 register")
        << 400 << R::Credentials << serializer << K::Validation << none << serializerFields
        << QStringList{QStringLiteral("Both names are needed.")};
    QTest::newRow("serializer 400 registration")
        << 400 << R::Registration << serializer << K::Validation << none << serializerFields
        << QStringList{QStringLiteral("Both names are needed.")};
    QTest::newRow("non-field only 400 registration")
        << 400 << R::Registration << badLogin << K::Validation << none << none
        << QStringList{QStringLiteral("Unable to log in with provided credentials.")};
    QTest::newRow("non-field only 400 login")
        << 400 << R::Credentials << badLogin << K::InvalidCredentials << none << none
        << QStringList{QStringLiteral("Unable to log in with provided credentials.")};
    QTest::newRow("non-field only 400 authenticated")
        << 400 << R::Authenticated << badLogin << K::Validation << none << none
        << QStringList{QStringLiteral("Unable to log in with provided credentials.")};
    QTest::newRow("field as plain string")
        << 400 << R::Authenticated << QByteArray(R"({"email": "Enter a valid email address."})")
        << K::Validation << none << QStringLiteral("email=Enter a valid email address.") << noList;
    QTest::newRow("nested field") << 400 << R::Authenticated
                                  << QByteArray(
                                         R"({"address": {"city": ["Required."], "zip": "Bad."}})")
                                  << K::Validation << none
                                  << QStringLiteral("address.city=Required.;address.zip=Bad.")
                                  << noList;
    QTest::newRow("list of objects")
        << 400 << R::Authenticated << QByteArray(R"({"phones": [{}, {"number": ["Too short."]}]})")
        << K::Validation << none << QStringLiteral("phones=Too short.") << noList;
    QTest::newRow("django __all__")
        << 400 << R::Authenticated << QByteArray(R"({"__all__": ["Clash."]})") << K::Validation
        << none << none << QStringList{QStringLiteral("Clash.")};
    QTest::newRow("top-level list")
        << 400 << R::Authenticated << QByteArray(R"(["Not allowed now."])") << K::Validation << none
        << none << QStringList{QStringLiteral("Not allowed now.")};
    QTest::newRow("field wrong type") << 400 << R::Authenticated << QByteArray(R"({"email": 7})")
                                      << K::Validation << none << none << noList;

    // Shape 3: {"error": "..."}.
    QTest::newRow("error 400 login")
        << 400 << R::Credentials << QByteArray(R"({"error": "Invalid credentials"})")
        << K::InvalidCredentials << QStringLiteral("Invalid credentials") << none << noList;
    QTest::newRow("error 401 login")
        << 401 << R::Credentials << QByteArray(R"({"error": "Invalid credentials"})")
        << K::InvalidCredentials << QStringLiteral("Invalid credentials") << none << noList;
    QTest::newRow("error 400 registration")
        << 400 << R::Registration << QByteArray(R"({"error": "Username already exists."})")
        << K::Validation << QStringLiteral("Username already exists.") << none << noList;
    QTest::newRow("error 401 registration")
        << 401 << R::Registration << QByteArray(R"({"error": "Invalid credentials"})")
        << K::InvalidCredentials << QStringLiteral("Invalid credentials") << none << noList;
    QTest::newRow("error 400 authenticated")
        << 400 << R::Authenticated << QByteArray(R"({"error": "Bad input"})") << K::Validation
        << QStringLiteral("Bad input") << none << noList;
    QTest::newRow("error 500") << 500 << R::Authenticated
                               << QByteArray(R"({"error": "Database down"})") << K::Server
                               << QStringLiteral("Database down") << none << noList;

    // Shape 4: the seed's envelope around shapes 1, 2 and a string.
    QTest::newRow("envelope detail 401")
        << 401 << R::Authenticated
        << QByteArray(
               R"({"error": true, "message": "An error occurred", "details": {"detail": "Invalid token."}, "status_code": 401})")
        << K::Unauthorized << tokenMsg << none << noList;
    QTest::newRow("envelope serializer 400")
        << 400 << R::Credentials
        << QByteArray(
               R"({"error": true, "message": "An error occurred", "details": {"email": ["Taken."]}, "status_code": 400})")
        << K::Validation << none << QStringLiteral("email=Taken.") << noList;
    QTest::newRow("envelope non-field login")
        << 400 << R::Credentials
        << QByteArray(
               R"({"error": true, "message": "An error occurred", "details": {"non_field_errors": ["Unable to log in."]}, "status_code": 400})")
        << K::InvalidCredentials << none << none
        << QStringList{QStringLiteral("Unable to log in.")};
    QTest::newRow("envelope non-field registration")
        << 400 << R::Registration
        << QByteArray(
               R"({"error": true, "message": "An error occurred", "details": {"non_field_errors": ["Taken."]}, "status_code": 400})")
        << K::Validation << none << none << QStringList{QStringLiteral("Taken.")};
    // The seed's update_profile view builds the envelope itself, without "status_code".
    QTest::newRow("seed update_profile validation")
        << 400 << R::Authenticated
        << QByteArray(
               R"({"error": true, "message": "Validation failed", "details": {"email": ["Enter a valid email address."]}})")
        << K::Validation << none << QStringLiteral("email=Enter a valid email address.") << noList;
    QTest::newRow("seed update_profile 500")
        << 500 << R::Authenticated
        << QByteArray(
               R"({"error": true, "message": "An unexpected error occurred", "details": "Internal server error"})")
        << K::Server << QStringLiteral("Internal server error") << none << noList;
    QTest::newRow("envelope string details")
        << 503 << R::Authenticated
        << QByteArray(
               R"({"error": true, "message": "An error occurred", "details": "Maintenance.", "status_code": 503})")
        << K::Server << QStringLiteral("Maintenance.") << none << noList;
    QTest::newRow("envelope empty details")
        << 403 << R::Authenticated
        << QByteArray(
               R"({"error": true, "message": "An error occurred", "details": {}, "status_code": 403})")
        << K::Forbidden << QStringLiteral("An error occurred") << none << noList;

    // Shape 5: simplejwt.
    QTest::newRow("simplejwt token_not_valid")
        << 401 << R::Authenticated << jwt << K::Unauthorized
        << QStringLiteral("Given token not valid for any token type") << none << noList;
    QTest::newRow("simplejwt bad credentials")
        << 401 << R::Credentials
        << QByteArray(R"({"detail": "No active account found with the given credentials"})")
        << K::InvalidCredentials
        << QStringLiteral("No active account found with the given credentials") << none << noList;
    // A refresh refused in any way (expired, blacklisted, malformed, missing): the session is over.
    QTest::newRow("simplejwt refresh 401")
        << 401 << R::Renewal
        << QByteArray(R"({"detail": "Token is blacklisted", "code": "token_not_valid"})")
        << K::Unauthorized << QStringLiteral("Token is blacklisted") << none << noList;
    QTest::newRow("simplejwt refresh 400")
        << 400 << R::Renewal << QByteArray(R"({"refresh": ["This field may not be blank."]})")
        << K::Unauthorized << none << QStringLiteral("refresh=This field may not be blank.")
        << noList;
    QTest::newRow("simplejwt refresh 403")
        << 403 << R::Renewal << detailPerm << K::Unauthorized << permMsg << none << noList;

    // Shape 6: not JSON, or not the JSON expected.
    QTest::newRow("html 502") << 502 << R::Authenticated
                              << QByteArray("<html><body><h1>502 Bad Gateway</h1></body></html>")
                              << K::Server << none << none << noList;
    QTest::newRow("empty 500") << 500 << R::Authenticated << QByteArray() << K::Server << none
                               << none << noList;
    QTest::newRow("truncated 400") << 400 << R::Authenticated << QByteArray(R"({"email": ["Ent)")
                                   << K::Validation << none << none << noList;
    QTest::newRow("html 401 login") << 401 << R::Credentials << QByteArray("<h1>Unauthorized</h1>")
                                    << K::InvalidCredentials << none << none << noList;
    QTest::newRow("json string body") << 500 << R::Authenticated << QByteArray(R"("oops")")
                                      << K::Server << none << none << noList;
    // Found by tests/fuzz: the 500-character cap cut an emoji in half (invalid UTF-16).
    QTest::newRow("long detail cut before an emoji")
        << 503 << R::Authenticated
        << QByteArray(R"({"detail": ")" + QByteArray(498, 'a') + "\xF0\x9F\x99\x82 more\"}")
        << K::Server << QString(QString(498, QLatin1Char('a')) + QChar(0x2026)) << none << noList;

    // Statuses nobody expects.
    QTest::newRow("405") << 405 << R::Authenticated
                         << QByteArray(R"({"detail": "Method \"PUT\" not allowed."})") << K::Server
                         << QStringLiteral("Method \"PUT\" not allowed.") << none << noList;
    QTest::newRow("418") << 418 << R::Authenticated << QByteArray() << K::Server << none << none
                         << noList;
    QTest::newRow("unfollowed 302")
        << 302 << R::Authenticated << QByteArray() << K::Server << none << none << noList;
}

void tst_ResponseParser::errorBodies()
{
    QFETCH(int, status);
    QFETCH(RequestRole, role);
    QFETCH(QByteArray, body);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, serverMessage);
    QFETCH(QString, fields);
    QFETCH(QStringList, nonField);

    const ApiResult result = interpretResponse(http(status, body), role, kNow);
    QVERIFY(!result.ok());
    const ApiError &error = result.error();
    QCOMPARE(errorKindName(error.kind), errorKindName(kind));
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.serverMessage, serverMessage);
    QCOMPARE(describeFields(error.fieldErrors), fields);
    QCOMPARE(error.nonFieldErrors, nonField);
    QVERIFY(!error.userMessage().isEmpty());
}

void tst_ResponseParser::successBodies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<RequestRole>("role");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QJsonValue>("json");

    const QJsonObject customer{{QStringLiteral("id"), 1},
                               {QStringLiteral("username"), QStringLiteral("alice")}};
    const QJsonObject session{{QStringLiteral("token"), QStringLiteral("abc")},
                              {QStringLiteral("customer"), customer}};
    const QJsonObject wrapper{{QStringLiteral("success"), true},
                              {QStringLiteral("message"), QStringLiteral("Saved")},
                              {QStringLiteral("data"), customer}};
    using R = RequestRole;

    QTest::newRow("profile object")
        << 200 << R::ProfileRead << QByteArray(R"({"id": 1, "username": "alice"})")
        << QJsonValue(customer);
    QTest::newRow("profile wrapper")
        << 200 << R::Authenticated
        << QByteArray(
               R"({"success": true, "message": "Saved", "data": {"id": 1, "username": "alice"}})")
        << QJsonValue(wrapper);
    QTest::newRow("login session")
        << 200 << R::Credentials
        << QByteArray(R"({"token": "abc", "customer": {"id": 1, "username": "alice"}})")
        << QJsonValue(session);
    QTest::newRow("register 201")
        << 201 << R::Registration
        << QByteArray(R"({"token": "abc", "customer": {"id": 1, "username": "alice"}})")
        << QJsonValue(session);
    QTest::newRow("djoser login") << 200 << R::Credentials << QByteArray(R"({"auth_token": "abc"})")
                                  << QJsonValue(QJsonObject{
                                         {QStringLiteral("auth_token"), QStringLiteral("abc")}});
    // Djoser's registration answers the new user, without a token: signing in comes next.
    QTest::newRow("djoser register 201")
        << 201 << R::Registration << QByteArray(R"({"id": 1, "username": "alice"})")
        << QJsonValue(customer);
    QTest::newRow("jwt pair") << 200 << R::Credentials
                              << QByteArray(R"({"access": "a", "refresh": "r"})")
                              << QJsonValue(
                                     QJsonObject{{QStringLiteral("access"), QStringLiteral("a")},
                                                 {QStringLiteral("refresh"), QStringLiteral("r")}});
    QTest::newRow("jwt refresh") << 200 << R::Renewal << QByteArray(R"({"access": "a2"})")
                                 << QJsonValue(QJsonObject{
                                        {QStringLiteral("access"), QStringLiteral("a2")}});
    QTest::newRow("logout success") << 200 << R::Logout << QByteArray(R"({"success": true})")
                                    << QJsonValue(QJsonObject{{QStringLiteral("success"), true}});
    QTest::newRow("logout 204") << 204 << R::Logout << QByteArray() << QJsonValue();
    QTest::newRow("logout empty 200") << 200 << R::Logout << QByteArray() << QJsonValue();
    QTest::newRow("logout whitespace 200")
        << 200 << R::Logout << QByteArray("\r\n") << QJsonValue();
    QTest::newRow("authenticated 204") << 204 << R::Authenticated << QByteArray() << QJsonValue();
    QTest::newRow("history array")
        << 200 << R::Authenticated << QByteArray(R"([{"at": "2024-01-01"}])")
        << QJsonValue(
               QJsonArray{QJsonObject{{QStringLiteral("at"), QStringLiteral("2024-01-01")}}});
}

void tst_ResponseParser::successBodies()
{
    QFETCH(int, status);
    QFETCH(RequestRole, role);
    QFETCH(QByteArray, body);
    QFETCH(QJsonValue, json);

    RawResponse raw = http(status, body);
    raw.etag = "\"v1\"";
    const ApiResult result = interpretResponse(raw, role, kNow);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().technicalDetail));
    QCOMPARE(result.value().httpStatus, status);
    QCOMPARE(result.value().json, json);
    QCOMPARE(result.value().etag, QByteArray("\"v1\""));
}

void tst_ResponseParser::badSuccessBodies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<RequestRole>("role");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");

    using R = RequestRole;
    const QByteArray json = "application/json";
    QTest::newRow("html page")
        << 200 << R::ProfileRead
        << QByteArray("<!DOCTYPE html><html><body>Sign in to the Wi-Fi</body></html>")
        << QByteArray("text/html");
    QTest::newRow("garbage") << 200 << R::Authenticated << QByteArray("\x00\xff garbage", 10)
                             << QByteArray();
    QTest::newRow("truncated json")
        << 200 << R::ProfileRead << QByteArray(R"({"id": 1, "user)") << json;
    QTest::newRow("empty profile") << 200 << R::ProfileRead << QByteArray() << json;
    QTest::newRow("empty login") << 200 << R::Credentials << QByteArray() << json;
    QTest::newRow("204 login") << 204 << R::Credentials << QByteArray() << json;
    QTest::newRow("empty authenticated 200") << 200 << R::Authenticated << QByteArray() << json;
    QTest::newRow("profile is array") << 200 << R::ProfileRead << QByteArray("[]") << json;
    QTest::newRow("login without token")
        << 200 << R::Credentials << QByteArray(R"({"customer": {"id": 1}})") << json;
    QTest::newRow("login token number")
        << 200 << R::Credentials << QByteArray(R"({"token": 42})") << json;
    QTest::newRow("login token empty")
        << 200 << R::Credentials << QByteArray(R"({"token": ""})") << json;
    QTest::newRow("register is array")
        << 201 << R::Registration << QByteArray(R"([{"id": 1}])") << json;
    QTest::newRow("djoser login token number")
        << 200 << R::Credentials << QByteArray(R"({"auth_token": 42})") << json;
    QTest::newRow("login is array") << 200 << R::Credentials << QByteArray(R"(["token"])") << json;
    QTest::newRow("scalar body") << 200 << R::Authenticated << QByteArray("42") << json;
    QTest::newRow("refresh without access")
        << 200 << R::Renewal << QByteArray(R"({"refresh": "r2"})") << json;
    QTest::newRow("refresh access empty")
        << 200 << R::Renewal << QByteArray(R"({"access": ""})") << json;
    QTest::newRow("string body") << 200 << R::Authenticated << QByteArray(R"("ok")") << json;
}

void tst_ResponseParser::badSuccessBodies()
{
    QFETCH(int, status);
    QFETCH(RequestRole, role);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);

    const ApiError error = errorFrom(http(status, body, contentType), role);
    QCOMPARE(errorKindName(error.kind), errorKindName(ErrorKind::BadResponse));
    QCOMPARE(error.httpStatus, status);
    QVERIFY(!error.technicalDetail.isEmpty());
}

void tst_ResponseParser::transportFailures_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("networkError");
    QTest::addColumn<bool>("timedOut");
    QTest::addColumn<ErrorKind>("kind");

    using E = QNetworkReply;
    QTest::newRow("refused") << 0 << int(E::ConnectionRefusedError) << false << ErrorKind::Network;
    QTest::newRow("host not found")
        << 0 << int(E::HostNotFoundError) << false << ErrorKind::Network;
    QTest::newRow("closed before answer")
        << 0 << int(E::RemoteHostClosedError) << false << ErrorKind::Network;
    QTest::newRow("tls handshake")
        << 0 << int(E::SslHandshakeFailedError) << false << ErrorKind::TlsFailure;
    QTest::newRow("proxy wants credentials") << 407 << int(E::ProxyAuthenticationRequiredError)
                                             << false << ErrorKind::ProxyAuthenticationRequired;
    QTest::newRow("connect timeout") << 0 << int(E::TimeoutError) << false << ErrorKind::Network;
    QTest::newRow("transfer timeout")
        << 0 << int(E::OperationCanceledError) << true << ErrorKind::Timeout;
    QTest::newRow("timeout after headers")
        << 200 << int(E::OperationCanceledError) << true << ErrorKind::Timeout;
    QTest::newRow("user abort") << 0 << int(E::OperationCanceledError) << false
                                << ErrorKind::Cancelled;
    QTest::newRow("blocked redirect")
        << 302 << int(E::InsecureRedirectError) << false << ErrorKind::RedirectBlocked;
    QTest::newRow("200 cut off") << 200 << int(E::RemoteHostClosedError) << false
                                 << ErrorKind::Network;
    QTest::newRow("401 with qt error")
        << 401 << int(E::AuthenticationRequiredError) << false << ErrorKind::Unauthorized;
    QTest::newRow("404 with qt error")
        << 404 << int(E::ContentNotFoundError) << false << ErrorKind::NotFound;
}

void tst_ResponseParser::transportFailures()
{
    QFETCH(int, status);
    QFETCH(int, networkError);
    QFETCH(bool, timedOut);
    QFETCH(ErrorKind, kind);

    RawResponse raw = http(status, R"({"id": 1})");
    raw.networkError = QNetworkReply::NetworkError(networkError);
    raw.networkErrorString = QStringLiteral("qt says something");
    raw.timedOut = timedOut;
    raw.server = QStringLiteral("127.0.0.1:9");
    raw.redirectTarget = QStringLiteral("http://127.0.0.1:10");
    const ApiError error = errorFrom(raw, RequestRole::Authenticated);
    QCOMPARE(errorKindName(error.kind), errorKindName(kind));
    QCOMPARE(error.server, QStringLiteral("127.0.0.1:9"));
    if (kind == ErrorKind::RedirectBlocked)
        QCOMPARE(error.redirectTarget, QStringLiteral("http://127.0.0.1:10"));
    if (kind == ErrorKind::TlsFailure) // A handshake failure that named no certificate problem.
        QCOMPARE(int(error.tlsProblem), int(TlsProblem::Other));
}

void tst_ResponseParser::bodyShorterThanDeclared_data()
{
    QTest::addColumn<qint64>("declared");
    QTest::addColumn<bool>("cutOff");
    const QByteArray body = R"({"id": 1})";
    QTest::newRow("no Content-Length") << qint64(-1) << false;
    QTest::newRow("all of it") << qint64(body.size()) << false;
    QTest::newRow("one byte short") << qint64(body.size() + 1) << true;
    // Half of a well-formed answer that happens to parse is still cut off.
    QTest::newRow("twice as long") << qint64(2 * body.size()) << true;
}

void tst_ResponseParser::bodyShorterThanDeclared()
{
    // Qt at times finishes a reply cut off by a reset mid-body without an error; the declared
    // length tells: a failure of the connection (Network), not a garbled answer (BadResponse).
    QFETCH(qint64, declared);
    QFETCH(bool, cutOff);
    RawResponse raw = http(200, R"({"id": 1})");
    raw.declaredLength = declared;
    const ApiResult result = interpretResponse(raw, RequestRole::Authenticated, kNow);
    QCOMPARE(!result.ok(), cutOff);
    if (cutOff)
        QCOMPARE(errorKindName(result.error().kind), errorKindName(ErrorKind::Network));
}

void tst_ResponseParser::certificateProblemsAndOversizedBodies_data()
{
    QTest::addColumn<TlsProblem>("problem");
    QTest::addColumn<bool>("tooLarge");
    QTest::addColumn<ErrorKind>("kind");
    QTest::newRow("untrusted") << TlsProblem::Untrusted << false << ErrorKind::TlsFailure;
    QTest::newRow("name mismatch") << TlsProblem::NameMismatch << false << ErrorKind::TlsFailure;
    QTest::newRow("expired") << TlsProblem::Expired << false << ErrorKind::TlsFailure;
    QTest::newRow("too large") << TlsProblem::None << true << ErrorKind::ResponseTooLarge;
}

void tst_ResponseParser::certificateProblemsAndOversizedBodies()
{
    QFETCH(TlsProblem, problem);
    QFETCH(bool, tooLarge);
    QFETCH(ErrorKind, kind);
    // Both end the transfer as an abort would: never read as a timeout or a plain network error.
    RawResponse raw = http(0, {});
    raw.networkError = QNetworkReply::OperationCanceledError;
    raw.tlsProblem = problem;
    raw.tooLarge = tooLarge;
    const ApiError error = errorFrom(raw, RequestRole::Authenticated);
    QCOMPARE(errorKindName(error.kind), errorKindName(kind));
    QCOMPARE(int(error.tlsProblem), int(problem));
}

void tst_ResponseParser::preconditionFailedKeepsCurrentResource()
{
    RawResponse raw = http(412, R"({"id": 7, "username": "bob", "email": "new@example.com"})");
    raw.etag = "\"current\"";
    const ApiError error = errorFrom(raw, RequestRole::Authenticated);
    QCOMPARE(errorKindName(error.kind), errorKindName(ErrorKind::Conflict));
    QCOMPARE(error.etag, QByteArray("\"current\""));
    QCOMPARE(error.body.value(QLatin1String("email")).toString(),
             QStringLiteral("new@example.com"));
    QVERIFY(error.userMessage().startsWith(QLatin1String("Someone else changed this first")));
}

void tst_ResponseParser::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("seconds");

    QTest::newRow("seconds") << QByteArray("7") << 7;
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("spaces") << QByteArray(" 12 ") << 12;
    QTest::newRow("large") << QByteArray("86400") << 86400;
    QTest::newRow("negative") << QByteArray("-5") << -1;
    QTest::newRow("fraction") << QByteArray("1.5") << -1;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
    QTest::newRow("absent") << QByteArray() << -1;
    QTest::newRow("http date ahead") << QByteArray("Fri, 01 Mar 2024 12:00:30 GMT") << 30;
    QTest::newRow("http date next day") << QByteArray("Sat, 02 Mar 2024 12:00:00 GMT") << 86400;
    QTest::newRow("http date past") << QByteArray("Fri, 01 Mar 2024 11:00:00 GMT") << 0;
    QTest::newRow("broken date") << QByteArray("Fri, 99 Mar 2024 12:00:30 GMT") << -1;
}

void tst_ResponseParser::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(int, seconds);

    QCOMPARE(parseRetryAfter(value, kNow), seconds);
}

void tst_ResponseParser::rateLimitedCarriesRetryAfter()
{
    RawResponse raw =
        http(429, R"({"detail": "Request was throttled. Expected available in 7 seconds."})");
    raw.retryAfter = "7";
    const ApiError error = errorFrom(raw, RequestRole::Credentials);
    QCOMPARE(errorKindName(error.kind), errorKindName(ErrorKind::RateLimited));
    QCOMPARE(error.retryAfterSeconds, 7);
    QCOMPARE(error.userMessage(), QStringLiteral("Too many attempts. Try again in 7 seconds."));
}

void tst_ResponseParser::endsSession_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<RequestRole>("role");
    QTest::addColumn<bool>("ends");

    using R = RequestRole;
    QTest::newRow("401 authenticated") << 401 << R::Authenticated << true;
    QTest::newRow("401 profile") << 401 << R::ProfileRead << true;
    QTest::newRow("401 logout") << 401 << R::Logout << false;
    QTest::newRow("401 renewal") << 401 << R::Renewal << true;
    QTest::newRow("400 renewal") << 400 << R::Renewal << true;
    QTest::newRow("401 credentials") << 401 << R::Credentials << false;
    QTest::newRow("401 registration") << 401 << R::Registration << false;
    QTest::newRow("403 registration") << 403 << R::Registration << false;
    QTest::newRow("403 profile") << 403 << R::ProfileRead << true;
    QTest::newRow("403 authenticated") << 403 << R::Authenticated << false;
    QTest::newRow("403 logout") << 403 << R::Logout << false;
    QTest::newRow("403 credentials") << 403 << R::Credentials << false;
    QTest::newRow("400 authenticated") << 400 << R::Authenticated << false;
    QTest::newRow("404 profile") << 404 << R::ProfileRead << false;
    QTest::newRow("429 profile") << 429 << R::ProfileRead << false;
    QTest::newRow("500 profile") << 500 << R::ProfileRead << false;
    QTest::newRow("no answer profile") << 0 << R::ProfileRead << false;
}

void tst_ResponseParser::endsSession()
{
    QFETCH(int, status);
    QFETCH(RequestRole, role);
    QFETCH(bool, ends);

    RawResponse raw = http(status, R"({"detail": "Invalid token."})");
    if (status == 0)
        raw.networkError = QNetworkReply::ConnectionRefusedError;
    QCOMPARE(portal::endsSession(errorFrom(raw, role), role), ends);
}

void tst_ResponseParser::htmlNeverReachesTheUser()
{
    const QByteArray page =
        "<html><head><title>502</title></head><body><script>x()</script></body></html>";
    for (const int status : {400, 403, 404, 500, 502}) {
        const ApiError error =
            errorFrom(http(status, page, "text/html"), RequestRole::Authenticated);
        QVERIFY2(!error.userMessage().contains(QLatin1Char('<')), qPrintable(error.userMessage()));
        QVERIFY(error.serverMessage.isEmpty());
    }
}

QTEST_APPLESS_MAIN(tst_ResponseParser)

#include "tst_responseparser.moc"
