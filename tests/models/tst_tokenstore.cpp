#include "modeltestutil.h"
#include "serverurl.h"
#include "testenv.h"
#include "tokenstore.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <optional>

using namespace portal;
using portal::test::readStored;
using portal::test::removeStored;
using portal::test::writeStored;
using Status = TokenStoreResult::Status;

namespace {

const QUrl kServer(QStringLiteral("http://127.0.0.1:8000"));

/// What `secret-tool` finds for @p key under the app id: the secret, or empty.
QByteArray secretToolLookup(const QString &key)
{
    return test::runProgram(QStringLiteral("secret-tool"),
                            {QStringLiteral("lookup"), QStringLiteral("server"), test::appId(),
                             QStringLiteral("user"), key});
}

QByteArray secretToolSearchAll()
{
    // secret-tool prints the attributes of what it finds on standard error.
    return test::runProgram(QStringLiteral("secret-tool"),
                            {QStringLiteral("search"), QStringLiteral("--all"),
                             QStringLiteral("xdg:schema"), QStringLiteral("org.qt.keychain")},
                            nullptr, QProcess::MergedChannels);
}

QString newToken()
{
    return QStringLiteral("tok-") + test::uniqueUsername(QStringLiteral("secret"));
}

} // namespace

class tst_TokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keyFor_data();
    void keyFor();
    void roundTrip();
    void readMissing();
    void keysScoped_data();
    void keysScoped();
    void entryVisibleToSecretTool();
    void overwrite();
    void deadContextNotCalled();
    void nullContextCalled();
    void answersWhileTheMainThreadIsBusy();
};

void tst_TokenStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(test::hasSessionBus(),
             "No D-Bus session: run the tests through tests/keyring-session.sh");
    // The keyring must really be there, or every assertion below would test the wrong thing.
    TokenStore store(test::appId());
    const TokenStoreResult probe = readStored(store, QStringLiteral("probe"));
    QVERIFY2(
        probe.status == Status::NotFound,
        qPrintable(QStringLiteral("no working keyring (run through tests/keyring-session.sh): ") +
                   probe.errorText));
}

void tst_TokenStore::keyFor_data()
{
    QTest::addColumn<QUrl>("server");
    QTest::addColumn<QString>("username");

    QTest::newRow("loopback with port") << kServer << QStringLiteral("alice");
    QTest::newRow("https default port")
        << QUrl(QStringLiteral("https://portal.example.com")) << QStringLiteral("bob");
    QTest::newRow("path ignored") << QUrl(QStringLiteral("https://example.com:8443/portal/"))
                                  << QStringLiteral("carol");
}

void tst_TokenStore::keyFor()
{
    QFETCH(QUrl, server);
    QFETCH(QString, username);
    QCOMPARE(TokenStore::keyFor(server, username), originOf(server) + QLatin1Char(' ') + username);
    QVERIFY(!originOf(server).isEmpty());
}

void tst_TokenStore::roundTrip()
{
    TokenStore store(test::appId());
    QCOMPARE(store.service(), test::appId());
    QCOMPARE(store.availability(), TokenStore::Availability::Unknown);
    QSignalSpy availability(&store, &TokenStore::availabilityChanged);
    const QString key = TokenStore::keyFor(kServer, test::uniqueUsername(QStringLiteral("rt")));
    const QString token = newToken();

    const auto written = writeStored(store, key, token);
    QCOMPARE(written.status, Status::Ok);
    QVERIFY(written.token.isEmpty());
    QCOMPARE(store.availability(), TokenStore::Availability::Available);
    QCOMPARE(availability.count(), 1);

    const auto read = readStored(store, key);
    QCOMPARE(read.status, Status::Ok);
    QCOMPARE(read.token, token);

    const auto removed = removeStored(store, key);
    QCOMPARE(removed.status, Status::Ok);
    const auto gone = readStored(store, key);
    QCOMPARE(gone.status, Status::NotFound);
    QVERIFY(gone.token.isEmpty());
    QCOMPARE(availability.count(), 1);
}

void tst_TokenStore::readMissing()
{
    TokenStore store(test::appId());
    QSignalSpy availability(&store, &TokenStore::availabilityChanged);
    const auto read =
        readStored(store, TokenStore::keyFor(kServer, test::uniqueUsername(QStringLiteral("no"))));
    QCOMPARE(read.status, Status::NotFound);
    // "Not found" proves the keychain answers.
    QCOMPARE(store.availability(), TokenStore::Availability::Available);
    QCOMPARE(availability.count(), 1);
    QCOMPARE(availability.at(0).at(0).value<TokenStore::Availability>(),
             TokenStore::Availability::Available);
}

void tst_TokenStore::keysScoped_data()
{
    QTest::addColumn<QUrl>("otherServer");
    QTest::addColumn<bool>("sameUser");

    QTest::newRow("same server, other user") << kServer << false;
    QTest::newRow("other port, same user") << QUrl(QStringLiteral("http://127.0.0.1:8001")) << true;
    QTest::newRow("other scheme, same user")
        << QUrl(QStringLiteral("https://127.0.0.1:8000")) << true;
    QTest::newRow("other host, same user") << QUrl(QStringLiteral("http://localhost:8000")) << true;
}

void tst_TokenStore::keysScoped()
{
    QFETCH(QUrl, otherServer);
    QFETCH(bool, sameUser);

    TokenStore store(test::appId());
    const QString user = test::uniqueUsername(QStringLiteral("scope"));
    const QString otherUser = sameUser ? user : user + QStringLiteral("x");
    const QString key = TokenStore::keyFor(kServer, user);
    const QString otherKey = TokenStore::keyFor(otherServer, otherUser);
    QVERIFY(key != otherKey);

    QCOMPARE(writeStored(store, key, newToken()).status, Status::Ok);
    QCOMPARE(readStored(store, otherKey).status, Status::NotFound);
    const QString otherToken = newToken();
    QCOMPARE(writeStored(store, otherKey, otherToken).status, Status::Ok);
    QCOMPARE(removeStored(store, key).status, Status::Ok);
    const auto other = readStored(store, otherKey);
    QCOMPARE(other.status, Status::Ok);
    QCOMPARE(other.token, otherToken);
    QCOMPARE(removeStored(store, otherKey).status, Status::Ok);
}

void tst_TokenStore::entryVisibleToSecretTool()
{
    TokenStore store(test::appId());
    const QString key = TokenStore::keyFor(kServer, test::uniqueUsername(QStringLiteral("tool")));
    const QString token = newToken();
    QCOMPARE(writeStored(store, key, token).status, Status::Ok);

    const QByteArray all = secretToolSearchAll();
    QVERIFY2(all.contains(QByteArray("attribute.server = " + test::appId().toUtf8())),
             all.constData());
    QVERIFY2(all.contains(QByteArray("attribute.user = " + key.toUtf8())), all.constData());
    QCOMPARE(secretToolLookup(key), token.toUtf8());

    QCOMPARE(removeStored(store, key).status, Status::Ok);
    QVERIFY(secretToolLookup(key).isEmpty());
    QVERIFY(!secretToolSearchAll().contains(key.toUtf8()));
}

void tst_TokenStore::overwrite()
{
    TokenStore store(test::appId());
    const QString key = TokenStore::keyFor(kServer, test::uniqueUsername(QStringLiteral("ow")));
    QCOMPARE(writeStored(store, key, QStringLiteral("first-token")).status, Status::Ok);
    QCOMPARE(writeStored(store, key, QStringLiteral("second-token")).status, Status::Ok);
    QCOMPARE(readStored(store, key).token, QStringLiteral("second-token"));
    QCOMPARE(removeStored(store, key).status, Status::Ok);
}

void tst_TokenStore::deadContextNotCalled()
{
    TokenStore store(test::appId());
    const QString key = TokenStore::keyFor(kServer, test::uniqueUsername(QStringLiteral("ctx")));
    bool called = false;
    auto *context = new QObject;
    store.write(key, newToken(), context, [&called](const TokenStoreResult &) { called = true; });
    delete context;
    // Jobs run in order: once a later one answered, the first one has finished too.
    QCOMPARE(readStored(store, key).status, Status::Ok);
    QVERIFY(!called);
    QCOMPARE(removeStored(store, key).status, Status::Ok);
}

void tst_TokenStore::nullContextCalled()
{
    TokenStore store(test::appId());
    std::optional<TokenStoreResult> result;
    store.read(TokenStore::keyFor(kServer, test::uniqueUsername(QStringLiteral("null"))), nullptr,
               [&result](const TokenStoreResult &answer) { result = answer; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
    QCOMPARE(result->status, Status::NotFound);
}

void tst_TokenStore::answersWhileTheMainThreadIsBusy()
{
    TokenStore store(test::appId());
    const QString key = TokenStore::keyFor(kServer, test::uniqueUsername(QStringLiteral("busy")));
    const QString token = newToken();
    QCOMPARE(writeStored(store, key, token).status, Status::Ok);

    // The main thread stands in for a window busy painting: it never runs its event loop, so
    // libsecret's D-Bus replies (GLib sources) can only be handled on the keychain thread. It
    // only takes in the store's posted answer, the one thing that must come back to it.
    std::optional<TokenStoreResult> answer;
    store.read(key, nullptr, [&answer](const TokenStoreResult &result) { answer = result; });
    QDeadlineTimer deadline(20000);
    while (!answer && !deadline.hasExpired()) {
        QCoreApplication::sendPostedEvents();
        QThread::msleep(5);
    }
    QVERIFY2(answer, "the keychain did not answer without the main thread's event loop");
    QCOMPARE(answer->status, Status::Ok);
    QCOMPARE(answer->token, token);
    QCOMPARE(removeStored(store, key).status, Status::Ok);
}

QTEST_GUILESS_MAIN(tst_TokenStore)

#include "tst_tokenstore.moc"
