#include "sessionstatus.h"

#include "apiclient.h"
#include "authstatemanager.h"
#include "serverurl.h"

#include <QLabel>
#include <QStatusBar>

namespace portal {

namespace {
constexpr int kConnectedMessageMs = 5000; // How long "Connected" stays after the server is back.
} // namespace

using State = AuthStateManager::State;

SessionStatus::SessionStatus(AuthStateManager *auth, ApiClient *api, QStatusBar *bar)
    : QObject(bar)
    , m_auth(auth)
    , m_api(api)
    , m_bar(bar)
    , m_server(new QLabel(bar))
    , m_connection(new QLabel(bar))
{
    m_server->setObjectName(QStringLiteral("serverStatus"));
    m_connection->setObjectName(QStringLiteral("connectionStatus"));
    m_server->setTextFormat(Qt::PlainText);
    m_connection->setTextFormat(Qt::PlainText);
    bar->addWidget(m_server, 1);
    bar->addPermanentWidget(m_connection);

    connect(auth, &AuthStateManager::stateChanged, this, &SessionStatus::update);
    connect(auth, &AuthStateManager::userChanged, this, &SessionStatus::update);
    connect(auth, &AuthStateManager::serverUnreachableChanged, this, &SessionStatus::update);
    connect(auth, &AuthStateManager::serverChanged, this, &SessionStatus::update);
    connect(api, &ApiClient::serverReachableChanged, this, [this](bool reachable) {
        // The way back is said for a moment; the state of the session stays beside it.
        if (reachable)
            m_bar->showMessage(tr("Connected"), kConnectedMessageMs);
        else
            m_bar->clearMessage();
        update();
    });
    update();
}

void SessionStatus::update()
{
    const QUrl server = m_auth->server();
    m_server->setText(server.isEmpty() ? tr("No server configured")
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
    m_connection->setText(text);
}

} // namespace portal
