#pragma once

#include "customerbench.h"

#include <QUrl>

namespace portal::bench {

class TimedApplication;

/**
 * Figures 1 and 3, with their windows shown: rows painted (Results::paint) and the longest stall
 * while typing a search and while scrolling (Results::typing, Results::scroll), against @p server.
 * @p app tells what a stall was made of. An error message, or an empty string.
 */
QString measureScreens(const Options &options, const QUrl &server, TimedApplication *app,
                       Results *results);

/// "37.1 ms (on the CPU 3.0 ms) at 812 ms; longest event: QWidgetWindow UpdateRequest ..."
QString describe(const StallMeter::Stall &stall);

} // namespace portal::bench
