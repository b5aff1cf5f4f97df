// The retry rule on its own: which failures of which requests are sent again, and when.

#include "retrypolicy.h"

#include <QTest>

#include <limits>

using namespace portal;
using K = ErrorKind;

class tst_RetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decide_data();
    void decide();
};

void tst_RetryPolicy::decide_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<double>("jitter");
    QTest::addColumn<bool>("retry");
    QTest::addColumn<int>("delayMs");

    // Default policy: 3 retries, 500 ms doubled each time, 0.5x to 1.5x, at most 8 s.
    QTest::newRow("GET refused, first")
        << QByteArray("GET") << K::Network << 0 << 1 << -1 << 0.5 << true << 500;
    QTest::newRow("GET refused, least jitter")
        << QByteArray("GET") << K::Network << 0 << 1 << -1 << 0.0 << true << 250;
    QTest::newRow("GET refused, most jitter")
        << QByteArray("GET") << K::Network << 0 << 1 << -1 << 0.999 << true << 749;
    QTest::newRow("GET second attempt doubles")
        << QByteArray("GET") << K::Network << 0 << 2 << -1 << 0.5 << true << 1000;
    QTest::newRow("GET third attempt doubles again")
        << QByteArray("get") << K::Network << 0 << 3 << -1 << 0.5 << true << 2000;
    QTest::newRow("GET fourth failure: no more")
        << QByteArray("GET") << K::Network << 0 << 4 << -1 << 0.5 << false << 0;
    QTest::newRow("HEAD 502") << QByteArray("HEAD") << K::Server << 502 << 1 << -1 << 0.5 << true
                              << 500;
    QTest::newRow("GET 503") << QByteArray("GET") << K::Server << 503 << 1 << -1 << 0.5 << true
                             << 500;
    QTest::newRow("GET 504") << QByteArray("GET") << K::Server << 504 << 1 << -1 << 0.5 << true
                             << 500;
    QTest::newRow("GET 500 is the server's bug")
        << QByteArray("GET") << K::Server << 500 << 1 << -1 << 0.5 << false << 0;
    QTest::newRow("GET 429 waits Retry-After")
        << QByteArray("GET") << K::RateLimited << 429 << 1 << 2 << 0.9 << true << 2000;
    QTest::newRow("GET 429 without Retry-After")
        << QByteArray("GET") << K::RateLimited << 429 << 1 << -1 << 0.5 << false << 0;
    QTest::newRow("GET 429 too long a wait: the person decides")
        << QByteArray("GET") << K::RateLimited << 429 << 1 << 61 << 0.5 << false << 0;
    QTest::newRow("POST refused: never")
        << QByteArray("POST") << K::Network << 0 << 1 << -1 << 0.5 << false << 0;
    QTest::newRow("PATCH 503: never")
        << QByteArray("PATCH") << K::Server << 503 << 1 << -1 << 0.5 << false << 0;
    QTest::newRow("PUT 502: never")
        << QByteArray("PUT") << K::Server << 502 << 1 << -1 << 0.5 << false << 0;
    QTest::newRow("DELETE refused: never")
        << QByteArray("DELETE") << K::Network << 0 << 1 << -1 << 0.5 << false << 0;
    QTest::newRow("GET timeout: the server is slow, not gone")
        << QByteArray("GET") << K::Timeout << 0 << 1 << -1 << 0.5 << false << 0;
    QTest::newRow("GET 401") << QByteArray("GET") << K::Unauthorized << 401 << 1 << -1 << 0.5
                             << false << 0;
    QTest::newRow("GET garbage") << QByteArray("GET") << K::BadResponse << 200 << 1 << -1 << 0.5
                                 << false << 0;
    QTest::newRow("GET cancelled")
        << QByteArray("GET") << K::Cancelled << 0 << 1 << -1 << 0.5 << false << 0;
    // Found by tests/fuzz: an attempt below 1 shifted by a negative count (undefined behaviour).
    QTest::newRow("GET attempt 0 counts as the first")
        << QByteArray("GET") << K::Network << 0 << 0 << -1 << 0.5 << true << 500;
    QTest::newRow("GET attempt INT_MIN counts as the first")
        << QByteArray("GET") << K::Network << 0 << std::numeric_limits<int>::min() << -1 << 0.5
        << true << 500;
}

void tst_RetryPolicy::decide()
{
    QFETCH(QByteArray, method);
    QFETCH(ErrorKind, kind);
    QFETCH(int, status);
    QFETCH(int, attempt);
    QFETCH(int, retryAfter);
    QFETCH(double, jitter);
    QFETCH(bool, retry);
    QFETCH(int, delayMs);
    const RetryDecision decision = decideRetry({method, kind, status, attempt, retryAfter, jitter});
    QCOMPARE(decision.retry, retry);
    QCOMPARE(decision.delayMs, delayMs);
}

QTEST_APPLESS_MAIN(tst_RetryPolicy)
#include "tst_retrypolicy.moc"
