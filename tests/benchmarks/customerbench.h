#pragma once

#include "stallmeter.h"

#include <QLatin1String>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace portal {
class ApiClient;
}

namespace portal::bench {

// What bench_customers shares between its figures (bench_customers.cpp says what they are).

constexpr int kPageSize = 100;             ///< CustomerListModel's default, and the server's cap.
constexpr int kKeyIntervalMs = 80;         ///< One key every 80 ms: a quick typist.
constexpr int kFrameMs = 16;               ///< One scroll step per frame at 60 Hz.
constexpr int kTimeoutMs = 20000;          ///< Any one wait; a side that takes longer has failed.
constexpr QLatin1String kSearch("martin"); ///< Six letters; matches about 1 customer in 32.

struct Options
{
    int runs = 10;
    int paintRuns = 40;
    int customers = 100000;
    int smallCustomers = 1000;
    int pages = 10;
    int scrollRows = 10000;
    bool explain = false; ///< Print every stall run's longest gap and what was in it.
};

/// The samples of each side; index 0 is a baseline.
struct Results
{
    QList<double> paint[3];           ///< ms: plain table, CustomerListModel, CustomersPage.
    QList<double> memory[3];          ///< MiB: small server page 1, page 1, all pages.
    QList<double> typing[2];          ///< ms: bare QLineEdit, CustomersPage.
    QList<double> scroll[2];          ///< ms: pre-built QStandardItemModel, CustomersPage.
    StallMeter::Stall worstTyping[2]; ///< The longest stall of the counted runs, per side.
    StallMeter::Stall worstScroll[2];
};

/// One row of the table.
struct Figure
{
    QString label;
    QList<double> baseline;
    QList<double> subject;
    QString target;
    int decimals = 2;
};

/**
 * Runs the event loop until @p done() holds; false once @p timeoutMs passed. Unlike
 * QTest::qWaitFor it never sleeps between events, which the stall heartbeat would count as a stall
 * and which would delay a timestamp taken from the loop.
 */
bool spinUntil(const std::function<bool()> &done, int timeoutMs = kTimeoutMs);
/// Runs the event loop for @p ms.
void spinFor(int ms);

/// One sample of one side, or nothing if it failed.
using Measure = std::function<std::optional<double>()>;

/**
 * @p runs samples of each side, one side after the other, in the opposite order every other run,
 * after one warm-up sample of each (first use: connections, caches, lazy initialisation). Load
 * from the rest of a shared machine then falls on every side alike. Nothing if a sample failed.
 */
std::optional<QList<QList<double>>> alternate(int runs, const QList<Measure> &sides);

/// Logs @p client in (it has its base URL), which also proves the server answers; the token.
QString logIn(ApiClient *client);

} // namespace portal::bench
