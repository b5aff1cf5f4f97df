#pragma once

#include "customerbench.h"

#include <QUrl>

namespace portal::bench {

/**
 * Figure 2: the heap bytes a CustomerListModel holds after page 1 on a server with
 * Options::smallCustomers and with Options::customers, and after Options::pages pages on the
 * latter (Results::memory). Each sample is a new model on a warm client. An error message, or an
 * empty string.
 */
QString measureMemory(const Options &options, const QUrl &big, const QUrl &small, Results *results);

} // namespace portal::bench
