// bench_longsession: a long day in the real application, to show that it never grows.
//
//   bench_longsession [--cycles N] [--requests N] [--runs N] [--customers N] [--classes]
//
// Each run is a fresh child process (the parent starts it like bench_startup does, so every run
// starts clean) that builds PortalApp as main.cpp does, offscreen, against benchserver.py, and
// drives the real window through its widgets: N sign-in/sign-out cycles as the support user
// ("staff"), with the Customers page searched and scrolled and the profile refreshed in between,
// until the authenticated requests reach the total asked for. "Remember me" stays off: no token
// ever goes to a keychain (outside a keyring the start-up probe simply fails).
//
// The child samples itself at quiet moments: after a sign-out completed and the event loop has
// delivered the deferred deletes. Samples: at the sign-in page before the first cycle (for
// information), after the first cycle (the reference: everything created once is there), after
// 10 % and 50 % of the cycles (the trend) and at the end. At each: VmRSS, what malloc has in use
// and holds (mallinfo2(), for information), the exact number of live QObjects (counted by Qt's
// own object hooks), as they are and once more with Qt's HTTP connection pool closed (Qt's own
// objects, whose number depends on when Qt found its connection busy; it reopens with the next
// request), and QApplication::allWidgets().size(). --classes also names the classes whose live
// objects (pool closed) changed since the first cycle. To find what grows by allocation site, run a
// child by hand under heaptrack with PORTAL_LONGSESSION_EXIT_AT_END=1, a short and a long one, and
// compare their "leaked" figures (heaptrack_print -l -d); tests/benchmarks/README.md shows how.
//
// Nothing is asserted: the parent prints the figures of every run and TABLE rows (median, min and
// max over the runs) against the targets of the issue: RSS within 2 MiB of the first cycle's, no
// object count growing.

#include "apiclient.h"
#include "authstatemanager.h"
#include "benchserverprocess.h"
#include "customereditor.h"
#include "customerlistmodel.h"
#include "customerspage.h"
#include "mainwindow.h"
#include "portalapp.h"
#include "profilepage.h"
#include "samples.h"
#include "signinpage.h"
#include "tablerow.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QLineEdit>
#include <QMap>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <mutex>
#include <optional>
#include <unordered_set>

// Qt's hook array for tools such as GammaRay (QtCore's private qhooks_p.h, declared the same way
// there; Debian ships no private headers). Qt 6.4: index 1 is the array's size, 3 (AddQObject) is
// called at the end of every QObject constructor, 4 (RemoveQObject) at the start of ~QObject,
// both with the object, from whichever thread runs them.
QT_BEGIN_NAMESPACE
extern Q_CORE_EXPORT quintptr qtHookData[];
QT_END_NAMESPACE

namespace portal::bench {
namespace {

// ---- Live QObjects ------------------------------------------------------------------------------

namespace hooks {

constexpr int kHookDataSize = 1;
constexpr int kAddQObject = 3;
constexpr int kRemoveQObject = 4;
using Callback = void (*)(QObject *);

std::atomic<qint64> live{0};
Callback nextAdd = nullptr;
Callback nextRemove = nullptr;
/// With --classes: every live object, so that what grows can be named by class.
bool keepObjects = false;
std::mutex objectsLock;
std::unordered_set<QObject *> *objects = nullptr;

void added(QObject *object)
{
    live.fetch_add(1, std::memory_order_relaxed);
    if (keepObjects) {
        const std::lock_guard<std::mutex> lock(objectsLock);
        objects->insert(object);
    }
    if (nextAdd)
        nextAdd(object);
}

void removed(QObject *object)
{
    live.fetch_sub(1, std::memory_order_relaxed);
    if (keepObjects) {
        const std::lock_guard<std::mutex> lock(objectsLock);
        objects->erase(object);
    }
    if (nextRemove)
        nextRemove(object);
}

/// Before any QObject exists, so the count is exact. Chains hooks already installed (a tool).
bool install(bool byClass)
{
    if (qtHookData[kHookDataSize] <= quintptr(kRemoveQObject))
        return false;
    keepObjects = byClass;
    if (byClass)
        objects = new std::unordered_set<QObject *>; // never deleted: hooks run until exit
    nextAdd = reinterpret_cast<Callback>(qtHookData[kAddQObject]);
    nextRemove = reinterpret_cast<Callback>(qtHookData[kRemoveQObject]);
    qtHookData[kAddQObject] = reinterpret_cast<quintptr>(&added);
    qtHookData[kRemoveQObject] = reinterpret_cast<quintptr>(&removed);
    return true;
}

/// Live objects by class name (with --classes), at a quiet moment.
QHash<QByteArray, int> byClass()
{
    QHash<QByteArray, int> counts;
    const std::lock_guard<std::mutex> lock(objectsLock);
    for (QObject *object : *objects)
        ++counts[QByteArray(object->metaObject()->className())];
    return counts;
}

} // namespace hooks

// ---- The child: one long session ----------------------------------------------------------------

constexpr int kWaitMs = 15000;  ///< Any single step; a step that takes longer fails the run.
constexpr int kScrollPages = 3; ///< Pages fetched by scrolling to the bottom, per cycle.
const QString kStaffUser = QStringLiteral("staff");
const QString kPassword = QStringLiteral("staff-password-1"); // benchserver.py accepts any
const QString kSearch = QStringLiteral("martin");

using State = AuthStateManager::State;
using Status = CustomerListModel::Status;

void printLine(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

/// VmRSS from /proc/self/status, in kB; read without Qt, so that no object is made to measure.
qint64 rssKb()
{
    FILE *file = std::fopen("/proc/self/status", "r");
    if (!file)
        return 0;
    char line[256];
    qint64 kb = 0;
    while (std::fgets(line, sizeof line, file)) {
        if (std::strncmp(line, "VmRSS:", 6) == 0) {
            kb = std::strtoll(line + 6, nullptr, 10);
            break;
        }
    }
    std::fclose(file);
    return kb;
}

/// What malloc has (every arena, and mmap'ed blocks), in kB: handed out and not taken back
/// (in use), and all it holds from the system (in use, and freed but kept for reuse).
struct Heap
{
    qint64 inUseKb = 0;
    qint64 heldKb = 0;
};

Heap heap()
{
    const struct mallinfo2 info = mallinfo2();
    return {qint64(info.uordblks + info.hblkhd) / 1024, qint64(info.arena + info.hblkhd) / 1024};
}

/// Drives the real window, as a person with a keyboard would, and samples it.
class Session
{
public:
    Session(PortalApp *app, int cycles, int requests, bool byClass);
    /// 0 when every cycle completed; the failure is printed as "error ...".
    int run();

private:
    bool waitFor(const std::function<bool()> &done, const char *what);
    bool fail(const QByteArray &why);
    void settle();
    void sample(const QByteArray &label, int cycle);
    void countRequest(QNetworkReply *reply);

    bool cycle(int number);
    bool signIn();
    bool searchAndScroll();
    bool search(const QString &text);
    bool scroll(int pages);
    bool refreshProfile(int times);
    bool signOut();

    MainWindow *m_window;
    AuthStateManager *m_auth;
    int m_cycles;
    int m_requests;
    bool m_byClass;
    QTimer m_wake; ///< Wakes the waits so they can time out; lives for the whole run.
    QNetworkAccessManager *m_manager = nullptr; ///< The ApiClient's one manager.
    QElapsedTimer m_clock;
    qint64 m_authenticated = 0; ///< Requests with an Authorization header that got an answer.
    qint64 m_aborted = 0;
    QMap<QByteArray, qint64> m_byEndpoint;
    int m_profileLoads = 0;
    QHash<QByteArray, int> m_firstClasses;
};

Session::Session(PortalApp *app, int cycles, int requests, bool byClass)
    : m_window(app->window())
    , m_auth(app->auth())
    , m_cycles(cycles)
    , m_requests(requests)
    , m_byClass(byClass)
{
    m_wake.start(50);
    // Every request the application sends goes through the ApiClient's one manager.
    m_manager = app->api()->findChild<QNetworkAccessManager *>();
    QObject::connect(m_manager, &QNetworkAccessManager::finished, m_manager,
                     [this](QNetworkReply *reply) { countRequest(reply); });
    QObject::connect(m_auth->profile(), &CustomerEditor::loaded, m_auth->profile(),
                     [this] { ++m_profileLoads; });
}

void Session::countRequest(QNetworkReply *reply)
{
    if (reply->error() == QNetworkReply::OperationCanceledError) {
        ++m_aborted;
        return;
    }
    const bool authenticated = reply->request().hasRawHeader("Authorization");
    if (authenticated)
        ++m_authenticated;
    QByteArray method =
        reply->request().attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    if (method.isEmpty())
        method = reply->operation() == QNetworkAccessManager::GetOperation ? "GET" : "POST";
    ++m_byEndpoint[method + ' ' + reply->url().path().toUtf8() +
                   (authenticated ? "" : " (no token)")];
}

bool Session::fail(const QByteArray &why)
{
    printLine("error " + why + " (state " +
              QMetaEnum::fromType<State>().valueToKey(int(m_auth->state())) + ")");
    return false;
}

/// Runs the event loop until @p done: each event that arrives may be the one (no sleeping).
bool Session::waitFor(const std::function<bool()> &done, const char *what)
{
    const QDeadlineTimer deadline(kWaitMs);
    while (!done()) {
        if (deadline.hasExpired())
            return fail(QByteArray("timed out waiting for ") + what);
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

/// A quiet moment: what was posted is delivered, and what was deleteLater()'d is gone. Objects of
/// a finished request (its reply, the call) are deleted late, so they must be settled before a
/// count, or a sample would count a transient object as growth.
void Session::settle()
{
    for (int pass = 0; pass < 3; ++pass) {
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

/// "sample <label> <cycle> <VmRSS kB> <heap in use kB> <heap held kB> <QObjects> <widgets>
/// <requests> <ms> <QObjects with Qt's connection pool closed>"
void Session::sample(const QByteArray &label, int cycle)
{
    settle();
    // Counted before anything is read: the count must not include what reading makes.
    const qint64 objects = hooks::live.load();
    const qsizetype widgets = QApplication::allWidgets().size();
    const qint64 rss = rssKb();
    const Heap malloced = heap();
    // Qt's HTTP connection pool (its thread, the keep-alive sockets: up to six per server, opened
    // when Qt finds the others busy) closed, as Qt closes it after two minutes without a request:
    // what is left is what the application keeps. The next request opens the pool again.
    m_manager->clearConnectionCache();
    settle();
    const qint64 withoutPool = hooks::live.load();
    printLine("sample " + label + ' ' + QByteArray::number(cycle) + ' ' + QByteArray::number(rss) +
              ' ' + QByteArray::number(malloced.inUseKb) + ' ' +
              QByteArray::number(malloced.heldKb) + ' ' + QByteArray::number(objects) + ' ' +
              QByteArray::number(widgets) + ' ' + QByteArray::number(m_authenticated) + ' ' +
              QByteArray::number(m_clock.elapsed()) + ' ' + QByteArray::number(withoutPool));
    if (!m_byClass)
        return;
    const QHash<QByteArray, int> classes = hooks::byClass();
    if (label == "first")
        m_firstClasses = classes;
    if (cycle <= 1)
        return;
    // What has more (or fewer) live objects than after the first cycle.
    QList<QByteArray> names = classes.keys() + m_firstClasses.keys();
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (const QByteArray &name : names) {
        const int delta = classes.value(name) - m_firstClasses.value(name);
        if (delta != 0)
            printLine("classes " + label + ' ' + name + ' ' + QByteArray::number(delta));
    }
}

int Session::run()
{
    if (!waitFor([this] { return m_window->isActiveWindow(); }, "the window to be active") ||
        !waitFor([this] { return m_auth->state() == State::SignedOut; }, "the sign-in page"))
        return 1;
    m_clock.start();
    sample("start", 0);
    // Sampled after the first cycle, 10 % and 50 % of them, and the last.
    QMap<int, QByteArray> samples;
    samples.insert(std::max(1, (m_cycles + 9) / 10), "10%");
    samples.insert(std::max(1, (m_cycles + 1) / 2), "50%");
    samples.insert(m_cycles, "end");
    samples.insert(1, "first"); // replaces 10 % or 50 % of very few cycles
    for (int number = 1; number <= m_cycles; ++number) {
        if (!cycle(number))
            return 1;
        if (samples.contains(number))
            sample(samples.value(number), number);
    }
    for (auto it = m_byEndpoint.cbegin(); it != m_byEndpoint.cend(); ++it)
        printLine("requests " + QByteArray::number(it.value()) + ' ' + it.key());
    printLine("done " + QByteArray::number(m_authenticated) + ' ' + QByteArray::number(m_aborted) +
              ' ' + QByteArray::number(m_clock.elapsed()));
    return 0;
}

/// Sign in, Customers (searched, then scrolled), My profile refreshed, sign out.
bool Session::cycle(int number)
{
    if (!signIn() || !searchAndScroll())
        return false;
    // Profile refreshes fill the cycle up to its share of the requests; the sign-out's is one.
    const qint64 share = qint64(m_requests) * number / m_cycles;
    return refreshProfile(int(std::max<qint64>(0, share - m_authenticated - 1))) && signOut();
}

bool Session::signIn()
{
    SignInPage *page = m_window->signInPage();
    if (!waitFor([this, page] { return m_window->currentPage() == page; }, "the sign-in page"))
        return false;
    QLineEdit *username = page->findChild<QLineEdit *>(QStringLiteral("username"));
    QLineEdit *password = page->findChild<QLineEdit *>(QStringLiteral("password"));
    if (!username || !password)
        return fail("no username or password field on the sign-in page");
    // The page prefills the last username: select it and type over it, as a person would.
    for (QLineEdit *edit : {username, password}) {
        edit->setFocus(Qt::TabFocusReason);
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(edit, Qt::Key_Backspace);
    }
    // Checked by default while the keychain may work (a D-Bus session whose probe has not failed
    // yet): unticked, so that no token ever goes to a keychain.
    QCheckBox *remember = page->rememberBox();
    if (remember->isChecked()) {
        remember->setFocus(Qt::TabFocusReason);
        QTest::keyClick(remember, Qt::Key_Space);
    }
    if (remember->isChecked())
        return fail("\"Remember me\" cannot be unticked");
    QTest::keyClicks(username, kStaffUser);
    QTest::keyClicks(password, kPassword);
    QTest::keyClick(password, Qt::Key_Return);
    bool refused = false;
    const QMetaObject::Connection watch =
        QObject::connect(m_auth, &AuthStateManager::stateChanged, m_auth, [&refused](State state) {
            refused = refused || state == State::SignedOut;
        });
    const bool signedIn = waitFor(
        [this, &refused] { return refused || m_auth->state() == State::SignedIn; }, "SignedIn");
    QObject::disconnect(watch);
    if (refused)
        return fail("the sign-in was refused");
    return signedIn && m_auth->isStaff();
}

bool Session::searchAndScroll()
{
    // Support staff land on Customers, which asks for its first page.
    CustomersPage *page = m_window->customersPage();
    CustomerListModel *model = page->model();
    if (!waitFor(
            [this, page, model] {
                return m_window->currentPage() == page && model->status() == Status::Ready &&
                       !model->isLoading();
            },
            "the Customers page"))
        return false;
    // A search (the debounce cut short by Enter), then everyone again, then down a few pages.
    return search(kSearch) && search(QString()) && scroll(kScrollPages);
}

/// Ctrl+F, the text typed over what the field had, Enter; until the list has the answer.
bool Session::search(const QString &text)
{
    CustomersPage *page = m_window->customersPage();
    QLineEdit *edit = page->searchEdit();
    if (edit->text() == text)
        return true;
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier); // focuses and selects the field
    if (QApplication::focusWidget() != edit)
        return fail("Ctrl+F did not focus the search field");
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return); // sends the search now instead of after the pause
    CustomerListModel *model = page->model();
    return waitFor(
        [model, text] {
            return model->search() == text && model->status() == Status::Ready &&
                   !model->isLoading();
        },
        "the search's answer");
}

/// The table sent to the bottom: at the bottom the view itself calls fetchMore(), and each page
/// that arrives moves the bottom further down (once the view has laid it out).
bool Session::scroll(int pages)
{
    CustomersPage *page = m_window->customersPage();
    CustomerListModel *model = page->model();
    QTableView *table = page->table();
    const int rows = model->rowCount() + pages * model->requestedPageSize();
    return waitFor(
               [model, table, rows] {
                   if (model->rowCount() >= rows && !model->isLoading())
                       return true;
                   if (!model->isLoading())
                       table->scrollToBottom();
                   return model->status() == Status::Failed;
               },
               "the pages fetched by scrolling") &&
           (model->status() != Status::Failed || fail("a page failed to load"));
}

/// My profile (Ctrl+2), then a click on Refresh @p times, each waiting for the record's answer.
/// Clicked, not F5: a button's shortcut animates the press and clicks 100 ms later (Qt's
/// animateClick()), which would make the run a day long indeed.
bool Session::refreshProfile(int times)
{
    if (times == 0)
        return true;
    QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
    ProfilePage *page = m_window->profilePage();
    if (m_window->currentPage() != page)
        return fail("Ctrl+2 did not show My profile");
    auto *refresh = page->findChild<QPushButton *>(QStringLiteral("refreshButton"));
    if (!refresh)
        return fail("My profile has no Refresh button");
    // The click lands where the button is on screen: once the page shown is laid out.
    if (!waitFor(
            [this, refresh] {
                return refresh->isEnabled() &&
                       m_window->childAt(refresh->mapTo(m_window, refresh->rect().center())) ==
                           refresh;
            },
            "the Refresh button on screen"))
        return false;
    for (int i = 0; i < times; ++i) {
        const int loads = m_profileLoads;
        QTest::mouseClick(refresh, Qt::LeftButton);
        if (!waitFor([this, loads] { return m_profileLoads > loads; }, "the profile's answer"))
            return false;
    }
    return true;
}

/// File > Sign out (the window's action), until the sign-in page is back.
bool Session::signOut()
{
    m_window->signOutAction()->trigger();
    return waitFor(
        [this] {
            return m_auth->state() == State::SignedOut &&
                   m_window->currentPage() == m_window->signInPage();
        },
        "SignedOut");
}

/// argv: <program> --child <server url> <cycles> <requests> <classes: 0|1>
int runChild(int argc, char *argv[])
{
    const bool byClass = std::strcmp(argv[5], "1") == 0;
    if (!hooks::install(byClass)) {
        printLine("error this Qt has no QObject hooks");
        return 1;
    }
    setApplicationIdentity();
    QApplication app(argc, argv);
    const Translations translations(QLocale::system());
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    PortalAppOptions options;
    options.serverOverride = QUrl(QString::fromLocal8Bit(argv[2]));
    options.settings = &settings;
    PortalApp portalApp(options);
    portalApp.start();
    Session session(&portalApp, std::atoi(argv[3]), std::atoi(argv[4]), byClass);
    const int status = session.run();
    if (qEnvironmentVariableIsSet("PORTAL_LONGSESSION_EXIT_AT_END")) {
        // For heaptrack: leave without destroying anything, so that its "leaked" figures are
        // everything alive at the end (compare a short run with a long one: heaptrack_print -d).
        dir.remove();
        std::fflush(nullptr);
        std::_Exit(status);
    }
    return status;
}

// ---- The parent ---------------------------------------------------------------------------------

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

struct Options
{
    int cycles = 1000;
    int requests = 10000;
    int runs = 3;
    int customers = 2000;
    bool classes = false;
};

/// One sample of a child: the line "sample ...".
struct Sample
{
    QString label;
    int cycle = 0;
    double rssMiB = 0;
    double heapMiB = 0;     ///< malloc: in use
    double heapHeldMiB = 0; ///< malloc: in use, and freed but kept
    qint64 objects = 0;
    qint64 objectsWithoutPool = 0; ///< Qt's HTTP connection pool closed (it reopens by itself).
    qint64 widgets = 0;
    qint64 requests = 0;
    double ms = 0;
};

struct ChildRun
{
    QString error; ///< Empty when the run counts.
    QList<Sample> samples;
    QStringList notes; ///< "requests ..." and "classes ..." lines, printed as they are.
    qint64 authenticated = 0;
    qint64 aborted = 0;
    double childMs = 0; ///< The child's own clock, first cycle to the end.
    double wallMs = 0;  ///< QProcess::start() to the child's exit.

    const Sample *find(const QString &label) const
    {
        for (const Sample &s : samples) {
            if (s.label == label)
                return &s;
        }
        return nullptr;
    }
};

std::optional<Options> parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A long session in the real app: RSS and live objects after the first "
                       "sign-in/sign-out cycle and at the end."));
    parser.addHelpOption();
    const QCommandLineOption cycles(QStringLiteral("cycles"),
                                    QStringLiteral("Sign-in/sign-out cycles per run (1000)."),
                                    QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption requests(
        QStringLiteral("requests"),
        QStringLiteral("Authenticated requests per run in all, spread over the cycles (10000)."),
        QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption runs(QStringLiteral("runs"),
                                  QStringLiteral("Runs, each a fresh process (3)."),
                                  QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption customers(QStringLiteral("customers"),
                                       QStringLiteral("Customers on the bench server (2000)."),
                                       QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption classes(
        QStringLiteral("classes"),
        QStringLiteral("Also print, per sample, the classes with more or fewer live objects "
                       "than after the first cycle."));
    parser.addOptions({cycles, requests, runs, customers, classes});
    parser.process(app);
    Options options;
    bool ok[4] = {};
    options.cycles = parser.value(cycles).toInt(&ok[0]);
    options.requests = parser.value(requests).toInt(&ok[1]);
    options.runs = parser.value(runs).toInt(&ok[2]);
    options.customers = parser.value(customers).toInt(&ok[3]);
    options.classes = parser.isSet(classes);
    if (!ok[0] || !ok[1] || !ok[2] || !ok[3] || options.cycles < 2 || options.requests < 0 ||
        options.runs < 1 || options.customers < 1000)
        return std::nullopt;
    return options;
}

void readLine(const QByteArray &line, ChildRun *run)
{
    const QList<QByteArray> words = line.split(' ');
    const QByteArray &kind = words.value(0);
    if (kind == "sample" && words.size() == 11) {
        Sample s;
        s.label = QString::fromLatin1(words.at(1));
        s.cycle = words.at(2).toInt();
        s.rssMiB = words.at(3).toDouble() / 1024.0;
        s.heapMiB = words.at(4).toDouble() / 1024.0;
        s.heapHeldMiB = words.at(5).toDouble() / 1024.0;
        s.objects = words.at(6).toLongLong();
        s.widgets = words.at(7).toLongLong();
        s.requests = words.at(8).toLongLong();
        s.ms = words.at(9).toDouble();
        s.objectsWithoutPool = words.at(10).toLongLong();
        run->samples.append(s);
    } else if (kind == "requests" || kind == "classes") {
        run->notes.append(QString::fromUtf8(line));
    } else if (kind == "done") {
        run->authenticated = words.value(1).toLongLong();
        run->aborted = words.value(2).toLongLong();
        run->childMs = words.value(3).toDouble();
    } else if (kind == "error") {
        run->error = QString::fromUtf8(line.mid(6));
    }
}

ChildRun runChild(const QUrl &server, const Options &options)
{
    ChildRun run;
    QProcess child;
    child.setProcessEnvironment(childEnvironment());
    // The app logs every state change: kept in a file (a pipe would fill and stop the child),
    // shown when the run fails.
    QTemporaryDir logDir;
    const QString log = logDir.filePath(QStringLiteral("child-stderr.log"));
    child.setStandardErrorFile(log);
    // Generous: a cycle takes tens of milliseconds; this only stops a hung child.
    const int timeoutMs = 60000 + options.cycles * 500;
    QElapsedTimer clock;
    clock.start();
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--child"), server.toString(), QString::number(options.cycles),
                 QString::number(options.requests),
                 options.classes ? QStringLiteral("1") : QStringLiteral("0")});
    bool done = false;
    while (!done && run.error.isEmpty() && clock.elapsed() < timeoutMs) {
        if (!child.canReadLine() && !child.waitForReadyRead(timeoutMs - int(clock.elapsed())))
            break;
        while (child.canReadLine()) {
            const QByteArray line = child.readLine().trimmed();
            readLine(line, &run);
            done = done || line.startsWith("done ");
        }
    }
    if (!child.waitForFinished(10000))
        child.kill();
    run.wallMs = double(clock.elapsed());
    if (run.error.isEmpty() &&
        (!done || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0))
        run.error = QStringLiteral("the child did not finish (exit code %1)").arg(child.exitCode());
    if (run.error.isEmpty() &&
        (!run.find(QStringLiteral("first")) || !run.find(QStringLiteral("end"))))
        run.error = QStringLiteral("the child printed no first or end sample");
    if (!run.error.isEmpty()) {
        QFile file(log);
        if (file.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> lines = file.readAll().split('\n');
            run.error += QStringLiteral("\nthe child's last lines on stderr:\n") +
                         QString::fromLocal8Bit(
                             lines.mid(std::max<qsizetype>(0, lines.size() - 30)).join('\n'));
        }
    }
    return run;
}

QString keychainDescription()
{
    if (qEnvironmentVariableIsSet("PORTAL_KEYRING_SESSION"))
        return QStringLiteral("tests/keyring-session.sh (not used: Remember me is off)");
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return QStringLiteral("no D-Bus session bus (the probe fails fast)");
    return QStringLiteral("the caller's D-Bus session (not used: Remember me is off)");
}

void printRun(int number, const ChildRun &run)
{
    out() << "run " << number << ": " << fixed(run.childMs / 1000.0, 1) << " s of cycles ("
          << fixed(run.wallMs / 1000.0, 1) << " s with start-up and exit), " << run.authenticated
          << " authenticated requests, " << run.aborted << " aborted\n";
    out()
        << "  sample   cycle   VmRSS MiB   malloc in use MiB   held MiB   QObjects   (pool closed)"
           "   widgets   requests\n";
    for (const Sample &s : run.samples) {
        out() << "  " << s.label.leftJustified(6) << QString::number(s.cycle).rightJustified(7)
              << fixed(s.rssMiB, 2, 12) << fixed(s.heapMiB, 2, 20) << fixed(s.heapHeldMiB, 2, 11)
              << QString::number(s.objects).rightJustified(11)
              << QString::number(s.objectsWithoutPool).rightJustified(16)
              << QString::number(s.widgets).rightJustified(10)
              << QString::number(s.requests).rightJustified(11) << "\n";
    }
    for (const QString &note : run.notes)
        out() << "  " << note << "\n";
    out() << Qt::flush;
}

/// From the first cycle's sample to the end's, per run.
QList<double> growth(const QList<ChildRun> &runs, double Sample::*field)
{
    QList<double> values;
    for (const ChildRun &run : runs)
        values.append(run.find(QStringLiteral("end"))->*field -
                      run.find(QStringLiteral("first"))->*field);
    return values;
}

QList<double> growthOf(const QList<ChildRun> &runs, qint64 Sample::*field)
{
    QList<double> values;
    for (const ChildRun &run : runs)
        values.append(double(run.find(QStringLiteral("end"))->*field -
                             run.find(QStringLiteral("first"))->*field));
    return values;
}

/// The trend once warmed up: from 10 % of the cycles to the end (from the first cycle when 10 %
/// of them is the first).
const Sample *warmedUp(const ChildRun &run)
{
    const Sample *sample = run.find(QStringLiteral("10%"));
    return sample ? sample : run.find(QStringLiteral("first"));
}

QList<double> trend(const QList<ChildRun> &runs, double Sample::*field)
{
    QList<double> values;
    for (const ChildRun &run : runs)
        values.append(run.find(QStringLiteral("end"))->*field - warmedUp(run)->*field);
    return values;
}

QList<double> trendOf(const QList<ChildRun> &runs, qint64 Sample::*field)
{
    QList<double> values;
    for (const ChildRun &run : runs)
        values.append(double(run.find(QStringLiteral("end"))->*field - warmedUp(run)->*field));
    return values;
}

QList<double> at(const QList<ChildRun> &runs, const QString &label, double Sample::*field)
{
    QList<double> values;
    for (const ChildRun &run : runs)
        values.append(run.find(label)->*field);
    return values;
}

void printTable(const QList<ChildRun> &runs)
{
    using Target = TableRow::Target;
    const QString first = QStringLiteral("first");
    const QString end = QStringLiteral("end");
    QList<double> seconds;
    for (const ChildRun &run : runs)
        seconds.append(run.childMs / 1000.0);
    const QList<TableRow> rows = {
        {QStringLiteral("long session: VmRSS at the end"), QStringLiteral("MiB"),
         QStringLiteral("VmRSS after the first cycle"), at(runs, first, &Sample::rssMiB),
         at(runs, end, &Sample::rssMiB), Target::None, 0.0, QString()},
        {QStringLiteral("long session: VmRSS growth, first cycle to end"),
         QStringLiteral("MiB"),
         QString(),
         {},
         growth(runs, &Sample::rssMiB),
         Target::AtMost,
         2.0,
         QStringLiteral("<= 2 MiB")},
        {QStringLiteral("long session: malloc in use growth, first cycle to end"),
         QStringLiteral("MiB"),
         QString(),
         {},
         growth(runs, &Sample::heapMiB),
         Target::None,
         0.0,
         QString()},
        {QStringLiteral("long session: malloc held growth, first cycle to end"),
         QStringLiteral("MiB"),
         QString(),
         {},
         growth(runs, &Sample::heapHeldMiB),
         Target::None,
         0.0,
         QString()},
        // Exact counts at quiet moments (after a sign-out, deferred deletes delivered): an object
        // of a request in flight would be transient, not growth, so none may be in flight then.
        // Counted with Qt's HTTP connection pool closed (Qt closes it after two minutes without
        // a request; it opens a second keep-alive connection when it finds the first one busy,
        // at a moment that varies from run to run), and as it is, for information.
        {QStringLiteral("long session: live QObjects growth, first cycle to end"),
         QStringLiteral("objects"),
         QString(),
         {},
         growthOf(runs, &Sample::objectsWithoutPool),
         Target::AtMost,
         0.0,
         QStringLiteral("0 (none growing)")},
        {QStringLiteral("long session: live QObjects growth with Qt's connection pool open"),
         QStringLiteral("objects"),
         QString(),
         {},
         growthOf(runs, &Sample::objects),
         Target::None,
         0.0,
         QString()},
        {QStringLiteral("long session: widgets growth, first cycle to end"),
         QStringLiteral("widgets"),
         QString(),
         {},
         growthOf(runs, &Sample::widgets),
         Target::AtMost,
         0.0,
         QStringLiteral("0 (none growing)")},
        // The trend: what one-off growth after the first cycle (a pool filling up, a cache
        // reaching its size) does not explain keeps growing here.
        {QStringLiteral("long session: VmRSS growth, 10 % of the cycles to end"),
         QStringLiteral("MiB"),
         QString(),
         {},
         trend(runs, &Sample::rssMiB),
         Target::None,
         0.0,
         QString()},
        {QStringLiteral("long session: live QObjects growth, 10 % of the cycles to end"),
         QStringLiteral("objects"),
         QString(),
         {},
         trendOf(runs, &Sample::objectsWithoutPool),
         Target::AtMost,
         0.0,
         QStringLiteral("0 (none growing)")},
        {QStringLiteral("long session: one run's cycles"),
         QStringLiteral("s"),
         QString(),
         {},
         seconds,
         Target::None,
         0.0,
         QString()},
    };
    for (const TableRow &row : rows)
        printTableRow(out(), row);
}

int runParent(const Options &options)
{
    BenchServerProcess server;
    QString error;
    if (!server.start(&error,
                      {QStringLiteral("--customers"), QString::number(options.customers)})) {
        out() << "bench_longsession: " << error << Qt::endl;
        return 1;
    }
    out() << "bench_longsession: " << options.runs
          << " runs, each a fresh process: " << options.cycles
          << " sign-in/sign-out cycles as support staff, " << options.requests
          << " authenticated requests in all (Customers searched and scrolled, My profile "
             "refreshed); "
          << options.customers << " customers on the server\nplatform: "
          << childEnvironment().value(QStringLiteral("QT_QPA_PLATFORM"))
          << "; keychain: " << keychainDescription() << "; build: " << buildType() << "\n"
          << "Samples at quiet moments (signed out, deferred deletes delivered). VmRSS is the "
             "headline; malloc (mallinfo2(), every arena) in use and held from the system, for "
             "information: held but not in use is freed memory malloc keeps.\n\n"
          << Qt::flush;
    QList<ChildRun> runs;
    for (int i = 0; i < options.runs; ++i) {
        ChildRun run = runChild(server.url(), options);
        if (!run.error.isEmpty()) {
            out() << "bench_longsession: run " << i + 1 << " failed: " << run.error << Qt::endl;
            return 1;
        }
        printRun(i + 1, run);
        runs.append(run);
    }
    out() << "\n";
    printTable(runs);
    const double rssGrowth = median(growth(runs, &Sample::rssMiB));
    const double objectGrowth = median(growthOf(runs, &Sample::objectsWithoutPool));
    out() << "\nratio longsession_rss_growth_mib=" << fixed(rssGrowth, 2)
          << " qobject_growth=" << QString::number(objectGrowth) << Qt::endl;
    return 0;
}

} // namespace
} // namespace portal::bench

int main(int argc, char *argv[])
{
    if (argc == 6 && std::strcmp(argv[1], "--child") == 0)
        return portal::bench::runChild(argc, argv);

    QCoreApplication app(argc, argv);
    const std::optional<portal::bench::Options> options = portal::bench::parseOptions(app);
    if (!options) {
        portal::bench::out()
            << "bench_longsession: --cycles takes 2 or more, --runs a positive number, "
               "--requests zero or more, --customers at least 1000"
            << Qt::endl;
        return 2;
    }
    return portal::bench::runParent(*options);
}
