// The whole window from the keyboard and through a screen reader: every Tab stop of every page and
// dialog has a role and a name (its visible label), Escape goes back or cancels, and the main
// actions have a mnemonic or a shortcut their tooltip shows.

#include "confirmdiscard.h"
#include "customereditor.h"
#include "customereditpage.h"
#include "customerform.h"
#include "customerlistmodel.h"
#include "customerspage.h"
#include "mainwindow.h"
#include "portalapp.h"
#include "profilepage.h"
#include "registerpage.h"
#include "restoringpage.h"
#include "serverdialog.h"
#include "signinpage.h"
#include "testenv.h"
#include "tokenstore.h"
#include "uitest.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace portal;
using namespace portal::test;
using State = AuthStateManager::State;

namespace {

constexpr int kWaitMs = 30000;

/// What a button shows: its text without the mnemonic marker ("&Open" shows "Open").
QString shownText(const QString &text)
{
    QString shown = text;
    shown.replace(QStringLiteral("&&"), QStringLiteral("\x01")).remove(QLatin1Char('&'));
    return shown.replace(QStringLiteral("\x01"), QStringLiteral("&"));
}

/// A new staff account on the fixture server.
QString newStaff(const QString &prefix)
{
    const QString username = uniqueUsername(prefix);
    if (!createAccount(referenceServerUrl(), username))
        return {};
    const QByteArray answer =
        manage({QStringLiteral("set_staff"), username, QStringLiteral("yes")});
    return answer.trimmed().startsWith("staff") ? username : QString();
}

/// Whether assistive technology is told that @p label labels @p widget.
bool isLabelledBy(QWidget *widget, QLabel *label)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    if (!iface)
        return false;
    const auto relations = iface->relations(QAccessible::Label);
    return std::any_of(relations.cbegin(), relations.cend(),
                       [label](const auto &relation) { return relation.first->object() == label; });
}

} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void signInStopsAreNamed();
    void createAccountStopsAreNamed();
    void escapeOnCreateAccountGoesBackToSignIn();
    void profileStopsAreNamed();
    void restoringStopsAreNamedAndEscapeSignsIn();
    void staffPagesStopsAreNamed();
    void serverDialogStopsAreNamedAndEscapeCancels();
    void confirmDiscardStopsAreNamedAndEscapeKeepsEditing();
    void mainActionsHaveAKey_data();
    void mainActionsHaveAKey();

private:
    void startApp(const QUrl &server = referenceServerUrl());
    void signInByTyping(const QString &username);
    /// Walks the Tab chain from @p first and checks every stop; returns the stops.
    QList<QWidget *> checkTabChain(QWidget *first, QWidget *window);

    QString m_customer;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<PortalApp> m_app;
    MainWindow *m_window = nullptr;
};

void TestKeyboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(referenceServerUrl().isValid(), "the reference server fixture is not running");
    QVERIFY2(hasSessionBus(), "run inside tests/keyring-session.sh");
    m_customer = uniqueUsername(QStringLiteral("kb"));
    QString error;
    QVERIFY2(createAccount(referenceServerUrl(), m_customer, &error), qPrintable(error));
}

void TestKeyboard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
}

void TestKeyboard::cleanup()
{
    m_window = nullptr;
    m_app.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestKeyboard::startApp(const QUrl &server)
{
    PortalAppOptions options;
    options.serverOverride = server;
    options.settings = m_settings.get();
    m_app = std::make_unique<PortalApp>(options);
    m_window = m_app->window();
    m_app->start();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->currentPage() != m_window->restoringPage() ||
                                 m_app->auth()->isServerUnreachable(),
                             kWaitMs);
    settle();
}

void TestKeyboard::signInByTyping(const QString &username)
{
    SignInPage *page = m_window->signInPage();
    page->usernameEdit()->clear();
    page->passwordEdit()->clear();
    QTest::keyClicks(page->usernameEdit(), username);
    QTest::keyClicks(page->passwordEdit(), testPassword());
    QTest::keyClick(page->passwordEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->auth()->state(), State::SignedIn, kWaitMs);
    settle();
}

QList<QWidget *> TestKeyboard::checkTabChain(QWidget *first, QWidget *window)
{
    first->setFocus(Qt::TabFocusReason);
    if (!QTest::qWaitFor([first]() { return QApplication::focusWidget() == first; })) {
        qWarning() << "could not focus" << first;
        return {};
    }
    const TabWalk walk = walkTabChain();
    const QList<QWidget *> &stops = walk.stops;
    const QStringList &unnamed = walk.unnamed;
    if (!unnamed.isEmpty())
        qWarning().noquote() << "unnamed Tab stops:" << unnamed.join(QStringLiteral("; "));
    for (QWidget *stop : stops) {
        // The name is the visible label: the caption, or the control's own text.
        const QString name = accessibleName(stop);
        if (QLabel *caption = captionOf(window, stop)) {
            // On Linux a combo box is named by its current item, its caption by the relation.
            const bool named = name == shownText(caption->text()) ||
                               (qobject_cast<QComboBox *>(stop) && isLabelledBy(stop, caption));
            if (!named) {
                qWarning().noquote() << "named" << name << "but captioned" << caption->text();
                return {};
            }
        } else if (auto *button = qobject_cast<QAbstractButton *>(stop)) {
            if (!button->text().isEmpty() && name != shownText(button->text())) {
                qWarning().noquote() << "named" << name << "but shows" << button->text();
                return {};
            }
        }
    }
    return unnamed.isEmpty() ? stops : QList<QWidget *>();
}

void TestKeyboard::signInStopsAreNamed()
{
    startApp();
    SignInPage *page = m_window->signInPage();
    const QList<QWidget *> stops = checkTabChain(page->usernameEdit(), m_window);
    QVERIFY(!stops.isEmpty());
    // The walk went round the whole form.
    for (QWidget *expected :
         QList<QWidget *>{page->usernameEdit(), page->passwordEdit(), page->showPasswordBox(),
                          page->rememberBox(), page->signInButton(), page->createAccountButton()})
        QVERIFY2(stops.contains(expected), qPrintable(expected->objectName()));
}

void TestKeyboard::createAccountStopsAreNamed()
{
    startApp();
    QTest::keyClick(m_window->signInPage()->createAccountButton(), Qt::Key_Space);
    RegisterPage *page = m_window->registerPage();
    QCOMPARE(m_window->currentPage(), page);
    const QList<QWidget *> stops = checkTabChain(page->input(QStringLiteral("username")), m_window);
    QVERIFY(!stops.isEmpty());
    for (QWidget *expected :
         QList<QWidget *>{page->input(QStringLiteral("birth_date")), page->rememberBox(),
                          page->createButton(), page->backButton()})
        QVERIFY2(stops.contains(expected), qPrintable(expected->objectName()));
}

void TestKeyboard::escapeOnCreateAccountGoesBackToSignIn()
{
    startApp();
    QTest::keyClick(m_window->signInPage()->createAccountButton(), Qt::Key_Space);
    RegisterPage *page = m_window->registerPage();
    QCOMPARE(m_window->currentPage(), page);
    QLineEdit *email = page->input(QStringLiteral("email"));
    email->setFocus();
    QTest::keyClicks(email, QStringLiteral("kept@example.com"));
    QTest::keyClick(email, Qt::Key_Escape);
    QCOMPARE(m_window->currentPage(), m_window->signInPage());
    QCOMPARE(QApplication::focusWidget(), m_window->signInPage()->usernameEdit());
    // As Back does, the form keeps what was typed.
    QTest::keyClick(m_window->signInPage()->createAccountButton(), Qt::Key_Space);
    QCOMPARE(email->text(), QStringLiteral("kept@example.com"));
    // The back button says which key it answers to.
    QVERIFY2(page->backButton()->toolTip().contains(
                 QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText)),
             qPrintable(page->backButton()->toolTip()));
}

void TestKeyboard::profileStopsAreNamed()
{
    startApp();
    signInByTyping(m_customer);
    ProfilePage *page = m_window->profilePage();
    QCOMPARE(m_window->currentPage(), page);
    QList<QWidget *> stops = checkTabChain(page->form()->firstInput(), m_window);
    QVERIFY(!stops.isEmpty());
    QVERIFY(stops.contains(page->form()->input(QStringLiteral("birth_date"))));
    QVERIFY(stops.contains(page->editButton()));

    QTest::keyClick(m_window, Qt::Key_F2);
    QTRY_VERIFY(page->form()->isEditing()); // A button's shortcut clicks it a moment later.
    stops = checkTabChain(page->form()->input(QStringLiteral("email")), m_window);
    QVERIFY(!stops.isEmpty());
    QVERIFY(stops.contains(page->saveButton()));
    QVERIFY(stops.contains(page->cancelButton()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!page->form()->isEditing());
}

void TestKeyboard::restoringStopsAreNamedAndEscapeSignsIn()
{
    // A remembered session on a server of this test's own, stopped before the next start.
    QTemporaryDir state;
    const QStringList start{
        QStringLiteral("start"),  QStringLiteral("--state-dir"), state.path(),
        QStringLiteral("--port"), QString::number(freePort()),   QStringLiteral("--demo")};
    const QStringList stop{QStringLiteral("stop"), QStringLiteral("--state-dir"), state.path()};
    QString output;
    QVERIFY2(serverctl(start, &output), qPrintable(output));
    const QUrl server(output.trimmed());
    auto stopServer = qScopeGuard([&]() { serverctl(stop); });
    startApp(server);
    SignInPage *signIn = m_window->signInPage();
    QTRY_VERIFY_WITH_TIMEOUT(signIn->rememberBox()->isChecked(), kWaitMs);
    signIn->usernameEdit()->setText(QStringLiteral("alice"));
    signIn->passwordEdit()->setText(QStringLiteral("alice-password-1"));
    QTest::keyClick(signIn->passwordEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->auth()->state(), State::SignedIn, kWaitMs);
    TokenStore store(QStringLiteral(PORTAL_APP_ID));
    QTRY_COMPARE_WITH_TIMEOUT(
        readToken(store, TokenStore::keyFor(server, QStringLiteral("alice"))).status,
        TokenStoreResult::Status::Ok, kWaitMs);
    m_window = nullptr;
    m_app.reset();
    QVERIFY(serverctl(stop));

    startApp(server);
    RestoringPage *restoring = m_window->restoringPage();
    QCOMPARE(m_window->currentPage(), restoring);
    QVERIFY(m_app->auth()->isServerUnreachable());
    const QList<QWidget *> stops = checkTabChain(restoring->retryButton(), m_window);
    QVERIFY(stops.size() >= 2); // Retry, Sign in instead.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_COMPARE(m_window->currentPage(), m_window->signInPage());
    // The remembered sign-in stays for the next start.
    QCOMPARE(readToken(store, TokenStore::keyFor(server, QStringLiteral("alice"))).status,
             TokenStoreResult::Status::Ok);
}

void TestKeyboard::staffPagesStopsAreNamed()
{
    const QString staff = newStaff(QStringLiteral("kb_staff"));
    QVERIFY(!staff.isEmpty());
    startApp();
    signInByTyping(staff);
    CustomersPage *customers = m_window->customersPage();
    QCOMPARE(m_window->currentPage(), customers);
    QTRY_VERIFY_WITH_TIMEOUT(customers->model()->rowCount() > 0, kWaitMs);
    const QList<QWidget *> stops = checkTabChain(customers->searchEdit(), m_window);
    QVERIFY(!stops.isEmpty());
    QVERIFY(stops.contains(customers->table()));

    customers->table()->setFocus();
    QTest::keyClick(customers->table(), Qt::Key_Return);
    CustomerEditPage *editor = m_window->customerEditPage();
    QCOMPARE(m_window->currentPage(), editor);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->editor()->etag().isEmpty(), kWaitMs);
    settle();
    QVERIFY(!checkTabChain(editor->form()->input(QStringLiteral("email")), m_window).isEmpty());
}

void TestKeyboard::serverDialogStopsAreNamedAndEscapeCancels()
{
    startApp();
    m_window->openServerDialog();
    ServerDialog *dialog = m_window->serverDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    auto *address = dialog->findChild<QLineEdit *>(QStringLiteral("serverAddress"));
    QVERIFY(address);
    const QList<QWidget *> stops = checkTabChain(address, dialog);
    QVERIFY(stops.size() >= 4); // Address, sign-in method, OK, Cancel.
    const QPointer<ServerDialog> guard(dialog);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!guard || !guard->isVisible());
}

void TestKeyboard::confirmDiscardStopsAreNamedAndEscapeKeepsEditing()
{
    startApp();
    bool discarded = false;
    QMessageBox *box = confirmDiscard(m_window, QStringLiteral("Discard?"),
                                      QStringLiteral("Discard"), [&]() { discarded = true; });
    QVERIFY(QTest::qWaitForWindowActive(box));
    auto *keep = box->findChild<QPushButton *>(QStringLiteral("keepEditingButton"));
    QVERIFY(keep);
    QVERIFY(checkTabChain(keep, box).size() >= 2);
    const QPointer<QMessageBox> guard(box);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!guard);
    QVERIFY(!discarded);
}

void TestKeyboard::mainActionsHaveAKey_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("button");
    QTest::newRow("sign in") << "signInPage"
                             << "signInButton";
    QTest::newRow("create account from sign in") << "signInPage"
                                                 << "createAccountButton";
    QTest::newRow("create account") << "registerPage"
                                    << "createButton";
    QTest::newRow("back to sign in") << "registerPage"
                                     << "backButton";
    for (const char *button :
         {"editButton", "saveButton", "cancelButton", "refreshButton", "signOutButton"})
        QTest::newRow(button) << "profilePage" << button;
    QTest::newRow("open customer") << "customersPage"
                                   << "openButton";
    for (const char *button : {"saveButton", "cancelButton", "backButton"})
        QTest::newRow(qPrintable(QStringLiteral("customer %1").arg(QLatin1String(button))))
            << "customerEditPage" << button;
    QTest::newRow("sign in instead of restoring") << "restoringPage"
                                                  << "signInInsteadButton";
}

void TestKeyboard::mainActionsHaveAKey()
{
    QFETCH(QString, page);
    QFETCH(QString, button);
    startApp();
    buildEveryPage(m_window);
    auto *pageWidget = m_window->findChild<Page *>(page);
    QVERIFY(pageWidget);
    auto *action = pageWidget->findChild<QPushButton *>(button);
    QVERIFY(action);
    // A mnemonic shows in the text; any other key is named in the tooltip.
    const bool mnemonic = !QKeySequence::mnemonic(action->text()).isEmpty();
    const QString key = action->shortcut().toString(QKeySequence::NativeText);
    const bool shownShortcut = !key.isEmpty() && action->toolTip().contains(key);
    QVERIFY2(mnemonic || shownShortcut,
             qPrintable(
                 QStringLiteral("\"%1\", tooltip \"%2\"").arg(action->text(), action->toolTip())));
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
