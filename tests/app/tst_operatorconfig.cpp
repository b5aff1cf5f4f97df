// The operator's system-wide configuration, read from a real system configuration directory. Qt
// looks for its settings files when the process first needs them (the user's folder once per
// process), so each case runs in a child process: this binary again, with --operator-child, its
// own XDG_CONFIG_DIRS (the "system" folder, /etc/xdg on a real machine) and XDG_CONFIG_HOME (the
// user's ~/.config) inside one temporary directory. The child starts the app as main() does and
// reports what it decided as "key=value" lines on standard output.

#include "apiclient.h"
#include "commandline.h"
#include "mainwindow.h"
#include "portalapp.h"
#include "serverdialog.h"
#include "serverpolicy.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstring>

using namespace portal;

namespace {

constexpr char kChildFlag[] = "--operator-child";
const QByteArray kOperatorServer = "https://portal.example.com";
const QByteArray kUsersServer = "https://mine.example.org";

/// What the child reported, key to value.
using Report = QMap<QByteArray, QByteArray>;

void tell(const char *key, const QString &value)
{
    std::printf("%s=%s\n", key, value.toUtf8().constData());
}

/// The child: the app as main() builds it, asked what it decided; never shown, never started.
int runChild(int argc, char *argv[])
{
    setApplicationIdentity();
    const ServerPolicy policy = ServerPolicy::fromSystemScope();
    QApplication app(argc, argv);
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeAt(1); // kChildFlag
    const CommandLine command = parseCommandLine(arguments, policy);
    tell("exit", QString::number(command.exitCode));
    if (command.action != CommandLine::Action::Run) {
        tell("message", command.output.trimmed());
        return 0;
    }
    PortalAppOptions options;
    options.serverOverride = command.server;
    options.authOverride = command.auth;
    options.policy = policy;
    PortalApp portalApp(options);
    MainWindow *window = portalApp.window();
    tell("server", portalApp.initialServer().toString());
    tell("auth", authModeToString(portalApp.initialAuth()));
    tell("timeout", QString::number(portalApp.api()->transferTimeout()));
    tell("addressFixed",
         portalApp.api()->isServerAddressFixed() ? QStringLiteral("yes") : QStringLiteral("no"));
    tell("caCertificates", QString::number(portalApp.api()->extraCaCertificates().size()));
    QAction *serverAction = window->serverAction();
    tell("serverAction",
         serverAction->isEnabled() ? QStringLiteral("enabled") : QStringLiteral("disabled"));
    tell("serverActionTip", serverAction->toolTip());
    window->openServerDialog();
    tell("dialog", window->serverDialog() ? QStringLiteral("opened") : QStringLiteral("none"));
    // Where the settings are, and the names the desktop and the keychain know the app by.
    tell("userFile", QSettings().fileName());
    tell("systemFile", QSettings(QSettings::SystemScope).fileName());
    tell("desktopFileName", QGuiApplication::desktopFileName());
    tell("version", QCoreApplication::applicationVersion());
    return 0;
}

QByteArray serverSection(const QByteArray &url, const char *more = "")
{
    return "[server]\nurl=" + url + '\n' + more;
}

} // namespace

class TestOperatorConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void settings_data();
    void settings();
    void caCertificatesFromTheSystemScope();
    void theExampleFileIsWhatTheAppReads();
    void filesAndIdentity();

private:
    /// Runs the child with these files as the system-wide and the user's configuration (none
    /// when empty); its report, or an empty map after a failure.
    Report runWith(const QByteArray &system, const QByteArray &user,
                   const QStringList &arguments = {});
    void expect(const Report &report, const Report &expected);

    std::unique_ptr<QTemporaryDir> m_dir;
};

Report TestOperatorConfig::runWith(const QByteArray &system, const QByteArray &user,
                                   const QStringList &arguments)
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QDir root(m_dir->path());
    const auto write = [&root](const QString &folder, const QByteArray &content) {
        const QString path = folder + QStringLiteral("/CustomerPortal/CustomerPortal.conf");
        if (!root.mkpath(QFileInfo(root.filePath(path)).path()) || content.isEmpty())
            return;
        QFile file(root.filePath(path));
        if (file.open(QIODevice::WriteOnly))
            file.write(content);
    };
    root.mkpath(QStringLiteral("home"));
    write(QStringLiteral("system"), system);
    write(QStringLiteral("config"), user);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), root.filePath(QStringLiteral("home")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), root.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_CONFIG_DIRS"), root.filePath(QStringLiteral("system")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), root.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), root.filePath(QStringLiteral("cache")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess child;
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(),
                QStringList{QString::fromLatin1(kChildFlag)} + arguments);
    Report report;
    if (!child.waitForFinished(30000) || child.exitStatus() != QProcess::NormalExit ||
        child.exitCode() != 0) {
        qWarning().noquote() << "the child failed:" << child.readAllStandardError();
        return report;
    }
    const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype equals = line.indexOf('=');
        if (equals > 0)
            report.insert(line.left(equals), line.mid(equals + 1));
    }
    return report;
}

void TestOperatorConfig::expect(const Report &report, const Report &expected)
{
    QVERIFY2(!report.isEmpty(), "the child reported nothing");
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        QVERIFY2(report.contains(it.key()), it.key().constData());
        QCOMPARE(report.value(it.key()), it.value());
    }
}

void TestOperatorConfig::settings_data()
{
    QTest::addColumn<QByteArray>("system");
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<Report>("expected");
    const QByteArray enabled = "enabled";
    const QByteArray disabled = "disabled";
    const QByteArray tip = "Your administrator set the server address.";
    const QStringList none;
    const QByteArray locked = serverSection(kOperatorServer, "locked=true\n");

    QTest::newRow("nothing anywhere: the dialog asks") << QByteArray() << QByteArray() << none
                                                       << Report{{"server", ""},
                                                                 {"auth", "token"},
                                                                 {"timeout", "30000"},
                                                                 {"serverAction", enabled},
                                                                 {"dialog", "opened"}};
    QTest::newRow("the operator's server when the user has none")
        << serverSection(kOperatorServer) << QByteArray() << none
        << Report{{"server", kOperatorServer}, {"serverAction", enabled}, {"addressFixed", "no"}};
    QTest::newRow("the user's own server beats the operator's")
        << serverSection(kOperatorServer) << serverSection(kUsersServer) << none
        << Report{{"server", kUsersServer}, {"serverAction", enabled}, {"dialog", "opened"}};
    QTest::newRow("the operator's sign-in method and timeout beneath the user's")
        << serverSection(kOperatorServer, "auth=jwt\n[network]\ntimeoutSeconds=7\n") << QByteArray()
        << none << Report{{"auth", "jwt"}, {"timeout", "7000"}};
    QTest::newRow("the user's timeout beats the operator's")
        << QByteArray("[network]\ntimeoutSeconds=7\n")
        << QByteArray("[network]\ntimeoutSeconds=12\n") << none << Report{{"timeout", "12000"}};
    QTest::newRow("locked: the user's server and sign-in method are ignored")
        << locked << serverSection(kUsersServer, "auth=jwt\n") << none
        << Report{{"server", kOperatorServer}, {"auth", "token"},       {"serverAction", disabled},
                  {"serverActionTip", tip},    {"addressFixed", "yes"}, {"dialog", "none"}};
    QTest::newRow("locked: the operator's sign-in method")
        << serverSection(kOperatorServer, "auth=jwt\nlocked=true\n")
        << serverSection(kUsersServer, "auth=token\n") << none
        << Report{{"server", kOperatorServer}, {"auth", "jwt"}};
    QTest::newRow("locked: --server to the same origin")
        << locked << QByteArray()
        << QStringList{QStringLiteral("--server"), QString::fromUtf8(kOperatorServer + "/portal")}
        << Report{
               {"exit", "0"}, {"server", kOperatorServer + "/portal"}, {"serverAction", disabled}};
    QTest::newRow("locked: --server to another origin is refused")
        << locked << QByteArray()
        << QStringList{QStringLiteral("--server"), QString::fromUtf8(kUsersServer)}
        << Report{{"exit", "2"},
                  {"message", "Your administrator set the server address to "
                              "https://portal.example.com:443; --server cannot connect to "
                              "https://mine.example.org:443."}};
    QTest::newRow("a lock without a server is no lock")
        << QByteArray("[server]\nlocked=true\n") << serverSection(kUsersServer) << none
        << Report{{"server", kUsersServer}, {"serverAction", enabled}, {"addressFixed", "no"}};
    QTest::newRow("a lock in the user's own settings is no lock")
        << serverSection(kOperatorServer) << serverSection(kUsersServer, "locked=true\n") << none
        << Report{{"server", kUsersServer}, {"serverAction", enabled}, {"addressFixed", "no"}};
}

void TestOperatorConfig::settings()
{
    QFETCH(QByteArray, system);
    QFETCH(QByteArray, user);
    QFETCH(QStringList, arguments);
    QFETCH(Report, expected);
    expect(runWith(system, user, arguments), expected);
}

void TestOperatorConfig::caCertificatesFromTheSystemScope()
{
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    QVERIFY2(!system.isEmpty(), "this computer trusts no authority to copy");
    QTemporaryDir dir;
    QFile pem(dir.filePath(QStringLiteral("company-ca.pem")));
    QVERIFY(pem.open(QIODevice::WriteOnly));
    pem.write(system.first().toPem());
    pem.close();
    const QByteArray conf = "[network]\ncaCertificates=" + pem.fileName().toUtf8() + '\n';
    expect(runWith(conf, QByteArray()), Report{{"caCertificates", "1"}});
    expect(runWith(QByteArray(), QByteArray()), Report{{"caCertificates", "0"}});
}

void TestOperatorConfig::theExampleFileIsWhatTheAppReads()
{
    QFile example(QStringLiteral(PORTAL_SOURCE_DIR "/packaging/CustomerPortal.conf.example"));
    QVERIFY2(example.open(QIODevice::ReadOnly), qPrintable(example.fileName()));
    // Its values as they stand (an operator edits them): every key is read from the file.
    expect(runWith(example.readAll(), QByteArray()), Report{{"server", kOperatorServer},
                                                            {"auth", "token"},
                                                            {"timeout", "60000"},
                                                            {"caCertificates", "0"},
                                                            {"serverAction", "enabled"}});
}

void TestOperatorConfig::filesAndIdentity()
{
    const Report report = runWith(QByteArray(), QByteArray());
    const QDir root(m_dir->path());
    expect(
        report,
        Report{
            {"userFile",
             root.filePath(QStringLiteral("config/CustomerPortal/CustomerPortal.conf")).toUtf8()},
            {"systemFile",
             root.filePath(QStringLiteral("system/CustomerPortal/CustomerPortal.conf")).toUtf8()},
            {"desktopFileName", PORTAL_APP_ID},
            {"version", PORTAL_VERSION}});
}

int main(int argc, char *argv[])
{
    if (argc > 1 && std::strcmp(argv[1], kChildFlag) == 0)
        return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestOperatorConfig test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_operatorconfig.moc"
