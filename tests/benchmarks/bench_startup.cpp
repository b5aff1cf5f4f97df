// bench_startup: start to first paint and peak RSS of the real application, against a bare Qt
// Widgets window with the same widgets (bench_startup_baseline) measured in the same run,
// alternating; the signed-out scenario also runs the minimal 4-widget window (--minimal), for
// information.
//
//   bench_startup [--runs N] [--scenario signed-out|restore] [--label TEXT]
//
// The parent launches each child with QProcess and times from QProcess::start() to the child's
// "painted <VmHWM kB> <ms> <Pss kB>" line, so process start, dynamic loading, construction and the
// first frame count the same for both. The app child builds PortalApp exactly as main.cpp does
// (translations, settings, composition root, start()) against benchserver.py, then also reports
// when the auth state settles ("settled <state> <kB>").
//
// --scenario restore (inside tests/keyring-session.sh only) first signs in once with "Remember me",
// so every run restores a stored session; the app child then also reports "profile-painted" once
// the Profile page has painted with the state SignedIn. Its budget is a sum measured in the same
// run, alternating with it: the bare window's first paint, one loopback round trip (a new
// QNetworkAccessManager in this process, GET /api/profile/ on a new connection) and one keychain
// read (a fresh child process, "--child keychain <key>", timing the ReadPasswordJob only).
//
// Every figure is printed as a human-readable table and as "TABLE" rows (tablerow.h), named with
// the platform and keychain variant (--label, or derived from the environment).
//
// Children get QT_QPA_PLATFORM=offscreen unless the caller set a platform. The keychain is whatever
// the caller's D-Bus session offers: run.sh measures with no session bus (QtKeychain fails fast)
// and inside tests/keyring-session.sh (a real, empty gnome-keyring).

#include "authstatemanager.h"
#include "benchserverprocess.h"
#include "firstpaintreporter.h"
#include "mainwindow.h"
#include "page.h"
#include "portalapp.h"
#include "samples.h"
#include "tablerow.h"
#include "tokenstore.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>

namespace portal::bench {
namespace {

constexpr int kChildTimeoutMs = 30000;
constexpr int kSeedTimeoutMs = 15000;
constexpr int kRequestTimeoutMs = 10000;
/// benchserver.py's TOKEN and user: what the seeding sign-in stores in the keychain.
constexpr char kBenchToken[] = "0123456789abcdef0123456789abcdef01234567";
constexpr char kBenchUser[] = "alice";
/// ProfilePage's objectName (ui/profilepage.cpp).
constexpr char kProfilePageName[] = "profilePage";

// ---- The app child ------------------------------------------------------------------------------

using State = AuthStateManager::State;

bool isSettled(State state)
{
    return state == State::SignedOut || state == State::SignedIn;
}

/// One "settled <state> <kB>" line once the auth state left Restoring, then @p then.
void reportWhenSettled(AuthStateManager *auth, const std::function<void(State)> &then)
{
    auto done = std::make_shared<bool>(false);
    auto report = [auth, done, then] {
        if (*done)
            return;
        *done = true;
        const char *state = QMetaEnum::fromType<State>().valueToKey(int(auth->state()));
        FirstPaintReporter::printLine(QByteArray("settled ") + state + ' ' +
                                      QByteArray::number(FirstPaintReporter::peakRssKb()));
        then(auth->state());
    };
    if (isSettled(auth->state()))
        QTimer::singleShot(0, auth, report);
    QObject::connect(auth, &AuthStateManager::stateChanged, auth, [auth, report](State state) {
        if (isSettled(state))
            QTimer::singleShot(0, auth, report);
    });
}

/**
 * Calls @p done from the event loop (so the frame is finished) right after the first paint of any
 * widget on the Profile page while the state is SignedIn and that page is the window's current
 * page. It watches the whole application's events and holds no pointer to a page: pages may be
 * built only when first shown.
 */
class ProfilePaintWatcher final : public QObject
{
public:
    ProfilePaintWatcher(MainWindow *window, AuthStateManager *auth, std::function<void()> done)
        : QObject(window)
        , m_window(window)
        , m_auth(auth)
        , m_done(std::move(done))
    {
        qApp->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!m_seen && event->type() == QEvent::Paint && m_auth->state() == State::SignedIn &&
            isOnProfilePage(watched)) {
            m_seen = true;
            qApp->removeEventFilter(this);
            QTimer::singleShot(0, this, m_done);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool isOnProfilePage(QObject *watched) const
    {
        const QWidget *page = m_window->currentPage();
        const QWidget *widget = watched->isWidgetType() ? static_cast<QWidget *>(watched) : nullptr;
        return page && widget && page->objectName() == QLatin1String(kProfilePageName) &&
               (widget == page || page->isAncestorOf(widget));
    }

    MainWindow *m_window;
    AuthStateManager *m_auth;
    std::function<void()> m_done;
    bool m_seen = false;
};

bool rememberedIn(const QSettings &settings)
{
    const QStringList keys = settings.allKeys();
    return std::any_of(keys.cbegin(), keys.cend(), [&settings](const QString &key) {
        return key.endsWith(QLatin1String("/restore")) && settings.value(key).toBool();
    });
}

/// Seeding for the restore scenario: sign in with "Remember me", wait until the token is stored.
void signInAndRemember(AuthStateManager *auth, QSettings *settings)
{
    auto fail = [](const char *why) {
        FirstPaintReporter::printLine(QByteArray("seed-failed ") + why);
        QCoreApplication::exit(1);
    };
    QObject::connect(auth, &AuthStateManager::keychainProblem, auth, [fail] { fail("keychain"); });
    QObject::connect(auth, &AuthStateManager::signInFailed, auth, [fail] { fail("sign-in"); });
    // The session settings get restore=true only once the keychain write succeeded.
    auto *poll = new QTimer(auth);
    QObject::connect(poll, &QTimer::timeout, auth, [settings] {
        if (rememberedIn(*settings)) {
            FirstPaintReporter::printLine("seeded");
            QCoreApplication::quit();
        }
    });
    poll->start(20);
    auth->signIn(QString::fromLatin1(kBenchUser), QStringLiteral("alice-password-1"), true);
}

void setApplicationNames()
{
    // As main.cpp does, so the child starts like the real executable.
    QCoreApplication::setOrganizationName(QStringLiteral("CustomerPortal"));
    QCoreApplication::setApplicationName(QStringLiteral("CustomerPortal"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Customer Portal"));
    QGuiApplication::setDesktopFileName(QStringLiteral(PORTAL_APP_ID));
}

/// argv: <program> --child app|restore|seed <server url> <settings file>
/// app: signed out, ends once settled. restore: ends once the Profile has painted (or the state
/// settled elsewhere). seed: signs in with "Remember me" after the first paint.
int runAppChild(int argc, char *argv[])
{
    const QByteArray mode(argv[2]);
    setApplicationNames();
    QApplication app(argc, argv);
    FirstPaintReporter::printMilestone("qapp");
    const Translations translations(QLocale::system());

    QSettings settings(QString::fromLocal8Bit(argv[4]), QSettings::IniFormat);
    PortalAppOptions options;
    options.serverOverride = QUrl(QString::fromLocal8Bit(argv[3]));
    options.settings = &settings;
    PortalApp portalApp(options);
    // As main() does: start() builds the window after a stored session's keychain read began.
    // The watchers below see every paint: painting happens in the event loop, after exec().
    portalApp.start();
    FirstPaintReporter::printMilestone("built");

    // restore: quits once the first paint, the settled state and the painted Profile are reported.
    struct Progress
    {
        bool painted = false;
        bool settled = false;
        bool profile = false;
    };
    auto progress = std::make_shared<Progress>();
    auto quitWhenDone = [progress] {
        if (progress->painted && progress->settled && progress->profile)
            QCoreApplication::quit();
    };
    if (mode == "restore") {
        new ProfilePaintWatcher(portalApp.window(), portalApp.auth(), [progress, quitWhenDone] {
            FirstPaintReporter::printLine(
                "profile-painted " +
                QByteArray::number(FirstPaintReporter::sinceStartMs(), 'f', 2) + ' ' +
                QByteArray::number(FirstPaintReporter::peakRssKb()));
            progress->profile = true;
            quitWhenDone();
        });
    }

    auto *reporter = new FirstPaintReporter(portalApp.window());
    QObject::connect(
        reporter, &FirstPaintReporter::painted, &portalApp,
        [&portalApp, &settings, mode, progress, quitWhenDone] {
            progress->painted = true;
            if (mode == "seed") {
                signInAndRemember(portalApp.auth(), &settings);
            } else if (mode == "restore") {
                reportWhenSettled(portalApp.auth(), [progress, quitWhenDone](State state) {
                    progress->settled = true;
                    if (state != State::SignedIn)
                        QCoreApplication::quit(); // the parent reports the wrong state
                    quitWhenDone();
                });
            } else {
                reportWhenSettled(portalApp.auth(), [](State) { QCoreApplication::quit(); });
            }
        });
    return QApplication::exec();
}

/// argv: <program> --child keychain <key>. One ReadPasswordJob, as portal::TokenStore makes it
/// (service PORTAL_APP_ID, no insecure fallback); prints "keychain-read <ms> <token length>", timed
/// from the job's start() to its finished() (the process start is not counted: the bare window
/// already pays one). The entry must hold benchserver.py's token.
int runKeychainChild(int argc, char *argv[])
{
    setApplicationNames();
    QCoreApplication app(argc, argv);
    auto *job = new QKeychain::ReadPasswordJob(QStringLiteral(PORTAL_APP_ID));
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(QString::fromLocal8Bit(argv[3]));
    QElapsedTimer clock;
    QObject::connect(job, &QKeychain::Job::finished, &app, [&clock, job] {
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        if (job->error() != QKeychain::NoError) {
            FirstPaintReporter::printLine("keychain-read-failed " + job->errorString().toUtf8());
            QCoreApplication::exit(1);
        } else if (job->textData() != QLatin1String(kBenchToken)) {
            FirstPaintReporter::printLine("keychain-read-failed not the seeded token");
            QCoreApplication::exit(1);
        } else {
            FirstPaintReporter::printLine("keychain-read " + QByteArray::number(ms, 'f', 3) + ' ' +
                                          QByteArray::number(job->textData().size()));
            QCoreApplication::quit();
        }
    });
    clock.start();
    job->start();
    return QCoreApplication::exec();
}

// ---- The parent ---------------------------------------------------------------------------------

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

enum class Scenario
{
    SignedOut,
    Restore
};

struct Options
{
    int runs = 20;
    Scenario scenario = Scenario::SignedOut;
    QString label; ///< "offscreen, keyring": goes into every figure's name
};

/// What the parent saw of one child.
struct ChildRun
{
    QString error;            ///< Empty when the run counts.
    double paintedMs = 0;     ///< QProcess::start() to the "painted" line.
    double settledMs = 0;     ///< ... to the "settled" line (app child only).
    double profileMs = 0;     ///< ... to the "profile-painted" line (restore only).
    double rssMiB = 0;        ///< VmHWM at first paint.
    double pssMiB = 0;        ///< Pss at first paint (0 where the child did not say).
    double profileRssMiB = 0; ///< VmHWM once the Profile painted.
    // The child's own clock, from the top of main(): what is left is process start and loading.
    double qappMs = 0;  ///< QApplication constructed.
    double builtMs = 0; ///< PortalApp constructed (app child only).
    double paintedInChildMs = 0;
    double keychainReadMs = 0; ///< keychain child: ReadPasswordJob start() to finished().
    QString settledState;
    QByteArrayList lines; ///< Everything it printed, for the error message.
};

std::optional<Options> parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Start to first paint and peak RSS of the app against a bare Qt Widgets window."));
    parser.addHelpOption();
    const QCommandLineOption runs(QStringLiteral("runs"),
                                  QStringLiteral("Runs per side, alternating (20)."),
                                  QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption scenario(
        QStringLiteral("scenario"),
        QStringLiteral("signed-out (first start, nothing stored) or restore (a remembered "
                       "session; needs tests/keyring-session.sh)."),
        QStringLiteral("name"), QStringLiteral("signed-out"));
    const QCommandLineOption label(
        QStringLiteral("label"),
        QStringLiteral("The platform and keychain variant, in every figure's name (default: from "
                       "the environment, e.g. \"offscreen, no D-Bus\")."),
        QStringLiteral("text"));
    parser.addOptions({runs, scenario, label});
    parser.process(app);
    Options options;
    bool ok = false;
    options.runs = parser.value(runs).toInt(&ok);
    const QString name = parser.value(scenario);
    if (!ok || options.runs < 1 ||
        (name != QLatin1String("signed-out") && name != QLatin1String("restore")))
        return std::nullopt;
    options.scenario = name == QLatin1String("restore") ? Scenario::Restore : Scenario::SignedOut;
    options.label = parser.value(label);
    return options;
}

QString keychainDescription()
{
    if (qEnvironmentVariableIsSet("PORTAL_KEYRING_SESSION"))
        return QStringLiteral("tests/keyring-session.sh (gnome-keyring, unlocked)");
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return QStringLiteral("no D-Bus session bus (QtKeychain fails fast)");
    return QStringLiteral("the caller's D-Bus session (") +
           qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS") + QLatin1Char(')');
}

/// Without --label: "<platform>, keyring | no D-Bus | D-Bus session".
QString defaultLabel()
{
    const QString platform = childEnvironment().value(QStringLiteral("QT_QPA_PLATFORM"));
    if (qEnvironmentVariableIsSet("PORTAL_KEYRING_SESSION"))
        return platform + QStringLiteral(", keyring");
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return platform + QStringLiteral(", no D-Bus");
    return platform + QStringLiteral(", D-Bus session");
}

void readLine(const QByteArray &line, double atMs, ChildRun *run)
{
    const QList<QByteArray> words = line.split(' ');
    const QByteArray &word = words.first();
    if (word == "painted") { // painted <VmHWM kB> <ms since main()> [<Pss kB>]
        run->paintedMs = atMs;
        run->rssMiB = words.value(1).toDouble() / 1024.0;
        run->paintedInChildMs = words.value(2).toDouble();
        run->pssMiB = words.value(3).toDouble() / 1024.0;
    } else if (word == "qapp") {
        run->qappMs = words.value(1).toDouble();
    } else if (word == "built") {
        run->builtMs = words.value(1).toDouble();
    } else if (word == "settled") {
        run->settledMs = atMs;
        run->settledState = QString::fromLatin1(words.value(1));
    } else if (word == "profile-painted") { // profile-painted <ms since main()> <VmHWM kB>
        run->profileMs = atMs;
        run->profileRssMiB = words.value(2).toDouble() / 1024.0;
    } else if (word == "keychain-read") {
        run->keychainReadMs = words.value(1).toDouble();
    }
}

using Complete = std::function<bool(const ChildRun &)>;

/// Runs one child to the end; its measurement is complete once @p complete says so.
ChildRun runChild(const QString &program, const QStringList &arguments, const Complete &complete)
{
    ChildRun run;
    QProcess child;
    child.setProcessEnvironment(childEnvironment());
    QElapsedTimer clock;
    clock.start();
    child.start(program, arguments);
    bool done = false;
    while (!done && clock.elapsed() < kChildTimeoutMs) {
        if (!child.canReadLine() && !child.waitForReadyRead(kChildTimeoutMs - int(clock.elapsed())))
            break;
        const double atMs = double(clock.nsecsElapsed()) / 1e6;
        while (child.canReadLine()) {
            const QByteArray line = child.readLine().trimmed();
            if (line.isEmpty())
                continue;
            run.lines.append(line);
            readLine(line, atMs, &run);
        }
        done = complete(run);
    }
    if (!child.waitForFinished(kChildTimeoutMs))
        child.kill();
    if (!done || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        run.error = program + QStringLiteral(" ") + arguments.value(1) +
                    QStringLiteral(" failed: ") + QString::fromLocal8Bit(run.lines.join(" | ")) +
                    QStringLiteral(" ") +
                    QString::fromLocal8Bit(child.readAllStandardError()).trimmed();
    return run;
}

QString baselineProgram()
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/bench_startup_baseline");
}

/// The restore scenario's one sign-in with "Remember me", in a real keyring only.
bool seedSession(const QUrl &server, const QString &settingsFile)
{
    QProcess child;
    child.setProcessEnvironment(childEnvironment());
    child.start(
        QCoreApplication::applicationFilePath(),
        {QStringLiteral("--child"), QStringLiteral("seed"), server.toString(), settingsFile});
    if (!child.waitForFinished(kSeedTimeoutMs))
        child.kill();
    const QByteArray output = child.readAllStandardOutput();
    if (child.exitCode() == 0 && output.contains("seeded"))
        return true;
    out() << output << child.readAllStandardError() << Qt::endl;
    return false;
}

/**
 * One loopback round trip as the app's first request makes it: a new QNetworkAccessManager (so a
 * new TCP connection), GET /api/profile/ with the token, timed from get() to finished(). Returns
 * the milliseconds, or a negative number (with @p error set) when the answer was not a 200.
 */
double loopbackRoundTripMs(const QUrl &server, QString *error)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(server.resolved(QUrl(QStringLiteral("/api/profile/"))));
    request.setRawHeader("Authorization", QByteArray("Token ") + kBenchToken);
    request.setTransferTimeout(kRequestTimeoutMs);
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = manager.get(request);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool ok =
        reply->error() == QNetworkReply::NoError && status == 200 && !reply->readAll().isEmpty();
    if (!ok)
        *error = QStringLiteral("GET /api/profile/ failed: ") + reply->errorString();
    delete reply;
    return ok ? ms : -1.0;
}

struct Samples
{
    QList<double> painted[2];
    QList<double> rss[2];
    QList<double> pss[2];
    QList<double> beforeMain[2];
    QList<double> qapp[2];
    QList<double> built;
    QList<double> settled;
    QString settledState;
    // signed-out only: the minimal window (4 widgets), for information
    QList<double> minimalPainted;
    QList<double> minimalRss;
    // restore only
    QList<double> profile;    ///< start to the painted Profile
    QList<double> profileRss; ///< VmHWM then
    QList<double> roundTrip;  ///< one loopback round trip
    QList<double> keychain;   ///< one keychain read
    QList<double> budget;     ///< bare window + round trip + keychain read, per run
};

void printRow(const QString &label, const QList<double> &ms, const QList<double> &rss,
              const QList<double> &pss)
{
    out() << label.leftJustified(36) << fixed(median(ms), 1, 8) << " ms"
          << fixed(percentile(ms, 90), 1, 8) << " ms" << fixed(median(rss), 1, 10) << " MiB"
          << (pss.isEmpty() ? QStringLiteral("       -")
                            : fixed(median(pss), 1, 8) + QStringLiteral(" MiB"))
          << "\n";
}

/// subject[i] / baseline[i]: the two runs of a pair ran back to back, under the same load.
QList<double> pairedRatios(const QList<double> &subject, const QList<double> &baseline)
{
    QList<double> ratios;
    for (qsizetype i = 0; i < qMin(subject.size(), baseline.size()); ++i)
        ratios.append(ratio(subject.at(i), baseline.at(i)));
    return ratios;
}

QString spread(const QList<double> &values)
{
    if (values.isEmpty())
        return QStringLiteral("-");
    return QStringLiteral("median ") + fixed(median(values), 1) + QStringLiteral(" ms (") +
           fixed(*std::min_element(values.cbegin(), values.cend()), 1) + QLatin1Char('-') +
           fixed(*std::max_element(values.cbegin(), values.cend()), 1) + QLatin1Char(')');
}

/// Where the time goes, from the children's own clocks (medians; indicative, they do not add up).
void printPhases(const Samples &s)
{
    out() << "where the time goes (medians)   before main()   QApplication   PortalApp started\n";
    for (int side = 0; side < 2; ++side) {
        out() << (side == 0 ? QStringLiteral("baseline") : QStringLiteral("subject"))
                     .leftJustified(30)
              << fixed(median(s.beforeMain[side]), 1, 12) << " ms"
              << fixed(median(s.qapp[side]), 1, 12) << " ms"
              << (side == 0 ? QStringLiteral("                 -")
                            : fixed(median(s.built), 1, 17) + QStringLiteral(" ms"))
              << "\n";
    }
    out() << "(before main(): QProcess::start() to main(), mostly exec and dynamic loading; the "
             "others count from main(); PortalApp started: built, start() returned, window shown)"
             "\n\n";
}

void printRestore(const Samples &s)
{
    out() << "start with a stored token to the painted Profile: " << spread(s.profile)
          << ", peak RSS " << fixed(median(s.profileRss), 1) << " MiB\n"
          << "budget, bare window + loopback RTT + keychain read (per run): " << spread(s.budget)
          << "\n  bare window first paint " << spread(s.painted[0]) << "\n  loopback round trip "
          << spread(s.roundTrip) << " (new QNetworkAccessManager, new connection)"
          << "\n  keychain read " << spread(s.keychain) << " (fresh process, the read only)\n"
          << "subject / budget: " << fixed(ratio(median(s.profile), median(s.budget)), 2)
          << " (paired: " << fixed(median(pairedRatios(s.profile, s.budget)), 2) << ")\n\n";
}

void printTable(const Samples &s, const Options &options)
{
    const QString label = QStringLiteral(" (") + options.label + QLatin1Char(')');
    const QString bare = QStringLiteral("bare Qt window, same widgets");
    const QString minimal = QStringLiteral("minimal Qt window, 4 widgets");
    QList<TableRow> rows;
    if (options.scenario == Scenario::SignedOut) {
        rows << TableRow::make(QStringLiteral("start to first paint of Sign in") + label,
                               QStringLiteral("ms"), bare, s.painted[0], s.painted[1],
                               TableRow::Target::RatioAtMost, 1.2, QStringLiteral("<= 1.2x"))
             << TableRow::make(QStringLiteral("peak RSS at first paint") + label,
                               QStringLiteral("MiB"), bare, s.rss[0], s.rss[1],
                               TableRow::Target::RatioAtMost, 1.2, QStringLiteral("<= 1.2x"))
             << TableRow::make(QStringLiteral("start to first paint of Sign in") + label,
                               QStringLiteral("ms"), minimal, s.minimalPainted, s.painted[1])
             << TableRow::make(QStringLiteral("peak RSS at first paint") + label,
                               QStringLiteral("MiB"), minimal, s.minimalRss, s.rss[1]);
    } else {
        // The first frame of a restore is the Restoring page: for information, the 1.2x targets
        // are the Sign in rows'.
        rows << TableRow::make(QStringLiteral("start to first paint of Restoring") + label,
                               QStringLiteral("ms"), bare, s.painted[0], s.painted[1])
             << TableRow::make(QStringLiteral("peak RSS at first paint of Restoring") + label,
                               QStringLiteral("MiB"), bare, s.rss[0], s.rss[1])
             << TableRow::make(QStringLiteral("start with a stored token to the painted Profile") +
                                   label,
                               QStringLiteral("ms"),
                               QStringLiteral("bare window + loopback RTT + keychain read"),
                               s.budget, s.profile, TableRow::Target::BelowBaseline, 0.0,
                               QStringLiteral("<= bare + RTT + keychain read"))
             << TableRow::make(QStringLiteral("loopback round trip, GET /api/profile/ on a new "
                                              "connection") +
                                   label,
                               QStringLiteral("ms"), {}, {}, s.roundTrip)
             << TableRow::make(QStringLiteral("keychain read, fresh process") + label,
                               QStringLiteral("ms"), {}, {}, s.keychain);
    }
    for (const TableRow &row : rows)
        printTableRow(out(), row);
}

void printResults(const Samples &s, const Options &options)
{
    out() << "\n"
          << QString().leftJustified(36)
          << "  median         p90   peak RSS (median)   PSS (median)\n";
    printRow(QStringLiteral("baseline (bare window, same widgets)"), s.painted[0], s.rss[0],
             s.pss[0]);
    if (!s.minimalPainted.isEmpty())
        printRow(QStringLiteral("minimal window (4 widgets, info)"), s.minimalPainted, s.minimalRss,
                 {});
    printRow(QStringLiteral("subject (PortalApp, first paint)"), s.painted[1], s.rss[1], s.pss[1]);
    const double medianRatio = ratio(median(s.painted[1]), median(s.painted[0]));
    const double rssRatio = ratio(median(s.rss[1]), median(s.rss[0]));
    out() << QStringLiteral("subject / baseline").leftJustified(36) << fixed(medianRatio, 2, 8)
          << "   " << fixed(ratio(percentile(s.painted[1], 90), percentile(s.painted[0], 90)), 2, 8)
          << "   " << fixed(rssRatio, 2, 10) << "       "
          << fixed(ratio(median(s.pss[1]), median(s.pss[0])), 2, 8) << "\n";
    out() << "paired (median of the per-run ratios, each pair back to back): "
          << fixed(median(pairedRatios(s.painted[1], s.painted[0])), 2) << "\n\n";
    out() << "subject settled (" << s.settledState << "): median " << fixed(median(s.settled), 1)
          << " ms, p90 " << fixed(percentile(s.settled, 90), 1) << " ms\n\n";
    if (options.scenario == Scenario::Restore)
        printRestore(s);
    printPhases(s);
    printTable(s, options);
    out() << "ratio startup_median=" << fixed(medianRatio, 2) << " rss=" << fixed(rssRatio, 2)
          << Qt::endl;
}

/// What one round needs to know.
struct Round
{
    QStringList appArguments;
    Scenario scenario = Scenario::SignedOut;
    QUrl server;
    QString keychainKey;
};

bool failed(const QString &error)
{
    out() << "bench_startup: " << error << Qt::endl;
    return false;
}

/// The bare window, then (restore only) one round trip and one keychain read: the parts of the
/// restore's budget, back to back.
bool runBaseline(const Round &round, Samples *samples)
{
    const ChildRun run =
        runChild(baselineProgram(), {}, [](const ChildRun &r) { return r.paintedMs > 0; });
    if (!run.error.isEmpty())
        return failed(run.error);
    samples->painted[0].append(run.paintedMs);
    samples->rss[0].append(run.rssMiB);
    samples->pss[0].append(run.pssMiB);
    samples->beforeMain[0].append(run.paintedMs - run.paintedInChildMs);
    samples->qapp[0].append(run.qappMs);
    if (round.scenario != Scenario::Restore) {
        const ChildRun minimal = runChild(baselineProgram(), {QStringLiteral("--minimal")},
                                          [](const ChildRun &r) { return r.paintedMs > 0; });
        if (!minimal.error.isEmpty())
            return failed(minimal.error);
        samples->minimalPainted.append(minimal.paintedMs);
        samples->minimalRss.append(minimal.rssMiB);
        return true;
    }

    QString error;
    const double roundTrip = loopbackRoundTripMs(round.server, &error);
    if (roundTrip < 0)
        return failed(error);
    const ChildRun keychain =
        runChild(QCoreApplication::applicationFilePath(),
                 {QStringLiteral("--child"), QStringLiteral("keychain"), round.keychainKey},
                 [](const ChildRun &r) { return r.keychainReadMs > 0; });
    if (!keychain.error.isEmpty())
        return failed(keychain.error);
    samples->roundTrip.append(roundTrip);
    samples->keychain.append(keychain.keychainReadMs);
    samples->budget.append(run.paintedMs + roundTrip + keychain.keychainReadMs);
    return true;
}

bool runSubject(const Round &round, Samples *samples)
{
    const bool restore = round.scenario == Scenario::Restore;
    const ChildRun run = runChild(
        QCoreApplication::applicationFilePath(), round.appArguments, [restore](const ChildRun &r) {
            if (r.paintedMs <= 0 || r.settledMs <= 0)
                return false;
            return !restore || r.profileMs > 0 || r.settledState != QLatin1String("SignedIn");
        });
    if (!run.error.isEmpty())
        return failed(run.error);
    const QString expected = restore ? QStringLiteral("SignedIn") : QStringLiteral("SignedOut");
    if (run.settledState != expected)
        return failed(QStringLiteral("the app settled in ") + run.settledState +
                      QStringLiteral(", expected ") + expected);
    samples->painted[1].append(run.paintedMs);
    samples->rss[1].append(run.rssMiB);
    samples->pss[1].append(run.pssMiB);
    samples->beforeMain[1].append(run.paintedMs - run.paintedInChildMs);
    samples->qapp[1].append(run.qappMs);
    samples->built.append(run.builtMs);
    samples->settled.append(run.settledMs);
    samples->settledState = run.settledState;
    if (restore) {
        samples->profile.append(run.profileMs);
        samples->profileRss.append(run.profileRssMiB);
    }
    return true;
}

/// One run of each side, in the given order; false (with the reason printed) on a failed child.
bool runPair(bool baselineFirst, const Round &round, Samples *samples)
{
    if (baselineFirst)
        return runBaseline(round, samples) && runSubject(round, samples);
    return runSubject(round, samples) && runBaseline(round, samples);
}

int runParent(Options options)
{
    const bool restore = options.scenario == Scenario::Restore;
    if (restore && !qEnvironmentVariableIsSet("PORTAL_KEYRING_SESSION")) {
        // Seeding writes a token to the keychain: never to the caller's own.
        out() << "bench_startup: --scenario restore runs only inside tests/keyring-session.sh"
              << Qt::endl;
        return 2;
    }
    if (options.label.isEmpty())
        options.label = defaultLabel();
    BenchServerProcess server;
    QTemporaryDir dir;
    QString error;
    if (!dir.isValid() || !server.start(&error)) {
        out() << "bench_startup: " << (error.isEmpty() ? dir.errorString() : error) << Qt::endl;
        return 1;
    }
    const QString settingsFile = dir.filePath(QStringLiteral("settings.ini"));
    if (restore && !seedSession(server.url(), settingsFile)) {
        out() << "bench_startup: signing in with \"Remember me\" failed (keyring?)" << Qt::endl;
        return 1;
    }
    Round round;
    round.scenario = options.scenario;
    round.server = server.url();
    round.keychainKey = TokenStore::keyFor(server.url(), QString::fromLatin1(kBenchUser));
    round.appArguments = {QStringLiteral("--child"),
                          restore ? QStringLiteral("restore") : QStringLiteral("app"),
                          server.url().toString(), settingsFile};

    out() << "bench_startup: start to first paint, " << options.runs
          << " runs per side, alternating; scenario " << (restore ? "restore" : "signed-out")
          << "\nplatform: " << childEnvironment().value(QStringLiteral("QT_QPA_PLATFORM"))
          << "; keychain: " << keychainDescription() << "; label: " << options.label
          << "; build: " << buildType() << "\n";

    Samples warmUp; // the first start of each reads the libraries from disk: not counted
    Samples samples;
    if (!runPair(true, round, &warmUp))
        return 1;
    for (int i = 0; i < options.runs; ++i) {
        if (!runPair(i % 2 == 0, round, &samples))
            return 1;
    }
    printResults(samples, options);
    return 0;
}

} // namespace
} // namespace portal::bench

int main(int argc, char *argv[])
{
    portal::bench::FirstPaintReporter::startClock();
    if (argc >= 3 && std::strcmp(argv[1], "--child") == 0) {
        const char *mode = argv[2];
        if (argc == 4 && std::strcmp(mode, "keychain") == 0)
            return portal::bench::runKeychainChild(argc, argv);
        if (argc == 5 && (std::strcmp(mode, "app") == 0 || std::strcmp(mode, "restore") == 0 ||
                          std::strcmp(mode, "seed") == 0))
            return portal::bench::runAppChild(argc, argv);
        std::fputs("bench_startup: unknown --child mode\n", stderr);
        return 2;
    }

    QCoreApplication app(argc, argv);
    const std::optional<portal::bench::Options> options = portal::bench::parseOptions(app);
    if (!options) {
        portal::bench::out() << "bench_startup: --runs takes a positive number, --scenario "
                                "signed-out or restore"
                             << Qt::endl;
        return 2;
    }
    return portal::bench::runParent(*options);
}
