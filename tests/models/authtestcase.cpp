#include "authtestcase.h"

#include "customereditor.h"
#include "modeltestutil.h"
#include "testenv.h"

#include <QStandardPaths>
#include <QTest>

namespace portal::test {

QList<AuthStateManager::State> statesOf(const QSignalSpy &spy)
{
    QList<AuthStateManager::State> states;
    for (const QList<QVariant> &arguments : spy)
        states << arguments.at(0).value<AuthStateManager::State>();
    return states;
}

QString AuthTestCase::setUp()
{
    QStandardPaths::setTestModeEnabled(true);
    if (!m_dir.isValid())
        return QStringLiteral("no temporary directory");
    m_server = referenceServerUrl();
    if (!m_server.isValid())
        return QStringLiteral("the reference server is not running (run through ctest)");
    TokenStore store(appId());
    if (readStored(store, QStringLiteral("probe")).status != TokenStoreResult::Status::NotFound)
        return QStringLiteral("no working keyring: run through tests/keyring-session.sh");
    return {};
}

QString AuthTestCase::settingsPath() const
{
    return m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                          QStringLiteral(".ini"));
}

std::unique_ptr<TestApp> AuthTestCase::newApp(const QUrl &server) const
{
    auto app = std::make_unique<TestApp>(settingsPath(), server.isEmpty() ? m_server : server);
    app->api.setEndpoints(ApiEndpoints::forFlavour(flavour()));
    return app;
}

void AuthTestCase::addFlavourRows()
{
    QTest::addColumn<ApiFlavour>("flavour");
    QTest::newRow("seed") << ApiFlavour::Seed;
    QTest::newRow("djoser") << ApiFlavour::Djoser;
}

void AuthTestCase::useRowFlavour()
{
    QFETCH(ApiFlavour, flavour);
    m_flavour = flavour;
    m_flavourFunction = QTest::currentTestFunction();
}

ApiFlavour AuthTestCase::flavour() const
{
    return m_flavourFunction == QTest::currentTestFunction() ? m_flavour : ApiFlavour::Seed;
}

bool AuthTestCase::waitForProfileRead(TestApp &app) const
{
    AuthStateManager *manager = app.manager.get();
    const bool sendsEtags = serverSendsEtags();
    return QTest::qWaitFor(
        [manager, sendsEtags]() {
            return !manager->profile()->isBusy() &&
                   (!sendsEtags || !manager->profile()->etag().isEmpty());
        },
        kWaitMs);
}

bool AuthTestCase::registerAccount(TestApp &app, const QString &username, bool remember)
{
    app.manager->registerAccount(registrationFor(username), remember);
    return QTest::qWaitFor(
        [&app]() { return app.manager->state() == AuthStateManager::State::SignedIn; }, kWaitMs);
}

std::unique_ptr<TestApp> AuthTestCase::signedInApp(const QString &username)
{
    auto app = newApp();
    if (!registerAccount(*app, username, false))
        return nullptr;
    return waitForProfileRead(*app) ? std::move(app) : nullptr;
}

TokenStoreResult AuthTestCase::waitForEntry(TestApp &app, const QString &username,
                                            TokenStoreResult::Status status)
{
    // The manager writes and deletes in the background: poll until the keychain agrees.
    TokenStore store(appId());
    TokenStoreResult result;
    static_cast<void>(QTest::qWaitFor(
        [&]() {
            result = readStored(store, app.storedKey(username));
            return result.status == status;
        },
        kWaitMs));
    return result;
}

} // namespace portal::test
