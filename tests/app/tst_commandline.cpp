#include "commandline.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace portal;
using Action = CommandLine::Action;

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void authOption_data();
    void authOption();
    void apiOption_data();
    void apiOption();
    void executable_data();
    void executable();
    void lockedServer_data();
    void lockedServer();
    void executableWithALockedServer_data();
    void executableWithALockedServer();
};

void TestCommandLine::parse_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<Action>("action");
    QTest::addColumn<QUrl>("server");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("outputMentions");
    const QString app = QStringLiteral("customer-portal");
    QTest::newRow("nothing") << QStringList{app} << Action::Run << QUrl() << 0 << "";
    QTest::newRow("https server") << QStringList{app, QStringLiteral("--server"),
                                                 QStringLiteral("https://Portal.Example.com/")}
                                  << Action::Run
                                  << QUrl(QStringLiteral("https://portal.example.com")) << 0 << "";
    QTest::newRow("loopback http")
        << QStringList{app, QStringLiteral("--server=http://127.0.0.1:8000")} << Action::Run
        << QUrl(QStringLiteral("http://127.0.0.1:8000")) << 0 << "";
    QTest::newRow("remote http") << QStringList{app, QStringLiteral("--server"),
                                                QStringLiteral("http://example.com")}
                                 << Action::Fail << QUrl() << 2 << "https";
    QTest::newRow("garbage") << QStringList{app, QStringLiteral("--server"),
                                            QStringLiteral("::not a url::")}
                             << Action::Fail << QUrl() << 2 << "::not a url::";
    QTest::newRow("missing value")
        << QStringList{app, QStringLiteral("--server")} << Action::Fail << QUrl() << 2 << "server";
    QTest::newRow("unknown option") << QStringList{app, QStringLiteral("--frobnicate")}
                                    << Action::Fail << QUrl() << 2 << "frobnicate";
    QTest::newRow("stray argument")
        << QStringList{app, QStringLiteral("extra")} << Action::Fail << QUrl() << 2 << "extra";
    // QApplication's own options are left to it, with one dash or two, their values too.
    QTest::newRow("Qt's -platform")
        << QStringList{app, QStringLiteral("-platform"), QStringLiteral("offscreen")} << Action::Run
        << QUrl() << 0 << "";
    QTest::newRow("Qt's options with ours")
        << QStringList{app,
                       QStringLiteral("--style"),
                       QStringLiteral("fusion"),
                       QStringLiteral("-reverse"),
                       QStringLiteral("--server=https://portal.example.com"),
                       QStringLiteral("-stylesheet=app.qss")}
        << Action::Run << QUrl(QStringLiteral("https://portal.example.com")) << 0 << "";
    QTest::newRow("Qt's value that looks like an option")
        << QStringList{app, QStringLiteral("-qwindowtitle"), QStringLiteral("--help")}
        << Action::Run << QUrl() << 0 << "";
    QTest::newRow("unknown option among Qt's")
        << QStringList{app, QStringLiteral("-style"), QStringLiteral("fusion"),
                       QStringLiteral("--bogus")}
        << Action::Fail << QUrl() << 2 << "bogus";
    QTest::newRow("unknown single-dash option")
        << QStringList{app, QStringLiteral("-platformx"), QStringLiteral("offscreen")}
        << Action::Fail << QUrl() << 2 << "Unknown option";
    QTest::newRow("version") << QStringList{app, QStringLiteral("--version")} << Action::ShowVersion
                             << QUrl() << 0 << "Customer Portal " PORTAL_VERSION;
    QTest::newRow("help") << QStringList{app, QStringLiteral("--help")} << Action::ShowHelp
                          << QUrl() << 0 << "--server <url>";
    QTest::newRow("help-all") << QStringList{app, QStringLiteral("--help-all")} << Action::ShowHelp
                              << QUrl() << 0 << "--server <url>";
}

void TestCommandLine::parse()
{
    QFETCH(QStringList, arguments);
    QFETCH(Action, action);
    QFETCH(QUrl, server);
    QFETCH(int, exitCode);
    QFETCH(QString, outputMentions);
    const CommandLine result = parseCommandLine(arguments);
    QCOMPARE(result.action, action);
    QCOMPARE(result.server, server);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.output.contains(outputMentions), qPrintable(result.output));
    // A run prints nothing; everything else says something.
    QCOMPARE(result.output.isEmpty(), action == Action::Run);
}

void TestCommandLine::authOption_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("auth"); // -1: not given
    QTest::addColumn<int>("exitCode");
    const QString app = QStringLiteral("customer-portal");
    QTest::newRow("not given") << QStringList{app} << -1 << 0;
    QTest::newRow("token") << QStringList{app, QStringLiteral("--auth"), QStringLiteral("token")}
                           << int(AuthMode::Token) << 0;
    QTest::newRow("jwt with a server")
        << QStringList{app, QStringLiteral("--server=https://portal.example.com"),
                       QStringLiteral("--auth=jwt")}
        << int(AuthMode::Jwt) << 0;
    QTest::newRow("unknown method")
        << QStringList{app, QStringLiteral("--auth"), QStringLiteral("oauth")} << -1 << 2;
    QTest::newRow("case matters") << QStringList{app, QStringLiteral("--auth"),
                                                 QStringLiteral("JWT")}
                                  << -1 << 2;
    QTest::newRow("missing value") << QStringList{app, QStringLiteral("--auth")} << -1 << 2;
}

void TestCommandLine::authOption()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, auth);
    QFETCH(int, exitCode);
    const CommandLine result = parseCommandLine(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QCOMPARE(result.action, exitCode == 0 ? CommandLine::Action::Run : CommandLine::Action::Fail);
    QCOMPARE(result.auth.has_value(), auth != -1);
    if (result.auth)
        QCOMPARE(int(*result.auth), auth);
    if (exitCode != 0)
        QVERIFY2(result.output.contains(QStringLiteral("auth")), qPrintable(result.output));
}

void TestCommandLine::apiOption_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("api"); // -1: not given
    QTest::addColumn<int>("exitCode");
    const QString app = QStringLiteral("customer-portal");
    QTest::newRow("not given") << QStringList{app} << -1 << 0;
    QTest::newRow("seed") << QStringList{app, QStringLiteral("--api"), QStringLiteral("seed")}
                          << int(ApiFlavour::Seed) << 0;
    QTest::newRow("djoser with jwt")
        << QStringList{app, QStringLiteral("--api=djoser"), QStringLiteral("--auth=jwt")}
        << int(ApiFlavour::Djoser) << 0;
    QTest::newRow("unknown flavour")
        << QStringList{app, QStringLiteral("--api"), QStringLiteral("allauth")} << -1 << 2;
    QTest::newRow("missing value") << QStringList{app, QStringLiteral("--api")} << -1 << 2;
}

void TestCommandLine::apiOption()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, api);
    QFETCH(int, exitCode);
    const CommandLine result = parseCommandLine(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QCOMPARE(result.api.has_value(), api != -1);
    if (result.api)
        QCOMPARE(int(*result.api), api);
    if (exitCode != 0)
        QVERIFY2(result.output.contains(QStringLiteral("api")), qPrintable(result.output));
}

void TestCommandLine::executable_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("display"); // offscreen; otherwise no display at all
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stdoutMentions");
    QTest::addColumn<QString>("stderrMentions");
    QTest::newRow("version") << QStringList{QStringLiteral("--version")} << false << 0
                             << "Customer Portal " PORTAL_VERSION << "";
    QTest::newRow("help") << QStringList{QStringLiteral("--help")} << false << 0 << "--server"
                          << "";
    QTest::newRow("help-all without a display")
        << QStringList{QStringLiteral("--help-all")} << false << 0 << "--server"
        << "";
    QTest::newRow("insecure server")
        << QStringList{QStringLiteral("--server"), QStringLiteral("http://example.com")} << false
        << 2 << ""
        << "use https";
    QTest::newRow("garbage server")
        << QStringList{QStringLiteral("--server"), QStringLiteral("not a url at all")} << false << 2
        << ""
        << "Invalid --server address";
    // Unknown options get the usage, with or without a display; Qt's own are not unknown.
    const QString bogus = QStringLiteral("--bogus");
    QTest::newRow("unknown option") << QStringList{bogus} << false << 2 << ""
                                    << "Unknown option 'bogus'.";
    QTest::newRow("unknown option with a display") << QStringList{bogus} << true << 2 << ""
                                                   << "Unknown option 'bogus'.";
    QTest::newRow("unknown option after Qt's")
        << QStringList{QStringLiteral("-style"), QStringLiteral("fusion"), bogus} << false << 2
        << ""
        << "--server <url>";
    QTest::newRow("Qt's option and --version")
        << QStringList{QStringLiteral("-platform"), QStringLiteral("offscreen"),
                       QStringLiteral("--version")}
        << false << 0 << "Customer Portal " PORTAL_VERSION << "";
}

void TestCommandLine::executable()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, display);
    QFETCH(int, exitCode);
    QFETCH(QString, stdoutMentions);
    QFETCH(QString, stderrMentions);
    QProcess process;
    // As in a terminal with no display: none of these answers may need a GUI platform.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        environment.remove(QString::fromLatin1(name));
    if (display)
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(PORTAL_EXECUTABLE), arguments);
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    const QString out = QString::fromLocal8Bit(process.readAllStandardOutput());
    const QString err = QString::fromLocal8Bit(process.readAllStandardError());
    QCOMPARE(process.exitCode(), exitCode);
    QVERIFY2(out.contains(stdoutMentions), qPrintable(out));
    QVERIFY2(err.contains(stderrMentions), qPrintable(err));
    // Answers go to standard output, complaints to standard error, never both.
    QVERIFY2(stdoutMentions.isEmpty() == out.isEmpty(), qPrintable(out));
    QVERIFY2(stderrMentions.isEmpty() == err.isEmpty(), qPrintable(err));
}

void TestCommandLine::lockedServer_data()
{
    QTest::addColumn<bool>("locked");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QUrl>("server");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("outputMentions");
    const QString app = QStringLiteral("customer-portal");
    const QString option = QStringLiteral("--server");
    QTest::newRow("no lock: another server")
        << false << QStringList{app, option, QStringLiteral("https://other.example.com")}
        << QUrl(QStringLiteral("https://other.example.com")) << 0 << "";
    QTest::newRow("locked: no --server") << true << QStringList{app} << QUrl() << 0 << "";
    QTest::newRow("locked: the same origin")
        << true << QStringList{app, option, QStringLiteral("https://portal.example.com/portal")}
        << QUrl(QStringLiteral("https://portal.example.com/portal")) << 0 << "";
    QTest::newRow("locked: another server")
        << true << QStringList{app, option, QStringLiteral("https://other.example.com")} << QUrl()
        << 2
        << "Your administrator set the server address to https://portal.example.com:443; "
           "--server cannot connect to https://other.example.com:443.";
    QTest::newRow("locked: another port")
        << true << QStringList{app, option, QStringLiteral("https://portal.example.com:8443")}
        << QUrl() << 2 << "administrator";
    QTest::newRow("locked: an insecure address says why first")
        << true << QStringList{app, option, QStringLiteral("http://portal.example.com")} << QUrl()
        << 2 << "use https";
    QTest::newRow("locked: --version still answers")
        << true << QStringList{app, QStringLiteral("--version")} << QUrl() << 0
        << "Customer Portal " PORTAL_VERSION;
}

void TestCommandLine::lockedServer()
{
    QFETCH(bool, locked);
    QFETCH(QStringList, arguments);
    QFETCH(QUrl, server);
    QFETCH(int, exitCode);
    QFETCH(QString, outputMentions);
    ServerPolicy policy;
    policy.server = QUrl(QStringLiteral("https://portal.example.com"));
    policy.locked = locked;
    const CommandLine result = parseCommandLine(arguments, policy);
    QCOMPARE(result.server, server);
    QCOMPARE(result.exitCode, exitCode);
    if (exitCode != 0)
        QCOMPARE(result.action, Action::Fail);
    QVERIFY2(result.output.contains(outputMentions), qPrintable(result.output));
}

void TestCommandLine::executableWithALockedServer_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stdoutMentions");
    QTest::addColumn<QString>("stderrMentions");
    QTest::newRow("another origin is refused, without a display")
        << QStringList{QStringLiteral("--server"), QStringLiteral("https://other.example.com")} << 2
        << ""
        << "Your administrator set the server address to https://portal.example.com:443";
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << 0
                               << "Customer Portal " PORTAL_VERSION << "";
}

// The real executable with a system-wide configuration that locks the server: XDG_CONFIG_DIRS is
// where Qt looks for it on Linux (/etc/xdg when unset); the user's folder is an empty one.
void TestCommandLine::executableWithALockedServer()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stdoutMentions);
    QFETCH(QString, stderrMentions);
    QTemporaryDir dir;
    const QDir root(dir.path());
    QVERIFY(root.mkpath(QStringLiteral("system/CustomerPortal")));
    QVERIFY(root.mkpath(QStringLiteral("config")));
    QFile conf(root.filePath(QStringLiteral("system/CustomerPortal/CustomerPortal.conf")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("[server]\nurl=https://portal.example.com\nlocked=true\n");
    conf.close();
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("XDG_CONFIG_DIRS"), root.filePath(QStringLiteral("system")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), root.filePath(QStringLiteral("config")));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(PORTAL_EXECUTABLE), arguments);
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    const QString out = QString::fromLocal8Bit(process.readAllStandardOutput());
    const QString err = QString::fromLocal8Bit(process.readAllStandardError());
    QCOMPARE(process.exitCode(), exitCode);
    QVERIFY2(out.contains(stdoutMentions), qPrintable(out));
    QVERIFY2(err.contains(stderrMentions), qPrintable(err));
    QVERIFY2(stdoutMentions.isEmpty() == out.isEmpty(), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
