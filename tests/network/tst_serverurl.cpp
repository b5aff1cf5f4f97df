#include "serverurl.h"

#include <QStandardPaths>
#include <QTest>

using namespace portal;

class tst_ServerUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void checkServerUrl_data();
    void checkServerUrl();
    void refusalsExplainTheFix_data();
    void refusalsExplainTheFix();
    void isLoopbackHost_data();
    void isLoopbackHost();
    void sameOrigin_data();
    void sameOrigin();
    void originOf_data();
    void originOf();
    void joinUrl_data();
    void joinUrl();
};

void tst_ServerUrl::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_ServerUrl::checkServerUrl_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("normalised");

    auto accept = [](const char *name, const char *input, const char *normalised) {
        QTest::newRow(name) << QString::fromUtf8(input) << true << QString::fromUtf8(normalised);
    };
    auto refuse = [](const char *name, const char *input) {
        QTest::newRow(name) << QString::fromUtf8(input) << false << QString();
    };
    accept("https", "https://portal.example.com", "https://portal.example.com");
    accept("https trailing slash", "https://portal.example.com/", "https://portal.example.com");
    accept("https path prefix", "https://example.com/portal/", "https://example.com/portal");
    accept("https upper case", "HTTPS://Portal.Example.COM", "https://portal.example.com");
    accept("https default port dropped", "https://example.com:443", "https://example.com");
    accept("https other port kept", "https://example.com:8443", "https://example.com:8443");
    accept("query and fragment dropped", "https://example.com/x?a=1#f", "https://example.com/x");
    accept("surrounding spaces", "  https://example.com  ", "https://example.com");
    accept("http localhost", "http://localhost", "http://localhost");
    accept("http LOCALHOST", "http://LOCALHOST:8000", "http://localhost:8000");
    accept("http 127.0.0.1", "http://127.0.0.1:8000", "http://127.0.0.1:8000");
    accept("http 127.1.2.3", "http://127.1.2.3", "http://127.1.2.3");
    accept("http [::1]", "http://[::1]:8000", "http://[::1]:8000");

    refuse("empty", "");
    refuse("no scheme ip:port", "127.0.0.1:8000");
    refuse("no scheme localhost:port", "localhost:8000");
    refuse("no scheme host", "portal.example.com");
    refuse("http non-loopback ip", "http://10.0.0.5");
    refuse("http non-loopback name", "http://portal.example.com");
    refuse("http localhost.example.com", "http://localhost.example.com");
    refuse("http 128.0.0.1", "http://128.0.0.1");
    refuse("http ipv6 non-loopback", "http://[2001:db8::1]");
    refuse("ftp", "ftp://example.com");
    refuse("no host", "https://");
    refuse("no host with path", "https:///api/");
    refuse("user info", "https://user:secret@example.com");
    refuse("bad port", "https://example.com:99999");
}

void tst_ServerUrl::checkServerUrl()
{
    QFETCH(QString, input);
    QFETCH(bool, accepted);
    QFETCH(QString, normalised);

    const ServerUrlCheck check = portal::checkServerUrl(input);
    QCOMPARE(check.ok(), accepted);
    if (accepted)
        QCOMPARE(check.url.toString(), normalised);
    else
        QVERIFY(check.url.isEmpty());
}

void tst_ServerUrl::refusalsExplainTheFix_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("error");

    QTest::newRow("no scheme") << QStringLiteral("127.0.0.1:8000")
                               << QStringLiteral("Enter a full address starting with https://");
    QTest::newRow("plain http elsewhere")
        << QStringLiteral("http://10.0.0.5")
        << QStringLiteral("Plain http is allowed only to this computer; use https.");
}

void tst_ServerUrl::refusalsExplainTheFix()
{
    QFETCH(QString, input);
    QFETCH(QString, error);

    QCOMPARE(portal::checkServerUrl(input).error, error);
}

void tst_ServerUrl::isLoopbackHost_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");

    QTest::newRow("localhost") << QStringLiteral("localhost") << true;
    QTest::newRow("LocalHost") << QStringLiteral("LocalHost") << true;
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("127.255.255.254") << QStringLiteral("127.255.255.254") << true;
    QTest::newRow("::1") << QStringLiteral("::1") << true;
    QTest::newRow("[::1]") << QStringLiteral("[::1]") << true;
    QTest::newRow("localhost.evil.com") << QStringLiteral("localhost.evil.com") << false;
    QTest::newRow("evil-localhost") << QStringLiteral("evil-localhost") << false;
    QTest::newRow("128.0.0.1") << QStringLiteral("128.0.0.1") << false;
    QTest::newRow("0.0.0.0") << QStringLiteral("0.0.0.0") << false;
    QTest::newRow("10.0.0.5") << QStringLiteral("10.0.0.5") << false;
    QTest::newRow("::2") << QStringLiteral("::2") << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_ServerUrl::isLoopbackHost()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);

    QCOMPARE(portal::isLoopbackHost(host), loopback);
}

void tst_ServerUrl::sameOrigin_data()
{
    QTest::addColumn<QUrl>("a");
    QTest::addColumn<QUrl>("b");
    QTest::addColumn<bool>("same");

    auto row = [](const char *name, const char *a, const char *b, bool same) {
        QTest::newRow(name) << QUrl(QString::fromUtf8(a)) << QUrl(QString::fromUtf8(b)) << same;
    };
    row("identical", "https://a.example/x", "https://a.example/y", true);
    row("default https port", "https://a.example", "https://a.example:443/p", true);
    row("default http port", "http://localhost", "http://localhost:80/p", true);
    row("host case", "https://A.example", "https://a.example", true);
    row("other port", "http://127.0.0.1:8000", "http://127.0.0.1:8001", false);
    row("other scheme", "http://a.example", "https://a.example", false);
    row("https vs :80", "https://a.example", "https://a.example:80", false);
    row("other host", "https://a.example", "https://b.example", false);
    row("subdomain", "https://a.example", "https://a.example.evil", false);
    row("empty", "", "", false);
}

void tst_ServerUrl::sameOrigin()
{
    QFETCH(QUrl, a);
    QFETCH(QUrl, b);
    QFETCH(bool, same);

    QCOMPARE(portal::sameOrigin(a, b), same);
    QCOMPARE(portal::sameOrigin(b, a), same);
}

void tst_ServerUrl::originOf_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("origin");

    QTest::newRow("https default port") << QUrl(QStringLiteral("https://Portal.Example/api"))
                                        << QStringLiteral("https://portal.example:443");
    QTest::newRow("explicit port") << QUrl(QStringLiteral("http://127.0.0.1:8000/x?y"))
                                   << QStringLiteral("http://127.0.0.1:8000");
    QTest::newRow("ipv6") << QUrl(QStringLiteral("http://[::1]:8000"))
                          << QStringLiteral("http://[::1]:8000");
    QTest::newRow("no host") << QUrl() << QString();
}

void tst_ServerUrl::originOf()
{
    QFETCH(QUrl, url);
    QFETCH(QString, origin);

    QCOMPARE(portal::originOf(url), origin);
}

void tst_ServerUrl::joinUrl_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("joined");

    auto row = [](const char *name, const char *base, const char *path, const char *joined) {
        QTest::newRow(name) << QString::fromUtf8(base) << QString::fromUtf8(path)
                            << QString::fromUtf8(joined);
    };
    row("root", "https://h", "/api/login/", "https://h/api/login/");
    row("root slash", "https://h/", "/api/login/", "https://h/api/login/");
    row("prefix", "https://h/portal", "/api/login/", "https://h/portal/api/login/");
    row("prefix slash", "https://h/portal/", "/api/login/", "https://h/portal/api/login/");
    row("relative path", "https://h/portal", "api/login/", "https://h/portal/api/login/");
    row("query", "https://h/portal", "/api/customers/?search=ann&page=2",
        "https://h/portal/api/customers/?search=ann&page=2");
    row("port kept", "http://127.0.0.1:8000", "/api/profile/",
        "http://127.0.0.1:8000/api/profile/");
    row("base query dropped", "https://h/p?x=1", "/api/", "https://h/p/api/");
}

void tst_ServerUrl::joinUrl()
{
    QFETCH(QString, base);
    QFETCH(QString, path);
    QFETCH(QString, joined);

    QCOMPARE(portal::joinUrl(QUrl(base), path).toString(), joined);
}

QTEST_APPLESS_MAIN(tst_ServerUrl)

#include "tst_serverurl.moc"
