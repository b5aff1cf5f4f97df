// The account entries of the main window against the reference server: Profile ▸ Change
// password… and Delete account… only while signed in, what each says when done, and a server
// without an endpoint losing the entry with a note in the status bar.

#include "accountactions.h"
#include "changepassworddialog.h"
#include "deleteaccountdialog.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "profilepage.h"
#include "signinpage.h"
#include "testenv.h"
#include "uitest.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

using namespace portal;
using namespace portal::test;
using State = AuthStateManager::State;

namespace {

constexpr int kWaitMs = 30000;

/// The account dialog of type @p Dialog open over @p window, once it is.
template<typename Dialog>
Dialog *openDialog(QWidget *window)
{
    Dialog *found = nullptr;
    static_cast<void>(QTest::qWaitFor(
        [&]() {
            found = window->findChild<Dialog *>();
            return found && found->isVisible();
        },
        kWaitMs));
    return found;
}

} // namespace

class TestAccountActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void entriesNeedASession();
    void passwordChangedIsSaidOnTheProfile();
    void aServerWithoutTheEndpointLosesTheEntry();
    void deletedAccountEndsOnSignIn();

private:
    /// A new account, signed in through the harness; its username.
    QString signedIn(const QString &prefix);

    std::unique_ptr<AuthHarness> m_harness;
    std::unique_ptr<MainWindow> m_window;
};

void TestAccountActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(referenceServerUrl().isValid(), "the reference server fixture is not running");
    QVERIFY2(hasSessionBus(), "run inside tests/keyring-session.sh");
}

void TestAccountActions::init()
{
    m_harness = std::make_unique<AuthHarness>();
    m_window = std::make_unique<MainWindow>(&m_harness->auth, &m_harness->api);
    m_window->resize(760, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_harness->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->auth.state(), State::SignedOut, kWaitMs);
}

void TestAccountActions::cleanup()
{
    m_window.reset();
    m_harness.reset();
}

QString TestAccountActions::signedIn(const QString &prefix)
{
    const QString username = uniqueUsername(prefix);
    if (!createAccount(referenceServerUrl(), username) || !m_harness->signIn(username))
        return {};
    return username;
}

void TestAccountActions::entriesNeedASession()
{
    AccountActions *actions = m_window->accountActions();
    QVERIFY(!actions->changePasswordAction()->isEnabled());
    QVERIFY(!actions->deleteAccountAction()->isEnabled());
    QVERIFY(m_window->signInPage()->forgotPasswordButton()->isVisible());
    actions->changePasswordAction()->trigger();
    QVERIFY(!m_window->findChild<ChangePasswordDialog *>()); // Nobody's password to change.

    QVERIFY(!signedIn(QStringLiteral("acts")).isEmpty());
    QVERIFY(actions->changePasswordAction()->isEnabled());
    QVERIFY(actions->deleteAccountAction()->isEnabled());
    QVERIFY(actions->changePasswordAction()->isVisible());
}

void TestAccountActions::passwordChangedIsSaidOnTheProfile()
{
    QVERIFY(!signedIn(QStringLiteral("actpw")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), m_window->profilePage(), kWaitMs);
    m_window->accountActions()->changePasswordAction()->trigger();
    auto *dialog = openDialog<ChangePasswordDialog>(m_window.get());
    QVERIFY(dialog);
    QTest::keyClicks(dialog->currentPasswordEdit(), testPassword());
    QTest::keyClicks(dialog->newPasswordEdit(), QStringLiteral("a-new-secret-42"));
    QTest::keyClicks(dialog->confirmPasswordEdit(), QStringLiteral("a-new-secret-42"));
    QTest::keyClick(dialog->confirmPasswordEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<ChangePasswordDialog *>(), kWaitMs);
    QCOMPARE(m_window->profilePage()->banner()->text(), QStringLiteral("Password changed."));
    QCOMPARE(m_harness->auth.state(), State::SignedIn);
}

void TestAccountActions::aServerWithoutTheEndpointLosesTheEntry()
{
    QVERIFY(!signedIn(QStringLiteral("actna")).isEmpty());
    ApiEndpoints endpoints = m_harness->api.endpoints();
    endpoints.setPasswordPath = QStringLiteral("/no_such_endpoint/");
    m_harness->api.setEndpoints(endpoints);
    QAction *change = m_window->accountActions()->changePasswordAction();
    change->trigger();
    auto *dialog = openDialog<ChangePasswordDialog>(m_window.get());
    QVERIFY(dialog);
    QTest::keyClicks(dialog->currentPasswordEdit(), testPassword());
    QTest::keyClicks(dialog->newPasswordEdit(), QStringLiteral("a-new-secret-42"));
    QTest::keyClicks(dialog->confirmPasswordEdit(), QStringLiteral("a-new-secret-42"));
    dialog->changeButton()->click();
    // Nothing half-done stays: the dialog goes, and so does the entry, with a note.
    QTRY_VERIFY_WITH_TIMEOUT(!change->isVisible(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<ChangePasswordDialog *>(), kWaitMs);
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("This server doesn't offer password changes."));
    QVERIFY(m_window->accountActions()->deleteAccountAction()->isVisible());
}

void TestAccountActions::deletedAccountEndsOnSignIn()
{
    const QString username = signedIn(QStringLiteral("actdel"));
    QVERIFY(!username.isEmpty());
    m_window->accountActions()->deleteAccountAction()->trigger();
    auto *dialog = openDialog<DeleteAccountDialog>(m_window.get());
    QVERIFY(dialog);
    QTest::keyClicks(dialog->passwordEdit(), testPassword());
    QTest::keyClicks(dialog->usernameEdit(), username);
    dialog->deleteButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->auth.state(), State::SignedOut, kWaitMs);
    QCOMPARE(m_window->currentPage(), m_window->signInPage());
    QCOMPARE(m_window->signInPage()->banner()->text(), QStringLiteral("Your account was deleted."));
    QCOMPARE(m_window->signInPage()->usernameEdit()->text(), QString());
    QVERIFY(!m_window->accountActions()->deleteAccountAction()->isEnabled());
}

QTEST_MAIN(TestAccountActions)
#include "tst_accountactions.moc"
