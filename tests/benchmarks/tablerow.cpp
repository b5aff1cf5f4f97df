#include "tablerow.h"

#include "samples.h"

#include <QTextStream>

#include <algorithm>

namespace portal::bench {

namespace {

QString figureOf(const QList<double> &values, double (*pick)(const QList<double> &))
{
    return values.isEmpty() ? QStringLiteral("-") : fixed(pick(values), 2);
}

double minOf(const QList<double> &values)
{
    return *std::min_element(values.cbegin(), values.cend());
}

double maxOf(const QList<double> &values)
{
    return *std::max_element(values.cbegin(), values.cend());
}

} // namespace

TableRow TableRow::make(const QString &figure, const QString &unit, const QString &baseline,
                        const QList<double> &baselineValues, const QList<double> &subjectValues,
                        Target target, double limit, const QString &targetText)
{
    TableRow row;
    row.figure = figure;
    row.unit = unit;
    row.baseline = baseline;
    row.baselineValues = baselineValues;
    row.subjectValues = subjectValues;
    row.target = target;
    row.limit = limit;
    row.targetText = targetText;
    return row;
}

double TableRow::ratio() const
{
    if (baselineValues.isEmpty() || subjectValues.isEmpty())
        return 0.0;
    return bench::ratio(median(subjectValues), median(baselineValues));
}

QString TableRow::verdict() const
{
    if (subjectValues.isEmpty())
        return QStringLiteral("info");
    const double subject = median(subjectValues);
    bool met = false;
    switch (target) {
    case Target::RatioAtMost:
        if (baselineValues.isEmpty())
            return QStringLiteral("info");
        met = ratio() <= limit;
        break;
    case Target::AtMost:
        met = subject <= limit;
        break;
    case Target::BelowBaseline:
        if (baselineValues.isEmpty())
            return QStringLiteral("info");
        met = subject <= median(baselineValues);
        break;
    case Target::None:
        return QStringLiteral("info");
    }
    return met ? QStringLiteral("met") : QStringLiteral("missed");
}

void printTableRow(QTextStream &out, const TableRow &row)
{
    const QChar tab(QLatin1Char('\t'));
    const bool hasRatio = !row.baselineValues.isEmpty() && !row.subjectValues.isEmpty();
    const qsizetype runs = std::max(row.subjectValues.size(), row.baselineValues.size());
    out << "TABLE" << tab << row.figure << tab << row.unit << tab
        << (row.baseline.isEmpty() ? QStringLiteral("-") : row.baseline) << tab
        << figureOf(row.baselineValues, median) << tab << figureOf(row.baselineValues, minOf) << tab
        << figureOf(row.baselineValues, maxOf) << tab << figureOf(row.subjectValues, median) << tab
        << figureOf(row.subjectValues, minOf) << tab << figureOf(row.subjectValues, maxOf) << tab
        << (hasRatio ? fixed(row.ratio(), 2) : QStringLiteral("-")) << tab
        << (row.targetText.isEmpty() ? QStringLiteral("-") : row.targetText) << tab << row.verdict()
        << tab << runs << Qt::endl;
}

} // namespace portal::bench
