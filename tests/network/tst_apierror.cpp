#include "apierror.h"

#include <QStandardPaths>
#include <QTest>

using namespace portal;

Q_DECLARE_METATYPE(portal::ApiError)

/// ApiError::userMessage(): the one tr() switch from an error kind to the sentence a person reads.
class tst_ApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void userMessages_data();
    void userMessages();
    void everyKindHasAFinishedSentence();
};

void tst_ApiError::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_ApiError::userMessages_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<QString>("message");

    auto error = [](ErrorKind kind, int status = 0) {
        ApiError e;
        e.kind = kind;
        e.httpStatus = status;
        return e;
    };
    QTest::newRow("invalid credentials") << error(ErrorKind::InvalidCredentials, 400)
                                         << QStringLiteral("Wrong username or password.");
    ApiError network = error(ErrorKind::Network);
    network.server = QStringLiteral("portal.example.com:8443");
    QTest::newRow("network") << network
                             << QStringLiteral(
                                    "Can't reach the server at portal.example.com:8443. Check "
                                    "your connection, or the server address (Settings \u25b8 "
                                    "Server address\u2026).");
    network.serverAddressFixed = true; // Settings cannot change it: nothing points there.
    QTest::newRow("network, the address fixed by the administrator")
        << network
        << QStringLiteral("Can't reach the server at portal.example.com:8443. Check your "
                          "connection and try again; if it goes on, tell your administrator.");
    ApiError limited = error(ErrorKind::RateLimited, 429);
    limited.retryAfterSeconds = 30;
    QTest::newRow("rate limited") << limited
                                  << QStringLiteral("Too many attempts. Try again in 30 seconds.");
    QTest::newRow("rate limited, no retry-after")
        << error(ErrorKind::RateLimited, 429)
        << QStringLiteral("Too many attempts. Wait a moment, then try again.");
    QTest::newRow("unauthorized") << error(ErrorKind::Unauthorized, 401)
                                  << QStringLiteral(
                                         "Your session has expired. Please sign in again.");
    QTest::newRow("insecure transport")
        << error(ErrorKind::InsecureTransport)
        << QStringLiteral("Plain http is allowed only to this computer; use https.");
    ApiError redirect = error(ErrorKind::RedirectBlocked, 302);
    redirect.redirectTarget = QStringLiteral("https://elsewhere.example");
    QTest::newRow("redirect blocked")
        << redirect
        << QStringLiteral(
               "The server tried to send you to another address (https://elsewhere.example); the "
               "request was stopped to keep your sign-in safe.");
    QTest::newRow("timeout") << error(ErrorKind::Timeout)
                             << QStringLiteral("The server took too long to answer. Try again.");
    ApiError nonField = error(ErrorKind::Validation, 400);
    nonField.nonFieldErrors = QStringList{QStringLiteral("Passwords differ.")};
    nonField.fieldErrors.insert(QStringLiteral("email"), {QStringLiteral("Bad.")});
    QTest::newRow("validation non-field") << nonField << QStringLiteral("Passwords differ.");
    ApiError fieldsOnly = error(ErrorKind::Validation, 400);
    fieldsOnly.fieldErrors.insert(QStringLiteral("email"), {QStringLiteral("Bad.")});
    QTest::newRow("validation fields only")
        << fieldsOnly << QStringLiteral("Please correct the highlighted fields.");
    ApiError forbidden = error(ErrorKind::Forbidden, 403);
    forbidden.serverMessage = QStringLiteral("Staff only.");
    QTest::newRow("forbidden with detail")
        << forbidden
        << QStringLiteral(
               "You are not allowed to do this. The server said: \u201cStaff only.\u201d");
    QTest::newRow("server") << error(ErrorKind::Server, 503)
                            << QStringLiteral(
                                   "The server had a problem (HTTP 503). Try again later.");
}

void tst_ApiError::userMessages()
{
    QFETCH(ApiError, error);
    QFETCH(QString, message);

    QCOMPARE(error.userMessage(), message);
}

void tst_ApiError::everyKindHasAFinishedSentence()
{
    for (int k = int(ErrorKind::InvalidCredentials); k <= int(ErrorKind::TlsFailure); ++k) {
        ApiError error;
        error.kind = ErrorKind(k);
        error.httpStatus = 500;
        const QString message = error.userMessage();
        QVERIFY2(!message.isEmpty(), qPrintable(errorKindName(error.kind)));
        QVERIFY2(!message.contains(QLatin1Char('%')), qPrintable(message));
        QVERIFY2(message.endsWith(QLatin1Char('.')), qPrintable(message));
        QVERIFY(errorKindName(error.kind) != QLatin1String("Unknown"));
    }
}

QTEST_APPLESS_MAIN(tst_ApiError)

#include "tst_apierror.moc"
