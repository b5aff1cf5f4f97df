#pragma once

#include "page.h"

class QLabel;
class QPushButton;

namespace portal {

class AuthStateManager;
class BusyIndicator;

/// Shown while a stored session is checked; offers Retry when the server cannot be reached.
class RestoringPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoringPage)

public:
    explicit RestoringPage(AuthStateManager *auth, QWidget *parent = nullptr);

    QPushButton *retryButton() const { return m_retry; }
    QPushButton *signInInsteadButton() const { return m_signInInstead; }
    QLabel *statusLabel() const { return m_status; }

private:
    void refresh();

    AuthStateManager *m_auth;
    BusyIndicator *m_busy;
    QLabel *m_status;
    QPushButton *m_retry;
    QPushButton *m_signInInstead;
};

} // namespace portal
