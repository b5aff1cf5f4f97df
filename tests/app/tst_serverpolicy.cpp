#include "serverpolicy.h"

#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace portal;

class TestServerPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromSettings_data();
    void fromSettings();
    void allows_data();
    void allows();
};

void TestServerPolicy::fromSettings_data()
{
    QTest::addColumn<QByteArray>("conf");
    QTest::addColumn<QUrl>("server");
    QTest::addColumn<int>("auth"); // -1: nothing
    QTest::addColumn<bool>("locked");
    QTest::addColumn<QString>("warning"); // a pattern; empty: none
    const QUrl portal(QStringLiteral("https://portal.example.com"));
    QTest::newRow("nothing") << QByteArray() << QUrl() << -1 << false << QString();
    QTest::newRow("a server, normalised")
        << QByteArray("[server]\nurl=https://Portal.Example.com/\n") << portal << -1 << false
        << QString();
    QTest::newRow("locked") << QByteArray("[server]\nurl=https://portal.example.com\nlocked=true\n")
                            << portal << -1 << true << QString();
    QTest::newRow("locked, as a registry DWORD reads")
        << QByteArray("[server]\nurl=https://portal.example.com\nlocked=1\n") << portal << -1
        << true << QString();
    QTest::newRow("not locked") << QByteArray(
                                       "[server]\nurl=https://portal.example.com\nlocked=false\n")
                                << portal << -1 << false << QString();
    QTest::newRow("\"no\" is no lock")
        << QByteArray("[server]\nurl=https://portal.example.com\nlocked=no\n") << portal << -1
        << false << QString();
    QTest::newRow("a lock without a server")
        << QByteArray("[server]\nlocked=true\n") << QUrl() << -1 << false
        << QStringLiteral("ignoring server/locked");
    QTest::newRow("a lock on an insecure server")
        << QByteArray("[server]\nurl=http://portal.example.com\nlocked=true\n") << QUrl() << -1
        << false << QStringLiteral("ignoring the system-wide server/url http://portal.example.com");
    QTest::newRow("jwt") << QByteArray("[server]\nauth=jwt\n") << QUrl() << int(AuthMode::Jwt)
                         << false << QString();
    QTest::newRow("an unknown sign-in method")
        << QByteArray("[server]\nauth=kerberos\n") << QUrl() << -1 << false
        << QStringLiteral("ignoring the system-wide server/auth kerberos");
}

void TestServerPolicy::fromSettings()
{
    QFETCH(QByteArray, conf);
    QFETCH(QUrl, server);
    QFETCH(int, auth);
    QFETCH(bool, locked);
    QFETCH(QString, warning);
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("CustomerPortal.conf")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(conf);
    file.close();
    const QSettings settings(file.fileName(), QSettings::IniFormat);
    if (!warning.isEmpty())
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QRegularExpression::escape(warning)));
    const ServerPolicy policy = ServerPolicy::fromSettings(settings);
    QCOMPARE(policy.server, server);
    QCOMPARE(policy.auth.has_value(), auth != -1);
    if (policy.auth)
        QCOMPARE(int(*policy.auth), auth);
    QCOMPARE(policy.locked, locked);
}

void TestServerPolicy::allows_data()
{
    QTest::addColumn<bool>("locked");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("no lock: anywhere") << false << "https://other.example.com" << true;
    QTest::newRow("the server itself") << true << "https://portal.example.com" << true;
    QTest::newRow("the same origin, another path")
        << true << "https://portal.example.com/portal" << true;
    QTest::newRow("the default port spelt out") << true << "https://portal.example.com:443" << true;
    QTest::newRow("another host") << true << "https://other.example.com" << false;
    QTest::newRow("another port") << true << "https://portal.example.com:8443" << false;
    QTest::newRow("another scheme") << true << "http://portal.example.com" << false;
}

void TestServerPolicy::allows()
{
    QFETCH(bool, locked);
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    ServerPolicy policy;
    policy.server = QUrl(QStringLiteral("https://portal.example.com"));
    policy.locked = locked;
    QCOMPARE(policy.allows(QUrl(url)), allowed);
}

QTEST_APPLESS_MAIN(TestServerPolicy)
#include "tst_serverpolicy.moc"
