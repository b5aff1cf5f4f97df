#pragma once

#include <QList>
#include <QString>

class QTextStream;

namespace portal::bench {

/// One row of the table tests/benchmarks/run.sh prints at the end: a figure measured for the
/// subject and (usually) a baseline in the same run, with its target. Each benchmark prints its
/// rows as "TABLE\t..." lines; run.sh collects them (tests/benchmarks/README.md says how to read
/// them). Nothing here asserts anything: the verdict is printed, never a test failure.
struct TableRow
{
    enum class Target
    {
        RatioAtMost,   ///< subject median / baseline median <= limit
        AtMost,        ///< subject median <= limit (in the row's unit), whatever the baseline
        BelowBaseline, ///< subject median <= baseline median (the baseline is a budget)
        None,          ///< for information: no verdict
    };

    QString figure;               ///< "start to first paint of Sign in (offscreen)"
    QString unit;                 ///< "ms", "MiB", "objects"
    QString baseline;             ///< what the baseline is: "bare Qt window"; empty for none
    QList<double> baselineValues; ///< one per run (alternating with the subject's); may be empty
    QList<double> subjectValues;  ///< one per run
    Target target = Target::None;
    double limit = 0.0;
    QString targetText; ///< "<= 1.2x", "<= 2 MiB", "<= bare + RTT + keychain read"

    static TableRow make(const QString &figure, const QString &unit, const QString &baseline,
                         const QList<double> &baselineValues, const QList<double> &subjectValues,
                         Target target = Target::None, double limit = 0.0,
                         const QString &targetText = {});

    /// "met", "missed" or "info" (no target, or no values to judge).
    QString verdict() const;
    /// subject median / baseline median, or 0 without a baseline.
    double ratio() const;
};

/// Prints @p row as one tab-separated "TABLE" line:
/// TABLE figure unit baseline b_median b_min b_max s_median s_min s_max ratio target verdict runs
/// (a missing baseline prints "-" in its fields).
void printTableRow(QTextStream &out, const TableRow &row);

} // namespace portal::bench
