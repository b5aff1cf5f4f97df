#include "customerscreens.h"

#include "apiclient.h"
#include "customerlistmodel.h"
#include "customerspage.h"
#include "paintprobe.h"
#include "plaincustomertable.h"
#include "stallmeter.h"
#include "timedapplication.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QTextStream>
#include <QTimer>

namespace portal::bench {

namespace {

using Status = CustomerListModel::Status;

constexpr int kSettleMs = 20; ///< Between samples: replies deleted later, a late paint.
constexpr int kTailMs = 50;   ///< After the last rows arrived: their paint belongs to the run.
constexpr QSize kPageWindowSize(1000, 700);

/// Every window of the figures, against one server; each list has its own client and connection.
struct Screens
{
    Screens(const QUrl &server, const QString &token);
    /// Once the page is laid out: shows the other tables, each the size of the page's.
    void showTables();

    ApiClient modelClient;
    CustomerListModel model{&modelClient};
    QTableView modelView; ///< Set up like CustomersPage's table.
    ApiClient pageClient;
    CustomerListModel pageModel{&pageClient};
    CustomersPage page{&pageModel};
    PlainCustomerTable plain;
    PlainCustomerTable prebuilt; ///< The scroll baseline: every row loaded before it scrolls.
    QLineEdit bareEdit;          ///< The typing baseline.
};

Screens::Screens(const QUrl &server, const QString &token)
    : plain(server, token)
    , prebuilt(server, token)
{
    for (ApiClient *client : {&modelClient, &pageClient}) {
        client->setBaseUrl(server);
        client->setToken(token);
        // Each reload is timed to its painted page: from the server, never the memory cache.
        client->setGetCacheLifetime(0);
    }
    modelView.setModel(&model);
    PlainCustomerTable::setUpLikeCustomersPage(&modelView);
    page.resize(kPageWindowSize);
    page.show();
    page.activate(); // page 1, as when support staff open the page
    bareEdit.show();
}

void Screens::showTables()
{
    // The same size as the page's table, so that every view paints the same number of rows.
    for (QTableView *table : QList<QTableView *>{&modelView, &plain, &prebuilt}) {
        table->resize(page.table()->size());
        table->show();
    }
    QTextStream(stdout) << "views: " << page.table()->width() << " x " << page.table()->height()
                        << " px, each the size of CustomersPage's table" << Qt::endl;
    spinFor(kSettleMs);
}

// ---- Figure 1: rows painted ---------------------------------------------------------------------

/// A probe on a CustomerListModel's view. ApiClient owns the one QNetworkAccessManager of the
/// client: its finished() is when the reply's body is there, as for the baseline's manager.
PaintProbe *watch(QTableView *view, ApiClient *client, CustomerListModel *model)
{
    auto *probe = new PaintProbe(view);
    auto *manager = client->findChild<QNetworkAccessManager *>();
    QObject::connect(manager, &QNetworkAccessManager::finished, probe, &PaintProbe::replyArrived);
    QObject::connect(model, &QAbstractItemModel::rowsInserted, probe, &PaintProbe::rowsInserted);
    // A new query's first page replaces the rows shown (a reset) instead of being inserted.
    QObject::connect(model, &QAbstractItemModel::modelReset, probe, &PaintProbe::rowsInserted);
    return probe;
}

PaintProbe *watch(PlainCustomerTable *table)
{
    auto *probe = new PaintProbe(table);
    QObject::connect(table, &PlainCustomerTable::replyArrived, probe, &PaintProbe::replyArrived);
    QObject::connect(table->itemModel(), &QAbstractItemModel::rowsInserted, probe,
                     &PaintProbe::rowsInserted);
    return probe;
}

/// One page load: @p reload empties the list and asks for page 1; the time to its rows' paint.
std::optional<double> timePaint(PaintProbe *probe, const std::function<void()> &reload)
{
    probe->reset();
    reload();
    const bool painted = spinUntil([probe] { return probe->isDone(); });
    spinFor(kSettleMs);
    return painted ? std::optional<double>(probe->millis()) : std::nullopt;
}

bool measurePaint(const Options &options, Screens &s, Results *results)
{
    PaintProbe *plainProbe = watch(&s.plain);
    PaintProbe *modelProbe = watch(&s.modelView, &s.modelClient, &s.model);
    PaintProbe *pageProbe = watch(s.page.table(), &s.pageClient, &s.pageModel);
    const Measure plainSide = [&] {
        return timePaint(plainProbe, [&s] { s.plain.reload(); });
    };
    const Measure modelSide = [&] {
        return timePaint(modelProbe, [&s] { s.model.reload(); });
    };
    const Measure pageSide = [&] {
        return timePaint(pageProbe, [&s] { s.pageModel.reload(); });
    };
    const auto samples = alternate(options.paintRuns, {plainSide, modelSide, pageSide});
    for (int side = 0; samples && side < 3; ++side)
        results->paint[side] = samples->at(side);
    return samples.has_value();
}

// ---- Figure 3: the longest stall ----------------------------------------------------------------

/// The longest stall while @p act's work runs until @p done(), and kTailMs more for the last paint.
std::optional<double> longestStall(StallMeter *meter, const std::function<void()> &act,
                                   const std::function<bool()> &done)
{
    meter->start();
    act();
    const bool ok = spinUntil(done);
    spinFor(kTailMs);
    meter->stop();
    return ok ? std::optional<double>(meter->longest().wallMs) : std::nullopt;
}

/// Types kSearch into @p edit, one key every kKeyIntervalMs from the event loop, as a person does.
void typeAtHumanPace(QLineEdit *edit)
{
    for (int i = 0; i < kSearch.size(); ++i) {
        const char key = kSearch.at(i).toLatin1();
        QTimer::singleShot(i * kKeyIntervalMs, edit, [edit, key] { QTest::keyClick(edit, key); });
    }
}

/// Back to page 1 of every customer, at the top, with nothing typed.
bool showEveryone(CustomersPage *page)
{
    CustomerListModel *model = page->model();
    page->searchEdit()->clear();
    page->searchNow(); // now, not after the debounce; nothing happens if the search was empty
    if (model->rowCount() > model->requestedPageSize())
        model->reload(); // after a scroll: back to page 1
    const bool ready = spinUntil([model] { return model->status() == Status::Ready; });
    page->table()->scrollToTop();
    spinFor(kSettleMs);
    return ready && model->rowCount() > 0;
}

std::optional<double> typeIntoPage(CustomersPage *page, StallMeter *meter)
{
    if (!showEveryone(page))
        return std::nullopt;
    CustomerListModel *model = page->model();
    // Through the real widget: each key restarts the debounce; the search goes out after the last.
    return longestStall(
        meter, [page] { typeAtHumanPace(page->searchEdit()); },
        [model] { return model->search() == kSearch && model->status() == Status::Ready; });
}

std::optional<double> typeIntoBareEdit(QLineEdit *edit, StallMeter *meter)
{
    edit->clear();
    spinFor(kSettleMs);
    // As long as the page waits at least: the keys, then the debounce.
    const int ms = int(kSearch.size() - 1) * kKeyIntervalMs + CustomersPage::kSearchDelayMs;
    QElapsedTimer clock;
    const std::optional<double> stall = longestStall(
        meter,
        [&clock, edit] {
            clock.start();
            typeAtHumanPace(edit);
        },
        [&clock, ms] { return clock.hasExpired(ms); });
    return edit->text() == kSearch ? stall : std::nullopt;
}

std::optional<double> scrollPage(CustomersPage *page, int rows, StallMeter *meter)
{
    if (!showEveryone(page))
        return std::nullopt;
    QTableView *table = page->table();
    CustomerListModel *model = page->model();
    // To the bottom once a frame, as someone dragging the scroll bar down: at the bottom the view
    // itself calls fetchMore(), and the next page moves the bottom further.
    QTimer frames;
    frames.setTimerType(Qt::PreciseTimer);
    QObject::connect(&frames, &QTimer::timeout, table, [table] { table->scrollToBottom(); });
    const std::optional<double> stall = longestStall(
        meter, [&frames] { frames.start(kFrameMs); },
        [model, rows] { return model->rowCount() >= rows || model->status() == Status::Failed; });
    return model->rowCount() >= rows ? stall : std::nullopt;
}

std::optional<double> scrollPlain(PlainCustomerTable *table, int rows, StallMeter *meter)
{
    table->scrollToTop();
    spinFor(kSettleMs);
    // As the page does at best: the bottom moves one page further every frame.
    int bottom = kPageSize;
    QTimer frames;
    frames.setTimerType(Qt::PreciseTimer);
    QObject::connect(&frames, &QTimer::timeout, table, [table, rows, &bottom] {
        bottom = qMin(bottom + kPageSize, rows);
        table->scrollTo(table->model()->index(bottom - 1, 0), QAbstractItemView::PositionAtBottom);
    });
    return longestStall(
        meter, [&frames] { frames.start(kFrameMs); }, [&bottom, rows] { return bottom >= rows; });
}

/// Fills the scroll baseline with @p rows rows (or a few more: whole pages) before it is measured.
bool loadRows(PlainCustomerTable *table, int rows)
{
    table->reload();
    while (spinUntil([table] { return table->isLoaded(); }) && !table->hasFailed()) {
        if (table->model()->rowCount() >= rows)
            return true;
        if (!table->loadMore())
            return false;
    }
    return false;
}

/// A side of a stall figure: @p measure, keeping every run's longest stall (with what it was made
/// of) in @p runs and, with --explain, printing it.
Measure keepingStalls(const StallMeter &meter, bool explain, const char *what,
                      QList<StallMeter::Stall> *runs, const Measure &measure)
{
    return [&meter, explain, what, runs, measure] {
        const std::optional<double> ms = measure();
        if (ms)
            runs->append(meter.longest());
        if (ms && explain)
            QTextStream(stdout) << "  " << QString::fromLatin1(what).leftJustified(18)
                                << describe(meter.longest()) << Qt::endl;
        return ms;
    };
}

/// The longest of @p runs after the first, which warmed up (alternate()).
StallMeter::Stall worstCounted(const QList<StallMeter::Stall> &runs)
{
    StallMeter::Stall worst;
    for (const StallMeter::Stall &stall : runs.mid(1)) {
        if (stall.wallMs > worst.wallMs)
            worst = stall;
    }
    return worst;
}

QString measureStalls(const Options &o, Screens &s, TimedApplication *app, Results *r)
{
    if (!loadRows(&s.prebuilt, o.scrollRows))
        return QStringLiteral("the baseline's rows failed to load");
    StallMeter m(app);
    QList<StallMeter::Stall> runs[4]; // typing baseline and subject, scroll baseline and subject
    const auto side = [&m, &o, &runs](const char *what, int i, const Measure &measure) {
        return keepingStalls(m, o.explain, what, &runs[i], measure);
    };
    const QList<Measure> typingSides = {
        side("typing, baseline", 0, [&] { return typeIntoBareEdit(&s.bareEdit, &m); }),
        side("typing, subject", 1, [&] { return typeIntoPage(&s.page, &m); }),
    };
    const QList<Measure> scrollSides = {
        side("scroll, baseline", 2, [&] { return scrollPlain(&s.prebuilt, o.scrollRows, &m); }),
        side("scroll, subject", 3, [&] { return scrollPage(&s.page, o.scrollRows, &m); }),
    };
    const auto typing = alternate(o.runs, typingSides);
    const auto scroll = typing ? alternate(o.runs, scrollSides) : std::nullopt;
    if (!typing || !scroll)
        return QStringLiteral("typing a search or scrolling the list failed");
    for (int i = 0; i < 2; ++i) {
        r->typing[i] = typing->at(i);
        r->scroll[i] = scroll->at(i);
        r->worstTyping[i] = worstCounted(runs[i]);
        r->worstScroll[i] = worstCounted(runs[2 + i]);
    }
    return {};
}

} // namespace

QString describe(const StallMeter::Stall &stall)
{
    return QString::number(stall.wallMs, 'f', 1) + QStringLiteral(" ms (on the CPU ") +
           QString::number(stall.cpuMs, 'f', 1) + QStringLiteral(" ms) at ") +
           QString::number(stall.atMs, 'f', 0) + QStringLiteral(" ms; longest event: ") +
           (stall.longestEvent.isEmpty() ? QStringLiteral("none") : stall.longestEvent);
}

QString measureScreens(const Options &options, const QUrl &server, TimedApplication *app,
                       Results *results)
{
    QString token;
    {
        ApiClient client;
        client.setBaseUrl(server);
        token = logIn(&client);
    }
    if (token.isEmpty())
        return QStringLiteral("login to the bench server failed");
    Screens screens(server, token);
    if (!spinUntil([&screens] { return screens.pageModel.status() == Status::Ready; }))
        return QStringLiteral("the customers page did not load");
    screens.showTables();
    if (!measurePaint(options, screens, results))
        return QStringLiteral("a page of customers was not painted");
    return measureStalls(options, screens, app, results);
}

} // namespace portal::bench
