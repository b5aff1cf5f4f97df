#include "pagestack.h"

#include "authstatemanager.h"
#include "customereditpage.h"
#include "customerlistmodel.h"
#include "customerspage.h"
#include "logging.h"
#include "profilepage.h"
#include "registerpage.h"
#include "restoringpage.h"
#include "signinpage.h"

namespace portal {

PageStack::PageStack(AuthStateManager *auth, ApiClient *api, CustomerListModel *customers,
                     QWidget *parent)
    : QStackedWidget(parent)
    , m_auth(auth)
{
    setObjectName(QStringLiteral("pages"));
    m_restoring.setFactory([this]() { return add(new RestoringPage(m_auth, this)); });
    m_signIn.setFactory([this]() {
        auto *page = add(new SignInPage(m_auth, this));
        page->setServerConfigured(!m_auth->server().isEmpty());
        connect(page, &SignInPage::createAccountRequested, this,
                &PageStack::createAccountRequested);
        Q_EMIT signInBuilt(page);
        return page;
    });
    m_register.setFactory([this]() {
        auto *page = add(new RegisterPage(m_auth, this));
        connect(page, &RegisterPage::backRequested, this, &PageStack::backToSignInRequested);
        return page;
    });
    m_profile.setFactory([this]() { return add(new ProfilePage(m_auth, this)); });
    m_customers.setFactory([this, customers]() {
        auto *page = add(new CustomersPage(customers, this));
        connect(page, &CustomersPage::openRequested, this, &PageStack::openCustomerRequested);
        return page;
    });
    m_customerEdit.setFactory([this, api, customers]() {
        auto *page = add(new CustomerEditPage(m_auth, api, this));
        connect(page, &CustomerEditPage::backRequested, this, &PageStack::backToCustomersRequested);
        connect(page, &CustomerEditPage::customerSaved, customers,
                &CustomerListModel::updateCustomer);
        return page;
    });
}

template<typename P>
P *PageStack::add(P *page)
{
    qCDebug(lcUi) << "built" << page->objectName();
    addWidget(page);
    return page;
}

Page *PageStack::current() const
{
    return qobject_cast<Page *>(currentWidget());
}

bool PageStack::isCurrent(const Page *page) const
{
    return page && currentWidget() == page;
}

void PageStack::showPage(Page *page)
{
    // Its own record, not currentWidget(): the first page added to the stack is current at once,
    // before it is shown. (packaging/linux/check-packages.sh waits for this line.)
    if (m_shown != page)
        qCDebug(lcUi) << "page" << page->objectName();
    m_shown = page;
    setCurrentWidget(page);
}

} // namespace portal
