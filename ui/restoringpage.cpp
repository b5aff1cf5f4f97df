#include "restoringpage.h"

#include "authstatemanager.h"
#include "busyindicator.h"
#include "icons.h"
#include "messagebanner.h"
#include "serverurl.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace portal {

RestoringPage::RestoringPage(AuthStateManager *auth, QWidget *parent)
    : Page(tr("Restoring session"), parent, tr("Restoring session…"))
    , m_auth(auth)
    , m_busy(new BusyIndicator)
    , m_status(new QLabel)
    , m_retry(new QPushButton(icon(Icon::Refresh), tr("Retry")))
    , m_signInInstead(new QPushButton(tr("Sign in instead")))
{
    setObjectName(QStringLiteral("restoringPage"));
    m_status->setObjectName(QStringLiteral("restoringStatus"));
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_signInInstead->setObjectName(QStringLiteral("signInInsteadButton"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_retry->setDefault(true);
    m_signInInstead->setFlat(true);
    m_signInInstead->setAutoDefault(true);
    // Escape cancels the wait, as on a dialog; the saved sign-in stays for the next start.
    m_signInInstead->setShortcut(QKeySequence(Qt::Key_Escape));
    m_signInInstead->setToolTip(
        tr("Sign in without waiting for the server (%1)")
            .arg(m_signInInstead->shortcut().toString(QKeySequence::NativeText)));

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_status, 1);
    cardLayout()->addLayout(statusRow);
    QHBoxLayout *buttons = addButtonRow();
    buttons->addWidget(m_retry);
    buttons->addStretch(1);
    buttons->addWidget(m_signInInstead);
    setTabOrder(m_retry, m_signInInstead);

    connect(m_retry, &QPushButton::clicked, auth, &AuthStateManager::retryRestore);
    connect(m_signInInstead, &QPushButton::clicked, auth, &AuthStateManager::cancelRestore);
    connect(auth, &AuthStateManager::serverUnreachableChanged, this, &RestoringPage::refresh);
    connect(auth, &AuthStateManager::stateChanged, this, &RestoringPage::refresh);
    connect(auth, &AuthStateManager::lastErrorChanged, this, &RestoringPage::refresh);
    refresh();
}

void RestoringPage::refresh()
{
    const bool unreachable = m_auth->isServerUnreachable();
    const bool offerRetry = unreachable && !m_retry->isVisibleTo(this);
    m_busy->setRunning(!unreachable);
    m_retry->setVisible(unreachable);
    m_signInInstead->setVisible(unreachable);
    // Nothing on the page had the focus while checking: Enter or Space now retries.
    if (offerRetry && isVisible())
        m_retry->setFocus(Qt::OtherFocusReason);
    if (unreachable) {
        banner()->showError(m_auth->lastErrorMessage());
        m_status->setText(tr("Your saved sign-in is kept. Try again when the server is back, or "
                             "sign in again."));
    } else {
        banner()->clear();
        m_status->setText(
            tr("Checking your saved sign-in with %1…").arg(originOf(m_auth->server())));
    }
}

} // namespace portal
