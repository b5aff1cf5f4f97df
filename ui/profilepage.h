#pragma once

#include "authstatemanager.h"
#include "page.h"

class QPushButton;

namespace portal {

class BusyIndicator;
class RetryCountdown;
class CustomerForm;

/**
 * The signed-in customer's profile: view, edit, save only what changed, refresh, sign out.
 * Unsaved edits survive a session expiry as a draft held by AuthStateManager.
 */
class ProfilePage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilePage)

public:
    explicit ProfilePage(AuthStateManager *auth, QWidget *parent = nullptr);

    bool hasUnsavedChanges() const;
    /// Edits kept as a draft when the session expired, waiting for the same customer to sign in
    /// again (held in memory only: quitting loses them).
    bool holdsDraft() const;
    CustomerForm *form() const { return m_form; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *refreshButton() const { return m_refresh; }
    QPushButton *signOutButton() const { return m_signOut; }

public Q_SLOTS:
    void startEditing();
    void save();
    void cancelEditing();
    /// Reloads from the server, asking first if there are unsaved edits.
    void requestRefresh();
    /// Signs out, asking first if there are unsaved edits.
    void requestSignOut();

private:
    void buildButtons();
    void onStateChanged(AuthStateManager::State state);
    void onSignedIn();
    void onUserChanged();
    void onSessionEnding(AuthStateManager::SignOutReason reason);
    void onSaved();
    void onConflict();
    void onSaveFailed(const portal::ApiError &error);
    void onRefreshFailed(const portal::ApiError &error);
    void setEditingMode(bool editing);
    void setBusy(bool busy);

    AuthStateManager *m_auth;
    CustomerForm *m_form;
    QPushButton *m_edit;
    QPushButton *m_save;
    QPushButton *m_cancel;
    QPushButton *m_refresh;
    QPushButton *m_signOut;
    BusyIndicator *m_busy;
    RetryCountdown *m_countdown;
    /// A refresh's wait for the server (Retry-After), counted down until the read goes again.
    RetryCountdown *m_refreshWait;
    bool m_refreshAfterWait = false; ///< The wait ended the refresh: refresh again after it.
    bool m_busyNow = false;
};

} // namespace portal
