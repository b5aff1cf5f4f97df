// Losing the server mid-session, in the whole window built by the composition root: a server of
// the test's own is stopped while signed in. A Save, a Refresh, a page of customers and the
// customer editor each fail with a banner that says what to do and offers Retry, the status bar
// says the server cannot be reached, nothing typed is lost; once the server is started again,
// Retry repeats exactly the failed action and the status bar goes back to normal by itself.

#include "apiclient.h"
#include "customereditor.h"
#include "customereditpage.h"
#include "customerform.h"
#include "customerhistorymodel.h"
#include "customerlistmodel.h"
#include "customerspage.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "modeltestutil.h"
#include "portalapp.h"
#include "profilepage.h"
#include "signinpage.h"
#include "testenv.h"
#include "uitest.h"

#include <QAction>
#include <QCheckBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace portal;
using namespace portal::test;
using State = AuthStateManager::State;

namespace {

constexpr int kWaitMs = 30000;
/// More rows than the table shows at once, so the view asks for no further page by itself.
constexpr int kPageSize = 25;
const QString kCantReach = QStringLiteral("Can't reach the server");

/// The finished() of @p call, waited for (test code only).
std::optional<ApiResult> await(ApiCall *call)
{
    std::optional<ApiResult> result;
    QObject::connect(call, &ApiCall::finished, call,
                     [&result](const ApiResult &answer) { result = answer; });
    if (!QTest::qWaitFor([&result]() { return result.has_value(); }, kWaitMs))
        return std::nullopt;
    return result;
}

} // namespace

class TestServerLost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void saveIsRetriedWithTheSameEdits();
    void refreshIsRetried();
    void customersPageLoadIsRetried();
    void customerSearchIsRetried();
    void customerEditorLoadAndSaveAreRetried();

private:
    void startApp();
    void signIn(const QString &username, const QString &password);
    void stopServer();
    void startServer();
    /// The banner says the server cannot be reached, what to do about it, and offers Retry; the
    /// status bar says so too.
    void expectServerLost(MessageBanner *banner);
    /// The status bar is back to normal for the signed-in @p username; after a loss
    /// (@p reconnected) it also says for a moment that the server is back.
    void expectConnected(const QString &username, bool reconnected = true);
    /// What the banner says when the server does not answer.
    QString lostMessage() const;
    /// A field of @p username's record as the server has it now.
    QString serverField(const QString &username, const QString &field) const;
    /// @p username changes their own @p field on the server through a client of their own.
    bool changeOwnField(const QString &username, const QString &password, const QString &field,
                        const QString &value);
    CustomersPage *customersWithPagesOf(int pageSize);

    std::unique_ptr<PrivateServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<PortalApp> m_app;
    MainWindow *m_window = nullptr;
    bool m_serverUp = false;
};

void TestServerLost::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(hasSessionBus(), "run inside tests/keyring-session.sh");
    m_server = std::make_unique<PrivateServer>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_serverUp = true;
    // alice (a customer), support (staff) and 30 customers.
    m_server->manage({QStringLiteral("seed_demo")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestServerLost::cleanupTestCase()
{
    m_server.reset();
}

void TestServerLost::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
}

void TestServerLost::cleanup()
{
    m_window = nullptr;
    m_app.reset();
    m_settings.reset();
    m_dir.reset();
    if (!m_serverUp) // A failed test may have left it stopped.
        startServer();
}

void TestServerLost::startApp()
{
    PortalAppOptions options;
    options.serverOverride = m_server->url();
    options.settings = m_settings.get();
    m_app = std::make_unique<PortalApp>(options);
    // Reads are still sent again by themselves, but at once: a stopped server fails quickly.
    RetryPolicy quick;
    quick.maxRetries = 1;
    quick.baseDelayMs = 10;
    quick.maxDelayMs = 20;
    m_app->api()->setRetryPolicy(quick);
    m_window = m_app->window();
    m_app->start();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestServerLost::signIn(const QString &username, const QString &password)
{
    startApp();
    SignInPage *page = m_window->signInPage();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), page, kWaitMs);
    settle();
    page->usernameEdit()->clear();
    QTest::keyClicks(page->usernameEdit(), username);
    QTest::keyClicks(page->passwordEdit(), password);
    QTest::keyClick(page->passwordEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->auth()->state(), State::SignedIn, kWaitMs);
    expectConnected(username, false);
}

void TestServerLost::stopServer()
{
    m_server->stop();
    m_serverUp = false;
}

void TestServerLost::startServer()
{
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_serverUp = true;
}

QString TestServerLost::lostMessage() const
{
    return QStringLiteral("Can't reach the server at 127.0.0.1:%1. Check your connection, or the "
                          "server address (Settings \u25b8 Server address\u2026).")
        .arg(m_server->url().port());
}

void TestServerLost::expectServerLost(MessageBanner *banner)
{
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
    QCOMPARE(banner->text(), lostMessage());
    QVERIFY(banner->retryButton()->isVisible());
    QVERIFY(banner->retryButton()->isEnabled());
    QCOMPARE(accessibleName(banner->retryButton()), QStringLiteral("Retry"));
    QCOMPARE(m_window->connectionStatusLabel()->text(), kCantReach);
    // The menu path the banner names is the real one.
    QCOMPARE(m_window->serverAction()->text(), QStringLiteral("&Server address…"));
}

void TestServerLost::expectConnected(const QString &username, bool reconnected)
{
    QCOMPARE(m_window->connectionStatusLabel()->text(), QStringLiteral("Signed in as ") + username);
    // The way back is said, too (for a few seconds; the state of the session stays beside it).
    QCOMPARE(m_window->statusBar()->currentMessage(),
             reconnected ? QStringLiteral("Connected") : QString());
}

QString TestServerLost::serverField(const QString &username, const QString &field) const
{
    const QByteArray json = m_server->manage({QStringLiteral("show_customer"), username});
    return QJsonDocument::fromJson(json).object().value(field).toString();
}

bool TestServerLost::changeOwnField(const QString &username, const QString &password,
                                    const QString &field, const QString &value)
{
    ApiClient api;
    api.setBaseUrl(m_server->url());
    const std::optional<ApiResult> login = await(api.login(username, password));
    if (!login || !login->ok() || !api.beginSession(login->value().json.toObject()))
        return false;
    const std::optional<ApiResult> current = await(api.fetchProfile(true));
    if (!current || !current->ok())
        return false;
    const std::optional<ApiResult> saved =
        await(api.updateProfile(QJsonObject{{field, value}}, current->value().etag));
    return saved && saved->ok();
}

void TestServerLost::saveIsRetriedWithTheSameEdits()
{
    signIn(QStringLiteral("alice"), QStringLiteral("alice-password-1"));
    ProfilePage *page = m_window->profilePage();
    QCOMPARE(m_window->currentPage(), page);
    click(page->editButton());
    QLineEdit *first = page->form()->input(QStringLiteral("first_name"));
    const QString typed = QStringLiteral("Retried%1").arg(QCoreApplication::applicationPid());
    first->selectAll();
    QTest::keyClicks(first, typed);

    stopServer();
    QSignalSpy failed(m_app->auth()->profile(), &CustomerEditor::saveFailed);
    click(page->saveButton());
    QVERIFY(failed.wait(kWaitMs));
    expectServerLost(page->banner());
    if (QTest::currentTestFailed())
        return;
    // The edit is kept, ready to be saved again.
    QVERIFY(page->form()->isEditing());
    QCOMPARE(first->text(), typed);
    QVERIFY(page->hasUnsavedChanges());

    startServer();
    QSignalSpy saved(m_app->auth()->profile(), &CustomerEditor::saved);
    click(page->banner()->retryButton());
    QVERIFY(saved.wait(kWaitMs));
    QCOMPARE(page->banner()->text(), QStringLiteral("Saved."));
    QVERIFY(!page->banner()->retryButton()->isVisible());
    QVERIFY(!page->form()->isEditing());
    QCOMPARE(serverField(QStringLiteral("alice"), QStringLiteral("first_name")), typed);
    QCOMPARE(failed.count(), 1);
    expectConnected(QStringLiteral("alice"));
}

void TestServerLost::refreshIsRetried()
{
    signIn(QStringLiteral("alice"), QStringLiteral("alice-password-1"));
    ProfilePage *page = m_window->profilePage();
    QCOMPARE(m_window->currentPage(), page);

    stopServer();
    QSignalSpy failed(m_app->auth()->profile(), &CustomerEditor::loadFailed);
    click(page->refreshButton());
    QVERIFY(failed.wait(kWaitMs));
    expectServerLost(page->banner());
    if (QTest::currentTestFailed())
        return;

    // Back, with a newer record than the one on screen: Retry is a real Refresh.
    startServer();
    const QString theirs = QStringLiteral("Refreshed%1").arg(QCoreApplication::applicationPid());
    QVERIFY(changeOwnField(QStringLiteral("alice"), QStringLiteral("alice-password-1"),
                           QStringLiteral("last_name"), theirs));
    QCOMPARE(m_window->connectionStatusLabel()->text(), kCantReach); // Nothing asked yet.
    QSignalSpy loaded(m_app->auth()->profile(), &CustomerEditor::loaded);
    click(page->banner()->retryButton());
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(page->form()->input(QStringLiteral("last_name"))->text(), theirs);
    QVERIFY(!page->banner()->isVisible());
    QCOMPARE(failed.count(), 1);
    expectConnected(QStringLiteral("alice"));
}

CustomersPage *TestServerLost::customersWithPagesOf(int pageSize)
{
    signIn(QStringLiteral("support"), QStringLiteral("support-password-1"));
    CustomersPage *page = m_window->customersPage();
    if (m_window->currentPage() != page)
        return nullptr;
    CustomerListModel *model = page->model();
    QSignalSpy pages(model, &CustomerListModel::pageLoaded);
    model->setRequestedPageSize(pageSize);
    model->reload();
    if (!pages.wait(kWaitMs) || model->rowCount() != pageSize)
        return nullptr;
    return page;
}

void TestServerLost::customersPageLoadIsRetried()
{
    CustomersPage *page = customersWithPagesOf(kPageSize);
    QVERIFY(page);
    CustomerListModel *model = page->model();
    QVERIFY(model->canFetchMore({}));

    // The next page, as scrolling asks for it, while the server is away.
    stopServer();
    QSignalSpy failed(model, &CustomerListModel::loadFailed);
    model->fetchMore({});
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(model->rowCount(), kPageSize); // The rows shown stay.
    expectServerLost(page->banner());
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!page->retryButton()->isVisible()); // One Retry: the banner's.

    // Asked again while still away: the error (and its Retry) is shown again.
    click(page->banner()->retryButton());
    QVERIFY(failed.wait(kWaitMs));
    expectServerLost(page->banner());
    if (QTest::currentTestFailed())
        return;

    startServer();
    QSignalSpy pages(model, &CustomerListModel::pageLoaded);
    click(page->banner()->retryButton());
    QVERIFY(pages.wait(kWaitMs));
    QCOMPARE(pages.at(0).at(0).toInt(), kPageSize); // The page that failed, appended.
    QVERIFY(model->rowCount() > kPageSize);
    QCOMPARE(model->rowCount(), int(model->totalCount())); // Two pages: all of them now.
    QVERIFY(!page->banner()->isVisible());
    expectConnected(QStringLiteral("support"));
}

void TestServerLost::customerSearchIsRetried()
{
    CustomersPage *page = customersWithPagesOf(kPageSize);
    QVERIFY(page);
    CustomerListModel *model = page->model();

    stopServer();
    QSignalSpy failed(model, &CustomerListModel::loadFailed);
    page->searchEdit()->setText(QStringLiteral("customer1"));
    page->searchNow();
    QVERIFY(failed.wait(kWaitMs));
    // No rows: the error is the page's centre text, with the Retry below it.
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!page->banner()->isVisible());
    QCOMPARE(page->stateLabel()->text(),
             QStringLiteral("The customers could not be loaded. ") + lostMessage());
    QVERIFY(page->retryButton()->isVisible());
    QCOMPARE(m_window->connectionStatusLabel()->text(), kCantReach);

    startServer();
    QSignalSpy pages(model, &CustomerListModel::pageLoaded);
    click(page->retryButton());
    QVERIFY(pages.wait(kWaitMs));
    QCOMPARE(model->search(), QStringLiteral("customer1"));
    QVERIFY(model->rowCount() > 0);
    QVERIFY(model->customerAt(0).username.startsWith(QStringLiteral("customer1")));
    QVERIFY(!page->retryButton()->isVisible());
    expectConnected(QStringLiteral("support"));
}

void TestServerLost::customerEditorLoadAndSaveAreRetried()
{
    CustomersPage *list = customersWithPagesOf(kPageSize);
    QVERIFY(list);
    CustomerEditPage *page = m_window->customerEditPage();
    CustomerEditor *editor = page->editor();
    list->table()->setCurrentIndex(list->model()->index(2, 0)); // A customer, not staff.
    const Customer chosen = list->currentCustomer().value_or(Customer());
    QVERIFY(chosen.id > 0);

    // Opening it while the server is away.
    stopServer();
    QSignalSpy loadFailed(editor, &CustomerEditor::loadFailed);
    click(list->openButton());
    QCOMPARE(m_window->currentPage(), page);
    QVERIFY(loadFailed.wait(kWaitMs));
    expectServerLost(page->banner());
    if (QTest::currentTestFailed())
        return;

    startServer();
    QSignalSpy loaded(editor, &CustomerEditor::loaded);
    click(page->banner()->retryButton());
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(editor->customerId(), chosen.id);
    QVERIFY(!editor->etag().isEmpty()); // The server's version now, ready to save over.
    QVERIFY(!page->banner()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!page->history()->isLoading(), kWaitMs); // Its history, too.
    expectConnected(QStringLiteral("support"));

    // Saving while the server is away again.
    QLineEdit *first = page->form()->input(QStringLiteral("first_name"));
    const QString typed = QStringLiteral("Staffed%1").arg(QCoreApplication::applicationPid());
    first->setFocus();
    first->selectAll();
    QTest::keyClicks(first, typed);
    stopServer();
    QSignalSpy saveFailed(editor, &CustomerEditor::saveFailed);
    click(page->saveButton());
    QVERIFY(saveFailed.wait(kWaitMs));
    expectServerLost(page->banner());
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(first->text(), typed);
    QVERIFY(page->hasUnsavedChanges());

    startServer();
    QSignalSpy saved(editor, &CustomerEditor::saved);
    click(page->banner()->retryButton());
    QVERIFY(saved.wait(kWaitMs));
    QCOMPARE(page->banner()->text(), QStringLiteral("Saved."));
    QCOMPARE(serverField(chosen.username, QStringLiteral("first_name")), typed);
    QVERIFY(!page->hasUnsavedChanges());
    QCOMPARE(saveFailed.count(), 1);
    expectConnected(QStringLiteral("support"));
}

QTEST_MAIN(TestServerLost)
#include "tst_serverlost.moc"
