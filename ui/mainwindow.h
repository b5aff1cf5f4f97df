#pragma once

#include "appearance.h"
#include "authstatemanager.h"
#include "pagestack.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;

namespace portal {

class ApiClient;
class AccountActions;
class AccountManager;
class CustomerEditPage;
class CustomerListModel;
class CustomersPage;
class NavigationBar;
class Page;
class ProfilePage;
class RegisterPage;
class RestoringPage;
class ServerDialog;
class SessionStatus;
class SignInPage;

/**
 * The one window: a page per screen, chosen from AuthStateManager's state; the title is the
 * page's name and the app's name. Settings changes are forwarded as requests (the composition
 * root persists them). Support staff also get the Customers page and the customer editor, and a
 * navigation between Customers and My profile.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// @p api is handed to the staff pages' models; the window itself sends nothing.
    MainWindow(AuthStateManager *auth, ApiClient *api, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Each page is built the first time it is shown or asked for (these build it).
    SignInPage *signInPage() const { return m_pages->signIn(); }
    RegisterPage *registerPage() const { return m_pages->registration(); }
    ProfilePage *profilePage() const { return m_pages->profile(); }
    RestoringPage *restoringPage() const { return m_pages->restoring(); }
    CustomersPage *customersPage() const { return m_pages->customers(); }
    CustomerEditPage *customerEditPage() const { return m_pages->customerEdit(); }
    NavigationBar *navigationBar() const { return m_nav; }
    /// Change password, Delete account and Forgot password (Profile menu, Sign in).
    AccountActions *accountActions() const { return m_accountActions; }
    /// The page on screen; nullptr until the window was first shown or the state first changed.
    Page *currentPage() const;

    QLabel *serverStatusLabel() const;
    QLabel *connectionStatusLabel() const;
    QAction *signOutAction() const { return m_signOutAction; }
    QAction *serverAction() const { return m_serverAction; }
    /// The open Server address dialog, if any.
    ServerDialog *serverDialog() const;

    /// "Sign in — Customer Portal": the page's name, an em dash and the app's name.
    static QString titleFor(const QString &pageName);
    /// The app's name, translated: also the application's display name, which Qt appends to
    /// window titles that do not already end with it.
    static QString appName();

public Q_SLOTS:
    /// Does nothing while the server is locked.
    void openServerDialog();
    /// The app layer's word that an administrator set the server: Settings ▸ Server address… is
    /// disabled with a tooltip that says so, and no Server address dialog opens.
    void setServerLocked(bool locked);
    void showAbout();
    void setAppearanceMode(portal::Appearance::Mode mode);
    /// Signs out, asking first if any page has unsaved edits.
    void requestSignOut();

Q_SIGNALS:
    void serverChangeRequested(const QUrl &url, portal::AuthMode auth, portal::ApiFlavour api);
    void appearanceChangeRequested(portal::Appearance::Mode mode);
    /// Once, from the event loop right after the window's first frame was painted: what that frame
    /// did not need (the keychain probe) can load now without delaying it.
    void firstFramePainted();
    /// Once, from the event loop right after the first page other than Restoring was painted
    /// (with no stored session, the first frame's): the window icons load then, so that the SVG
    /// engine does not hold up a restored session's Profile. The window's own icon is set.
    void firstPagePainted();

protected:
    bool event(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    QAction *addAppearanceAction(QMenu *menu, const QString &text, Appearance::Mode mode);
    void showPage(Page *page);
    void onStateChanged(AuthStateManager::State state);
    void showRegister();
    void showSignIn();
    void showSignedIn();
    void showCustomers();
    void showMyProfile();
    void openCustomer(const portal::Customer &customer);
    void onStaffAccessLost();
    void updateNavigation();
    bool hasUnsavedChanges() const;
    /// Runs @p leave at once, or after the user agreed to drop the open editor's unsaved edits.
    void leaveEditor(const std::function<void()> &leave);

    AuthStateManager *m_auth;
    ApiClient *m_api;
    CustomerListModel *m_customerList;
    PageStack *m_pages;
    NavigationBar *m_nav;
    SessionStatus *m_status = nullptr;
    AccountManager *m_account = nullptr;
    AccountActions *m_accountActions = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_serverAction = nullptr;
    QActionGroup *m_appearanceGroup = nullptr;
    QPointer<ServerDialog> m_serverDialog;
    AuthStateManager::State m_lastState;
    /// Whose work the staff pages hold ("origin username"): someone else signing in starts afresh.
    QString m_staffOwner;
    bool m_wantsRegister = false;
    bool m_synced = false; ///< A page for the auth state was chosen (at first show or change).
    bool m_firstFramePainted = false;
    bool m_firstPagePainted = false;
    bool m_closeConfirmed = false;
    bool m_serverLocked = false;
};

} // namespace portal
