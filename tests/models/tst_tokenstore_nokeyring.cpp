#include "modeltestutil.h"
#include "testenv.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace portal;
using Status = TokenStoreResult::Status;

namespace {

const QUrl kServer(QStringLiteral("http://127.0.0.1:8000"));
const QString kToken = QStringLiteral("nokeyring-secret-4f1c9a7e2b");

} // namespace

/// Runs in a D-Bus session without any Secret Service (portal_add_test NO_KEYRING).
class tst_TokenStoreNoKeyring : public QObject
{
    Q_OBJECT

public:
    tst_TokenStoreNoKeyring()
        // Before anything else may look at HOME or the XDG directories.
        : m_scanRoots(test::isolateHome(m_home.path()))
    {}

private Q_SLOTS:
    void initTestCase();
    void writeIsUnavailable();
    void readAndRemoveAreUnavailable_data();
    void readAndRemoveAreUnavailable();
    void nothingWrittenToDisk();
    void scanFindsAPlantedSecret();

private:
    QTemporaryDir m_home;
    QStringList m_scanRoots;
};

void tst_TokenStoreNoKeyring::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Where an insecure fallback would write (QSettings of this application) is inside m_home.
    QCoreApplication::setOrganizationName(QStringLiteral("CustomerPortalTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_tokenstore_nokeyring"));
    QVERIFY(m_home.isValid());
    QVERIFY2(test::hasSessionBus(), "run through ctest: the test needs its own D-Bus session");
}

void tst_TokenStoreNoKeyring::writeIsUnavailable()
{
    TokenStore store(test::appId());
    QSignalSpy availability(&store, &TokenStore::availabilityChanged);
    const TokenStoreResult result =
        test::writeStored(store, TokenStore::keyFor(kServer, QStringLiteral("alice")), kToken);
    QCOMPARE(result.status, Status::Unavailable);
    QVERIFY(!result.errorText.contains(kToken));
    QCOMPARE(store.availability(), TokenStore::Availability::Unavailable);
    QCOMPARE(availability.count(), 1);

    // Reported once, not again for the next failure.
    test::writeStored(store, TokenStore::keyFor(kServer, QStringLiteral("bob")), kToken);
    QCOMPARE(availability.count(), 1);
}

void tst_TokenStoreNoKeyring::readAndRemoveAreUnavailable_data()
{
    QTest::addColumn<bool>("remove");
    QTest::newRow("read") << false;
    QTest::newRow("remove") << true;
}

void tst_TokenStoreNoKeyring::readAndRemoveAreUnavailable()
{
    QFETCH(bool, remove);
    TokenStore store(test::appId());
    const QString key = TokenStore::keyFor(kServer, QStringLiteral("alice"));
    const TokenStoreResult result =
        remove ? test::removeStored(store, key) : test::readStored(store, key);
    QCOMPARE(result.status, Status::Unavailable);
    QVERIFY(result.token.isEmpty());
    QCOMPARE(store.availability(), TokenStore::Availability::Unavailable);
}

void tst_TokenStoreNoKeyring::nothingWrittenToDisk()
{
    TokenStore store(test::appId());
    QCOMPARE(test::writeStored(store, TokenStore::keyFor(kServer, QStringLiteral("carol")), kToken)
                 .status,
             Status::Unavailable);
    const QStringList found = test::filesContaining(m_scanRoots, kToken.toUtf8());
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char(' '))));
}

void tst_TokenStoreNoKeyring::scanFindsAPlantedSecret()
{
    // The scan above must be able to fail: a secret in a hidden file deep in HOME is found.
    const QString dir = m_home.path() + QStringLiteral("/.local/share/planted");
    QVERIFY(QDir().mkpath(dir));
    QFile file(dir + QStringLiteral("/.hidden.conf"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("token=" + kToken.toUtf8() + "\n");
    file.close();
    QCOMPARE(test::filesContaining(m_scanRoots, kToken.toUtf8()), QStringList{file.fileName()});
    QVERIFY(file.remove());
}

QTEST_GUILESS_MAIN(tst_TokenStoreNoKeyring)

#include "tst_tokenstore_nokeyring.moc"
