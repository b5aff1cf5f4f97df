// bench_startup: start to first paint and peak RSS of the real application, against a bare Qt
// Widgets login window (bench_startup_baseline) measured in the same run, alternating.
//
//   bench_startup [--runs N] [--scenario signed-out|restore]
//
// The parent launches each child with QProcess and times from QProcess::start() to the child's
// "painted <VmHWM kB>" line, so process start, dynamic loading, construction and the first frame
// count the same for both. The app child builds PortalApp exactly as main.cpp does (translations,
// settings, composition root, start()) against benchserver.py, then also reports when the auth
// state settles ("settled <state> <kB>"): the sign-in page for signed-out, the profile for restore.
//
// Children get QT_QPA_PLATFORM=offscreen unless the caller set a platform. The keychain is whatever
// the caller's D-Bus session offers: run.sh measures with no session bus (QtKeychain fails fast)
// and inside tests/keyring-session.sh (a real, empty gnome-keyring). "restore" needs the latter:
// it first signs in once with "Remember me" so every run restores a stored session.

#include "authstatemanager.h"
#include "benchserverprocess.h"
#include "firstpaintreporter.h"
#include "mainwindow.h"
#include "portalapp.h"
#include "samples.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QMetaEnum>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>

namespace portal::bench {
namespace {

constexpr int kChildTimeoutMs = 30000;
constexpr int kSeedTimeoutMs = 15000;

// ---- The app child ------------------------------------------------------------------------------

using State = AuthStateManager::State;

bool isSettled(State state)
{
    return state == State::SignedOut || state == State::SignedIn;
}

/// After the first paint: one "settled" line once the auth state left Restoring, then quit.
void reportWhenSettled(AuthStateManager *auth)
{
    auto done = std::make_shared<bool>(false);
    auto report = [auth, done] {
        if (*done)
            return;
        *done = true;
        const char *state = QMetaEnum::fromType<State>().valueToKey(int(auth->state()));
        FirstPaintReporter::printLine(QByteArray("settled ") + state + ' ' +
                                      QByteArray::number(FirstPaintReporter::peakRssKb()));
        QCoreApplication::quit();
    };
    if (isSettled(auth->state()))
        QTimer::singleShot(0, auth, report);
    QObject::connect(auth, &AuthStateManager::stateChanged, auth, [auth, report](State state) {
        if (isSettled(state))
            QTimer::singleShot(0, auth, report);
    });
}

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
    auth->signIn(QStringLiteral("alice"), QStringLiteral("alice-password-1"), true);
}

/// argv: <program> --child app|seed <server url> <settings file>
int runAppChild(int argc, char *argv[])
{
    const bool seed = std::strcmp(argv[2], "seed") == 0;
    // As main.cpp does, so the child starts like the real executable.
    QApplication::setOrganizationName(QStringLiteral("CustomerPortal"));
    QApplication::setApplicationName(QStringLiteral("CustomerPortal"));
    QApplication::setApplicationDisplayName(QStringLiteral("Customer Portal"));
    QApplication::setDesktopFileName(QStringLiteral(PORTAL_APP_ID));
    QApplication app(argc, argv);
    FirstPaintReporter::printMilestone("qapp");
    const Translations translations(QLocale::system());

    QSettings settings(QString::fromLocal8Bit(argv[4]), QSettings::IniFormat);
    PortalAppOptions options;
    options.serverOverride = QUrl(QString::fromLocal8Bit(argv[3]));
    options.settings = &settings;
    PortalApp portalApp(options);
    FirstPaintReporter::printMilestone("built");

    auto *reporter = new FirstPaintReporter(portalApp.window());
    QObject::connect(reporter, &FirstPaintReporter::painted, &portalApp,
                     [&portalApp, &settings, seed] {
                         if (seed)
                             signInAndRemember(portalApp.auth(), &settings);
                         else
                             reportWhenSettled(portalApp.auth());
                     });
    portalApp.start();
    return QApplication::exec();
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
};

/// What the parent saw of one child.
struct ChildRun
{
    QString error;        ///< Empty when the run counts.
    double paintedMs = 0; ///< QProcess::start() to the "painted" line.
    double settledMs = 0; ///< ... to the "settled" line (app child only).
    double rssMiB = 0;    ///< VmHWM at first paint.
    // The child's own clock, from the top of main(): what is left is process start and loading.
    double qappMs = 0;  ///< QApplication constructed.
    double builtMs = 0; ///< PortalApp constructed (app child only).
    double paintedInChildMs = 0;
    QString settledState;
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
    parser.addOptions({runs, scenario});
    parser.process(app);
    Options options;
    bool ok = false;
    options.runs = parser.value(runs).toInt(&ok);
    const QString name = parser.value(scenario);
    if (!ok || options.runs < 1 ||
        (name != QLatin1String("signed-out") && name != QLatin1String("restore")))
        return std::nullopt;
    options.scenario = name == QLatin1String("restore") ? Scenario::Restore : Scenario::SignedOut;
    return options;
}

QProcessEnvironment childEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
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

void readLine(const QByteArray &line, double atMs, ChildRun *run)
{
    const QList<QByteArray> words = line.split(' ');
    if (words.value(0) == "painted") {
        run->paintedMs = atMs;
        run->rssMiB = words.value(1).toDouble() / 1024.0;
        run->paintedInChildMs = words.value(2).toDouble();
    } else if (words.value(0) == "qapp") {
        run->qappMs = words.value(1).toDouble();
    } else if (words.value(0) == "built") {
        run->builtMs = words.value(1).toDouble();
    } else if (words.value(0) == "settled") {
        run->settledMs = atMs;
        run->settledState = QString::fromLatin1(words.value(1));
    }
}

/// Runs one child to the end; @p last is the line after which its measurement is complete.
ChildRun runChild(const QString &program, const QStringList &arguments, const QByteArray &last)
{
    ChildRun run;
    QProcess child;
    child.setProcessEnvironment(childEnvironment());
    QElapsedTimer clock;
    clock.start();
    child.start(program, arguments);
    bool complete = false;
    while (!complete && clock.elapsed() < kChildTimeoutMs) {
        if (!child.canReadLine() && !child.waitForReadyRead(kChildTimeoutMs - int(clock.elapsed())))
            break;
        const double atMs = double(clock.nsecsElapsed()) / 1e6;
        while (child.canReadLine()) {
            const QByteArray line = child.readLine().trimmed();
            readLine(line, atMs, &run);
            complete = complete || line.startsWith(last);
        }
    }
    if (!child.waitForFinished(kChildTimeoutMs))
        child.kill();
    if (!complete || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        run.error = program + QStringLiteral(" failed: ") +
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

struct Samples
{
    QList<double> painted[2];
    QList<double> rss[2];
    QList<double> beforeMain[2];
    QList<double> qapp[2];
    QList<double> built;
    QList<double> settled;
    QString settledState;
};

void printRow(const QString &label, const QList<double> &ms, const QList<double> &rss)
{
    out() << label.leftJustified(36) << fixed(median(ms), 1, 8) << " ms"
          << fixed(percentile(ms, 90), 1, 8) << " ms" << fixed(median(rss), 1, 10) << " MiB\n";
}

/// subject[i] / baseline[i]: the two runs of a pair ran back to back, under the same load.
QList<double> pairedRatios(const QList<double> &subject, const QList<double> &baseline)
{
    QList<double> ratios;
    for (qsizetype i = 0; i < qMin(subject.size(), baseline.size()); ++i)
        ratios.append(ratio(subject.at(i), baseline.at(i)));
    return ratios;
}

/// Where the time goes, from the children's own clocks (medians; indicative, they do not add up).
void printPhases(const Samples &s)
{
    out() << "where the time goes (medians)   before main()   QApplication   PortalApp built\n";
    for (int side = 0; side < 2; ++side) {
        out() << (side == 0 ? QStringLiteral("baseline") : QStringLiteral("subject"))
                     .leftJustified(30)
              << fixed(median(s.beforeMain[side]), 1, 12) << " ms"
              << fixed(median(s.qapp[side]), 1, 12) << " ms"
              << (side == 0 ? QStringLiteral("               -")
                            : fixed(median(s.built), 1, 15) + QStringLiteral(" ms"))
              << "\n";
    }
    out() << "(before main(): QProcess::start() to main(), mostly exec and dynamic loading; the "
             "others count from main())\n\n";
}

void printResults(const Samples &s)
{
    out() << "\n" << QString().leftJustified(36) << "  median         p90   peak RSS (median)\n";
    printRow(QStringLiteral("baseline (bare Qt Widgets window)"), s.painted[0], s.rss[0]);
    printRow(QStringLiteral("subject (PortalApp, first paint)"), s.painted[1], s.rss[1]);
    const double medianRatio = ratio(median(s.painted[1]), median(s.painted[0]));
    const double rssRatio = ratio(median(s.rss[1]), median(s.rss[0]));
    out() << QStringLiteral("subject / baseline").leftJustified(36) << fixed(medianRatio, 2, 8)
          << "   " << fixed(ratio(percentile(s.painted[1], 90), percentile(s.painted[0], 90)), 2, 8)
          << "   " << fixed(rssRatio, 2, 10) << "\n";
    out() << "paired (median of the per-run ratios, each pair back to back): "
          << fixed(median(pairedRatios(s.painted[1], s.painted[0])), 2) << "\n\n";
    out() << "subject settled (" << s.settledState << "): median " << fixed(median(s.settled), 1)
          << " ms, p90 " << fixed(percentile(s.settled, 90), 1) << " ms\n\n";
    printPhases(s);
    out() << "ratio startup_median=" << fixed(medianRatio, 2) << " rss=" << fixed(rssRatio, 2)
          << Qt::endl;
}

/// One run of each side, in the given order; false (with the reason printed) on a failed child.
bool runPair(bool baselineFirst, const QStringList &appArguments, const QString &expectedState,
             Samples *samples)
{
    for (int side : {baselineFirst ? 0 : 1, baselineFirst ? 1 : 0}) {
        const ChildRun run =
            side == 0 ? runChild(baselineProgram(), {}, "painted")
                      : runChild(QCoreApplication::applicationFilePath(), appArguments, "settled");
        QString error = run.error;
        if (error.isEmpty() && side == 1 && run.settledState != expectedState)
            error = QStringLiteral("the app settled in ") + run.settledState +
                    QStringLiteral(", expected ") + expectedState;
        if (!error.isEmpty()) {
            out() << "bench_startup: " << error << Qt::endl;
            return false;
        }
        samples->painted[side].append(run.paintedMs);
        samples->rss[side].append(run.rssMiB);
        samples->beforeMain[side].append(run.paintedMs - run.paintedInChildMs);
        samples->qapp[side].append(run.qappMs);
        if (side == 1) {
            samples->built.append(run.builtMs);
            samples->settled.append(run.settledMs);
            samples->settledState = run.settledState;
        }
    }
    return true;
}

int runParent(const Options &options)
{
    const bool restore = options.scenario == Scenario::Restore;
    if (restore && !qEnvironmentVariableIsSet("PORTAL_KEYRING_SESSION")) {
        // Seeding writes a token to the keychain: never to the caller's own.
        out() << "bench_startup: --scenario restore runs only inside tests/keyring-session.sh"
              << Qt::endl;
        return 2;
    }
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
    const QStringList appArguments = {QStringLiteral("--child"), QStringLiteral("app"),
                                      server.url().toString(), settingsFile};
    const QString expected = restore ? QStringLiteral("SignedIn") : QStringLiteral("SignedOut");

    out() << "bench_startup: start to first paint, " << options.runs
          << " runs per side, alternating; scenario " << (restore ? "restore" : "signed-out")
          << "\nplatform: " << childEnvironment().value(QStringLiteral("QT_QPA_PLATFORM"))
          << "; keychain: " << keychainDescription() << "; build: " << buildType() << "\n";

    Samples warmUp; // the first start of each reads the libraries from disk: not counted
    Samples samples;
    if (!runPair(true, appArguments, expected, &warmUp))
        return 1;
    for (int i = 0; i < options.runs; ++i) {
        if (!runPair(i % 2 == 0, appArguments, expected, &samples))
            return 1;
    }
    printResults(samples);
    return 0;
}

} // namespace
} // namespace portal::bench

int main(int argc, char *argv[])
{
    portal::bench::FirstPaintReporter::startClock();
    if (argc == 5 && std::strcmp(argv[1], "--child") == 0)
        return portal::bench::runAppChild(argc, argv);

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
