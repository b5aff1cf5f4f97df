#pragma once

#include "lazy.h"

#include <QStackedWidget>

namespace portal {

class ApiClient;
class AuthStateManager;
class Customer;
class CustomerEditPage;
class CustomerListModel;
class CustomersPage;
class Page;
class ProfilePage;
class RegisterPage;
class RestoringPage;
class SignInPage;

/**
 * The window's pages in one stack. Each page is built the first time it is shown or asked for, so
 * start-up builds only what the first frame shows (Sign in, or Restoring while a stored session
 * is read), and is then kept with whatever was typed into it. The pages' wishes to go elsewhere
 * come out as signals; the window decides where to go.
 */
class PageStack final : public QStackedWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageStack)

public:
    /// @p customers is the staff list's model (not owned); @p api goes to the customer editor.
    PageStack(AuthStateManager *auth, ApiClient *api, CustomerListModel *customers,
              QWidget *parent = nullptr);

    // Each builds its page if it was not built yet.
    SignInPage *signIn() { return m_signIn.get(); }
    RegisterPage *registration() { return m_register.get(); }
    ProfilePage *profile() { return m_profile.get(); }
    RestoringPage *restoring() { return m_restoring.get(); }
    CustomersPage *customers() { return m_customers.get(); }
    CustomerEditPage *customerEdit() { return m_customerEdit.get(); }

    // The page if it was built, else nullptr: a page never built holds no input and no draft.
    SignInPage *builtSignIn() const { return m_signIn.ifBuilt(); }
    ProfilePage *builtProfile() const { return m_profile.ifBuilt(); }
    CustomersPage *builtCustomers() const { return m_customers.ifBuilt(); }
    CustomerEditPage *builtCustomerEdit() const { return m_customerEdit.ifBuilt(); }

    /// The page on screen; nullptr before the first one was shown.
    Page *current() const;
    /// True when @p page was built and is on screen.
    bool isCurrent(const Page *page) const;
    void showPage(Page *page);

Q_SIGNALS:
    /// Sign in was just built: whatever else it serves can wire itself to it.
    void signInBuilt(portal::SignInPage *page);
    void createAccountRequested();
    void backToSignInRequested();
    void openCustomerRequested(const portal::Customer &customer);
    void backToCustomersRequested();

private:
    template<typename P>
    P *add(P *page);

    AuthStateManager *m_auth;
    Page *m_shown = nullptr; ///< The page showPage() last showed.
    Lazy<SignInPage> m_signIn;
    Lazy<RegisterPage> m_register;
    Lazy<ProfilePage> m_profile;
    Lazy<RestoringPage> m_restoring;
    Lazy<CustomersPage> m_customers;
    Lazy<CustomerEditPage> m_customerEdit;
};

} // namespace portal
