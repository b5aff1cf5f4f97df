// Secrets never reach the disk or a log. Whole sessions of the real application (PortalApp, as
// main() builds it) run in a child process: this binary again, with --secrets-child. Each child has
// a HOME, XDG directories, TMPDIR and XDG_RUNTIME_DIR of its own inside one temporary directory,
// every debug message on, and its standard output and error captured into files there. The child
// shares the parent's D-Bus session, so both see the same keyring. The parent learns the secrets
// from the keychain (never from the child's output), then scans everything under that directory.
//
// The child reports its progress as "checkpoint <name>" lines on standard output (a captured file
// the parent polls) and waits for the parent's "continue" or "quit" on standard input; the password
// comes the same way, so it is neither in argv nor in the environment.

#include "commandline.h"
#include "customereditor.h"
#include "customerform.h"
#include "mainwindow.h"
#include "modeltestutil.h"
#include "portalapp.h"
#include "profilepage.h"
#include "signinpage.h"
#include "testenv.h"
#include "translations.h"
#include "uitest.h"

#include <QApplication>
#include <QCheckBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <poll.h>
#include <unistd.h>

using namespace portal;
using namespace portal::test;
using State = AuthStateManager::State;

namespace {

constexpr int kWaitMs = 30000;
constexpr char kChildFlag[] = "--secrets-child";
const QString kEditedName = QStringLiteral("Edited");

// ---------------------------------------------------------------------------------------------
// The child: one scripted session of the real application.

/// A line for the parent (captured into a file): progress or failure, never a secret.
void tell(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int fail(const char *what)
{
    tell(QByteArrayLiteral("failed ") + what);
    return 1;
}

bool waitUntil(const std::function<bool()> &condition, int timeoutMs = kWaitMs)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

/// The next line the parent writes on standard input, with the event loop running meanwhile;
/// nothing when the time is up or the parent closed the pipe.
std::optional<QByteArray> lineFromParent(int timeoutMs = 2 * kWaitMs)
{
    static QByteArray pending;
    std::optional<QByteArray> line;
    waitUntil(
        [&line]() {
            const qsizetype newline = pending.indexOf('\n');
            if (newline >= 0) {
                line = pending.left(newline);
                pending.remove(0, newline + 1);
                return true;
            }
            pollfd input{STDIN_FILENO, POLLIN, 0};
            if (::poll(&input, 1, 0) <= 0)
                return false;
            char buffer[256];
            const ssize_t count = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (count <= 0)
                return true; // the parent closed the pipe

            pending.append(buffer, count);
            return false;
        },
        timeoutMs);
    return line;
}

bool parentSays(const QByteArray &word, int timeoutMs = 2 * kWaitMs)
{
    return lineFromParent(timeoutMs) == word;
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

/// Opens the editor on the profile page, changes the first name and clicks Save.
bool startSave(MainWindow *window)
{
    ProfilePage *profile = window->profilePage();
    click(profile->editButton());
    if (!profile->form()->isEditing())
        return false;
    typeInto(profile->form()->input(QStringLiteral("first_name")), kEditedName);
    if (!profile->saveButton()->isEnabled())
        return false;
    click(profile->saveButton());
    return true;
}

/// argv: program, --secrets-child, scenario, username, then the application's own arguments.
int runChild(int argc, char *argv[])
{
    // As main() does it: the same names, so the same settings file in the same place.
    QCoreApplication::setOrganizationName(QStringLiteral("CustomerPortal"));
    QCoreApplication::setApplicationName(QStringLiteral("CustomerPortal"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTAL_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Customer Portal"));
    QGuiApplication::setDesktopFileName(QStringLiteral(PORTAL_APP_ID));
    QApplication app(argc, argv);
    const Translations translations(QLocale::system());

    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4)
        return fail("usage: --secrets-child SCENARIO USERNAME [APP ARGUMENTS...]");
    const QString scenario = args.at(2);
    const QString username = args.at(3);
    const CommandLine command = parseCommandLine(QStringList{args.at(0)} + args.mid(4));
    if (command.action != CommandLine::Action::Run)
        return fail("the application's arguments were refused");
    const std::optional<QByteArray> password = lineFromParent();
    if (!password)
        return fail("no password from the parent");

    PortalAppOptions options;
    options.serverOverride = command.server;
    PortalApp portalApp(options);
    portalApp.start();
    MainWindow *window = portalApp.window();
    AuthStateManager *auth = portalApp.auth();

    // Sign in by typing, with Remember me (on by default once the keychain answered).
    SignInPage *signIn = window->signInPage();
    if (!waitUntil([&]() { return window->currentPage() == signIn; }))
        return fail("the sign-in page did not open");
    if (!waitUntil([&]() { return signIn->rememberBox()->isEnabled(); }))
        return fail("Remember me stayed disabled: the child cannot reach the keyring");
    if (!signIn->rememberBox()->isChecked())
        click(signIn->rememberBox());
    typeInto(signIn->usernameEdit(), username);
    QTest::keyClicks(signIn->passwordEdit(), QString::fromUtf8(*password));
    click(signIn->signInButton());
    if (!waitUntil([&]() { return window->currentPage() == window->profilePage(); }))
        return fail("signing in did not open the profile");
    tell("checkpoint signed-in");
    if (!parentSays("continue"))
        return fail("the parent did not say continue");

    if (scenario == QLatin1String("full")) {
        QSignalSpy saved(auth->profile(), &CustomerEditor::saved);
        if (!startSave(window))
            return fail("could not edit the profile");
        if (!saved.wait(kWaitMs))
            return fail("the profile was not saved");
        click(window->profilePage()->signOutButton());
        if (!waitUntil([&]() { return auth->state() == State::SignedOut; }))
            return fail("signing out did not end the session");
        tell("checkpoint signed-out");
    } else if (scenario == QLatin1String("expired")) {
        // The server rejects the session by now: any request ends it.
        click(window->profilePage()->refreshButton());
        if (!waitUntil([&]() { return auth->state() == State::SignedOut; }))
            return fail("the rejected session did not end");
        if (auth->signOutReason() != AuthStateManager::SignOutReason::SessionExpired)
            return fail("the session ended for another reason than expiry");
        tell("checkpoint expired");
    } else if (scenario == QLatin1String("killed")) {
        if (!startSave(window))
            return fail("could not edit the profile");
        tell("checkpoint saving"); // the save is in flight: the parent kills us now
    } else {
        return fail("unknown scenario");
    }
    if (!parentSays("quit"))
        return fail("the parent did not say quit");
    return 0;
}

// ---------------------------------------------------------------------------------------------
// The parent: secrets, the scan, the child process.

/// What differs between authentication modes, as far as secrets at rest are concerned.
struct ModeUnderTest
{
    /// Written into the application's own settings file before a child session starts.
    QVariantMap settings;
    /**
     * The secrets of the remembered session of @p key, read from the keychain while the entry
     * exists (empty when it does not): every value that must never be written anywhere else.
     */
    QStringList (*storedSecrets)(TokenStore &store, const QString &key);
    /// The sign-in request the child's debug log must show (proof that the mode was in use).
    QByteArray signInRequest;
};

/// The keychain entry itself: the DRF token, or in JWT mode the refresh token (the access token
/// lives in the child's memory only, so the parent cannot know it to look for it).
QStringList storedEntry(TokenStore &store, const QString &key)
{
    const TokenStoreResult result = readStored(store, key);
    if (result.status != TokenStoreResult::Status::Ok || result.token.isEmpty())
        return {};
    return {result.token};
}

/// One way a secret could be written down; the name says which, the bytes are never shown.
struct Pattern
{
    QString name;
    QByteArray bytes;
};

/**
 * The forms a secret could take in a file: itself, percent-encoded, UTF-16 (a QString written
 * raw), and base64 or base64url at each of the three byte alignments inside a longer encoded text
 * (the groups that hold only the secret's bytes).
 */
QList<Pattern> patternsOf(const QString &label, const QString &secret)
{
    QList<Pattern> patterns;
    auto add = [&](const QString &form, const QByteArray &bytes) {
        const bool known = std::any_of(patterns.cbegin(), patterns.cend(),
                                       [&](const Pattern &p) { return p.bytes == bytes; });
        if (!known)
            patterns.append({label + QLatin1String(", ") + form, bytes});
    };
    const QByteArray utf8 = secret.toUtf8();
    add(QStringLiteral("plain"), utf8);
    add(QStringLiteral("percent-encoded"), QUrl::toPercentEncoding(secret));
    QByteArray utf16le;
    QByteArray utf16be;
    for (const QChar c : secret) {
        const char low = char(c.unicode() & 0xff);
        const char high = char(c.unicode() >> 8);
        utf16le.append(low).append(high);
        utf16be.append(high).append(low);
    }
    add(QStringLiteral("UTF-16LE"), utf16le);
    add(QStringLiteral("UTF-16BE"), utf16be);
    for (int offset = 0; offset < 3; ++offset) {
        const QByteArray encoded = QByteArray(QByteArray(offset, '\0') + utf8).toBase64();
        // 3 bytes make 4 characters: keep the groups made of the secret's bytes only.
        const qsizetype first = offset == 0 ? 0 : 1;
        const qsizetype end = (offset + utf8.size()) / 3;
        const QByteArray core = encoded.mid(4 * first, 4 * (end - first));
        if (core.size() < 12)
            continue; // too short a secret to tell apart from other text
        add(QStringLiteral("base64 at offset %1").arg(offset), core);
        QByteArray url = core;
        url.replace('+', '-').replace('/', '_');
        add(QStringLiteral("base64url at offset %1").arg(offset), url);
    }
    return patterns;
}

/// Every regular file under @p root (hidden ones too, symbolic links not followed) that holds one
/// of @p patterns, as "path: form"; an unreadable file is reported too.
QStringList findPatterns(const QString &root, const QList<Pattern> &patterns)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly)) {
            found << file.fileName() + QLatin1String(": unreadable");
            continue;
        }
        const QByteArray bytes = file.readAll();
        for (const Pattern &pattern : patterns) {
            if (bytes.contains(pattern.bytes))
                found << file.fileName() + QLatin1String(": ") + pattern.name;
        }
    }
    return found;
}

/// Polls @p probe (a keychain read: there is no signal to wait for) every 100 ms until it holds or
/// the time is up; a failing wait neither floods the log nor takes QTRY's extra diagnosis time.
bool pollUntil(const std::function<bool()> &probe)
{
    const QDeadlineTimer deadline(kWaitMs);
    while (!probe()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(100);
    }
    return true;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Ends every session of @p username on the server, whatever the authentication mode (a DRF token
/// and a JWT alike): the account is deactivated, so its next request gets a 401.
bool rejectSessionsOf(const QString &username, QString *error)
{
    const QString code = QStringLiteral("from django.contrib.auth import get_user_model; "
                                        "print(get_user_model().objects.filter(username='%1')"
                                        ".update(is_active=False))")
                             .arg(username);
    const QByteArray out = manage({QStringLiteral("shell"), QStringLiteral("-c"), code}, error);
    return out.trimmed() == "1";
}

/**
 * One child session: its own temporary directory (HOME, XDG directories, TMPDIR, runtime
 * directory and the captured output, all scanned afterwards), driven over its standard input.
 */
class ChildSession final
{
public:
    ChildSession()
    {
        m_process.setWorkingDirectory(m_root.path());
        m_process.setStandardOutputFile(stdoutPath());
        m_process.setStandardErrorFile(stderrPath());
    }
    ~ChildSession()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(kWaitMs);
        }
    }
    Q_DISABLE_COPY_MOVE(ChildSession)

    QString root() const { return m_root.path(); }
    QString stdoutPath() const { return m_root.filePath(QStringLiteral("child-stdout.log")); }
    QString stderrPath() const { return m_root.filePath(QStringLiteral("child-stderr.log")); }
    QString configHome() const { return m_root.filePath(QStringLiteral("home/.config")); }
    /// Where QSettings puts the application's settings (organisation and name as in main()).
    QString settingsPath() const
    {
        return configHome() + QStringLiteral("/CustomerPortal/CustomerPortal.conf");
    }
    QProcess &process() { return m_process; }

    bool start(const QString &scenario, const QString &username, const QVariantMap &settings)
    {
        const QString home = m_root.filePath(QStringLiteral("home"));
        const QString runtime = m_root.filePath(QStringLiteral("runtime"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome());
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        env.insert(QStringLiteral("XDG_STATE_HOME"), home + QStringLiteral("/.local/state"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
        env.insert(QStringLiteral("TMPDIR"), m_root.filePath(QStringLiteral("tmp")));
        // Every category's debug messages, on standard error (never the journal).
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        env.insert(QStringLiteral("QT_FORCE_STDERR_LOGGING"), QStringLiteral("1"));
        for (const QString &dir :
             {home, configHome(), runtime, env.value(QStringLiteral("TMPDIR"))})
            QDir().mkpath(dir);
        QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        if (!settings.isEmpty()) {
            QSettings file(settingsPath(), QSettings::NativeFormat);
            for (auto it = settings.cbegin(); it != settings.cend(); ++it)
                file.setValue(it.key(), it.value());
        }
        m_process.setProcessEnvironment(env);
        m_process.start(QCoreApplication::applicationFilePath(),
                        {QString::fromLatin1(kChildFlag), scenario, username,
                         QStringLiteral("--server"), referenceServerUrl().toString()});
        return m_process.waitForStarted(kWaitMs);
    }

    bool send(const QByteArray &line)
    {
        m_process.write(line + '\n');
        return m_process.waitForBytesWritten(kWaitMs);
    }

    /// Waits for "checkpoint <name>"; on failure, why (the child's own words, or its exit).
    QString awaitCheckpoint(const QByteArray &name)
    {
        const QByteArray wanted = "checkpoint " + name + '\n';
        QString problem;
        const bool done = QTest::qWaitFor(
            [&]() {
                const QByteArray out = readAll(stdoutPath());
                if (out.contains(wanted))
                    return true;
                const qsizetype failed = out.indexOf("failed ");
                if (failed >= 0) {
                    problem = QStringLiteral("child: ") +
                              QString::fromUtf8(out.mid(failed).split('\n').value(0));
                    return true;
                }
                if (m_process.state() == QProcess::NotRunning) {
                    problem = QStringLiteral("the child exited (code %1) before %2")
                                  .arg(m_process.exitCode())
                                  .arg(QString::fromLatin1(name));
                    return true;
                }
                return false;
            },
            3 * kWaitMs);
        if (!done)
            problem = QStringLiteral("no checkpoint %1 in time").arg(QString::fromLatin1(name));
        return problem;
    }

    /// Tells the child to quit and waits for a clean exit.
    bool quit()
    {
        return send("quit") && m_process.waitForFinished(kWaitMs) &&
               m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }

private:
    QTemporaryDir m_root;
    QProcess m_process;
};

} // namespace

Q_DECLARE_METATYPE(ModeUnderTest)

class TestSecretsOnDisk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void scannerFindsEveryForm();
    void fullSession_data();
    void fullSession();
    void expiredSession_data();
    void expiredSession();
    void killedSession_data();
    void killedSession();

private:
    /// One row per authentication mode.
    static void addModes();
    /// Creates an account, starts @p scenario for it and waits until it is signed in with
    /// Remember me; the stored secrets, read from the keychain, go to m_secrets.
    void startSignedIn(ChildSession &child, const QString &scenario);
    /// Nothing under the child's directory holds a secret or the password, in any form; and the
    /// directory does hold the debug log, so there was something to look at.
    void verifyNothingWritten(ChildSession &child);
    TokenStoreResult::Status keychainStatus();

    TokenStore m_store{appId()};
    QString m_username;
    QString m_key;
    QStringList m_secrets;
};

void TestSecretsOnDisk::initTestCase()
{
    QVERIFY2(referenceServerUrl().isValid(), "the reference server fixture is not running");
    QVERIFY2(hasSessionBus(), "run inside tests/keyring-session.sh");
}

void TestSecretsOnDisk::addModes()
{
    QTest::addColumn<ModeUnderTest>("mode");
    // Another mode is one more row: its settings and the reader of what its entry holds.
    QTest::newRow("token") << ModeUnderTest{{}, &storedEntry, "/api/login/ attempt"};
    QTest::newRow("jwt") << ModeUnderTest{{{QStringLiteral("server/auth"), QStringLiteral("jwt")}},
                                          &storedEntry,
                                          "/api/token/ attempt"};
}

void TestSecretsOnDisk::scannerFindsEveryForm()
{
    // The scan itself can fail: each form of a secret, written somewhere in a hidden folder, is
    // found, and only the forms that were written.
    const QString secret = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    const QList<Pattern> patterns = patternsOf(QStringLiteral("secret"), secret);
    QVERIFY(patterns.size() >= 6); // some forms coincide for a hex secret
    const QByteArray utf8 = secret.toUtf8();
    const QList<QPair<QByteArray, QString>> planted{
        {"x=" + utf8 + "\n", QStringLiteral("plain")},
        {QByteArray("\x01", 1) +
             QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2),
         QStringLiteral("UTF-16LE")},
        {QByteArray("Authorization: Token ").toBase64() + "|" +
             QByteArray("Token " + utf8 + "!").toBase64(),
         QStringLiteral("base64 at offset 0")},
        {QByteArray("Bearer " + utf8).toBase64(), QStringLiteral("base64 at offset 1")},
        {QByteArray("secret: " + utf8).toBase64(), QStringLiteral("base64 at offset 2")},
    };
    for (const auto &[bytes, form] : planted) {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral(".config/deep"))));
        QFile file(dir.filePath(QStringLiteral(".config/deep/.hidden")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        const QStringList found = findPatterns(dir.path(), patterns);
        QVERIFY2(found.size() == 1 && found.first().endsWith(QStringLiteral("secret, ") + form),
                 qPrintable(form + QLatin1String(" -> ") + found.join(QLatin1String("; "))));
    }
    QTemporaryDir clean;
    QFile other(clean.filePath(QStringLiteral("other")));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write(QByteArray("0123456789abcdef").toBase64() + "0123456789abcdef");
    other.close();
    QCOMPARE(findPatterns(clean.path(), patterns), QStringList());
}

TokenStoreResult::Status TestSecretsOnDisk::keychainStatus()
{
    return readStored(m_store, m_key).status;
}

void TestSecretsOnDisk::startSignedIn(ChildSession &child, const QString &scenario)
{
    QFETCH(ModeUnderTest, mode);
    m_username = uniqueUsername(QStringLiteral("secrets_") + scenario);
    m_key = TokenStore::keyFor(referenceServerUrl(), m_username);
    m_secrets.clear();
    QString error;
    QVERIFY2(createAccount(referenceServerUrl(), m_username, &error), qPrintable(error));
    QVERIFY(child.start(scenario, m_username, mode.settings));
    QVERIFY(child.send(testPassword().toUtf8()));
    const QString problem = child.awaitCheckpoint("signed-in");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // From the keychain, while the child runs: the secrets never pass through its output.
    QVERIFY2(pollUntil([&]() {
                 m_secrets = mode.storedSecrets(m_store, m_key);
                 return !m_secrets.isEmpty();
             }),
             "the child's session never reached the keychain");
}

void TestSecretsOnDisk::verifyNothingWritten(ChildSession &child)
{
    QVERIFY(!m_secrets.isEmpty());
    // The debug log was captured, with the application's own categories in it.
    const QByteArray log = readAll(child.stderrPath());
    QVERIFY2(log.contains("portal.network: ") && log.contains("portal.keychain: ") &&
                 log.contains("portal.auth: "),
             "the child's debug log is missing or incomplete");
    QFETCH(ModeUnderTest, mode);
    QVERIFY2(log.contains(mode.signInRequest), "the child did not sign in as the mode says");

    QList<Pattern> patterns;
    for (const QString &secret : std::as_const(m_secrets)) {
        patterns += patternsOf(QStringLiteral("stored secret"), secret);
        // Every JWT the server issues (the access tokens too, which live in memory only and are
        // never stored) begins with the same header: the refresh token's.
        const QStringList parts = secret.split(QLatin1Char('.'));
        if (parts.size() == 3)
            patterns += patternsOf(QStringLiteral("a JWT (access or refresh token)"),
                                   parts.first() + QLatin1Char('.'));
    }
    patterns += patternsOf(QStringLiteral("password"), testPassword());
    const QStringList found = findPatterns(child.root(), patterns);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1String("\n"))));
}

void TestSecretsOnDisk::fullSession_data()
{
    addModes();
}

void TestSecretsOnDisk::fullSession()
{
    ChildSession child;
    auto forget = qScopeGuard([this]() { removeStored(m_store, m_key); });
    startSignedIn(child, QStringLiteral("full"));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(keychainStatus(), TokenStoreResult::Status::Ok);
    QVERIFY(child.send("continue"));
    const QString problem = child.awaitCheckpoint("signed-out");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(serverField(m_username, QStringLiteral("first_name")).toString(), kEditedName);

    // Signing out deleted the entry, while the app runs and after it quit.
    pollUntil([this]() { return keychainStatus() == TokenStoreResult::Status::NotFound; });
    QCOMPARE(keychainStatus(), TokenStoreResult::Status::NotFound);
    QVERIFY(child.quit());
    QCOMPARE(keychainStatus(), TokenStoreResult::Status::NotFound);
    // The app did write its settings into the directory that is scanned.
    QVERIFY(QFile::exists(child.settingsPath()));
    verifyNothingWritten(child);
}

void TestSecretsOnDisk::expiredSession_data()
{
    addModes();
}

void TestSecretsOnDisk::expiredSession()
{
    ChildSession child;
    auto forget = qScopeGuard([this]() { removeStored(m_store, m_key); });
    startSignedIn(child, QStringLiteral("expired"));
    if (QTest::currentTestFailed())
        return;
    QString error;
    QVERIFY2(rejectSessionsOf(m_username, &error), qPrintable(error));
    QVERIFY(child.send("continue"));
    const QString problem = child.awaitCheckpoint("expired");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // The expired session's entry is deleted, while the app runs and after it quit.
    pollUntil([this]() { return keychainStatus() == TokenStoreResult::Status::NotFound; });
    QCOMPARE(keychainStatus(), TokenStoreResult::Status::NotFound);
    QVERIFY(child.quit());
    QCOMPARE(keychainStatus(), TokenStoreResult::Status::NotFound);
    QVERIFY(QFile::exists(child.settingsPath()));
    verifyNothingWritten(child);
}

void TestSecretsOnDisk::killedSession_data()
{
    addModes();
}

void TestSecretsOnDisk::killedSession()
{
    QFETCH(ModeUnderTest, mode);
    ChildSession child;
    auto forget = qScopeGuard([this]() { removeStored(m_store, m_key); });
    startSignedIn(child, QStringLiteral("killed"));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(child.send("continue"));
    const QString problem = child.awaitCheckpoint("saving");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    child.process().kill(); // SIGKILL, with the profile save in flight
    QVERIFY(child.process().waitForFinished(kWaitMs));
    QCOMPARE(child.process().exitStatus(), QProcess::CrashExit);

    // Expected: a remembered session outlives a killed app (the next start restores it), so its
    // entry is still in the keychain, unchanged. Only the keychain holds it: the scan finds
    // nothing.
    QCOMPARE(mode.storedSecrets(m_store, m_key), m_secrets);
    verifyNothingWritten(child);
}

int main(int argc, char *argv[])
{
    if (argc > 1 && qstrcmp(argv[1], kChildFlag) == 0)
        return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestSecretsOnDisk test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretsondisk.moc"
