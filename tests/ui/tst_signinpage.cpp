#include "busyindicator.h"
#include "faultserver.h"
#include "fielderrorlabel.h"
#include "messagebanner.h"
#include "signinpage.h"
#include "testenv.h"
#include "uitest.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace portal;
using namespace portal::test;
using State = AuthStateManager::State;

class TestSignInPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void accessibleNames_data();
    void accessibleNames();
    void tabOrderFollowsLayout();
    void signInByTypingAndClicking();
    void enterSubmits_data();
    void enterSubmits();
    void wrongPasswordShowsErrorAndKeepsUsername();
    void emptyFieldsAreNotSent_data();
    void emptyFieldsAreNotSent();
    void showPasswordToggle();
    void rememberMeCheckedWhenKeychainWorks();
    void rememberMeStoresTheSession();
    void signedOutMessages_data();
    void signedOutMessages();
    void accountDeletedLeavesNothing();
    void clearedFieldsCannotBeUndone_data();
    void clearedFieldsCannotBeUndone();
    void noServerConfigured();
    void enterOnACheckBoxSignsIn();
    void enterOnCreateAccountOpensTheForm();
    void failureGivesTheFocusBack();
    void throttledSignInCountsDown();
    void contentIsCentredWithAWelcome();
    void forgotPassword();
    void forgotPasswordCanBeHidden();
    void afterAPasswordReset_data();
    void afterAPasswordReset();

private:
    void typeCredentials(const QString &username, const QString &password);

    std::unique_ptr<AuthHarness> m_harness;
    std::unique_ptr<SignInPage> m_page;
    QString m_username;
};

void TestSignInPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(referenceServerUrl().isValid(), "the reference server fixture is not running");
    QVERIFY2(hasSessionBus(), "run inside tests/keyring-session.sh");
    m_username = uniqueUsername(QStringLiteral("signin"));
    QString error;
    QVERIFY2(createAccount(referenceServerUrl(), m_username, &error), qPrintable(error));
}

void TestSignInPage::init()
{
    m_harness = std::make_unique<AuthHarness>();
    m_harness->connectToServer();
    m_page = std::make_unique<SignInPage>(&m_harness->auth);
    m_page->resize(720, 720);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestSignInPage::cleanup()
{
    m_page.reset();
    m_harness.reset();
}

void TestSignInPage::throttledSignInCountsDown()
{
    // A server that throttles sign-ins (DRF's 429 with Retry-After): the wait counts down on the
    // banner, Sign in stays disabled until it ends, and nothing is sent meanwhile.
    FaultServer server;
    QVERIFY(server.listen());
    server.route("/api/login/", FaultServer::Response::json(429, R"({"detail": "Throttled."})")
                                    .withHeader("Retry-After", "2"));
    m_harness->api.setBaseUrl(server.url());
    typeCredentials(m_username, testPassword());
    QTest::keyClick(m_page->passwordEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->banner()->text(),
                              QStringLiteral("Too many attempts. Try again in 2 seconds."), 20000);
    QVERIFY(!m_page->signInButton()->isEnabled());
    QCOMPARE(m_page->passwordEdit()->text(), testPassword()); // Nothing typed is lost.
    QTest::keyClick(m_page->passwordEdit(), Qt::Key_Return);  // Ignored while counting.
    // (Without the app's English plural forms loaded here, "1 seconds"; tst_translations checks
    // the plural.)
    QTRY_VERIFY_WITH_TIMEOUT(m_page->banner()->text().startsWith(
                                 QStringLiteral("Too many attempts. Try again in 1 second")),
                             5000);
    QVERIFY(!m_page->signInButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(m_page->banner()->text(), QStringLiteral("You can try again now."),
                              5000);
    QVERIFY(m_page->signInButton()->isEnabled());
    QCOMPARE(server.requests().size(), 1);
}

void TestSignInPage::typeCredentials(const QString &username, const QString &password)
{
    m_page->usernameEdit()->clear();
    m_page->passwordEdit()->clear();
    QTest::keyClicks(m_page->usernameEdit(), username);
    QTest::keyClicks(m_page->passwordEdit(), password);
}

void TestSignInPage::accessibleNames_data()
{
    QTest::addColumn<QString>("objectName");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("hasCaption");
    QTest::newRow("username") << "username"
                              << "Username" << true;
    QTest::newRow("password") << "password"
                              << "Password" << true;
    QTest::newRow("show password") << "showPassword"
                                   << "Show password" << false;
    QTest::newRow("remember me") << "rememberMe"
                                 << "Remember me" << false;
    QTest::newRow("sign in") << "signInButton"
                             << "Sign in" << false;
    QTest::newRow("create account") << "createAccountButton"
                                    << "Create account" << false;
    QTest::newRow("forgot password") << "forgotPasswordButton"
                                     << "Forgot password?" << false;
}

void TestSignInPage::accessibleNames()
{
    QFETCH(QString, objectName);
    QFETCH(QString, name);
    QFETCH(bool, hasCaption);
    auto *widget = m_page->findChild<QWidget *>(objectName);
    QVERIFY(widget);
    QCOMPARE(accessibleName(widget), name);
    if (!hasCaption)
        return;
    // The visible caption says the same words, without a colon.
    QLabel *caption = captionOf(m_page.get(), widget);
    QVERIFY(caption);
    QVERIFY(caption->isVisible());
    QCOMPARE(caption->text(), name);
}

void TestSignInPage::tabOrderFollowsLayout()
{
    const QList<QWidget *> expected{m_page->usernameEdit(),        m_page->passwordEdit(),
                                    m_page->showPasswordBox(),     m_page->forgotPasswordButton(),
                                    m_page->rememberBox(),         m_page->signInButton(),
                                    m_page->createAccountButton(), m_page->usernameEdit()};
    m_page->usernameEdit()->setFocus();
    QTRY_VERIFY(m_page->usernameEdit()->hasFocus());
    for (int i = 1; i < expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), expected.at(i));
    }
}

void TestSignInPage::signInByTypingAndClicking()
{
    typeCredentials(m_username, testPassword());
    click(m_page->signInButton());
    // The attempt starts at once: the form is disabled while it runs.
    QCOMPARE(m_harness->auth.state(), State::SigningIn);
    QVERIFY(!m_page->usernameEdit()->isEnabled());
    QVERIFY(!m_page->signInButton()->isEnabled());
    auto *busy = m_page->findChild<BusyIndicator *>();
    QVERIFY(busy && busy->isRunning() && busy->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->auth.state(), State::SignedIn, 30000);
    QCOMPARE(m_harness->auth.username(), m_username);
    QVERIFY(m_page->usernameEdit()->isEnabled());
}

void TestSignInPage::enterSubmits_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::newRow("Return") << int(Qt::Key_Return) << int(Qt::NoModifier);
    QTest::newRow("keypad Enter") << int(Qt::Key_Enter) << int(Qt::KeypadModifier);
}

void TestSignInPage::enterSubmits()
{
    QFETCH(int, key);
    QFETCH(int, modifiers);
    typeCredentials(m_username, testPassword());
    QTest::keyClick(m_page->passwordEdit(), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->auth.state(), State::SignedIn, 30000);
}

void TestSignInPage::wrongPasswordShowsErrorAndKeepsUsername()
{
    typeCredentials(m_username, QStringLiteral("not-the-password"));
    QSignalSpy failed(&m_harness->auth, &AuthStateManager::signInFailed);
    click(m_page->signInButton());
    QVERIFY(failed.wait(30000));
    QCOMPARE(m_harness->auth.state(), State::SignedOut);
    QVERIFY(m_page->banner()->isVisible());
    QCOMPARE(m_page->banner()->kind(), MessageBanner::Kind::Error);
    QCOMPARE(m_page->banner()->text(), QStringLiteral("Wrong username or password."));
    QCOMPARE(m_page->usernameEdit()->text(), m_username);
    // The typed password is kept, selected, so retyping replaces it and nothing is lost.
    QCOMPARE(m_page->passwordEdit()->text(), QStringLiteral("not-the-password"));
    QCOMPARE(m_page->passwordEdit()->selectedText(), QStringLiteral("not-the-password"));
    QTRY_VERIFY(m_page->passwordEdit()->hasFocus());
    QVERIFY(m_page->usernameEdit()->isEnabled());
    QVERIFY(m_page->signInButton()->isEnabled());
}

void TestSignInPage::emptyFieldsAreNotSent_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("usernameError");
    QTest::addColumn<QString>("passwordError");
    QTest::newRow("both empty") << ""
                                << ""
                                << "Enter your username."
                                << "Enter your password.";
    QTest::newRow("no password") << "someone"
                                 << ""
                                 << ""
                                 << "Enter your password.";
    QTest::newRow("spaces only") << "   "
                                 << "pw"
                                 << "Enter your username."
                                 << "";
}

void TestSignInPage::emptyFieldsAreNotSent()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(QString, usernameError);
    QFETCH(QString, passwordError);
    typeCredentials(username, password);
    QSignalSpy changed(&m_harness->auth, &AuthStateManager::stateChanged);
    click(m_page->signInButton());
    QCOMPARE(changed.count(), 0);
    auto *userError = m_page->findChild<FieldErrorLabel *>(QStringLiteral("usernameError"));
    auto *passError = m_page->findChild<FieldErrorLabel *>(QStringLiteral("passwordError"));
    QVERIFY(userError && passError);
    QCOMPARE(userError->error(), usernameError);
    QCOMPARE(passError->error(), passwordError);
    QCOMPARE(m_page->usernameEdit()->accessibleDescription(), usernameError);
}

void TestSignInPage::showPasswordToggle()
{
    QCOMPARE(m_page->passwordEdit()->echoMode(), QLineEdit::Password);
    QTest::mouseClick(m_page->showPasswordBox(), Qt::LeftButton, {},
                      QPoint(4, m_page->showPasswordBox()->height() / 2));
    QCOMPARE(m_page->passwordEdit()->echoMode(), QLineEdit::Normal);
    QTest::keyClick(m_page->showPasswordBox(), Qt::Key_Space);
    QCOMPARE(m_page->passwordEdit()->echoMode(), QLineEdit::Password);
}

void TestSignInPage::rememberMeCheckedWhenKeychainWorks()
{
    // connectToServer() probed the keychain; the session's keyring answers.
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->tokens.availability(), TokenStore::Availability::Available,
                              30000);
    QVERIFY(m_page->rememberBox()->isEnabled());
    QVERIFY(m_page->rememberBox()->isChecked());
    QVERIFY(!m_page->rememberReasonLabel()->isVisible());
}

void TestSignInPage::rememberMeStoresTheSession()
{
    typeCredentials(m_username, testPassword());
    QVERIFY(m_page->rememberBox()->isChecked());
    click(m_page->signInButton());
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->auth.state(), State::SignedIn, 30000);
    const QString key = TokenStore::keyFor(referenceServerUrl(), m_username);
    // The keychain write finishes after SignedIn.
    QTRY_COMPARE_WITH_TIMEOUT(readToken(m_harness->tokens, key).status,
                              TokenStoreResult::Status::Ok, 30000);
    // The token lives in the keychain only, never in the settings file.
    const QString token = readToken(m_harness->tokens, key).token;
    QVERIFY(!token.isEmpty());
    m_harness->settings.sync();
    QFile ini(m_harness->settings.fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains(token.toUtf8()));
}

void TestSignInPage::signedOutMessages_data()
{
    using Reason = AuthStateManager::SignOutReason;
    QTest::addColumn<Reason>("reason");
    QTest::addColumn<QString>("message");
    QTest::addColumn<MessageBanner::Kind>("kind");
    QTest::newRow("session expired")
        << Reason::SessionExpired << "Your session has expired. Please sign in again."
        << MessageBanner::Kind::Error;
    QTest::newRow("stored token rejected")
        << Reason::StoredTokenRejected << "Your session has expired. Please sign in again."
        << MessageBanner::Kind::Error;
    QTest::newRow("issued token rejected")
        << Reason::IssuedTokenRejected
        << "The server accepted your password but rejected the session it issued. Contact the "
           "server's administrator."
        << MessageBanner::Kind::Error;
    QTest::newRow("signed out") << Reason::UserRequested << "You have signed out."
                                << MessageBanner::Kind::Success;
    QTest::newRow("password changed")
        << Reason::PasswordChanged << "Your password was changed. Sign in with your new password."
        << MessageBanner::Kind::Info;
    QTest::newRow("first start") << Reason::None << "" << MessageBanner::Kind::Info;
}

void TestSignInPage::accountDeletedLeavesNothing()
{
    // Nothing of the deleted account stays on screen, not even its name.
    typeCredentials(QStringLiteral("gone"), QStringLiteral("typed"));
    m_page->showSignedOut(AuthStateManager::SignOutReason::AccountDeleted, QString());
    QCOMPARE(m_page->banner()->text(), QStringLiteral("Your account was deleted."));
    QCOMPARE(m_page->banner()->kind(), MessageBanner::Kind::Success);
    QVERIFY(m_page->usernameEdit()->text().isEmpty());
    QVERIFY(m_page->passwordEdit()->text().isEmpty());
    QTRY_VERIFY(m_page->usernameEdit()->hasFocus());
}

void TestSignInPage::clearedFieldsCannotBeUndone_data()
{
    using Reason = AuthStateManager::SignOutReason;
    QTest::addColumn<int>("how");
    QTest::newRow("signed out") << int(Reason::UserRequested);
    QTest::newRow("session expired") << int(Reason::SessionExpired);
    QTest::newRow("account deleted") << int(Reason::AccountDeleted);
    QTest::newRow("password reset") << -1;
}

void TestSignInPage::clearedFieldsCannotBeUndone()
{
    // A password emptied by the app is gone: Ctrl+Z with Show password on must not bring it back
    // to whoever sits down next (and no password typed stays in the fields' undo history).
    QFETCH(int, how);
    typeCredentials(QStringLiteral("someone"), QStringLiteral("s3cret-typed"));
    if (how < 0)
        m_page->showPasswordReset();
    else
        m_page->showSignedOut(AuthStateManager::SignOutReason(how), QString());
    m_page->showPasswordBox()->setChecked(true);
    for (QLineEdit *edit : {m_page->passwordEdit(), m_page->usernameEdit()}) {
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY2(!edit->text().contains(QLatin1String("s3cret")), qPrintable(edit->text()));
        QVERIFY(!edit->isUndoAvailable() || edit == m_page->usernameEdit());
    }
    QVERIFY(m_page->passwordEdit()->text().isEmpty());
    if (how == int(AuthStateManager::SignOutReason::AccountDeleted))
        QVERIFY(m_page->usernameEdit()->text().isEmpty());
}

void TestSignInPage::signedOutMessages()
{
    QFETCH(AuthStateManager::SignOutReason, reason);
    QFETCH(QString, message);
    QFETCH(MessageBanner::Kind, kind);
    QTest::keyClicks(m_page->passwordEdit(), QStringLiteral("typed"));
    m_page->showSignedOut(reason, QStringLiteral("bob"));
    QCOMPARE(m_page->banner()->text(), message);
    QCOMPARE(m_page->banner()->isVisible(), !message.isEmpty());
    if (!message.isEmpty())
        QCOMPARE(m_page->banner()->kind(), kind);
    QCOMPARE(m_page->usernameEdit()->text(), QStringLiteral("bob"));
    QVERIFY(m_page->passwordEdit()->text().isEmpty());
    QTRY_VERIFY(m_page->passwordEdit()->hasFocus());
}

void TestSignInPage::noServerConfigured()
{
    m_page->setServerConfigured(false);
    QVERIFY(!m_page->signInButton()->isEnabled());
    QVERIFY(m_page->banner()->text().contains(QStringLiteral("Server address")));
    m_page->setServerConfigured(true);
    QVERIFY(m_page->signInButton()->isEnabled());
    QVERIFY(!m_page->banner()->isVisible());
}

void TestSignInPage::enterOnACheckBoxSignsIn()
{
    typeCredentials(m_username, testPassword());
    // The user has just ticked "Show password" and presses Enter, as in any sign-in dialog.
    m_page->showPasswordBox()->setFocus();
    QTest::keyClick(m_page->showPasswordBox(), Qt::Key_Space);
    QCOMPARE(m_page->passwordEdit()->echoMode(), QLineEdit::Normal);
    QTest::keyClick(m_page->showPasswordBox(), Qt::Key_Return);
    QCOMPARE(m_harness->auth.state(), State::SigningIn);
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->auth.state(), State::SignedIn, 30000);
}

void TestSignInPage::enterOnCreateAccountOpensTheForm()
{
    typeCredentials(m_username, testPassword());
    QSignalSpy create(m_page.get(), &SignInPage::createAccountRequested);
    QSignalSpy changed(&m_harness->auth, &AuthStateManager::stateChanged);
    m_page->createAccountButton()->setFocus();
    QTest::keyClick(m_page->createAccountButton(), Qt::Key_Return);
    QCOMPARE(create.count(), 1);
    QCOMPARE(changed.count(), 0); // not a sign-in
}

void TestSignInPage::failureGivesTheFocusBack()
{
    // Signing in by clicking the button: the button had the focus when the form was disabled.
    typeCredentials(m_username, QStringLiteral("not-the-password"));
    QSignalSpy failed(&m_harness->auth, &AuthStateManager::signInFailed);
    m_page->signInButton()->setFocus();
    QTest::keyClick(m_page->signInButton(), Qt::Key_Space);
    QCOMPARE(m_harness->auth.state(), State::SigningIn);
    QVERIFY(failed.wait(30000));
    QTRY_COMPARE(m_page->focusWidget(), m_page->passwordEdit());
    QVERIFY(m_page->passwordEdit()->isEnabled());
}

void TestSignInPage::contentIsCentredWithAWelcome()
{
    // The icon and a welcome line open the card.
    auto *welcome = m_page->findChild<QLabel *>(QStringLiteral("welcomeText"));
    QVERIFY(welcome);
    QVERIFY(welcome->isVisible());
    QVERIFY(welcome->text().startsWith(QStringLiteral("Welcome to Customer Portal.")));
    auto *logo = m_page->findChild<QLabel *>(QStringLiteral("welcomeIcon"));
    QVERIFY(logo);
    QVERIFY(!logo->pixmap().isNull());
    // In a tall window the heading-to-card block sits in the middle, not at the top.
    m_page->resize(720, 680);
    QTRY_COMPARE(m_page->size(), QSize(720, 680));
    auto *heading = m_page->findChild<QLabel *>(QStringLiteral("pageHeading"));
    auto *card = m_page->findChild<QWidget *>(QStringLiteral("card"));
    QVERIFY(heading && card);
    QTRY_VERIFY(card->isVisible());
    const int top = heading->mapTo(m_page.get(), QPoint(0, 0)).y();
    const int bottom = card->mapTo(m_page.get(), QPoint(0, card->height())).y();
    const int above = top;
    const int below = m_page->height() - bottom;
    QVERIFY2(below > 0 && qAbs(above - below) <= 48,
             qPrintable(QStringLiteral("%1 px above, %2 px below").arg(above).arg(below)));
}

void TestSignInPage::forgotPassword()
{
    QPushButton *forgot = m_page->forgotPasswordButton();
    QVERIFY(forgot->isVisible());
    QVERIFY(!QKeySequence::mnemonic(forgot->text()).isEmpty());
    QVERIFY(!forgot->toolTip().isEmpty());
    QSignalSpy requested(m_page.get(), &SignInPage::forgotPasswordRequested);
    QSignalSpy changed(&m_harness->auth, &AuthStateManager::stateChanged);
    click(forgot);
    QCOMPARE(requested.count(), 1);
    // Enter on it asks for the reset too, and is not a sign-in.
    typeCredentials(m_username, testPassword());
    forgot->setFocus();
    QTest::keyClick(forgot, Qt::Key_Return);
    QCOMPARE(requested.count(), 2);
    QCOMPARE(changed.count(), 0);
    // Not while signing in, nor without a server to ask.
    click(m_page->signInButton());
    QCOMPARE(m_harness->auth.state(), State::SigningIn);
    QVERIFY(!forgot->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->auth.state(), State::SignedIn, 30000);
    QVERIFY(forgot->isEnabled());
    m_page->setServerConfigured(false);
    QVERIFY(!forgot->isEnabled());
    m_page->setServerConfigured(true);
    QVERIFY(forgot->isEnabled());
}

void TestSignInPage::forgotPasswordCanBeHidden()
{
    // A server without the reset endpoints: no way in that leads nowhere.
    m_page->setPasswordResetAvailable(false);
    QVERIFY(!m_page->forgotPasswordButton()->isVisible());
    m_page->setPasswordResetAvailable(true);
    QVERIFY(m_page->forgotPasswordButton()->isVisible());
}

void TestSignInPage::afterAPasswordReset_data()
{
    QTest::addColumn<QString>("username");
    QTest::newRow("username known") << "bob";
    QTest::newRow("no username") << "";
}

void TestSignInPage::afterAPasswordReset()
{
    QFETCH(QString, username);
    m_page->usernameEdit()->setText(username);
    QTest::keyClicks(m_page->passwordEdit(), QStringLiteral("the-old-one"));
    m_page->showPasswordReset();
    QCOMPARE(m_page->banner()->text(),
             QStringLiteral("Your password was reset. Sign in with your new password."));
    QCOMPARE(m_page->banner()->kind(), MessageBanner::Kind::Success);
    QCOMPARE(m_page->usernameEdit()->text(), username);
    QVERIFY(m_page->passwordEdit()->text().isEmpty());
    // Where the typing goes on: the new password, or the username first.
    QTRY_VERIFY((username.isEmpty() ? m_page->usernameEdit() : m_page->passwordEdit())->hasFocus());
}

QTEST_MAIN(TestSignInPage)
#include "tst_signinpage.moc"
