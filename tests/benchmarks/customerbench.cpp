#include "customerbench.h"

#include "apiclient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTimer>

namespace portal::bench {

bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs, Qt::PreciseTimer);
    // WaitForMoreEvents blocks until something happens; this makes sure something does.
    QTimer wake;
    wake.start(10);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void spinFor(int ms)
{
    QElapsedTimer clock;
    clock.start();
    spinUntil([&clock, ms] { return clock.hasExpired(ms); }, ms + 1000);
}

std::optional<QList<QList<double>>> alternate(int runs, const QList<Measure> &sides)
{
    QList<QList<double>> samples(sides.size());
    for (int run = -1; run < runs; ++run) { // run -1 warms up and is not counted
        for (qsizetype k = 0; k < sides.size(); ++k) {
            const qsizetype side = run % 2 == 0 ? k : sides.size() - 1 - k;
            const std::optional<double> sample = sides.at(side)();
            if (!sample)
                return std::nullopt;
            if (run >= 0)
                samples[side].append(*sample);
        }
    }
    return samples;
}

QString logIn(ApiClient *client)
{
    QString token;
    bool done = false;
    const QObject context; // a late answer after a timeout finds nobody to write to
    ApiCall *call = client->login(QStringLiteral("alice"), QStringLiteral("alice-password-1"));
    QObject::connect(call, &ApiCall::finished, &context, [&token, &done](const ApiResult &result) {
        if (result.ok())
            token = result.value().json.toObject().value(QStringLiteral("token")).toString();
        done = true;
    });
    spinUntil([&done] { return done; });
    return token;
}

} // namespace portal::bench
