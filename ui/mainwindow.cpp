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
#include "messagebanner.h"
#include "navigationbar.h"
#include "profilepage.h"
#include "registerpage.h"
#include "restoringpage.h"
#include "serverdialog.h"
#include "serverurl.h"
#include "sessionstatus.h"
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
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace portal {

using State = AuthStateManager::State;

namespace {
constexpr int kNoteMs = 10000; // How long a note (a feature the server lacks) stays.
} // namespace

MainWindow::MainWindow(AuthStateManager *auth, ApiClient *api, QWidget *parent)
    : QMainWindow(parent)
    , m_auth(auth)
    , m_api(api)
    , m_customerList(new CustomerListModel(api, this))
    , m_pages(new PageStack(auth, api, m_customerList, this))
    , m_nav(new NavigationBar(this))
    , m_lastState(State::Restoring)
{
    setObjectName(QStringLiteral("mainWindow"));
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_nav);
    centralLayout->addWidget(m_pages, 1);
    setCentralWidget(central);
    m_account = new AccountManager(api, auth, this);
    m_accountActions = new AccountActions(m_account, auth, this);
    connect(m_accountActions, &AccountActions::passwordChanged, this,
            [this](const QString &message) { profilePage()->banner()->showSuccess(message); });
    connect(m_accountActions, &AccountActions::note, this,
            [this](const QString &text) { statusBar()->showMessage(text, kNoteMs); });
    connect(m_pages, &PageStack::signInBuilt, m_accountActions, &AccountActions::attachSignInPage);
    connect(m_pages, &PageStack::createAccountRequested, this, &MainWindow::showRegister);
    connect(m_pages, &PageStack::backToSignInRequested, this, &MainWindow::showSignIn);
    connect(m_pages, &PageStack::openCustomerRequested, this, &MainWindow::openCustomer);
    connect(m_pages, &PageStack::backToCustomersRequested, this, &MainWindow::showCustomers);
    buildMenus();
    m_status = new SessionStatus(auth, api, statusBar());
    resize(720, 680);

    connect(auth, &AuthStateManager::stateChanged, this, &MainWindow::onStateChanged);
    connect(auth, &AuthStateManager::userChanged, this, &MainWindow::updateNavigation);
    connect(auth, &AuthStateManager::staffAccessLost, this, &MainWindow::onStaffAccessLost);
    connect(m_nav, &NavigationBar::placeRequested, this, [this](NavigationBar::Place place) {
        // The tab shows where the user is until the page changes (leaving an editor may ask).
        m_nav->setCurrent(m_pages->isCurrent(m_pages->builtProfile())
                              ? NavigationBar::Place::MyProfile
                              : NavigationBar::Place::Customers);
        if (place == NavigationBar::Place::Customers)
            showCustomers();
        else
            showMyProfile();
    });
    connect(auth, &AuthStateManager::serverChanged, this, [this](const QUrl &url) {
        if (SignInPage *signIn = m_pages->builtSignIn()) {
            signIn->setServerConfigured(!url.isEmpty());
            signIn->prefillUsername(m_auth->lastUsername());
        }
    });
    // The page for the state is chosen when the window is first shown (or the state changes
    // before that): a window that starts by restoring a session never builds Sign in.
    m_signOutAction->setEnabled(false);
    updateNavigation();
}

bool MainWindow::event(QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_firstPagePainted) {
        const bool firstFrame = !m_firstFramePainted;
        // Restoring stands in while a stored session is read; the page after it is the first
        // page proper, and nothing may hold that one up.
        const bool firstPage = !qobject_cast<RestoringPage *>(m_pages->current());
        m_firstFramePainted = true;
        m_firstPagePainted = firstPage;
        // From the event loop, so the frame this paint starts is finished and on screen first.
        QTimer::singleShot(0, this, [this, firstFrame, firstPage]() {
            if (firstFrame)
                Q_EMIT firstFramePainted();
            if (firstPage) {
                setWindowIcon(icon(Icon::App)); // SVG: loaded for the title bar, after the frame
                Q_EMIT firstPagePainted();
            }
        });
    }
    return QMainWindow::event(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    if (!m_synced)
        onStateChanged(m_auth->state());
    QMainWindow::showEvent(event);
}

MainWindow::~MainWindow() = default;

Page *MainWindow::currentPage() const
{
    return m_pages->current();
}

QLabel *MainWindow::serverStatusLabel() const
{
    return m_status->serverLabel();
}

QLabel *MainWindow::connectionStatusLabel() const
{
    return m_status->connectionLabel();
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
    m_pages->showPage(page);
    setWindowTitle(titleFor(page->pageName()));
    m_nav->setCurrent(page == m_pages->builtProfile() ? NavigationBar::Place::MyProfile
                                                      : NavigationBar::Place::Customers);
}

void MainWindow::onStateChanged(State state)
{
    // SigningIn and SigningOut choose no page: a window not shown yet still needs one.
    m_synced = m_synced || (state != State::SigningIn && state != State::SigningOut);
    switch (state) {
    case State::Restoring:
        showPage(restoringPage());
        break;
    case State::SignedOut:
        // A failed attempt stays on its page with its error; any other arrival starts afresh.
        if (m_lastState != State::SigningIn) {
            m_wantsRegister = false;
            signInPage()->showSignedOut(m_auth->signOutReason(), m_auth->lastUsername());
        }
        if (m_wantsRegister)
            showPage(registerPage());
        else
            showPage(signInPage());
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
    if (state == State::SignedOut) {
        if (CustomersPage *customers = m_pages->builtCustomers())
            customers->forgetTyping();
    }
    m_lastState = state;
    m_signOutAction->setEnabled(state == State::SignedIn);
    updateNavigation();
}

void MainWindow::showRegister()
{
    m_wantsRegister = true;
    // What was typed on the form survives a trip back to Sign in; success resets it.
    showPage(registerPage());
    registerPage()->input(QStringLiteral("username"))->setFocus();
}

void MainWindow::showSignIn()
{
    m_wantsRegister = false;
    showPage(signInPage());
    signInPage()->usernameEdit()->setFocus();
}

} // namespace portal

namespace portal {

void MainWindow::showSignedIn()
{
    const QString owner = originOf(m_auth->server()) + QLatin1Char(' ') + m_auth->username();
    CustomersPage *customers = m_pages->builtCustomers();
    if (customers && owner != m_staffOwner)
        customers->reset(); // Another user's search is not theirs to see.
    m_staffOwner = owner;
    // Where the work was when the session ended comes first: a staff editor's draft, then the
    // profile's; otherwise staff land on Customers and customers on their profile. (A page
    // never built holds no draft and no edit.)
    CustomerEditPage *editor = m_pages->builtCustomerEdit();
    if (m_auth->isStaff() && editor && editor->restoreDraft()) {
        showPage(editor);
        return;
    }
    // Asked of the session, not the page: the page may take its draft only after this runs.
    const ProfilePage *profile = m_pages->builtProfile();
    const bool profileWork =
        m_auth->hasDraft(m_auth->user().id) || (profile && profile->form()->isEditing());
    if (m_auth->isStaff() && !profileWork) {
        showCustomers();
        return;
    }
    showPage(profilePage());
    // Keyboard and screen reader users start at the top of what they came for.
    profilePage()->form()->firstInput()->setFocus();
}

void MainWindow::showCustomers()
{
    if (!m_auth->isStaff() || m_auth->state() != State::SignedIn)
        return;
    leaveEditor([this]() {
        const bool fromEditor = m_pages->isCurrent(m_pages->builtCustomerEdit());
        CustomersPage *customers = customersPage();
        showPage(customers);
        customers->activate();
        if (!fromEditor || !customers->table()->currentIndex().isValid())
            customers->searchEdit()->setFocus(Qt::OtherFocusReason);
        else
            customers->table()->setFocus(Qt::OtherFocusReason);
    });
}

void MainWindow::showMyProfile()
{
    if (m_auth->state() != State::SignedIn)
        return;
    leaveEditor([this]() {
        showPage(profilePage());
        profilePage()->form()->firstInput()->setFocus(Qt::OtherFocusReason);
    });
}

void MainWindow::openCustomer(const Customer &customer)
{
    showPage(customerEditPage());
    customerEditPage()->openCustomer(customer); // Focuses the first field once the record is in.
}

void MainWindow::leaveEditor(const std::function<void()> &leave)
{
    CustomerEditPage *editor = m_pages->builtCustomerEdit();
    if (!m_pages->isCurrent(editor) || !editor->hasUnsavedChanges()) {
        leave();
        return;
    }
    confirmDiscard(this, tr("Discard your unsaved changes to this customer?"),
                   tr("Discard and leave"), [editor, leave]() {
                       editor->cancelEditing();
                       leave();
                   });
}

void MainWindow::onStaffAccessLost()
{
    // What was typed for a customer is kept, as on an expired session, in case access returns.
    if (CustomerEditPage *editor = m_pages->builtCustomerEdit())
        editor->suspend(true);
    m_customerList->clear();
    const bool onStaffPage = m_pages->isCurrent(m_pages->builtCustomers()) ||
                             m_pages->isCurrent(m_pages->builtCustomerEdit());
    updateNavigation();
    if (onStaffPage)
        showPage(profilePage());
    profilePage()->banner()->showError(tr("Your account no longer has support staff access."));
}

void MainWindow::updateNavigation()
{
    m_nav->setAvailable(m_auth->state() == State::SignedIn && m_auth->isStaff());
}

bool MainWindow::hasUnsavedChanges() const
{
    const ProfilePage *profile = m_pages->builtProfile();
    const CustomerEditPage *editor = m_pages->builtCustomerEdit();
    return (profile && profile->hasUnsavedChanges()) || (editor && editor->hasUnsavedChanges());
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
