#include "modelmemory.h"

#include "apiclient.h"
#include "customerlistmodel.h"

#include <QCoreApplication>

#include <malloc.h>

namespace portal::bench {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

/// Bytes malloc has handed out and not taken back, in every arena and in mmap'ed blocks.
/// RSS would not do: it moves by whole pages, and freed memory stays in it, while one page of
/// customers is tens of kilobytes.
qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

/// Lets the finished calls and replies go (deleteLater) so that only what is kept is counted.
void settle()
{
    spinFor(5);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

/// Loads @p pages pages into a new model, as a view scrolling down would; the model's heap, MiB.
std::optional<double> modelHeap(ApiClient *client, int pages)
{
    settle();
    const qint64 before = heapInUse();
    CustomerListModel model(client);
    int loaded = 0;
    QObject::connect(&model, &CustomerListModel::pageLoaded, &model, [&loaded] { ++loaded; });
    model.setSearch(QString()); // every customer, page 1
    for (int page = 1; page <= pages; ++page) {
        if (page > 1)
            model.fetchMore({});
        if (!spinUntil([&] {
                return loaded == page || model.status() == CustomerListModel::Status::Failed;
            }) ||
            loaded != page)
            return std::nullopt;
    }
    settle();
    return double(heapInUse() - before) / kMiB;
}

} // namespace

QString measureMemory(const Options &options, const QUrl &big, const QUrl &small, Results *results)
{
    ApiClient bigClient;
    ApiClient smallClient;
    bigClient.setBaseUrl(big);
    smallClient.setBaseUrl(small);
    bigClient.setToken(logIn(&bigClient));
    smallClient.setToken(logIn(&smallClient));
    if (!bigClient.hasToken() || !smallClient.hasToken())
        return QStringLiteral("login to the bench servers failed");
    // The model's own heap is measured: no page may come from (or sit in) the client's cache.
    bigClient.setGetCacheLifetime(0);
    smallClient.setGetCacheLifetime(0);
    const int pages = options.pages;
    const auto samples = alternate(options.runs, {
                                                     [&] { return modelHeap(&smallClient, 1); },
                                                     [&] { return modelHeap(&bigClient, 1); },
                                                     [&] { return modelHeap(&bigClient, pages); },
                                                 });
    if (!samples)
        return QStringLiteral("a page of customers failed to load (memory)");
    for (int side = 0; side < 3; ++side)
        results->memory[side] = samples->at(side);
    return {};
}

} // namespace portal::bench
