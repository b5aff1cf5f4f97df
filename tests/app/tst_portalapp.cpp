#include "apiclient.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "portalapp.h"
#include "profilepage.h"
#include "restoringpage.h"
#include "serverdialog.h"
#include "signinpage.h"
#include "testenv.h"
#include "uitest.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkProxyFactory>
#include <QProcess>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace portal;
using namespace portal::test;
using State = AuthStateManager::State;

namespace {} // namespace

class TestPortalApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void restartWithStoredTokenOpensProfile();
    void afterSignOutNextStartOpensSignIn();
    void unreachableServerKeepsTheTokenAndOffersRetry();
    void savedServerIsUsedWithoutOverride();
    void unusableSavedServerIsAskedAgain();
    void transferTimeoutComesFromSettings_data();
    void transferTimeoutComesFromSettings();
    void authModeComesFromSettingsOrCommandLine_data();
    void authModeComesFromSettingsOrCommandLine();
    void serverDialogSavesTheSignInMethod();
    void endpointsComeFromTheFlavourAndSettings_data();
    void endpointsComeFromTheFlavourAndSettings();
    void everyEndpointCanBeMoved();
    void systemProxyIsUsed();
    void lockedServer_data();
    void lockedServer();
    void lockedServerCannotBeChanged();

private:
    std::unique_ptr<PortalApp> startApp(const QUrl &server, const ServerPolicy &policy = {});
    void signInRemembered(PortalApp &app, const QUrl &server, const QString &username,
                          const QString &password);

    QString m_username;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void TestPortalApp::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(referenceServerUrl().isValid(), "the reference server fixture is not running");
    QVERIFY2(hasSessionBus(), "run inside tests/keyring-session.sh");
    m_username = uniqueUsername(QStringLiteral("restart"));
    QString error;
    QVERIFY2(createAccount(referenceServerUrl(), m_username, &error), qPrintable(error));
}

void TestPortalApp::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
}

void TestPortalApp::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<PortalApp> TestPortalApp::startApp(const QUrl &server, const ServerPolicy &policy)
{
    PortalAppOptions options;
    options.serverOverride = server;
    options.settings = m_settings.get();
    options.policy = policy;
    auto app = std::make_unique<PortalApp>(options);
    app->start();
    return app;
}

void TestPortalApp::signInRemembered(PortalApp &app, const QUrl &server, const QString &username,
                                     const QString &password)
{
    SignInPage *page = app.window()->signInPage();
    QTRY_COMPARE_WITH_TIMEOUT(app.window()->currentPage(), page, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(page->rememberBox()->isEnabled(), 30000);
    QVERIFY(page->rememberBox()->isChecked());
    page->usernameEdit()->clear();
    QTest::keyClicks(page->usernameEdit(), username);
    QTest::keyClicks(page->passwordEdit(), password);
    click(page->signInButton());
    QTRY_COMPARE_WITH_TIMEOUT(app.auth()->state(), State::SignedIn, 30000);
    // Remembered once the keychain holds the token.
    TokenStore store(QStringLiteral(PORTAL_APP_ID));
    QTRY_COMPARE_WITH_TIMEOUT(readToken(store, TokenStore::keyFor(server, username)).status,
                              TokenStoreResult::Status::Ok, 30000);
}

void TestPortalApp::restartWithStoredTokenOpensProfile()
{
    const QUrl server = referenceServerUrl();
    {
        std::unique_ptr<PortalApp> first = startApp(server);
        signInRemembered(*first, server, m_username, testPassword());
    }
    std::unique_ptr<PortalApp> second = startApp(server);
    MainWindow *window = second->window();
    QCOMPARE(window->currentPage(), window->restoringPage());
    QCOMPARE(window->windowTitle(), QStringLiteral("Restoring session — Customer Portal"));
    QCOMPARE(window->connectionStatusLabel()->text(), QStringLiteral("Connecting…"));
    QTRY_COMPARE_WITH_TIMEOUT(window->currentPage(), window->profilePage(), 30000);
    QCOMPARE(window->windowTitle(), QStringLiteral("Profile — Customer Portal"));
    QCOMPARE(second->auth()->username(), m_username);
    // The token was never written to the settings file.
    m_settings->sync();
    QFile ini(m_settings->fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    TokenStore store(QStringLiteral(PORTAL_APP_ID));
    const QString token = readToken(store, TokenStore::keyFor(server, m_username)).token;
    QVERIFY(!token.isEmpty());
    QVERIFY(!ini.readAll().contains(token.toUtf8()));
}

void TestPortalApp::afterSignOutNextStartOpensSignIn()
{
    const QUrl server = referenceServerUrl();
    {
        std::unique_ptr<PortalApp> first = startApp(server);
        signInRemembered(*first, server, m_username, testPassword());
        first->window()->signOutAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(first->auth()->state(), State::SignedOut, 30000);
    }
    std::unique_ptr<PortalApp> second = startApp(server);
    MainWindow *window = second->window();
    QCOMPARE(window->currentPage(), window->signInPage());
    QCOMPARE(window->signInPage()->usernameEdit()->text(), m_username);
    QVERIFY(!window->signInPage()->banner()->isVisible());
}

void TestPortalApp::unreachableServerKeepsTheTokenAndOffersRetry()
{
    // A server of this test's own, so it can be stopped and started again on the same port.
    QTemporaryDir state;
    const QString port = QString::number(freePort());
    const QStringList start{QStringLiteral("start"),
                            QStringLiteral("--state-dir"),
                            state.path(),
                            QStringLiteral("--port"),
                            port,
                            QStringLiteral("--demo")};
    const QStringList stop{QStringLiteral("stop"), QStringLiteral("--state-dir"), state.path()};
    QString output;
    QVERIFY2(serverctl(start, &output), qPrintable(output));
    const QUrl server(output.trimmed());
    auto stopServer = qScopeGuard([&]() { serverctl(stop); });
    {
        std::unique_ptr<PortalApp> first = startApp(server);
        signInRemembered(*first, server, QStringLiteral("alice"),
                         QStringLiteral("alice-password-1"));
    }
    QVERIFY(serverctl(stop));

    std::unique_ptr<PortalApp> second = startApp(server);
    MainWindow *window = second->window();
    RestoringPage *restoring = window->restoringPage();
    QTRY_VERIFY_WITH_TIMEOUT(second->auth()->isServerUnreachable(), 30000);
    QCOMPARE(window->currentPage(), restoring);
    QCOMPARE(restoring->banner()->text(),
             QStringLiteral("Can't reach the server at 127.0.0.1:%1. Check your connection, or "
                            "the server address (Settings \u25b8 Server address\u2026).")
                 .arg(port));
    QVERIFY(restoring->retryButton()->isVisible());
    // Keyboard users can retry at once: Retry has the focus (nothing had it while checking).
    QCOMPARE(window->focusWidget(), restoring->retryButton());
    QCOMPARE(window->connectionStatusLabel()->text(), QStringLiteral("Server unreachable"));
    TokenStore store(QStringLiteral(PORTAL_APP_ID));
    const QString key = TokenStore::keyFor(server, QStringLiteral("alice"));
    QCOMPARE(readToken(store, key).status, TokenStoreResult::Status::Ok);

    QVERIFY2(serverctl(start, &output), qPrintable(output));
    click(restoring->retryButton());
    QTRY_COMPARE_WITH_TIMEOUT(window->currentPage(), window->profilePage(), 30000);
    QCOMPARE(second->auth()->username(), QStringLiteral("alice"));
}

void TestPortalApp::savedServerIsUsedWithoutOverride()
{
    m_settings->setValue(PortalApp::serverKey(), referenceServerUrl().toString());
    std::unique_ptr<PortalApp> app = startApp(QUrl());
    QCOMPARE(app->auth()->server(), referenceServerUrl());
    QVERIFY(!app->window()->serverDialog());
}

void TestPortalApp::unusableSavedServerIsAskedAgain()
{
    m_settings->setValue(PortalApp::serverKey(), QStringLiteral("http://example.com"));
    std::unique_ptr<PortalApp> app = startApp(QUrl());
    QVERIFY(app->auth()->server().isEmpty());
    QVERIFY(app->window()->serverDialog());
    QVERIFY(app->window()->serverDialog()->isVisible());
}

void TestPortalApp::transferTimeoutComesFromSettings_data()
{
    QTest::addColumn<QVariant>("setting");
    QTest::addColumn<int>("milliseconds");
    QTest::newRow("unset: the default") << QVariant() << 30000;
    QTest::newRow("7 seconds") << QVariant(7) << 7000;
    QTest::newRow("as text") << QVariant(QStringLiteral("12")) << 12000;
    QTest::newRow("zero: the default") << QVariant(0) << 30000;
    QTest::newRow("negative: the default") << QVariant(-5) << 30000;
    QTest::newRow("too long: the default") << QVariant(100000) << 30000;
    QTest::newRow("garbage: the default") << QVariant(QStringLiteral("soon")) << 30000;
}

void TestPortalApp::transferTimeoutComesFromSettings()
{
    QFETCH(QVariant, setting);
    QFETCH(int, milliseconds);
    if (setting.isValid())
        m_settings->setValue(PortalApp::timeoutKey(), setting);
    PortalAppOptions options;
    options.settings = m_settings.get();
    PortalApp app(options);
    QCOMPARE(app.api()->transferTimeout(), milliseconds);
}

void TestPortalApp::endpointsComeFromTheFlavourAndSettings_data()
{
    QTest::addColumn<QVariant>("setting");   // server/api
    QTest::addColumn<int>("override");       // -1: no --api
    QTest::addColumn<QVariant>("loginPath"); // endpoints/login
    QTest::addColumn<QString>("expectedLogin");
    QTest::addColumn<QString>("expectedProfile");
    const QString seedLogin = QStringLiteral("/api/login/");
    const QString seedProfile = QStringLiteral("/api/profile/");
    const QString djoserLogin = QStringLiteral("/auth/token/login/");
    const QString djoserProfile = QStringLiteral("/auth/users/me/");
    QTest::newRow("unset: the seed's")
        << QVariant() << -1 << QVariant() << seedLogin << seedProfile;
    QTest::newRow("djoser") << QVariant(QStringLiteral("djoser")) << -1 << QVariant() << djoserLogin
                            << djoserProfile;
    QTest::newRow("garbage: the seed's")
        << QVariant(QStringLiteral("allauth")) << -1 << QVariant() << seedLogin << seedProfile;
    QTest::newRow("--api djoser over seed")
        << QVariant(QStringLiteral("seed")) << int(ApiFlavour::Djoser) << QVariant() << djoserLogin
        << djoserProfile;
    QTest::newRow("one path moved")
        << QVariant(QStringLiteral("djoser")) << -1 << QVariant(QStringLiteral("/v2/login/"))
        << QStringLiteral("/v2/login/") << djoserProfile;
    QTest::newRow("a path without its slash: ignored")
        << QVariant() << -1 << QVariant(QStringLiteral("v2/login/")) << seedLogin << seedProfile;
}

void TestPortalApp::endpointsComeFromTheFlavourAndSettings()
{
    QFETCH(QVariant, setting);
    QFETCH(int, override);
    QFETCH(QVariant, loginPath);
    QFETCH(QString, expectedLogin);
    QFETCH(QString, expectedProfile);
    if (setting.isValid())
        m_settings->setValue(PortalApp::apiKey(), setting);
    if (loginPath.isValid())
        m_settings->setValue(PortalApp::endpointsGroup() + QStringLiteral("/login"), loginPath);
    PortalAppOptions options;
    options.settings = m_settings.get();
    if (override != -1)
        options.apiOverride = ApiFlavour(override);
    PortalApp app(options);
    QCOMPARE(app.api()->endpoints().loginPath, expectedLogin);
    QCOMPARE(app.api()->endpoints().profilePath, expectedProfile);
}

void TestPortalApp::everyEndpointCanBeMoved()
{
    // Each endpoints/<name> reaches the client, the JWT ones included.
    const std::pair<const char *, QString ApiEndpoints::*> paths[] = {
        {"register", &ApiEndpoints::registerPath},
        {"login", &ApiEndpoints::loginPath},
        {"logout", &ApiEndpoints::logoutPath},
        {"profile", &ApiEndpoints::profilePath},
        {"customers", &ApiEndpoints::customersPath},
        {"jwtObtain", &ApiEndpoints::jwtObtainPath},
        {"jwtRefresh", &ApiEndpoints::jwtRefreshPath},
        {"jwtBlacklist", &ApiEndpoints::jwtBlacklistPath},
        {"setPassword", &ApiEndpoints::setPasswordPath},
        {"resetPassword", &ApiEndpoints::resetPasswordPath},
        {"resetPasswordConfirm", &ApiEndpoints::resetPasswordConfirmPath},
        {"account", &ApiEndpoints::accountPath},
    };
    auto moved = [](const char *name) {
        return QString(QStringLiteral("/moved/") + QLatin1String(name) + QLatin1Char('/'));
    };
    for (const auto &[name, member] : paths)
        m_settings->setValue(PortalApp::endpointsGroup() + QLatin1Char('/') + QLatin1String(name),
                             moved(name));
    PortalAppOptions options;
    options.settings = m_settings.get();
    PortalApp app(options);
    const ApiEndpoints endpoints = app.api()->endpoints();
    for (const auto &[name, member] : paths)
        QCOMPARE(endpoints.*member, moved(name));
}

void TestPortalApp::systemProxyIsUsed()
{
    QNetworkProxyFactory::setUseSystemConfiguration(false);
    PortalAppOptions options;
    options.settings = m_settings.get();
    PortalApp app(options);
    QVERIFY(QNetworkProxyFactory::usesSystemConfiguration());
}

void TestPortalApp::authModeComesFromSettingsOrCommandLine_data()
{
    QTest::addColumn<QVariant>("setting");
    QTest::addColumn<int>("override"); // -1: no --auth
    QTest::addColumn<AuthMode>("expected");
    QTest::newRow("unset: tokens") << QVariant() << -1 << AuthMode::Token;
    QTest::newRow("jwt") << QVariant(QStringLiteral("jwt")) << -1 << AuthMode::Jwt;
    QTest::newRow("token") << QVariant(QStringLiteral("token")) << -1 << AuthMode::Token;
    QTest::newRow("garbage: tokens")
        << QVariant(QStringLiteral("kerberos")) << -1 << AuthMode::Token;
    QTest::newRow("--auth jwt over token")
        << QVariant(QStringLiteral("token")) << int(AuthMode::Jwt) << AuthMode::Jwt;
    QTest::newRow("--auth token over jwt")
        << QVariant(QStringLiteral("jwt")) << int(AuthMode::Token) << AuthMode::Token;
}

void TestPortalApp::authModeComesFromSettingsOrCommandLine()
{
    QFETCH(QVariant, setting);
    QFETCH(int, override);
    QFETCH(AuthMode, expected);
    if (setting.isValid())
        m_settings->setValue(PortalApp::authKey(), setting);
    PortalAppOptions options;
    options.settings = m_settings.get();
    options.serverOverride = referenceServerUrl();
    if (override != -1)
        options.authOverride = AuthMode(override);
    PortalApp app(options);
    QCOMPARE(app.api()->authMode(), expected);
    app.start();
    QCOMPARE(app.api()->authMode(), expected);
    QCOMPARE(app.auth()->authMode(), expected);
    // --auth is for one run: the setting stays as it was.
    QCOMPARE(m_settings->value(PortalApp::authKey()), setting);
}

void TestPortalApp::serverDialogSavesTheSignInMethod()
{
    std::unique_ptr<PortalApp> app = startApp(QUrl());
    ServerDialog *dialog = app->window()->serverDialog();
    QVERIFY(dialog);
    dialog->addressEdit()->setText(referenceServerUrl().toString());
    dialog->authBox()->setCurrentIndex(dialog->authBox()->findData(int(AuthMode::Jwt)));
    dialog->apiBox()->setCurrentIndex(dialog->apiBox()->findData(int(ApiFlavour::Djoser)));
    click(dialog->okButton());
    QTRY_COMPARE_WITH_TIMEOUT(app->auth()->server(), referenceServerUrl(), 30000);
    QCOMPARE(app->api()->authMode(), AuthMode::Jwt);
    QCOMPARE(app->api()->endpoints().jwtObtainPath, QStringLiteral("/auth/jwt/create/"));
    QCOMPARE(m_settings->value(PortalApp::authKey()).toString(), QStringLiteral("jwt"));
    QCOMPARE(m_settings->value(PortalApp::apiKey()).toString(), QStringLiteral("djoser"));
    QCOMPARE(m_settings->value(PortalApp::serverKey()).toString(), referenceServerUrl().toString());
    // The next start uses both.
    app.reset();
    app = startApp(QUrl());
    QCOMPARE(app->auth()->server(), referenceServerUrl());
    QCOMPARE(app->api()->authMode(), AuthMode::Jwt);
    QCOMPARE(app->api()->endpoints().flavour, ApiFlavour::Djoser);
    // And the dialog shows them again.
    app->window()->openServerDialog();
    QVERIFY(app->window()->serverDialog());
    QCOMPARE(app->window()->serverDialog()->apiBox()->currentData().toInt(),
             int(ApiFlavour::Djoser));
}

void TestPortalApp::lockedServer_data()
{
    QTest::addColumn<bool>("locked");
    QTest::addColumn<QString>("override");
    QTest::addColumn<QString>("server");
    const QString portal = QStringLiteral("https://portal.example.com");
    const QString other = QStringLiteral("https://other.example.com");
    QTest::newRow("no lock: the user's own") << false << ""
                                             << "http://localhost:9";
    QTest::newRow("no lock: --server") << false << other << other;
    QTest::newRow("locked: the operator's") << true << "" << portal;
    QTest::newRow("locked: --server to the same origin")
        << true << "https://portal.example.com/portal"
        << "https://portal.example.com/portal";
    QTest::newRow("locked: --server elsewhere is ignored") << true << other << portal;
}

void TestPortalApp::lockedServer()
{
    QFETCH(bool, locked);
    QFETCH(QString, override);
    QFETCH(QString, server);
    // The user's own choice, as Settings > Server address... saves it.
    m_settings->setValue(PortalApp::serverKey(), QStringLiteral("http://localhost:9"));
    m_settings->setValue(PortalApp::authKey(), QStringLiteral("jwt"));
    PortalAppOptions options;
    options.settings = m_settings.get();
    options.serverOverride = QUrl(override);
    options.policy.server = QUrl(QStringLiteral("https://portal.example.com"));
    options.policy.locked = locked;
    PortalApp app(options);
    QCOMPARE(app.initialServer(), QUrl(server));
    // The user's sign-in method went with their server; the operator set none: tokens.
    QCOMPARE(app.initialAuth(), locked ? AuthMode::Token : AuthMode::Jwt);
    QCOMPARE(app.window()->serverAction()->isEnabled(), !locked);
}

void TestPortalApp::lockedServerCannotBeChanged()
{
    ServerPolicy policy;
    policy.server = referenceServerUrl();
    policy.auth = AuthMode::Jwt;
    policy.locked = true;
    std::unique_ptr<PortalApp> app = startApp(QUrl(), policy);
    QCOMPARE(app->auth()->server(), referenceServerUrl());
    QCOMPARE(app->auth()->authMode(), AuthMode::Jwt);
    QVERIFY(!app->window()->serverDialog());
    // Whatever asks for another server (the window offers no way), nothing changes or is saved.
    QTest::ignoreMessage(QtWarningMsg, "the server address is locked by the system-wide "
                                       "configuration");
    Q_EMIT app->window()->serverChangeRequested(QUrl(QStringLiteral("http://localhost:9")),
                                                AuthMode::Token, ApiFlavour::Djoser);
    QCOMPARE(app->auth()->server(), referenceServerUrl());
    QCOMPARE(app->auth()->authMode(), AuthMode::Jwt);
    QVERIFY(!m_settings->contains(PortalApp::serverKey()));
    QVERIFY(!m_settings->contains(PortalApp::authKey()));
}

QTEST_MAIN(TestPortalApp)
#include "tst_portalapp.moc"
