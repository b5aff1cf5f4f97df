#include "mainwindow.h"

#include "confirmdiscard.h"
#include "customerform.h"
#include "icons.h"
#include "logging.h"
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

namespace portal {

using State = AuthStateManager::State;

MainWindow::MainWindow(AuthStateManager *auth, QWidget *parent)
    : QMainWindow(parent)
    , m_auth(auth)
    , m_pages(new QStackedWidget(this))
    , m_signIn(new SignInPage(auth, m_pages))
    , m_register(new RegisterPage(auth, m_pages))
    , m_profile(new ProfilePage(auth, m_pages))
    , m_restoring(new RestoringPage(auth, m_pages))
    , m_serverStatus(new QLabel(this))
    , m_connectionStatus(new QLabel(this))
    , m_lastState(State::Restoring)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(icon(Icon::App));
    const QList<Page *> pages{m_restoring, m_signIn, m_register, m_profile};
    for (Page *page : pages)
        m_pages->addWidget(page);
    setCentralWidget(m_pages);
    buildMenus();
    buildStatusBar();
    resize(720, 680);

    connect(m_signIn, &SignInPage::createAccountRequested, this, &MainWindow::showRegister);
    connect(m_register, &RegisterPage::backRequested, this, &MainWindow::showSignIn);
    connect(auth, &AuthStateManager::stateChanged, this, &MainWindow::onStateChanged);
    connect(auth, &AuthStateManager::userChanged, this, &MainWindow::updateStatus);
    connect(auth, &AuthStateManager::serverUnreachableChanged, this, &MainWindow::updateStatus);
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
    connect(m_signOutAction, &QAction::triggered, m_profile, &ProfilePage::requestSignOut);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
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

void MainWindow::openServerDialog()
{
    if (m_serverDialog && m_serverDialog->isVisible()) {
        m_serverDialog->raise();
        m_serverDialog->activateWindow();
        return;
    }
    m_serverDialog = new ServerDialog(m_auth->server(), this);
    connect(m_serverDialog, &ServerDialog::serverChosen, this, [this](const QUrl &url) {
        if (url == m_auth->server())
            return;
        if (m_profile->hasUnsavedChanges())
            confirmDiscard(this, tr("Discard your unsaved changes and change the server?"),
                           tr("Discard and change server"),
                           [this, url]() { Q_EMIT serverChangeRequested(url); });
        else
            Q_EMIT serverChangeRequested(url);
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
    const bool wouldLose = m_profile->hasUnsavedChanges() || m_profile->holdsDraft();
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
        showPage(m_profile);
        // Keyboard and screen reader users start at the top of what they came for.
        m_profile->form()->firstInput()->setFocus();
        break;
    case State::SigningOut:
        break;
    }
    m_lastState = state;
    m_signOutAction->setEnabled(state == State::SignedIn);
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
