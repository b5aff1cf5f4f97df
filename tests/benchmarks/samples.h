#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>

namespace portal::bench {

/// The nearest-rank percentile @p p (0..100) of @p values; 0 for an empty list.
double percentile(QList<double> values, double p);
double median(const QList<double> &values);

/// @p value with @p decimals digits, right-aligned in @p width characters.
QString fixed(double value, int decimals, int width = 0);

/// "ratio" of two figures, or 0 when the baseline is 0 (a broken run, not a fast one).
double ratio(double subject, double baseline);

/// How the benchmark was built: ratios from a Debug build mean little.
QString buildType();

/// This process's environment for a child that shows windows: QT_QPA_PLATFORM=offscreen unless
/// the caller chose a platform.
QProcessEnvironment childEnvironment();

} // namespace portal::bench
