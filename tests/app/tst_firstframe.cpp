// The first frame after start(): the final page for the state (Sign in, or Restoring while a stored
// session is read), nothing flashed before it, and what it does not need (the other pages, the
// window icon, the keychain probe that loads the keychain's backend) left until after it.
// Its own process: the first test needs a process that has not loaded the keychain's backend yet.

#include "mainwindow.h"
#include "page.h"
#include "portalapp.h"
#include "signinpage.h"
#include "testenv.h"
#include "uitest.h"

#include <QCheckBox>
#include <QEvent>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace portal;
using namespace portal::test;
using State = AuthStateManager::State;

namespace {

/// True once this process has mapped libsecret: QtKeychain loads it when its first job starts.
bool keychainBackendLoaded()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains("libsecret-1.so");
}

QStringList builtPages(const MainWindow *window)
{
    QStringList names;
    for (const Page *page : window->findChildren<Page *>())
        names << page->objectName();
    names.sort();
    return names;
}

/// The window's own icon (its windowIcon() falls back on the application's, which an earlier
/// window of this process may have set).
bool windowIconSet(const QWidget *window)
{
    return window->testAttribute(Qt::WA_SetWindowIcon);
}

/// What the window looked like when its first frame was painted, and every page it showed.
class FrameWatcher final : public QObject
{
public:
    explicit FrameWatcher(MainWindow *window)
        : m_window(window)
    {
        window->installEventFilter(this);
        auto *stack = window->findChild<QStackedWidget *>();
        connect(stack, &QStackedWidget::currentChanged, this,
                [this, stack]() { pagesShown << stack->currentWidget()->objectName(); });
    }

    bool painted = false;
    QString page;
    QString title;
    QStringList built;
    bool iconSet = false;
    bool backendLoaded = false;
    QStringList pagesShown;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::Paint && !painted) {
            painted = true;
            const Page *current = m_window->currentPage();
            page = current ? current->objectName() : QString();
            title = m_window->windowTitle();
            built = builtPages(m_window);
            iconSet = windowIconSet(m_window);
            backendLoaded = keychainBackendLoaded();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    MainWindow *m_window;
};

} // namespace

class TestFirstFrame : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    // In this order: the first needs a process that has not touched the keychain.
    void signedOutStartPaintsSignInFirstThenProbes();
    void restoringStartPaintsRestoringAndNeverSignIn();

private:
    std::unique_ptr<PortalApp> newApp();

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void TestFirstFrame::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(referenceServerUrl().isValid(), "the reference server fixture is not running");
    QVERIFY2(hasSessionBus(), "run inside tests/keyring-session.sh");
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
}

std::unique_ptr<PortalApp> TestFirstFrame::newApp()
{
    PortalAppOptions options;
    options.serverOverride = referenceServerUrl();
    options.settings = m_settings.get();
    return std::make_unique<PortalApp>(options);
}

void TestFirstFrame::signedOutStartPaintsSignInFirstThenProbes()
{
    QVERIFY2(!keychainBackendLoaded(), "this process loaded libsecret before the test");
    std::unique_ptr<PortalApp> app = newApp();
    MainWindow *window = app->window();
    FrameWatcher frame(window);
    QSignalSpy firstFrame(window, &MainWindow::firstFramePainted);
    app->start();
    QVERIFY(firstFrame.wait(30000));

    QVERIFY(frame.painted);
    QCOMPARE(frame.page, QStringLiteral("signInPage"));
    QCOMPARE(frame.title, QStringLiteral("Sign in — Customer Portal"));
    QCOMPARE(frame.built, QStringList{QStringLiteral("signInPage")});
    QVERIFY2(!frame.iconSet, "the window icon was loaded before the first frame");
    QVERIFY2(!frame.backendLoaded, "the keychain probe ran before the first frame");
    QCOMPARE(frame.pagesShown, QStringList{QStringLiteral("signInPage")});

    // After the frame: the icon, and the probe, whose answer enables "Remember me".
    QVERIFY(windowIconSet(window));
    QTRY_VERIFY_WITH_TIMEOUT(keychainBackendLoaded(), 30000);
    SignInPage *signIn = window->signInPage();
    QTRY_VERIFY_WITH_TIMEOUT(signIn->rememberBox()->isEnabled(), 30000);
    QCOMPARE(frame.pagesShown, QStringList{QStringLiteral("signInPage")});
    QCOMPARE(builtPages(window), QStringList{QStringLiteral("signInPage")});
}

void TestFirstFrame::restoringStartPaintsRestoringAndNeverSignIn()
{
    const QString username = uniqueUsername(QStringLiteral("firstframe"));
    QString error;
    QVERIFY2(createAccount(referenceServerUrl(), username, &error), qPrintable(error));
    {
        std::unique_ptr<PortalApp> first = newApp();
        first->start();
        SignInPage *page = first->window()->signInPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->rememberBox()->isEnabled(), 30000);
        page->rememberBox()->setChecked(true);
        QTest::keyClicks(page->usernameEdit(), username);
        QTest::keyClicks(page->passwordEdit(), testPassword());
        click(page->signInButton());
        QTRY_COMPARE_WITH_TIMEOUT(first->auth()->state(), State::SignedIn, 30000);
        TokenStore store(QStringLiteral(PORTAL_APP_ID));
        QTRY_COMPARE_WITH_TIMEOUT(
            readToken(store, TokenStore::keyFor(referenceServerUrl(), username)).status,
            TokenStoreResult::Status::Ok, 30000);
    }

    std::unique_ptr<PortalApp> app = newApp();
    MainWindow *window = app->window();
    FrameWatcher frame(window);
    QSignalSpy firstFrame(window, &MainWindow::firstFramePainted);
    bool iconAtFirstFrame = true;
    connect(window, &MainWindow::firstFramePainted, this,
            [&]() { iconAtFirstFrame = windowIconSet(window); });
    app->start();
    QVERIFY(firstFrame.wait(30000));
    QCOMPARE(frame.page, QStringLiteral("restoringPage"));
    // The icons wait for the page after Restoring: their SVG engine must not hold up the Profile.
    QVERIFY2(!iconAtFirstFrame, "the window icon was loaded after the Restoring frame");
    QCOMPARE(frame.title, QStringLiteral("Restoring session — Customer Portal"));
    QCOMPARE(frame.built, QStringList{QStringLiteral("restoringPage")});

    QTRY_COMPARE_WITH_TIMEOUT(app->auth()->state(), State::SignedIn, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(windowIconSet(window), 30000);
    QCOMPARE(frame.pagesShown,
             (QStringList{QStringLiteral("restoringPage"), QStringLiteral("profilePage")}));
    // Sign in was never needed, so never built.
    QCOMPARE(builtPages(window),
             (QStringList{QStringLiteral("profilePage"), QStringLiteral("restoringPage")}));
}

QTEST_MAIN(TestFirstFrame)
#include "tst_firstframe.moc"
