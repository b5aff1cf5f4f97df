#include "samples.h"

#include <algorithm>
#include <cmath>

namespace portal::bench {

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<qsizetype>(std::ceil(p / 100.0 * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

double median(const QList<double> &values)
{
    return percentile(values, 50.0);
}

QString fixed(double value, int decimals, int width)
{
    return QStringLiteral("%1").arg(value, width, 'f', decimals);
}

double ratio(double subject, double baseline)
{
    return baseline > 0.0 ? subject / baseline : 0.0;
}

QString buildType()
{
    return QStringLiteral(PORTAL_BENCH_BUILD_TYPE);
}

QProcessEnvironment childEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

} // namespace portal::bench
