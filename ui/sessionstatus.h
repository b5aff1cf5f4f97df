#pragma once

#include <QObject>

class QLabel;
class QStatusBar;

namespace portal {

class ApiClient;
class AuthStateManager;

/**
 * The status bar's two lasting parts: the server ("Server: https://…", left) and the session's
 * state ("Signed in as alice", "Can't reach the server", right), kept up to date from the state
 * manager and the API client; and "Connected" for a moment when the server answers again.
 */
class SessionStatus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionStatus)

public:
    /// Adds its labels to @p bar (which owns them); @p auth and @p api are not owned.
    SessionStatus(AuthStateManager *auth, ApiClient *api, QStatusBar *bar);

    QLabel *serverLabel() const { return m_server; }
    QLabel *connectionLabel() const { return m_connection; }

private:
    void update();

    AuthStateManager *m_auth;
    ApiClient *m_api;
    QStatusBar *m_bar;
    QLabel *m_server;
    QLabel *m_connection;
};

} // namespace portal
