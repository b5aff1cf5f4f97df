#include "apiclient.h"
#include "authstatemanager.h"
#include "authtestapp.h"
#include "customereditor.h"
#include "modeltestutil.h"
#include "testenv.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace portal;
using State = AuthStateManager::State;

namespace {

constexpr int kWaitMs = 20000;

} // namespace

/// Runs in a D-Bus session without any Secret Service (portal_add_test NO_KEYRING).
class tst_AuthStateManagerNoKeyring : public QObject
{
    Q_OBJECT

public:
    tst_AuthStateManagerNoKeyring()
        // Before anything else may look at HOME or the XDG directories.
        : m_scanRoots(test::isolateHome(m_home.path()))
    {}

private Q_SLOTS:
    void initTestCase();
    void signInWorksWithoutKeychain();
    void restoreFindsNothing();

private:
    QString settingsPath() const { return m_home.filePath(QStringLiteral("portal.ini")); }
    QString registerUser(const QUrl &server);

    QTemporaryDir m_home;
    QStringList m_scanRoots;
    QString m_username;
    QString m_token;
};

void tst_AuthStateManagerNoKeyring::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CustomerPortalTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_authstatemanager_nokeyring"));
    QVERIFY(m_home.isValid());
    QVERIFY2(test::referenceServerUrl().isValid(), "the reference server is not running");
}

QString tst_AuthStateManagerNoKeyring::registerUser(const QUrl &server)
{
    // Registered by a plain client, so the test knows the token the manager will receive.
    ApiClient api;
    api.setBaseUrl(server);
    m_username = test::uniqueUsername(QStringLiteral("asmnk"));
    const ApiResult result =
        test::waitForCall(api.registerAccount(registrationJson(test::registrationFor(m_username))));
    if (!result.ok())
        return {};
    return AuthSession::fromJson(result.value().json).value_or(AuthSession()).token;
}

void tst_AuthStateManagerNoKeyring::signInWorksWithoutKeychain()
{
    const QUrl server = test::referenceServerUrl();
    m_token = registerUser(server);
    QVERIFY(!m_token.isEmpty());

    ApiClient api;
    api.setBaseUrl(server);
    TokenStore store(test::appId());
    QSettings settings(settingsPath(), QSettings::IniFormat);
    AuthStateManager manager(&api, &store, &settings);
    QSignalSpy problems(&manager, &AuthStateManager::keychainProblem);
    QSignalSpy remember(&manager, &AuthStateManager::rememberAvailableChanged);
    QVERIFY(manager.isRememberAvailable());

    manager.signIn(m_username, test::kTestPassword, true);
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedIn, kWaitMs);
    QCOMPARE(manager.username(), m_username);
    QTRY_COMPARE_WITH_TIMEOUT(problems.count(), 1, kWaitMs);
    QVERIFY(!problems.at(0).at(0).toString().isEmpty());
    QVERIFY(!problems.at(0).at(0).toString().contains(m_token));
    QCOMPARE(store.availability(), TokenStore::Availability::Unavailable);
    QVERIFY(!manager.isRememberAvailable());
    QCOMPARE(remember.count(), 1);
    // Still signed in: the session works, only remembering it does not.
    QCOMPARE(manager.state(), State::SignedIn);
    QTRY_VERIFY_WITH_TIMEOUT(!manager.profile()->etag().isEmpty(), kWaitMs);

    settings.sync();
    QVERIFY(QFile::exists(settingsPath()));
    const QStringList found =
        test::filesContaining(m_scanRoots + QStringList{settingsPath()}, m_token.toUtf8());
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char(' '))));

    // The sign-out's keychain delete fails too, and the session still ends cleanly.
    manager.signOut();
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), State::SignedOut, kWaitMs);
    QVERIFY(!api.hasToken());
}

void tst_AuthStateManagerNoKeyring::restoreFindsNothing()
{
    ApiClient api;
    api.setBaseUrl(test::referenceServerUrl());
    TokenStore store(test::appId());
    QSettings settings(settingsPath(), QSettings::IniFormat);
    AuthStateManager manager(&api, &store, &settings);
    manager.restoreSession();
    QCOMPARE(manager.state(), State::SignedOut);
    QCOMPARE(manager.lastUsername(), m_username);
    QTRY_COMPARE_WITH_TIMEOUT(store.availability(), TokenStore::Availability::Unavailable, kWaitMs);
    QVERIFY(!manager.isRememberAvailable());
    const QStringList found = test::filesContaining(m_scanRoots, m_token.toUtf8());
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char(' '))));
}

QTEST_GUILESS_MAIN(tst_AuthStateManagerNoKeyring)

#include "tst_authstatemanager_nokeyring.moc"
