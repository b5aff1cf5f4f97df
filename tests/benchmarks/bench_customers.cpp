// bench_customers: the support staff's customer list over 100,000 customers, against plain Qt
// baselines measured in the same run, alternating.
//
//   bench_customers [--runs N] [--paint-runs N] [--customers N] [--small-customers N]
//                   [--pages N] [--scroll-rows N] [--explain]
//
// 1. rows painted: from a page's HTTP reply to the end of the paint that shows its rows, for
//    CustomerListModel in a QTableView set up like CustomersPage's, against the same page parsed
//    with QJsonDocument into a QStandardItemModel in an identical view (and, for information,
//    the real CustomersPage, whose table is swapped for a "Loading" panel while a page loads).
// 2. model memory: heap bytes a CustomerListModel holds after 1 page and after 10 pages, and after
//    page 1 with 1,000 and with 100,000 customers on the server (two benchservers).
// 3. longest stall: the largest gap of a 1 ms heartbeat while a 6-letter search is typed into
//    CustomersPage at human pace (keys, debounce, request, rows), and while its table is scrolled
//    until 10,000 rows are loaded; baselines: typing into a bare QLineEdit, and scrolling a
//    QStandardItemModel table of 10,000 rows built beforehand.
//
// Every side has its own keep-alive connection to benchserver.py (TCP_NODELAY, one write per
// response). Nothing is asserted: the table shows median, min and max per side and their ratio.
// Each stall is also put down to what it was made of: this thread's CPU time in the gap (the rest
// it was not running) and the longest event the loop delivered in it (TimedApplication).

#include "benchserverprocess.h"
#include "customerbench.h"
#include "customerscreens.h"
#include "modelmemory.h"
#include "samples.h"
#include "tablerow.h"
#include "timedapplication.h"

#include <QCommandLineParser>
#include <QLocale>
#include <QTextStream>

#include <optional>

namespace portal::bench {
namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int positive(const QCommandLineParser &parser, const QCommandLineOption &option, bool *ok)
{
    bool valid = false;
    const int value = parser.value(option).toInt(&valid);
    *ok = *ok && valid && value > 0;
    return value;
}

QCommandLineOption countOption(const char *name, const char *description, int fallback)
{
    return {QString::fromLatin1(name), QString::fromLatin1(description), QStringLiteral("N"),
            QString::number(fallback)};
}

std::optional<Options> parseOptions(const QCoreApplication &app)
{
    const Options d;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The customer list (CustomerListModel, CustomersPage) against plain Qt baselines."));
    parser.addHelpOption();
    const QCommandLineOption runs =
        countOption("runs", "Memory and stall runs per side (10).", d.runs);
    const QCommandLineOption paintRuns =
        countOption("paint-runs", "Page loads per side for \"rows painted\" (40).", d.paintRuns);
    const QCommandLineOption customers =
        countOption("customers", "Customers on the main server (100000).", d.customers);
    const QCommandLineOption small =
        countOption("small-customers", "Customers on the second server (1000).", d.smallCustomers);
    const QCommandLineOption pages =
        countOption("pages", "Pages for the memory figure (10).", d.pages);
    const QCommandLineOption scrollRows =
        countOption("scroll-rows", "Rows to scroll to (10000).", d.scrollRows);
    const QCommandLineOption explain(
        QStringLiteral("explain"),
        QStringLiteral("Print every stall run's longest gap and the event that took it."));
    parser.addOptions({runs, paintRuns, customers, small, pages, scrollRows, explain});
    parser.process(app);
    bool ok = true;
    Options o{positive(parser, runs, &ok),
              positive(parser, paintRuns, &ok),
              positive(parser, customers, &ok),
              positive(parser, small, &ok),
              positive(parser, pages, &ok),
              positive(parser, scrollRows, &ok),
              parser.isSet(explain)};
    // Every figure needs rows to be there: 10 pages, 10,000 rows, page 1 on the small server.
    if (!ok || o.pages * kPageSize > o.customers || o.scrollRows > o.customers ||
        o.smallCustomers > o.customers)
        return std::nullopt;
    return o;
}

QString stats(const QList<double> &values, int decimals)
{
    return fixed(median(values), decimals) + QStringLiteral(" (") +
           fixed(percentile(values, 0), decimals) + QLatin1Char('-') +
           fixed(percentile(values, 100), decimals) + QLatin1Char(')');
}

void printFigure(const Figure &figure)
{
    const double r = ratio(median(figure.subject), median(figure.baseline));
    out() << figure.label.leftJustified(44)
          << stats(figure.baseline, figure.decimals).leftJustified(26)
          << stats(figure.subject, figure.decimals).leftJustified(26) << fixed(r, 2, 6) << "   "
          << figure.target << "\n";
}

QString count(int n)
{
    return QLocale(QLocale::English).toString(n);
}

void printTable(const Options &o, const Results &r)
{
    out() << "\n"
          << QStringLiteral("figure (median (min-max))").leftJustified(44)
          << QStringLiteral("baseline").leftJustified(26)
          << QStringLiteral("subject").leftJustified(26) << " ratio   target\n";
    const QString within = QStringLiteral("within 1.2x of the baseline");
    const QString grows = QStringLiteral("grows with pages seen, not with the total");
    const QString noStall = QStringLiteral("no stall over 16 ms");
    printFigure({QStringLiteral("rows painted, page 1, ms"), r.paint[0], r.paint[1], within, 2});
    printFigure({QStringLiteral("  the real CustomersPage, ms"), r.paint[0], r.paint[2],
                 QStringLiteral("(for information)"), 2});
    printFigure({QStringLiteral("model memory, 1 vs %1 pages, MiB").arg(o.pages), r.memory[1],
                 r.memory[2], grows, 3});
    printFigure({QStringLiteral("model memory, page 1, %1 vs %2, MiB")
                     .arg(count(o.smallCustomers), count(o.customers)),
                 r.memory[0], r.memory[1], grows, 3});
    printFigure({QStringLiteral("longest stall, typing \"%1\", ms").arg(kSearch), r.typing[0],
                 r.typing[1], noStall, 1});
    printFigure({QStringLiteral("longest stall, scroll to row %1, ms").arg(count(o.scrollRows)),
                 r.scroll[0], r.scroll[1], noStall, 1});
}

void printLegend(const Options &o, const Results &r)
{
    const double perPage =
        ratio(median(r.memory[2]), median(r.memory[1])) / double(qMax(1, o.pages));
    out() << "\nbaseline / subject of each row:\n"
          << "  rows painted: QStandardItemModel filled from QJsonDocument / CustomerListModel,\n"
          << "    in identical QTableViews; the page: CustomersPage's own table, the same size\n"
          << "  model memory: heap bytes (malloc, every arena) a CustomerListModel holds, after\n"
          << QStringLiteral("    page 1 / after %1 pages (%2 of page 1 per page seen), and after "
                            "page 1\n    with %3 / %4 customers on the server\n")
                 .arg(o.pages)
                 .arg(fixed(perPage, 2), count(o.smallCustomers), count(o.customers))
          << QStringLiteral("  longest stall: the largest gap of a 1 ms heartbeat; typing a key "
                            "every %1 ms\n    into a bare QLineEdit / CustomersPage's search "
                            "(debounce, request, rows);\n    scrolling a QStandardItemModel of "
                            "rows built beforehand / CustomersPage's\n    table, which fetches "
                            "as it goes; a scroll step every %2 ms\n")
                 .arg(kKeyIntervalMs)
                 .arg(kFrameMs);
}

void printWorstStalls(const Results &r)
{
    out() << "\nthe longest stall of all runs (wall time, this thread's CPU time in it, when, and\n"
             "the longest event the loop delivered in it):\n"
          << "  typing, baseline  " << describe(r.worstTyping[0]) << "\n"
          << "  typing, subject   " << describe(r.worstTyping[1]) << "\n"
          << "  scroll, baseline  " << describe(r.worstScroll[0]) << "\n"
          << "  scroll, subject   " << describe(r.worstScroll[1]) << "\n";
}

/// The staff issue's targets as rows of run.sh's table.
void printTableRows(const Options &o, const Results &r)
{
    using Target = TableRow::Target;
    const QString plain = QStringLiteral("QStandardItemModel table");
    const QList<TableRow> rows{
        TableRow::make(QStringLiteral("customer list: a page's reply to its rows painted"),
                       QStringLiteral("ms"), plain, r.paint[0], r.paint[1], Target::RatioAtMost,
                       1.2, QStringLiteral("<= 1.2x")),
        TableRow::make(QStringLiteral("customer list: the same, the real CustomersPage"),
                       QStringLiteral("ms"), plain, r.paint[0], r.paint[2], Target::None, 0, {}),
        TableRow::make(QStringLiteral("customer list: model memory, %1 pages vs 1").arg(o.pages),
                       QStringLiteral("MiB"), QStringLiteral("1 page"), r.memory[1], r.memory[2],
                       Target::RatioAtMost, o.pages * 1.2,
                       QStringLiteral("~%1x: grows per page seen").arg(o.pages)),
        TableRow::make(
            QStringLiteral("customer list: model memory after page 1, %1 vs %2 customers")
                .arg(count(o.customers), count(o.smallCustomers)),
            QStringLiteral("MiB"), QStringLiteral("%1 customers").arg(count(o.smallCustomers)),
            r.memory[0], r.memory[1], Target::RatioAtMost, 1.2,
            QStringLiteral("~1x: not with the total")),
        TableRow::make(QStringLiteral("customer list: longest stall typing a search"),
                       QStringLiteral("ms"), QStringLiteral("bare QLineEdit"), r.typing[0],
                       r.typing[1], Target::AtMost, 16.0, QStringLiteral("no stall over 16 ms")),
        TableRow::make(QStringLiteral("customer list: longest stall scrolling to row %1")
                           .arg(count(o.scrollRows)),
                       QStringLiteral("ms"), plain, r.scroll[0], r.scroll[1], Target::AtMost, 16.0,
                       QStringLiteral("no stall over 16 ms")),
    };
    for (const TableRow &tableRow : rows)
        printTableRow(out(), tableRow);
}

void printRatioLine(const Results &r)
{
    out() << "\nratio customers_paint=" << fixed(ratio(median(r.paint[1]), median(r.paint[0])), 2)
          << " page_paint=" << fixed(ratio(median(r.paint[2]), median(r.paint[0])), 2)
          << " memory_pages=" << fixed(ratio(median(r.memory[2]), median(r.memory[1])), 2)
          << " memory_total=" << fixed(ratio(median(r.memory[1]), median(r.memory[0])), 2)
          << " stall_typing_ms=" << fixed(median(r.typing[1]), 1)
          << " stall_scroll_ms=" << fixed(median(r.scroll[1]), 1) << Qt::endl;
}

bool startServers(const Options &o, BenchServerProcess *big, BenchServerProcess *small)
{
    QString error;
    if (!big->start(&error, {QStringLiteral("--customers"), QString::number(o.customers)}) ||
        !small->start(&error, {QStringLiteral("--customers"), QString::number(o.smallCustomers)})) {
        out() << "bench_customers: " << error << Qt::endl;
        return false;
    }
    return true;
}

int run(const Options &o, TimedApplication *app)
{
    BenchServerProcess big;
    BenchServerProcess small;
    if (!startServers(o, &big, &small))
        return 1;
    out() << "bench_customers: the customer list over " << count(o.customers) << " customers (and "
          << count(o.smallCustomers) << "), " << o.paintRuns << " page loads and " << o.runs
          << " memory and stall runs per side, alternating\n"
          << "server: " << BenchServerProcess::script() << " (TCP_NODELAY, one write per "
          << "response); platform: " << QGuiApplication::platformName()
          << "; build: " << buildType() << Qt::endl;
    Results results;
    QString error = measureMemory(o, big.url(), small.url(), &results);
    if (error.isEmpty())
        error = measureScreens(o, big.url(), app, &results);
    if (!error.isEmpty()) {
        out() << "bench_customers: " << error << "; no ratio" << Qt::endl;
        return 1;
    }
    printTable(o, results);
    printLegend(o, results);
    printWorstStalls(results);
    printTableRows(o, results);
    printRatioLine(results);
    return 0;
}

} // namespace
} // namespace portal::bench

int main(int argc, char *argv[])
{
    // Widgets need a platform; offscreen paints into memory, like the other benchmarks' default.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    portal::bench::TimedApplication app(argc, argv);
    const std::optional<portal::bench::Options> options = portal::bench::parseOptions(app);
    if (!options) {
        portal::bench::out() << "bench_customers: counts are positive numbers; --customers must "
                                "hold --pages pages, --scroll-rows rows and --small-customers"
                             << Qt::endl;
        return 2;
    }
    return portal::bench::run(*options, &app);
}
