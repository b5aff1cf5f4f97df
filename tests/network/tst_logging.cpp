#include "logging.h"

#include <QStandardPaths>
#include <QTest>

using namespace portal;

class tst_Logging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void redactAuthorization_data();
    void redactAuthorization();
    void redactSecret_data();
    void redactSecret();
    void categoryNames();
};

void tst_Logging::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_Logging::redactAuthorization_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("redacted");

    QTest::newRow("token") << QByteArray("Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b")
                           << QByteArray("Token <redacted>");
    QTest::newRow("bearer") << QByteArray("Bearer eyJhbGciOi.x.y")
                            << QByteArray("Bearer <redacted>");
    QTest::newRow("no scheme") << QByteArray("9944b09199c62bcf") << QByteArray("<redacted>");
    QTest::newRow("leading space") << QByteArray(" 9944b09199c62bcf") << QByteArray("<redacted>");
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void tst_Logging::redactAuthorization()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, redacted);

    QCOMPARE(portal::redactAuthorization(value), redacted);
}

void tst_Logging::redactSecret_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("redacted");

    QTest::newRow("once") << QStringLiteral("token abc123 rejected") << QStringLiteral("abc123")
                          << QStringLiteral("token <redacted> rejected");
    QTest::newRow("twice") << QStringLiteral("abc/abc") << QStringLiteral("abc")
                           << QStringLiteral("<redacted>/<redacted>");
    QTest::newRow("absent") << QStringLiteral("nothing here") << QStringLiteral("abc")
                            << QStringLiteral("nothing here");
    QTest::newRow("empty secret") << QStringLiteral("keep me") << QString()
                                  << QStringLiteral("keep me");
}

void tst_Logging::redactSecret()
{
    QFETCH(QString, text);
    QFETCH(QString, secret);
    QFETCH(QString, redacted);

    QCOMPARE(portal::redactSecret(text, secret), redacted);
}

void tst_Logging::categoryNames()
{
    QCOMPARE(QLatin1String(lcNetwork().categoryName()), QLatin1String("portal.network"));
    QCOMPARE(QLatin1String(lcAuth().categoryName()), QLatin1String("portal.auth"));
    QCOMPARE(QLatin1String(lcKeychain().categoryName()), QLatin1String("portal.keychain"));
    QCOMPARE(QLatin1String(lcUi().categoryName()), QLatin1String("portal.ui"));
}

QTEST_APPLESS_MAIN(tst_Logging)

#include "tst_logging.moc"
