#include "mainwindow.h"

#include "accountactions.h"
#include "accountmanager.h"
#include "apiclient.h"
#include "confirmdiscard.h"
#include "customereditpage.h"
#include "customerform.h"
#include "customerlistmodel.h"
#include "customerspage.h"
#include "icons.h"
#include "logging.h"
#include "messagebanner.h"
#include "navigationbar.h"
#include "profilepage.h"
#include "registerpage.h"
#include "restoringpage.h"
#include "serverdialog.h"
#include "serverurl.h"
#include "signinpage.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace portal {

using State = AuthStateManager::State;

namespace {
constexpr int kConnectedMessageMs = 5000; // How long "Connected" stays after the server is back.
constexpr int kNoteMs = 10000;            // How long a note (a feature the server lacks) stays.
} // namespace

MainWindow::MainWindow(AuthStateManager *auth, ApiClient *api, QWidget *parent)
    : QMainWindow(parent)
    , m_auth(auth)
    , m_api(api)
    , m_pages(new QStackedWidget(this))
    , m_signIn(new SignInPage(auth, m_pages))
    , m_register(new RegisterPage(auth, m_pages))
    , m_profile(new ProfilePage(auth, m_pages))
    , m_restoring(new RestoringPage(auth, m_pages))
    , m_customerList(new CustomerListModel(api, this))
    , m_customers(new CustomersPage(m_customerList, m_pages))
    , m_customerEdit(new CustomerEditPage(auth, api, m_pages))
    , m_nav(new NavigationBar(this))
    , m_serverStatus(new QLabel(this))
    , m_connectionStatus(new QLabel(this))
    , m_lastState(State::Restoring)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(icon(Icon::App));
    const QList<Page *> pages{m_restoring, m_signIn,    m_register,
                              m_profile,   m_customers, m_customerEdit};
    for (Page *page : pages)
        m_pages->addWidget(page);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_nav);
    centralLayout->addWidget(m_pages, 1);
    setCentralWidget(central);
    m_account = new AccountManager(api, auth, this);
    m_accountActions = new AccountActions(m_account, auth, m_signIn, this);
    connect(m_accountActions, &AccountActions::passwordChanged, this,
            [this](const QString &message) { m_profile->banner()->showSuccess(message); });
    connect(m_accountActions, &AccountActions::note, this,
            [this](const QString &text) { statusBar()->showMessage(text, kNoteMs); });
    buildMenus();
    buildStatusBar();
    resize(720, 680);

    connect(m_signIn, &SignInPage::createAccountRequested, this, &MainWindow::showRegister);
    connect(m_register, &RegisterPage::backRequested, this, &MainWindow::showSignIn);
    connect(auth, &AuthStateManager::stateChanged, this, &MainWindow::onStateChanged);
    connect(auth, &AuthStateManager::userChanged, this, &MainWindow::updateStatus);
    connect(auth, &AuthStateManager::userChanged, this, &MainWindow::updateNavigation);
    connect(auth, &AuthStateManager::staffAccessLost, this, &MainWindow::onStaffAccessLost);
    connect(m_nav, &NavigationBar::placeRequested, this, [this](NavigationBar::Place place) {
        // The tab shows where the user is until the page changes (leaving an editor may ask).
        m_nav->setCurrent(currentPage() == m_profile ? NavigationBar::Place::MyProfile
                                                     : NavigationBar::Place::Customers);
        if (place == NavigationBar::Place::Customers)
            showCustomers();
        else
            showMyProfile();
    });
    connect(m_customers, &CustomersPage::openRequested, this, &MainWindow::openCustomer);
    connect(m_customerEdit, &CustomerEditPage::backRequested, this, &MainWindow::showCustomers);
    connect(m_customerEdit, &CustomerEditPage::customerSaved, m_customerList,
            &CustomerListModel::updateCustomer);
    connect(auth, &AuthStateManager::serverUnreachableChanged, this, &MainWindow::updateStatus);
    connect(api, &ApiClient::serverReachableChanged, this, [this](bool reachable) {
        // The way back is said for a moment; the state of the session stays beside it.
        if (reachable)
            statusBar()->showMessage(tr("Connected"), kConnectedMessageMs);
        else
            statusBar()->clearMessage();
        updateStatus();
    });
    connect(auth, &AuthStateManager::serverChanged, this, [this](const QUrl &url) {
        m_signIn->setServerConfigured(!url.isEmpty());
        m_signIn->prefillUsername(m_auth->lastUsername());
        updateStatus();
    });
    onStateChanged(auth->state());
    m_signIn->setServerConfigured(!auth->server().isEmpty());
}

MainWindow::~MainWindow() = default;

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_pages->currentWidget());
}

ServerDialog *MainWindow::serverDialog() const
{
    return m_serverDialog;
}

QString MainWindow::titleFor(const QString &pageName)
{
    return tr("%1 — %2").arg(pageName, appName());
}

QString MainWindow::appName()
{
    return tr("Customer Portal");
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_signOutAction = file->addAction(icon(Icon::SignOut), tr("Sign &out"));
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::requestSignOut);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_nav->customersAction());
    view->addAction(m_nav->profileAction());

    QMenu *profile = menuBar()->addMenu(tr("&Profile"));
    profile->setObjectName(QStringLiteral("profileMenu"));
    m_accountActions->addTo(profile);

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->setToolTipsVisible(true); // Why Server address… may be disabled.
    m_serverAction = settings->addAction(icon(Icon::Server), tr("&Server address…"));
    m_serverAction->setObjectName(QStringLiteral("serverAction"));
    connect(m_serverAction, &QAction::triggered, this, &MainWindow::openServerDialog);
    QMenu *appearance = settings->addMenu(tr("&Appearance"));
    m_appearanceGroup = new QActionGroup(this);
    addAppearanceAction(appearance, tr("S&ystem"), Appearance::Mode::System)->setChecked(true);
    addAppearanceAction(appearance, tr("&Light"), Appearance::Mode::Light);
    addAppearanceAction(appearance, tr("&Dark"), Appearance::Mode::Dark);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(icon(Icon::App), tr("&About Customer Portal"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

QAction *MainWindow::addAppearanceAction(QMenu *menu, const QString &text, Appearance::Mode mode)
{
    QAction *action = menu->addAction(text);
    action->setCheckable(true);
    action->setData(QVariant::fromValue(mode));
    m_appearanceGroup->addAction(action);
    connect(action, &QAction::triggered, this,
            [this, mode]() { Q_EMIT appearanceChangeRequested(mode); });
    return action;
}

void MainWindow::buildStatusBar()
{
    m_serverStatus->setObjectName(QStringLiteral("serverStatus"));
    m_connectionStatus->setObjectName(QStringLiteral("connectionStatus"));
    m_serverStatus->setTextFormat(Qt::PlainText);
    m_connectionStatus->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_serverStatus, 1);
    statusBar()->addPermanentWidget(m_connectionStatus);
    updateStatus();
}

void MainWindow::setAppearanceMode(Appearance::Mode mode)
{
    for (QAction *action : m_appearanceGroup->actions()) {
        if (action->data().value<Appearance::Mode>() == mode)
            action->setChecked(true);
    }
}

void MainWindow::setServerLocked(bool locked)
{
    m_serverLocked = locked;
    m_serverAction->setEnabled(!locked);
    m_serverAction->setToolTip(locked ? tr("Your administrator set the server address.")
                                      : QString());
    if (locked && m_serverDialog)
        m_serverDialog->reject();
}

void MainWindow::openServerDialog()
{
    if (m_serverLocked)
        return;
    if (m_serverDialog && m_serverDialog->isVisible()) {
        m_serverDialog->raise();
        m_serverDialog->activateWindow();
        return;
    }
    m_serverDialog =
        new ServerDialog(m_auth->server(), m_auth->authMode(), m_api->endpoints().flavour, this);
    connect(m_serverDialog, &ServerDialog::serverChosen, this,
            [this](const QUrl &url, AuthMode auth, ApiFlavour api) {
                if (url == m_auth->server() && auth == m_auth->authMode() &&
                    api == m_api->endpoints().flavour)
                    return;
                if (hasUnsavedChanges())
                    confirmDiscard(this, tr("Discard your unsaved changes and change the server?"),
                                   tr("Discard and change server"), [this, url, auth, api]() {
                                       Q_EMIT serverChangeRequested(url, auth, api);
                                   });
                else
                    Q_EMIT serverChangeRequested(url, auth, api);
            });
    m_serverDialog->open();
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About Customer Portal"));
    box->setIconPixmap(icon(Icon::App).pixmap(QSize(64, 64), devicePixelRatioF()));
    box->setTextFormat(Qt::PlainText);
    box->setText(tr("Customer Portal %1").arg(QStringLiteral(PORTAL_VERSION)));
    box->setInformativeText(
        tr("A desktop client for your customer account.\n\nQt version %1 (built with %2).\n"
           "Licence: MIT License.")
            .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)));
    box->setStandardButtons(QMessageBox::Close);
    box->button(QMessageBox::Close)->setIcon(icon(Icon::Cancel)); // SVG, like every other icon
    box->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Edits kept as a draft after an expired session live in memory only: quitting loses them.
    const bool wouldLose = hasUnsavedChanges() || m_auth->hasDraft();
    if (m_closeConfirmed || !wouldLose) {
        event->accept();
        return;
    }
    event->ignore();
    confirmDiscard(this, tr("Discard your unsaved changes and quit?"), tr("Discard and quit"),
                   [this]() {
                       m_closeConfirmed = true;
                       close();
                   });
}

void MainWindow::showPage(Page *page)
{
    if (m_pages->currentWidget() != page)
        qCDebug(lcUi) << "page" << page->objectName();
    m_pages->setCurrentWidget(page);
    setWindowTitle(titleFor(page->pageName()));
    m_nav->setCurrent(page == m_profile ? NavigationBar::Place::MyProfile
                                        : NavigationBar::Place::Customers);
}

void MainWindow::onStateChanged(State state)
{
    switch (state) {
    case State::Restoring:
        showPage(m_restoring);
        break;
    case State::SignedOut:
        // A failed attempt stays on its page with its error; any other arrival starts afresh.
        if (m_lastState != State::SigningIn) {
            m_wantsRegister = false;
            m_signIn->showSignedOut(m_auth->signOutReason(), m_auth->lastUsername());
        }
        if (m_wantsRegister)
            showPage(m_register);
        else
            showPage(m_signIn);
        break;
    case State::SigningIn:
        break;
    case State::SignedIn:
        m_wantsRegister = false;
        showSignedIn();
        break;
    case State::SigningOut:
        break;
    }
    if (state != State::SignedIn)
        m_customerList->clear();
    m_lastState = state;
    m_signOutAction->setEnabled(state == State::SignedIn);
    updateNavigation();
    updateStatus();
}

void MainWindow::updateStatus()
{
    const QUrl server = m_auth->server();
    m_serverStatus->setText(server.isEmpty() ? tr("No server configured")
                                             : tr("Server: %1").arg(originOf(server)));
    QString text;
    switch (m_auth->state()) {
    case State::Restoring:
        text = m_auth->isServerUnreachable() ? tr("Server unreachable") : tr("Connecting…");
        break;
    case State::SignedOut:
        text = tr("Signed out");
        break;
    case State::SigningIn:
        text = tr("Signing in…");
        break;
    case State::SignedIn:
        text = tr("Signed in as %1").arg(m_auth->username());
        break;
    case State::SigningOut:
        text = tr("Signing out…");
        break;
    }
    // A session (or a sign-in) that lost the server says so until the server answers again.
    const bool settled = m_auth->state() == State::SignedIn || m_auth->state() == State::SignedOut;
    if (settled && !m_api->isServerReachable())
        text = tr("Can't reach the server");
    m_connectionStatus->setText(text);
}

void MainWindow::showRegister()
{
    m_wantsRegister = true;
    // What was typed on the form survives a trip back to Sign in; success resets it.
    showPage(m_register);
    m_register->input(QStringLiteral("username"))->setFocus();
}

void MainWindow::showSignIn()
{
    m_wantsRegister = false;
    showPage(m_signIn);
    m_signIn->usernameEdit()->setFocus();
}

} // namespace portal

namespace portal {

void MainWindow::showSignedIn()
{
    const QString owner = originOf(m_auth->server()) + QLatin1Char(' ') + m_auth->username();
    if (owner != m_staffOwner)
        m_customers->reset(); // Another user's search is not theirs to see.
    m_staffOwner = owner;
    // Where the work was when the session ended comes first: a staff editor's draft, then the
    // profile's; otherwise staff land on Customers and customers on their profile.
    if (m_auth->isStaff() && m_customerEdit->restoreDraft()) {
        showPage(m_customerEdit);
        return;
    }
    if (m_auth->isStaff() && !m_profile->form()->isEditing()) {
        showCustomers();
        return;
    }
    showPage(m_profile);
    // Keyboard and screen reader users start at the top of what they came for.
    m_profile->form()->firstInput()->setFocus();
}

void MainWindow::showCustomers()
{
    if (!m_auth->isStaff() || m_auth->state() != State::SignedIn)
        return;
    leaveEditor([this]() {
        const bool fromEditor = currentPage() == m_customerEdit;
        showPage(m_customers);
        m_customers->activate();
        if (!fromEditor || !m_customers->table()->currentIndex().isValid())
            m_customers->searchEdit()->setFocus(Qt::OtherFocusReason);
        else
            m_customers->table()->setFocus(Qt::OtherFocusReason);
    });
}

void MainWindow::showMyProfile()
{
    if (m_auth->state() != State::SignedIn)
        return;
    leaveEditor([this]() {
        showPage(m_profile);
        m_profile->form()->firstInput()->setFocus(Qt::OtherFocusReason);
    });
}

void MainWindow::openCustomer(const Customer &customer)
{
    showPage(m_customerEdit);
    m_customerEdit->openCustomer(customer); // Focuses the first field once the record is in.
}

void MainWindow::leaveEditor(const std::function<void()> &leave)
{
    if (currentPage() != m_customerEdit || !m_customerEdit->hasUnsavedChanges()) {
        leave();
        return;
    }
    confirmDiscard(this, tr("Discard your unsaved changes to this customer?"),
                   tr("Discard and leave"), [this, leave]() {
                       m_customerEdit->cancelEditing();
                       leave();
                   });
}

void MainWindow::onStaffAccessLost()
{
    // What was typed for a customer is kept, as on an expired session, in case access returns.
    m_customerEdit->suspend(true);
    m_customerList->clear();
    const bool onStaffPage = currentPage() == m_customers || currentPage() == m_customerEdit;
    updateNavigation();
    if (onStaffPage)
        showPage(m_profile);
    m_profile->banner()->showError(tr("Your account no longer has support staff access."));
}

void MainWindow::updateNavigation()
{
    m_nav->setAvailable(m_auth->state() == State::SignedIn && m_auth->isStaff());
}

bool MainWindow::hasUnsavedChanges() const
{
    return m_profile->hasUnsavedChanges() || m_customerEdit->hasUnsavedChanges();
}

void MainWindow::requestSignOut()
{
    if (m_auth->state() != State::SignedIn)
        return;
    if (hasUnsavedChanges())
        confirmDiscard(this, tr("Discard your unsaved changes and sign out?"),
                       tr("Discard and sign out"), [this]() { m_auth->signOut(); });
    else
        m_auth->signOut();
}

} // namespace portal
