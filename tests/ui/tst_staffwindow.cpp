// Support staff in the whole window, built by the composition root, against the reference server:
// the Customers page, the customer editor, conflicts, losing staff access and expired sessions.

#include "apiclient.h"
#include "conflictdialog.h"
#include "customereditor.h"
#include "customereditpage.h"
#include "customerform.h"
#include "customerhistorymodel.h"
#include "customerlistmodel.h"
#include "customerspage.h"
#include "faultserver.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "navigationbar.h"
#include "portalapp.h"
#include "profilepage.h"
#include "signinpage.h"
#include "testenv.h"
#include "translations.h"
#include "uitest.h"

#include <QAccessible>
#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <optional>

using namespace portal;
using namespace portal::test;
using State = AuthStateManager::State;
using Choice = ConflictDialog::Choice;

namespace {

constexpr int kWaitMs = 30000;

bool setStaff(const QString &username, bool staff)
{
    return manage({QStringLiteral("set_staff"), username,
                   staff ? QStringLiteral("yes") : QStringLiteral("no")})
        .trimmed()
        .startsWith("staff");
}

QJsonArray historyOf(const QString &username)
{
    return QJsonDocument::fromJson(manage({QStringLiteral("customer_history"), username})).array();
}

/// A new staff account on the fixture server.
QString newStaff(const QString &prefix)
{
    const QString username = uniqueUsername(prefix);
    if (!createAccount(referenceServerUrl(), username) || !setStaff(username, true))
        return {};
    return username;
}

/// The demo support account changes customer @p id through a client of its own, as a colleague
/// would: @p change is applied to the current record and saved. The saved record, or none.
std::optional<Customer> supportChanges(qint64 id, const std::function<void(Customer &)> &change)
{
    ApiClient api;
    api.setBaseUrl(referenceServerUrl());
    std::optional<ApiResult> login;
    QObject::connect(api.login(QStringLiteral("support"), QStringLiteral("support-password-1")),
                     &ApiCall::finished, &api, [&](const ApiResult &result) { login = result; });
    if (!QTest::qWaitFor([&]() { return login.has_value(); }, kWaitMs) || !login->ok())
        return std::nullopt;
    api.setToken(login->value().json.toObject().value(QLatin1String("token")).toString());
    CustomerEditor editor(&api, CustomerEditor::Target::Customer, id);
    QSignalSpy loaded(&editor, &CustomerEditor::loaded);
    editor.load();
    if (!loaded.wait(kWaitMs))
        return std::nullopt;
    Customer changed = editor.record();
    change(changed);
    QSignalSpy saved(&editor, &CustomerEditor::saved);
    editor.save(CustomerChanges::between(editor.record(), changed));
    return saved.wait(kWaitMs) ? std::optional<Customer>(editor.record()) : std::nullopt;
}

/// A new customer with a first and last name only this test uses (so a search finds just them).
Customer newCustomer(const QString &lastName)
{
    const QString username = uniqueUsername(QStringLiteral("sw_cust"));
    if (!createAccount(referenceServerUrl(), username))
        return {};
    // The names are set by a staff member's edit, as support would.
    const qint64 id = serverField(username, QStringLiteral("id")).toInteger();
    return supportChanges(id,
                          [&lastName](Customer &customer) {
                              customer.firstName = QStringLiteral("Ada");
                              customer.lastName = lastName;
                          })
        .value_or(Customer());
}

/// Another staff member changes @p id's last name through their own client.
bool otherStaffChangesLastName(qint64 id, const QString &lastName)
{
    return supportChanges(id, [&lastName](Customer &customer) { customer.lastName = lastName; })
        .has_value();
}

} // namespace

class TestStaffWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void customersSeeNoCustomersPage();
    void staffLandOnCustomers();
    void searchShowsCountAndOpensWithEnter();
    void emptyAndErrorStatesSayWhatHappened();
    void countIsLocaleFormatted();
    void editAndSaveUpdatesHistoryAndRow();
    void conflictChoices_data();
    void conflictChoices();
    void demotedStaffLoseThePage();
    void a403WhileStillStaffKeepsStaffAccess();
    void draftSurvivesExpiryAndSigningInAgain();
    void draftIsNotShownToAnotherStaffMember();
    void signingOutKeepsTheSearchButNotItsTyping();
    void ownProfileDraftBringsStaffBackToProfile();

private:
    void startApp();
    void signInByTyping(const QString &username);
    void search(const QString &text);
    CustomerEditPage *openByName(const QString &lastName);
    void retype(QLineEdit *edit, const QString &text);

    std::unique_ptr<Translations> m_translations;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<PortalApp> m_app;
    MainWindow *m_window = nullptr;
};

void TestStaffWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // English as main.cpp installs it (its plural forms: "1 customer"), numbers grouped.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_translations = std::make_unique<Translations>(QLocale());
    QVERIFY2(referenceServerUrl().isValid(), "the reference server fixture is not running");
    QVERIFY2(hasSessionBus(), "run inside tests/keyring-session.sh");
}

void TestStaffWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
}

void TestStaffWindow::cleanup()
{
    m_window = nullptr;
    m_app.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestStaffWindow::startApp()
{
    PortalAppOptions options;
    options.serverOverride = referenceServerUrl();
    options.settings = m_settings.get();
    m_app = std::make_unique<PortalApp>(options);
    m_window = m_app->window();
    m_app->start();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestStaffWindow::signInByTyping(const QString &username)
{
    SignInPage *page = m_window->signInPage();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), page, kWaitMs);
    settle();
    page->usernameEdit()->clear();
    page->passwordEdit()->clear();
    QTest::keyClicks(page->usernameEdit(), username);
    QTest::keyClicks(page->passwordEdit(), testPassword());
    QTest::keyClick(page->passwordEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->auth()->state(), State::SignedIn, kWaitMs);
}

void TestStaffWindow::search(const QString &text)
{
    CustomersPage *page = m_window->customersPage();
    if (m_window->currentPage() != page)
        QTest::keyClick(m_window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), page);
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), page->searchEdit());
    const QString before = page->model()->search();
    QTest::keyClicks(page->searchEdit(), text);
    // Debounced: nothing goes out while typing, the search follows the pause.
    QCOMPARE(page->model()->search(), before);
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->search() == text && !page->model()->isLoading() &&
                                 page->model()->status() == CustomerListModel::Status::Ready,
                             kWaitMs);
}

CustomerEditPage *TestStaffWindow::openByName(const QString &lastName)
{
    search(lastName);
    CustomersPage *page = m_window->customersPage();
    if (page->model()->rowCount() != 1)
        return nullptr;
    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_Return);
    CustomerEditPage *editor = m_window->customerEditPage();
    if (m_window->currentPage() != editor ||
        !QTest::qWaitFor([editor]() { return !editor->editor()->etag().isEmpty(); }, kWaitMs))
        return nullptr;
    return editor;
}

void TestStaffWindow::retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void TestStaffWindow::customersSeeNoCustomersPage()
{
    const QString customer = uniqueUsername(QStringLiteral("sw_plain"));
    QVERIFY(createAccount(referenceServerUrl(), customer));
    startApp();
    signInByTyping(customer);
    QCOMPARE(m_window->currentPage(), m_window->profilePage());
    QVERIFY(!m_window->navigationBar()->isVisible());
    QVERIFY(!m_window->navigationBar()->customersAction()->isEnabled());
    QTest::keyClick(m_window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), m_window->profilePage());
}

void TestStaffWindow::staffLandOnCustomers()
{
    const QString staff = newStaff(QStringLiteral("sw_land"));
    QVERIFY(!staff.isEmpty());
    startApp();
    signInByTyping(staff);
    QCOMPARE(m_window->currentPage(), m_window->customersPage());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Customers — Customer Portal"));
    NavigationBar *nav = m_window->navigationBar();
    QVERIFY(nav->isVisible());
    // Page tabs named as shown, the keyboard reaches them, the current one is Customers.
    QTabBar *tabs = nav->tabBar();
    QVERIFY(tabs->focusPolicy() & Qt::TabFocus);
    QAccessibleInterface *bar = QAccessible::queryAccessibleInterface(tabs);
    QVERIFY(bar);
    QStringList tabNames;
    for (int i = 0; i < bar->childCount(); ++i) { // Also its (hidden) scroll buttons.
        if (bar->child(i)->role() == QAccessible::PageTab)
            tabNames += bar->child(i)->text(QAccessible::Name);
    }
    QCOMPARE(tabNames, (QStringList{QStringLiteral("Customers"), QStringLiteral("My profile")}));
    QCOMPARE(bar->child(0)->role(), QAccessible::PageTab);
    QCOMPARE(tabs->currentIndex(), 0);
    QCOMPARE(nav->current(), NavigationBar::Place::Customers);
    CustomersPage *page = m_window->customersPage();
    QCOMPARE(accessibleName(page->searchEdit()), QStringLiteral("Search customers"));
    QCOMPARE(accessibleName(page->table()), QStringLiteral("Customers"));
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->status(), CustomerListModel::Status::Ready, kWaitMs);
    QVERIFY(page->model()->rowCount() > 0);

    QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), m_window->profilePage());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Profile — Customer Portal"));
    QCOMPARE(nav->current(), NavigationBar::Place::MyProfile);
    QTest::keyClick(m_window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), page);
    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(1).center());
    QCOMPARE(m_window->currentPage(), m_window->profilePage());
    tabs->setFocus();
    QTest::keyClick(tabs, Qt::Key_Left); // The keyboard moves between the tabs too.
    QCOMPARE(m_window->currentPage(), page);
}

void TestStaffWindow::searchShowsCountAndOpensWithEnter()
{
    const QString staff = newStaff(QStringLiteral("sw_search"));
    const Customer ada =
        newCustomer(QStringLiteral("Searchable%1").arg(QCoreApplication::applicationPid()));
    QVERIFY(!staff.isEmpty() && ada.id > 0);
    startApp();
    signInByTyping(staff);
    CustomersPage *page = m_window->customersPage();
    search(ada.lastName);
    QCOMPARE(page->model()->rowCount(), 1);
    QCOMPARE(page->countLabel()->text(), QStringLiteral("1 customer"));
    // The first row is current and selected: Enter opens it.
    QCOMPARE(page->table()->currentIndex().row(), 0);
    QVERIFY(page->table()->selectionModel()->isRowSelected(0, {}));
    QCOMPARE(page->currentCustomer()->id, ada.id);
    page->table()->setFocus();
    QSignalSpy opened(page, &CustomersPage::openRequested);
    QTest::keyClick(page->table(), Qt::Key_Return);
    QCOMPARE(opened.count(), 1); // Once, not once by the table and again by the page.
    CustomerEditPage *editor = m_window->customerEditPage();
    QCOMPARE(m_window->currentPage(), editor);
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Edit customer — Customer Portal"));
    QTRY_VERIFY_WITH_TIMEOUT(!editor->editor()->etag().isEmpty(), kWaitMs);
    QCOMPARE(editor->form()->input(QStringLiteral("last_name"))->text(), ada.lastName);
    // The keyboard starts at the first field that can change.
    QTRY_COMPARE(QApplication::focusWidget(), editor->form()->input(QStringLiteral("email")));
    QCOMPARE(accessibleName(editor->historyView()), QStringLiteral("History"));
    // The same form as the profile, with the same field names.
    const QList<QPair<QString, QString>> fields{
        {QStringLiteral("email"), QStringLiteral("Email")},
        {QStringLiteral("first_name"), QStringLiteral("First name")},
        {QStringLiteral("last_name"), QStringLiteral("Last name")},
        {QStringLiteral("birth_date"), QStringLiteral("Birth date")}};
    for (const auto &[field, name] : fields) {
        QLabel *caption = captionOf(editor, editor->form()->input(field));
        QVERIFY(caption);
        QCOMPARE(caption->text(), name);
        QCOMPARE(accessibleName(editor->form()->input(field)), name);
    }

    // Back, then double-click opens too; the Open button as well.
    click(editor->backButton());
    QCOMPARE(m_window->currentPage(), page);
    const QRect cell = page->table()->visualRect(page->model()->index(0, 1));
    // A real double-click: a press first (the view opens only the row the press was on).
    QTest::mousePress(page->table()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseRelease(page->table()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(page->table()->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(m_window->currentPage(), editor);
    click(editor->backButton());
    click(page->openButton());
    QCOMPARE(m_window->currentPage(), editor);
}

void TestStaffWindow::emptyAndErrorStatesSayWhatHappened()
{
    const QString staff = newStaff(QStringLiteral("sw_empty"));
    QVERIFY(!staff.isEmpty());
    startApp();
    signInByTyping(staff);
    CustomersPage *page = m_window->customersPage();
    search(QStringLiteral("xyzzy-nobody"));
    QCOMPARE(page->stateLabel()->text(), QStringLiteral("No customers match “xyzzy-nobody”."));
    QVERIFY(page->stateLabel()->isVisible());
    QCOMPARE(page->countLabel()->text(), QStringLiteral("0 customers"));
    QVERIFY(!page->openButton()->isEnabled());
    QVERIFY(!page->retryButton()->isVisible());

    // The list cannot be had (here: the server no longer has it where it was): the error says
    // so, and Retry asks again.
    m_app->api()->setEndpoints([&] {
        ApiEndpoints endpoints;
        endpoints.customersPath = QStringLiteral("/api/missing-customers/");
        return endpoints;
    }());
    QSignalSpy failed(page->model(), &CustomerListModel::loadFailed);
    page->model()->reload();
    QVERIFY(failed.wait(kWaitMs));
    QVERIFY(page->retryButton()->isVisible());
    // With no rows, the error is the page's centre text (once, not also in a banner).
    QVERIFY(!page->banner()->isVisible());
    QCOMPARE(page->stateLabel()->text(), QStringLiteral("The customers could not be loaded. ") +
                                             failed.at(0).at(0).value<ApiError>().userMessage());
    QVERIFY(page->stateLabel()->isVisible());
    m_app->api()->setEndpoints(ApiEndpoints());
    QSignalSpy pages(page->model(), &CustomerListModel::pageLoaded);
    click(page->retryButton());
    QVERIFY(pages.wait(kWaitMs));
    QVERIFY(!page->retryButton()->isVisible());
    QVERIFY(!page->banner()->isVisible());
}

void TestStaffWindow::countIsLocaleFormatted()
{
    // A server with far more customers than the fixture: a fault server answers one big page.
    FaultServer server;
    QVERIFY(server.listen());
    server.route(
        "/api/customers/",
        FaultServer::Response::json(
            200, R"({"count": 100012, "next": "x", "results": [{"id": 1, "username": "a"}]})"));
    ApiClient api;
    api.setBaseUrl(server.url());
    api.setToken(QStringLiteral("staff-token"));
    CustomerListModel model(&api);
    CustomersPage page(&model);
    QSignalSpy pages(&model, &CustomerListModel::pageLoaded);
    page.activate();
    QVERIFY(pages.wait(kWaitMs));
    QCOMPARE(page.countLabel()->text(), QStringLiteral("100,012 customers"));
}

void TestStaffWindow::editAndSaveUpdatesHistoryAndRow()
{
    const QString staff = newStaff(QStringLiteral("sw_edit"));
    const Customer ada =
        newCustomer(QStringLiteral("Editable%1").arg(QCoreApplication::applicationPid()));
    QVERIFY(!staff.isEmpty() && ada.id > 0);
    startApp();
    signInByTyping(staff);
    CustomerEditPage *editor = openByName(ada.lastName);
    QVERIFY(editor);
    QTRY_COMPARE_WITH_TIMEOUT(editor->history()->rowCount(), 1, kWaitMs); // newCustomer's edit
    retype(editor->form()->input(QStringLiteral("first_name")), QStringLiteral("Adeline"));
    QSignalSpy saved(editor->editor(), &CustomerEditor::saved);
    QTest::keyClick(editor->form()->input(QStringLiteral("first_name")), Qt::Key_Return);
    QVERIFY(saved.wait(kWaitMs));
    QCOMPARE(editor->banner()->text(), QStringLiteral("Saved."));
    QCOMPARE(serverField(ada.username, QStringLiteral("first_name")).toString(),
             QStringLiteral("Adeline"));
    const QJsonArray history = historyOf(ada.username);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).toObject().value(QLatin1String("by")).toString(), staff);
    QCOMPARE(history.at(0).toObject().value(QLatin1String("changes")).toObject().keys(),
             QStringList{QStringLiteral("first_name")}); // Only what changed was sent.
    QTRY_COMPARE_WITH_TIMEOUT(editor->history()->rowCount(), 2, kWaitMs);
    const QString newest = editor->history()->index(0).data().toString();
    QVERIFY2(newest.contains(QStringLiteral("by ") + staff), qPrintable(newest));
    QVERIFY2(newest.contains(QStringLiteral("First name: Ada → Adeline")), qPrintable(newest));
    // The list row shows the new name without reloading the list.
    CustomersPage *page = m_window->customersPage();
    QSignalSpy reset(page->model(), &QAbstractItemModel::modelReset);
    click(editor->backButton());
    QCOMPARE(page->model()->customerAt(0).firstName, QStringLiteral("Adeline"));
    QVERIFY(page->model()
                ->index(0, CustomerListModel::NameColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("Adeline")));
    QCOMPARE(reset.count(), 0);
}

void TestStaffWindow::conflictChoices_data()
{
    QTest::addColumn<Choice>("choice");
    QTest::newRow("keep mine") << Choice::KeepMine;
    QTest::newRow("take theirs") << Choice::TakeTheirs;
    QTest::newRow("keep editing") << Choice::KeepEditing;
}

void TestStaffWindow::conflictChoices()
{
    QFETCH(Choice, choice);
    const QString staff = newStaff(QStringLiteral("sw_conf"));
    const Customer ada = newCustomer(
        QStringLiteral("Conflict%1x%2").arg(QCoreApplication::applicationPid()).arg(int(choice)));
    QVERIFY(!staff.isEmpty() && ada.id > 0);
    startApp();
    signInByTyping(staff);
    CustomerEditPage *editor = openByName(ada.lastName);
    QVERIFY(editor);
    retype(editor->form()->input(QStringLiteral("first_name")), QStringLiteral("Mine"));
    QVERIFY(otherStaffChangesLastName(ada.id, QStringLiteral("Theirs")));

    click(editor->saveButton());
    QTRY_VERIFY_WITH_TIMEOUT(editor->conflictDialog() && editor->conflictDialog()->isVisible(),
                             kWaitMs);
    ConflictDialog *dialog = editor->conflictDialog();
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Conflict — Customer Portal"));
    // Per field: what I started from, theirs now, mine.
    QTableWidget *table = dialog->table();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("First name"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Ada"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Ada"));
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("Mine"));
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("Last name"));
    QCOMPARE(table->item(1, 1)->text(), ada.lastName);
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("Theirs"));
    QCOMPARE(table->item(1, 3)->text(), QStringLiteral("Theirs"));
    // Nothing of mine was written meanwhile.
    QCOMPARE(serverField(ada.username, QStringLiteral("first_name")).toString(),
             QStringLiteral("Ada"));
    QCOMPARE(historyOf(ada.username).size(), 2);

    QSignalSpy saved(editor->editor(), &CustomerEditor::saved);
    switch (choice) {
    case Choice::KeepMine:
        click(dialog->keepMineButton());
        QVERIFY(saved.wait(kWaitMs));
        QCOMPARE(serverField(ada.username, QStringLiteral("first_name")).toString(),
                 QStringLiteral("Mine"));
        QCOMPARE(serverField(ada.username, QStringLiteral("last_name")).toString(),
                 QStringLiteral("Theirs"));
        QCOMPARE(historyOf(ada.username).size(), 3);
        QCOMPARE(historyOf(ada.username).at(0).toObject().value(QLatin1String("by")).toString(),
                 staff);
        QVERIFY(!editor->hasUnsavedChanges());
        break;
    case Choice::TakeTheirs:
        click(dialog->takeTheirsButton());
        QCOMPARE(editor->form()->input(QStringLiteral("first_name"))->text(),
                 QStringLiteral("Ada"));
        QCOMPARE(editor->form()->input(QStringLiteral("last_name"))->text(),
                 QStringLiteral("Theirs"));
        QVERIFY(!editor->hasUnsavedChanges());
        break;
    case Choice::KeepEditing:
        QTest::keyClick(dialog, Qt::Key_Escape); // Escape is Keep editing.
        QCOMPARE(editor->form()->input(QStringLiteral("first_name"))->text(),
                 QStringLiteral("Mine"));
        QCOMPARE(editor->form()->input(QStringLiteral("last_name"))->text(),
                 QStringLiteral("Theirs"));
        QVERIFY(editor->hasUnsavedChanges());
        break;
    }
    QTRY_VERIFY(!editor->conflictDialog());
    if (choice != Choice::KeepMine) {
        QCoreApplication::processEvents();
        QCOMPARE(saved.count(), 0);
        QCOMPARE(serverField(ada.username, QStringLiteral("first_name")).toString(),
                 QStringLiteral("Ada"));
        QCOMPARE(serverField(ada.username, QStringLiteral("last_name")).toString(),
                 QStringLiteral("Theirs"));
        QCOMPARE(historyOf(ada.username).size(), 2);
    }
}

void TestStaffWindow::demotedStaffLoseThePage()
{
    const QString staff = newStaff(QStringLiteral("sw_demote"));
    const Customer ada =
        newCustomer(QStringLiteral("Demote%1").arg(QCoreApplication::applicationPid()));
    QVERIFY(!staff.isEmpty() && ada.id > 0);
    startApp();
    signInByTyping(staff);
    CustomerEditPage *editor = openByName(ada.lastName);
    QVERIFY(editor);
    retype(editor->form()->input(QStringLiteral("first_name")), QStringLiteral("Typed"));

    QVERIFY(setStaff(staff, false));
    QSignalSpy lost(m_app->auth(), &AuthStateManager::staffAccessLost);
    click(editor->saveButton()); // Answered 403: the profile then says "not staff".
    QVERIFY(lost.wait(kWaitMs));
    QCOMPARE(m_window->currentPage(), m_window->profilePage());
    QCOMPARE(m_window->profilePage()->banner()->text(),
             QStringLiteral("Your account no longer has support staff access."));
    QVERIFY(!m_window->navigationBar()->isVisible());
    QTest::keyClick(m_window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), m_window->profilePage());
    QCOMPARE(m_app->auth()->state(), State::SignedIn);
    // What was typed is kept, not sent.
    QVERIFY(m_app->auth()->hasDraft());
    QCOMPARE(m_window->customersPage()->searchEdit()->text(), ada.lastName);
    QCOMPARE(serverField(ada.username, QStringLiteral("first_name")).toString(),
             QStringLiteral("Ada"));

    // Access comes back (the profile, reloaded, says so): opening the customer again brings the
    // edits back.
    QVERIFY(setStaff(staff, true));
    QSignalSpy reloaded(m_app->auth()->profile(), &CustomerEditor::loaded);
    QTest::keyClick(m_window, Qt::Key_F5);
    QVERIFY(reloaded.wait(kWaitMs));
    QVERIFY(m_window->navigationBar()->isVisible());
    editor = openByName(ada.lastName);
    QVERIFY(editor);
    QTRY_COMPARE(editor->form()->input(QStringLiteral("first_name"))->text(),
                 QStringLiteral("Typed"));
    QCOMPARE(
        editor->banner()->text(),
        QStringLiteral("You have unsaved changes from your last session. Review and save them."));
    QVERIFY(!m_app->auth()->hasDraft());
}

void TestStaffWindow::a403WhileStillStaffKeepsStaffAccess()
{
    // A 403 that is not about staff access: the profile is read again, still says staff, and
    // nothing is taken away.
    const QString staff = newStaff(QStringLiteral("sw_still"));
    QVERIFY(!staff.isEmpty());
    startApp();
    signInByTyping(staff);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), m_window->customersPage(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_app->auth()->profile()->isBusy(), kWaitMs);
    QSignalSpy lost(m_app->auth(), &AuthStateManager::staffAccessLost);
    QSignalSpy reread(m_app->auth()->profile(), &CustomerEditor::loaded);
    Q_EMIT m_app->api()->staffAccessDenied(); // As ApiClient does after a staff endpoint's 403.
    QVERIFY(reread.wait(kWaitMs));
    QCOMPARE(lost.count(), 0);
    QVERIFY(m_window->navigationBar()->isVisible());
    QCOMPARE(m_window->currentPage(), m_window->customersPage());
}

void TestStaffWindow::draftSurvivesExpiryAndSigningInAgain()
{
    const QString staff = newStaff(QStringLiteral("sw_draft"));
    const Customer ada =
        newCustomer(QStringLiteral("Drafty%1").arg(QCoreApplication::applicationPid()));
    QVERIFY(!staff.isEmpty() && ada.id > 0);
    startApp();
    signInByTyping(staff);
    CustomerEditPage *editor = openByName(ada.lastName);
    QVERIFY(editor);
    retype(editor->form()->input(QStringLiteral("first_name")), QStringLiteral("Drafted"));
    QCOMPARE(manage({QStringLiteral("delete_token"), staff}).trimmed(), QByteArray("deleted 1"));
    click(editor->saveButton());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), m_window->signInPage(), kWaitMs);
    QCOMPARE(m_window->signInPage()->banner()->text(),
             QStringLiteral("Your session has expired. Please sign in again."));
    // Nothing of the customer stays on screen while signed out.
    QVERIFY(editor->form()->input(QStringLiteral("first_name"))->text().isEmpty());

    signInByTyping(staff);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), editor, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(editor->form()->input(QStringLiteral("first_name"))->text(),
                              QStringLiteral("Drafted"), kWaitMs);
    QCOMPARE(
        editor->banner()->text(),
        QStringLiteral("You have unsaved changes from your last session. Review and save them."));
    QCOMPARE(serverField(ada.username, QStringLiteral("first_name")).toString(),
             QStringLiteral("Ada"));
    QSignalSpy saved(editor->editor(), &CustomerEditor::saved);
    click(editor->saveButton());
    QVERIFY(saved.wait(kWaitMs));
    QCOMPARE(serverField(ada.username, QStringLiteral("first_name")).toString(),
             QStringLiteral("Drafted"));
}

void TestStaffWindow::draftIsNotShownToAnotherStaffMember()
{
    const QString staff = newStaff(QStringLiteral("sw_dA"));
    const QString other = newStaff(QStringLiteral("sw_dB"));
    const Customer ada =
        newCustomer(QStringLiteral("Private%1").arg(QCoreApplication::applicationPid()));
    QVERIFY(!staff.isEmpty() && !other.isEmpty() && ada.id > 0);
    startApp();
    signInByTyping(staff);
    CustomerEditPage *editor = openByName(ada.lastName);
    QVERIFY(editor);
    retype(editor->form()->input(QStringLiteral("first_name")), QStringLiteral("Secret"));
    QCOMPARE(manage({QStringLiteral("delete_token"), staff}).trimmed(), QByteArray("deleted 1"));
    click(editor->saveButton());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), m_window->signInPage(), kWaitMs);

    signInByTyping(other);
    QCOMPARE(m_window->currentPage(), m_window->customersPage());
    QVERIFY(!m_app->auth()->hasDraft()); // Discarded unseen.
    QVERIFY(editor->form()->input(QStringLiteral("first_name"))->text().isEmpty());
    QVERIFY(m_window->customersPage()->searchEdit()->text().isEmpty()); // Not their search.
    QCOMPARE(m_window->customersPage()->model()->search(), QString());
    // Not even with Ctrl+Z: the search was reset, not an undoable edit.
    QLineEdit *search = m_window->customersPage()->searchEdit();
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY2(search->text().isEmpty(), qPrintable(search->text()));
}

void TestStaffWindow::signingOutKeepsTheSearchButNotItsTyping()
{
    // The same person signing in again finds their search; nothing typed before it (customers'
    // names) stays in the field's undo history once the session ended.
    const QString staff = newStaff(QStringLiteral("sw_undo"));
    QVERIFY(!staff.isEmpty());
    startApp();
    signInByTyping(staff);
    search(QStringLiteral("zz"));
    QLineEdit *field = m_window->customersPage()->searchEdit();
    QVERIFY(field->isUndoAvailable());
    m_window->signOutAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), m_window->signInPage(), kWaitMs);
    QCOMPARE(field->text(), QStringLiteral("zz"));
    QVERIFY(!field->isUndoAvailable());
    signInByTyping(staff);
    QCOMPARE(m_window->currentPage(), m_window->customersPage());
    QCOMPARE(field->text(), QStringLiteral("zz"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->customersPage()->model()->search(), QStringLiteral("zz"),
                              kWaitMs);
    field->setFocus();
    QTest::keyClick(field, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(field->text(), QStringLiteral("zz"));
}

void TestStaffWindow::ownProfileDraftBringsStaffBackToProfile()
{
    // A staff member's own profile edits, kept over an expired session, bring them back to My
    // profile (not the Customers page, with the draft hidden behind it).
    const QString staff = newStaff(QStringLiteral("sw_own"));
    QVERIFY(!staff.isEmpty());
    startApp();
    signInByTyping(staff);
    QCOMPARE(m_window->currentPage(), m_window->customersPage());
    QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
    ProfilePage *profile = m_window->profilePage();
    QCOMPARE(m_window->currentPage(), profile);
    click(profile->editButton());
    retype(profile->form()->input(QStringLiteral("first_name")), QStringLiteral("Mine"));
    QCOMPARE(manage({QStringLiteral("delete_token"), staff}).trimmed(), QByteArray("deleted 1"));
    click(profile->saveButton());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), m_window->signInPage(), kWaitMs);

    signInByTyping(staff);
    QCOMPARE(m_window->currentPage(), profile);
    QTRY_COMPARE_WITH_TIMEOUT(profile->form()->input(QStringLiteral("first_name"))->text(),
                              QStringLiteral("Mine"), kWaitMs);
    QVERIFY(profile->form()->isEditing());
}

QTEST_MAIN(TestStaffWindow)
#include "tst_staffwindow.moc"
