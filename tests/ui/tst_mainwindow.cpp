#include "customereditor.h"
#include "customerform.h"
#include "icons.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "portalapp.h"
#include "profilepage.h"
#include "registerpage.h"
#include "serverdialog.h"
#include "signinpage.h"
#include "testenv.h"
#include "uitest.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace portal;
using namespace portal::test;
using State = AuthStateManager::State;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startsOnSignInWithTitleAndStatus();
    void titleFollowsThePage();
    void createAccountFormSurvivesBackToSignIn();
    void draftSurvivesSessionExpiry();
    void draftIsDiscardedForAnotherCustomer();
    void closingWithUnsavedEditsAsksFirst();
    void closingWithoutEditsDoesNotAsk();
    void closingWithADraftAsksFirst();
    void signOutFromTheMenu();
    void captionsNameTheirInputs();
    void buttonsAreNamedByTheirText();
    void menusOfferEveryAction();
    void appearanceIsAppliedAndSaved();
    void aboutShowsVersions();
    void noServerOpensTheServerDialog();
    void changingTheServerSignsOutLocally();
    void changingTheServerWithUnsavedEditsAsksFirst();

private:
    void startApp(const QUrl &server);
    void signInByTyping(const QString &username);
    QLineEdit *profileInput(const char *field) const;
    void editFirstName(const QString &text);
    void chooseServer(const QUrl &url);

    QString m_alice;
    QString m_bob;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<PortalApp> m_app;
    MainWindow *m_window = nullptr;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(referenceServerUrl().isValid(), "the reference server fixture is not running");
    QVERIFY2(hasSessionBus(), "run inside tests/keyring-session.sh");
    m_alice = uniqueUsername(QStringLiteral("alice"));
    m_bob = uniqueUsername(QStringLiteral("bob"));
    QString error;
    QVERIFY2(createAccount(referenceServerUrl(), m_alice, &error), qPrintable(error));
    QVERIFY2(createAccount(referenceServerUrl(), m_bob, &error), qPrintable(error));
}

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
}

void TestMainWindow::cleanup()
{
    m_window = nullptr;
    m_app.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestMainWindow::startApp(const QUrl &server)
{
    PortalAppOptions options;
    options.serverOverride = server;
    options.settings = m_settings.get();
    m_app = std::make_unique<PortalApp>(options);
    m_window = m_app->window();
    m_app->start();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestMainWindow::signInByTyping(const QString &username)
{
    SignInPage *page = m_window->signInPage();
    QTRY_COMPARE(m_window->currentPage(), page);
    settle();
    page->usernameEdit()->clear();
    QTest::keyClicks(page->usernameEdit(), username);
    QTest::keyClicks(page->passwordEdit(), testPassword());
    click(page->signInButton());
    QTRY_COMPARE_WITH_TIMEOUT(m_app->auth()->state(), State::SignedIn, 30000);
    QCOMPARE(m_window->currentPage(), m_window->profilePage());
}

QLineEdit *TestMainWindow::profileInput(const char *field) const
{
    return m_window->profilePage()->form()->input(QString::fromLatin1(field));
}

void TestMainWindow::editFirstName(const QString &text)
{
    ProfilePage *profile = m_window->profilePage();
    click(profile->editButton());
    QLineEdit *first = profileInput("first_name");
    first->selectAll();
    QTest::keyClick(first, Qt::Key_Backspace);
    QTest::keyClicks(first, text);
    QVERIFY(profile->hasUnsavedChanges());
}

void TestMainWindow::startsOnSignInWithTitleAndStatus()
{
    startApp(referenceServerUrl());
    QTRY_COMPARE(m_window->currentPage(), m_window->signInPage());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Sign in — Customer Portal"));
    // Qt appends the display name to a title that does not end with it: this one does.
    QCOMPARE(QGuiApplication::applicationDisplayName(), QStringLiteral("Customer Portal"));
    QVERIFY(m_window->windowTitle().endsWith(QGuiApplication::applicationDisplayName()));
    QCOMPARE(m_window->serverStatusLabel()->text(),
             QStringLiteral("Server: ") + referenceServerUrl().toString());
    QCOMPARE(m_window->connectionStatusLabel()->text(), QStringLiteral("Signed out"));
    // --server is for this run only.
    QVERIFY(!m_settings->contains(PortalApp::serverKey()));
}

void TestMainWindow::titleFollowsThePage()
{
    startApp(referenceServerUrl());
    QTRY_COMPARE(m_window->currentPage(), m_window->signInPage());
    click(m_window->signInPage()->createAccountButton());
    QCOMPARE(m_window->currentPage(), m_window->registerPage());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Create account — Customer Portal"));
    click(m_window->registerPage()->backButton());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Sign in — Customer Portal"));
    signInByTyping(m_alice);
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Profile — Customer Portal"));
    QCOMPARE(m_window->connectionStatusLabel()->text(), QStringLiteral("Signed in as ") + m_alice);
    QCOMPARE(profileInput("username")->text(), m_alice);
    QCOMPARE(profileInput("email")->text(),
             serverField(m_alice, QStringLiteral("email")).toString());
}

void TestMainWindow::createAccountFormSurvivesBackToSignIn()
{
    startApp(referenceServerUrl());
    QTRY_COMPARE(m_window->currentPage(), m_window->signInPage());
    click(m_window->signInPage()->createAccountButton());
    RegisterPage *page = m_window->registerPage();
    QTest::keyClicks(page->input(QStringLiteral("username")), QStringLiteral("half-typed"));
    QTest::keyClicks(page->input(QStringLiteral("email")), QStringLiteral("half@example.com"));
    click(page->backButton());
    QCOMPARE(m_window->currentPage(), m_window->signInPage());
    click(m_window->signInPage()->createAccountButton());
    QCOMPARE(m_window->currentPage(), page);
    QCOMPARE(page->input(QStringLiteral("username"))->text(), QStringLiteral("half-typed"));
    QCOMPARE(page->input(QStringLiteral("email"))->text(), QStringLiteral("half@example.com"));
}

void TestMainWindow::draftSurvivesSessionExpiry()
{
    startApp(referenceServerUrl());
    signInByTyping(m_alice);
    const QString before = serverField(m_alice, QStringLiteral("first_name")).toString();
    const QString lastName = serverField(m_alice, QStringLiteral("last_name")).toString();
    editFirstName(QStringLiteral("Drafted"));

    // The session dies on the server while the customer is editing.
    QString error;
    QCOMPARE(manage({QStringLiteral("delete_token"), m_alice}, &error).trimmed(),
             QByteArray("deleted 1"));
    click(m_window->profilePage()->saveButton());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), m_window->signInPage(), 30000);
    SignInPage *signIn = m_window->signInPage();
    QCOMPARE(signIn->banner()->text(),
             QStringLiteral("Your session has expired. Please sign in again."));
    QCOMPARE(signIn->usernameEdit()->text(), m_alice);
    QCOMPARE(serverField(m_alice, QStringLiteral("first_name")).toString(), before);

    // Same customer again: the editor opens with the draft, and nothing was sent.
    QTest::keyClicks(signIn->passwordEdit(), testPassword());
    QTest::keyClick(signIn->passwordEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), m_window->profilePage(), 30000);
    ProfilePage *profile = m_window->profilePage();
    QVERIFY(profile->form()->isEditing());
    QCOMPARE(profileInput("first_name")->text(), QStringLiteral("Drafted"));
    QCOMPARE(profile->banner()->text(),
             QStringLiteral("You have unsaved changes from your last session. Review and save "
                            "them."));
    QCOMPARE(serverField(m_alice, QStringLiteral("first_name")).toString(), before);
    QCOMPARE(profile->form()->changes().toJson(),
             (QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Drafted")}}));

    QSignalSpy saved(m_app->auth()->profile(), &CustomerEditor::saved);
    click(profile->saveButton());
    QVERIFY(saved.wait(30000));
    QCOMPARE(serverField(m_alice, QStringLiteral("first_name")).toString(),
             QStringLiteral("Drafted"));
    QCOMPARE(serverField(m_alice, QStringLiteral("last_name")).toString(), lastName);
}

void TestMainWindow::draftIsDiscardedForAnotherCustomer()
{
    startApp(referenceServerUrl());
    signInByTyping(m_alice);
    const QString aliceBefore = serverField(m_alice, QStringLiteral("first_name")).toString();
    editFirstName(QStringLiteral("Never sent"));
    QString error;
    manage({QStringLiteral("delete_token"), m_alice}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    click(m_window->profilePage()->saveButton());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), m_window->signInPage(), 30000);

    // Another customer signs in: the draft is not theirs.
    signInByTyping(m_bob);
    QVERIFY(!m_window->profilePage()->form()->isEditing());
    QCOMPARE(profileInput("first_name")->text(),
             serverField(m_bob, QStringLiteral("first_name")).toString());
    QVERIFY(m_window->profilePage()->banner()->text().isEmpty());

    // And it is gone for good: back as the first customer, nothing is restored or sent.
    QSignalSpy signedOut(m_app->auth(), &AuthStateManager::stateChanged);
    m_window->signOutAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_app->auth()->state(), State::SignedOut, 30000);
    signInByTyping(m_alice);
    QVERIFY(!m_window->profilePage()->form()->isEditing());
    QCOMPARE(profileInput("first_name")->text(), aliceBefore);
    QCOMPARE(serverField(m_alice, QStringLiteral("first_name")).toString(), aliceBefore);
}

void TestMainWindow::closingWithUnsavedEditsAsksFirst()
{
    startApp(referenceServerUrl());
    signInByTyping(m_alice);
    editFirstName(QStringLiteral("Unsaved"));

    QVERIFY(!m_window->close());
    QMessageBox *box = findMessageBox(QStringLiteral("confirmDiscard"));
    QVERIFY(box);
    QVERIFY(m_window->isVisible());
    QVERIFY(clickBoxButton(box, QStringLiteral("keepEditingButton")));
    QVERIFY(m_window->isVisible());
    QCOMPARE(profileInput("first_name")->text(), QStringLiteral("Unsaved"));

    m_window->close();
    box = findMessageBox(QStringLiteral("confirmDiscard"));
    QVERIFY(box);
    QVERIFY(clickBoxButton(box, QStringLiteral("discardButton")));
    QTRY_VERIFY(!m_window->isVisible());
}

void TestMainWindow::closingWithoutEditsDoesNotAsk()
{
    startApp(referenceServerUrl());
    signInByTyping(m_alice);
    click(m_window->profilePage()->editButton());
    QVERIFY(m_window->close());
    QVERIFY(!findMessageBox(QStringLiteral("confirmDiscard")));
}

void TestMainWindow::closingWithADraftAsksFirst()
{
    startApp(referenceServerUrl());
    signInByTyping(m_bob);
    editFirstName(QStringLiteral("Kept as a draft"));
    QCOMPARE(manage({QStringLiteral("delete_token"), m_bob}).trimmed(), QByteArray("deleted 1"));
    click(m_window->profilePage()->saveButton());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), m_window->signInPage(), 30000);
    QVERIFY(m_window->profilePage()->holdsDraft());

    // The edits wait, in memory only, for the next sign-in: quitting now would lose them.
    QVERIFY(!m_window->close());
    QMessageBox *box = findMessageBox(QStringLiteral("confirmDiscard"));
    QVERIFY(box);
    QVERIFY(clickBoxButton(box, QStringLiteral("keepEditingButton")));
    QVERIFY(m_window->isVisible());

    // Once they are back in the editor, they are ordinary unsaved edits; after saving, nothing
    // is held any more.
    QTest::keyClicks(m_window->signInPage()->passwordEdit(), testPassword());
    QTest::keyClick(m_window->signInPage()->passwordEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), m_window->profilePage(), 30000);
    QVERIFY(!m_window->profilePage()->holdsDraft());
    QSignalSpy saved(m_app->auth()->profile(), &CustomerEditor::saved);
    click(m_window->profilePage()->saveButton());
    QVERIFY(saved.wait(30000));
    QVERIFY(m_window->close());
    QVERIFY(!findMessageBox(QStringLiteral("confirmDiscard")));
}

void TestMainWindow::signOutFromTheMenu()
{
    startApp(referenceServerUrl());
    QVERIFY(!m_window->signOutAction()->isEnabled());
    signInByTyping(m_alice);
    QVERIFY(m_window->signOutAction()->isEnabled());
    m_window->signOutAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), m_window->signInPage(), 30000);
    QCOMPARE(m_window->signInPage()->banner()->text(), QStringLiteral("You have signed out."));
    QCOMPARE(m_window->signInPage()->usernameEdit()->text(), m_alice);
    QCOMPARE(m_window->connectionStatusLabel()->text(), QStringLiteral("Signed out"));
}

void TestMainWindow::captionsNameTheirInputs()
{
    startApp(referenceServerUrl());
    signInByTyping(m_alice);
    buildEveryPage(m_window);
    int captions = 0;
    for (QLabel *label : m_window->findChildren<QLabel *>()) {
        if (!label->buddy())
            continue;
        ++captions;
        const QString text = label->text();
        QVERIFY2(!text.contains(QLatin1Char(':')) && !text.contains(QLatin1Char('&')),
                 qPrintable(text));
        QCOMPARE(accessibleName(label->buddy()), text);
    }
    // Sign in 2, Create account 5, Profile 5, Customers 1 (search), Edit customer 5 + History.
    QCOMPARE(captions, 19);
    for (QCheckBox *box : m_window->findChildren<QCheckBox *>())
        QCOMPARE(accessibleName(box), box->text());
}

void TestMainWindow::buttonsAreNamedByTheirText()
{
    startApp(referenceServerUrl());
    buildEveryPage(m_window);
    QStringList names;
    for (QPushButton *button : m_window->findChildren<QPushButton *>()) {
        QVERIFY(!button->text().isEmpty());
        // What is shown: the text without its mnemonic marker ("&Open" shows "Open").
        QString shown = button->text();
        shown.replace(QStringLiteral("&&"), QStringLiteral("\x01")).remove(QLatin1Char('&'));
        shown.replace(QStringLiteral("\x01"), QStringLiteral("&"));
        QCOMPARE(accessibleName(button), shown);
        names += shown;
    }
    for (const char *expected :
         {"Sign in", "Create account", "Back to sign in", "Edit", "Save", "Cancel", "Sign out",
          "Refresh", "Retry", "Open", "Back to customers"})
        QVERIFY2(names.contains(QString::fromUtf8(expected)), expected);
}

void TestMainWindow::menusOfferEveryAction()
{
    startApp(referenceServerUrl());
    QStringList texts;
    const auto menus = m_window->menuBar()->actions();
    for (QAction *menu : menus) {
        texts += menu->text();
        if (menu->menu()) {
            for (QAction *action : menu->menu()->actions()) {
                texts += action->text();
                if (action->menu()) {
                    for (QAction *sub : action->menu()->actions())
                        texts += sub->text();
                }
            }
        }
    }
    for (const char *expected :
         {"&File", "Sign &out", "&Quit", "&Settings", "&Server address…", "&Appearance", "S&ystem",
          "&Light", "&Dark", "&Help", "&About Customer Portal"})
        QVERIFY2(texts.contains(QString::fromUtf8(expected)), expected);
}

void TestMainWindow::appearanceIsAppliedAndSaved()
{
    startApp(referenceServerUrl());
    Q_EMIT m_window->appearanceChangeRequested(Appearance::Mode::Dark);
    QCOMPARE(m_settings->value(PortalApp::appearanceKey()).toString(), QStringLiteral("dark"));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() < 0.3);
    Q_EMIT m_window->appearanceChangeRequested(Appearance::Mode::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() > 0.7);
    Q_EMIT m_window->appearanceChangeRequested(Appearance::Mode::System);
    QCOMPARE(m_settings->value(PortalApp::appearanceKey()).toString(), QStringLiteral("system"));
}

void TestMainWindow::aboutShowsVersions()
{
    startApp(referenceServerUrl());
    m_window->showAbout();
    QMessageBox *box = findMessageBox(QStringLiteral("aboutBox"));
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral(PORTAL_VERSION)));
    QVERIFY(box->informativeText().contains(QString::fromLatin1(qVersion())));
    QVERIFY(box->informativeText().contains(QStringLiteral("MIT")));
    QCOMPARE(box->button(QMessageBox::Close)->icon().pixmap(QSize(32, 32)).toImage(),
             icon(Icon::Cancel).pixmap(QSize(32, 32)).toImage());
    box->close();
}

void TestMainWindow::noServerOpensTheServerDialog()
{
    startApp(QUrl());
    QTRY_VERIFY(m_window->serverDialog());
    ServerDialog *dialog = m_window->serverDialog();
    QVERIFY(dialog->isVisible());
    QVERIFY(!m_window->signInPage()->signInButton()->isEnabled());
    QCOMPARE(m_window->serverStatusLabel()->text(), QStringLiteral("No server configured"));
    // Behind the dialog (and after Cancel), Sign in says what to do.
    QCOMPARE(m_window->signInPage()->banner()->text(),
             QStringLiteral("Choose the server to connect to: Settings ▸ Server address…"));

    QTest::keyClicks(dialog->addressEdit(), QStringLiteral("http://example.com"));
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY2(dialog->error().contains(QStringLiteral("https")), qPrintable(dialog->error()));

    dialog->addressEdit()->clear();
    QTest::keyClicks(dialog->addressEdit(), referenceServerUrl().toString());
    QVERIFY(dialog->okButton()->isEnabled());
    click(dialog->okButton());
    QCOMPARE(m_app->auth()->server(), referenceServerUrl());
    QCOMPARE(m_settings->value(PortalApp::serverKey()).toUrl(), referenceServerUrl());
    QVERIFY(m_window->signInPage()->signInButton()->isEnabled());
    QVERIFY(!m_window->signInPage()->banner()->isVisible());
}

void TestMainWindow::changingTheServerSignsOutLocally()
{
    startApp(referenceServerUrl());
    signInByTyping(m_alice);
    m_window->serverAction()->trigger();
    QTRY_VERIFY(m_window->serverDialog() && m_window->serverDialog()->isVisible());
    ServerDialog *dialog = m_window->serverDialog();
    dialog->addressEdit()->clear();
    QTest::keyClicks(dialog->addressEdit(), QStringLiteral("http://localhost:9"));
    click(dialog->okButton());
    QTRY_COMPARE(m_window->currentPage(), m_window->signInPage());
    QCOMPARE(m_app->auth()->signOutReason(), AuthStateManager::SignOutReason::ServerChanged);
    QCOMPARE(m_window->serverStatusLabel()->text(), QStringLiteral("Server: http://localhost:9"));
    // A local sign-out: the session on the old server is still valid.
    QCOMPARE(manage({QStringLiteral("delete_token"), m_alice}).trimmed(), QByteArray("deleted 1"));
}

void TestMainWindow::chooseServer(const QUrl &url)
{
    m_window->serverAction()->trigger();
    QTRY_VERIFY(m_window->serverDialog() && m_window->serverDialog()->isVisible());
    ServerDialog *dialog = m_window->serverDialog();
    dialog->addressEdit()->clear();
    QTest::keyClicks(dialog->addressEdit(), url.toString());
    click(dialog->okButton());
}

void TestMainWindow::changingTheServerWithUnsavedEditsAsksFirst()
{
    startApp(referenceServerUrl());
    signInByTyping(m_alice);
    editFirstName(QStringLiteral("Unsaved"));
    const QUrl other(QStringLiteral("http://localhost:9"));

    chooseServer(other);
    QMessageBox *box = findMessageBox(QStringLiteral("confirmDiscard"));
    QVERIFY(box);
    QVERIFY(clickBoxButton(box, QStringLiteral("keepEditingButton")));
    QCOMPARE(m_app->auth()->server(), referenceServerUrl());
    QCOMPARE(m_app->auth()->state(), State::SignedIn);
    QCOMPARE(profileInput("first_name")->text(), QStringLiteral("Unsaved"));
    QVERIFY(!m_settings->contains(PortalApp::serverKey()));

    chooseServer(other);
    box = findMessageBox(QStringLiteral("confirmDiscard"));
    QVERIFY(box);
    QVERIFY(clickBoxButton(box, QStringLiteral("discardButton")));
    QCOMPARE(m_app->auth()->server(), other);
    QCOMPARE(m_app->auth()->signOutReason(), AuthStateManager::SignOutReason::ServerChanged);
    QTRY_COMPARE(m_window->currentPage(), m_window->signInPage());
    QCOMPARE(m_settings->value(PortalApp::serverKey()).toUrl(), other);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
