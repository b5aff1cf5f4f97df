// bench_network: what the API client costs per request, against a raw QNetworkAccessManager loop
// measured in the same run, on the same keep-alive loopback connection kind, to the same server.
//
//   bench_network [--requests N] [--rounds R]
//
// Baseline: QNetworkAccessManager::get() of /api/profile/ with a hand-set Authorization header,
// the body read, the status checked. Subject: ApiClient::fetchProfile() with a token set, the full
// path (URL join, token, redirect policy and timeout, JSON parse, typed result). Each side has its
// own keep-alive connection. Requests are sequential, one in flight at a time, alternating between
// the sides request by request (the next starts from the event loop once the previous result
// arrived), and every other round the subject goes first: load from the rest of a shared machine
// then falls on both sides alike.

#include "apiclient.h"
#include "benchserverprocess.h"
#include "samples.h"
#include "serverurl.h"
#include "tablerow.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextStream>
#include <QTimer>

#include <functional>
#include <optional>

namespace portal::bench {
namespace {

constexpr int kWarmUpRequests = 100;

struct Options
{
    int requests = 1000;
    int rounds = 5;
};

/// Starts one request and calls the function it is given once, with whether it succeeded.
using Issue = std::function<void(const std::function<void(bool)> &done)>;

struct Batch
{
    QList<double> millis;
    int failures = 0;
};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

std::optional<Options> parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Per-request cost of ApiClient against a raw QNetworkAccessManager loop."));
    parser.addHelpOption();
    const QCommandLineOption requests(QStringLiteral("requests"),
                                      QStringLiteral("Requests per side and round (1000)."),
                                      QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption rounds(
        QStringLiteral("rounds"), QStringLiteral("Rounds, alternating which side goes first (5)."),
        QStringLiteral("R"), QStringLiteral("5"));
    parser.addOptions({requests, rounds});
    parser.process(app);
    Options options;
    bool okRequests = false;
    bool okRounds = false;
    options.requests = parser.value(requests).toInt(&okRequests);
    options.rounds = parser.value(rounds).toInt(&okRounds);
    if (!okRequests || !okRounds || options.requests < 1 || options.rounds < 1)
        return std::nullopt;
    return options;
}

/// @p count requests per side, one at a time, alternating between the sides request by request:
/// a load spike on this shared machine then hits both sides alike.
QList<Batch> timeAlternating(int count, const QList<Issue> &sides)
{
    QList<Batch> batches(sides.size());
    const int total = count * int(sides.size());
    int issued = 0;
    QEventLoop loop;
    QElapsedTimer timer;
    std::function<void()> next = [&] {
        if (issued == total) {
            loop.quit();
            return;
        }
        Batch &batch = batches[issued % sides.size()];
        const Issue &issue = sides.at(issued % sides.size());
        ++issued;
        timer.start();
        issue([&](bool ok) {
            batch.millis.append(double(timer.nsecsElapsed()) / 1e6);
            if (!ok)
                ++batch.failures;
            // From the event loop, as a click would, not from inside the last reply's signal.
            QTimer::singleShot(0, &loop, next);
        });
    };
    QTimer::singleShot(0, &loop, next);
    loop.exec();
    return batches;
}

Issue rawGet(QNetworkAccessManager *nam, const QNetworkRequest &request)
{
    return [nam, request](const std::function<void(bool)> &done) {
        QNetworkReply *reply = nam->get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const bool ok = reply->error() == QNetworkReply::NoError && status == 200 &&
                            !reply->readAll().isEmpty();
            reply->deleteLater();
            done(ok);
        });
    };
}

Issue clientFetch(ApiClient *client)
{
    return [client](const std::function<void(bool)> &done) {
        ApiCall *call = client->fetchProfile();
        QObject::connect(call, &ApiCall::finished, client, [done](const ApiResult &result) {
            done(result.ok() && result.value().json.isObject() && !result.value().etag.isEmpty());
        });
    };
}

/// Logs in through the client, which also proves the server answers; returns the token.
QString logIn(ApiClient *client)
{
    QString token;
    QEventLoop loop;
    ApiCall *call = client->login(QStringLiteral("alice"), QStringLiteral("alice-password-1"));
    QObject::connect(call, &ApiCall::finished, &loop, [&](const ApiResult &result) {
        if (result.ok())
            token = result.value().json.toObject().value(QStringLiteral("token")).toString();
        loop.quit();
    });
    loop.exec();
    return token;
}

void printStatsRow(const QString &label, const QList<double> &millis)
{
    out() << label.leftJustified(24) << fixed(median(millis), 3, 9) << " ms"
          << fixed(percentile(millis, 90), 3, 9) << " ms" << fixed(percentile(millis, 99), 3, 9)
          << " ms" << fixed(percentile(millis, 100), 3, 9) << " ms\n";
}

/// All rounds; each alternates request by request, and every other round the subject goes first.
/// Returns the samples of both sides (baseline, subject), or nothing if a request failed.
std::optional<QList<QList<double>>> measure(const Options &options, const Issue &baseline,
                                            const Issue &subject)
{
    // Connection set-up, first-use allocations and lazy initialisation stay out of the samples.
    int failures = 0;
    for (const Batch &batch :
         timeAlternating(qMin(options.requests, kWarmUpRequests), {baseline, subject}))
        failures += batch.failures;

    // [0], [1]: every request of each side; [2], [3]: each round's median of each side.
    QList<QList<double>> all(4);
    out() << "round  first       baseline median   subject median   ratio\n";
    for (int round = 0; round < options.rounds; ++round) {
        const bool baselineFirst = round % 2 == 0;
        QList<Batch> batches =
            timeAlternating(options.requests, baselineFirst ? QList<Issue>{baseline, subject}
                                                            : QList<Issue>{subject, baseline});
        if (!baselineFirst)
            std::swap(batches[0], batches[1]);
        for (int side = 0; side < 2; ++side) {
            failures += batches.at(side).failures;
            all[side] += batches.at(side).millis;
        }
        const double b = median(batches.at(0).millis);
        const double s = median(batches.at(1).millis);
        all[2].append(b);
        all[3].append(s);
        out() << QString::number(round + 1).rightJustified(5) << "  "
              << (baselineFirst ? QStringLiteral("baseline") : QStringLiteral("subject "))
              << fixed(b, 3, 15) << " ms" << fixed(s, 3, 14) << " ms" << fixed(ratio(s, b), 2, 8)
              << "\n";
    }
    if (failures > 0) {
        out() << "bench_network: " << failures << " requests failed; no ratio" << Qt::endl;
        return std::nullopt;
    }
    return all;
}

void printResults(const QList<double> &baseline, const QList<double> &subject,
                  const QList<double> &baselineRounds, const QList<double> &subjectRounds)
{
    out() << "\nper request (all rounds)   median        p90        p99        max\n";
    printStatsRow(QStringLiteral("baseline (raw QNAM)"), baseline);
    printStatsRow(QStringLiteral("subject (ApiClient)"), subject);
    const double medianRatio = ratio(median(subject), median(baseline));
    const double p90Ratio = ratio(percentile(subject, 90), percentile(baseline, 90));
    const double p99Ratio = ratio(percentile(subject, 99), percentile(baseline, 99));
    out() << QStringLiteral("subject / baseline").leftJustified(24) << fixed(medianRatio, 2, 9)
          << "   " << fixed(p90Ratio, 2, 9) << "   " << fixed(p99Ratio, 2, 9) << "\n\n";
    TableRow row;
    row.figure = QStringLiteral("request through ApiClient, keep-alive loopback (round medians)");
    row.unit = QStringLiteral("ms");
    row.baseline = QStringLiteral("raw QNetworkAccessManager");
    row.baselineValues = baselineRounds;
    row.subjectValues = subjectRounds;
    printTableRow(out(), row);
    out() << "ratio network_median=" << fixed(medianRatio, 2)
          << " network_p99=" << fixed(p99Ratio, 2) << Qt::endl;
}

int run(const Options &options)
{
    BenchServerProcess server;
    QString error;
    if (!server.start(&error)) {
        out() << "bench_network: " << error << Qt::endl;
        return 1;
    }
    ApiClient client;
    client.setBaseUrl(server.url());
    const QString token = logIn(&client);
    if (token.isEmpty()) {
        out() << "bench_network: login to the bench server failed" << Qt::endl;
        return 1;
    }
    client.setToken(token);
    // The cost of an exchange is measured: a repeated GET must reach the server, not the cache.
    client.setGetCacheLifetime(0);

    QNetworkAccessManager nam;
    QNetworkRequest request(joinUrl(server.url(), QStringLiteral("/api/profile/")));
    request.setRawHeader("Authorization", "Token " + token.toLatin1());

    out() << "bench_network: GET /api/profile/, " << options.requests << " sequential requests per "
          << "side x " << options.rounds << " rounds, alternating, keep-alive loopback\n"
          << "server: " << BenchServerProcess::script() << " on " << server.url().toString()
          << " (TCP_NODELAY, one write per response); build: " << buildType() << "\n\n";
    const auto samples = measure(options, rawGet(&nam, request), clientFetch(&client));
    if (!samples)
        return 1;
    printResults(samples->at(0), samples->at(1), samples->at(2), samples->at(3));
    return 0;
}

} // namespace
} // namespace portal::bench

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const std::optional<portal::bench::Options> options = portal::bench::parseOptions(app);
    if (!options) {
        portal::bench::out() << "bench_network: --requests and --rounds take positive numbers"
                             << Qt::endl;
        return 2;
    }
    return portal::bench::run(*options);
}
