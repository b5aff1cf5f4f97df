#pragma once

#include "apierror.h"
#include "authstatemanager.h"
#include "conflictdialog.h"
#include "customer.h"
#include "customerchanges.h"
#include "page.h"

#include <QPointer>

class QListView;
class QPushButton;

namespace portal {

class ApiClient;
class BusyIndicator;
class RetryCountdown;
class CustomerEditor;
class CustomerForm;
class CustomerHistoryModel;

/**
 * Support staff edit one customer: the same CustomerForm as the profile, always editing, Save
 * (only the changed fields, with If-Match), Cancel (drop the edits), Back to customers, and the
 * customer's edit history below. A conflict opens ConflictDialog; nothing is overwritten
 * silently. Unsaved edits survive an expired session as a draft held by AuthStateManager.
 */
class CustomerEditPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerEditPage)

public:
    CustomerEditPage(AuthStateManager *auth, ApiClient *api, QWidget *parent = nullptr);

    /// Shows @p customer (as listed) and loads the server's current version and history.
    void openCustomer(const portal::Customer &customer);
    /// The customer on the page (0 when none).
    qint64 customerId() const;
    /// After signing in again: takes the draft kept for the customer that was open, if any,
    /// reloads it and lays the draft over it. True when there was one.
    bool restoreDraft();
    /// Keeps the unsaved edits as a draft (the session ends, or staff access went away).
    void keepDraft();
    /**
     * Leaves the customer: with @p keepEdits the unsaved edits become a draft first. Closes any
     * conflict dialog and empties the page (its customer id stays for restoreDraft()).
     */
    void suspend(bool keepEdits);

    bool hasUnsavedChanges() const;
    CustomerForm *form() const { return m_form; }
    CustomerEditor *editor() const { return m_editor; }
    CustomerHistoryModel *history() const { return m_history; }
    QListView *historyView() const { return m_historyView; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *backButton() const { return m_back; }
    /// The conflict dialog while it is open.
    ConflictDialog *conflictDialog() const { return m_conflict; }

public Q_SLOTS:
    void save();
    /// Drops the edits: the form shows the server's version again.
    void cancelEditing();
    /// Back to the list, asking first if there are unsaved edits.
    void requestBack();

Q_SIGNALS:
    void backRequested();
    /// A save went through: the list shows the new values without reloading.
    void customerSaved(const portal::Customer &customer);

private:
    void buildButtons();
    QWidget *buildHistory();
    void onRecordChanged(const Customer &record);
    void onSaved(const Customer &record);
    void onConflict(const Customer &theirs, const CustomerChanges &mine);
    void onSaveFailed(const ApiError &error);
    void onLoadFailed(const ApiError &error);
    /// Loads the record and its history again (Retry after a failed load).
    void reload();
    void setBusy(bool busy);
    void showHeading();

    AuthStateManager *m_auth;
    CustomerEditor *m_editor;
    CustomerHistoryModel *m_history;
    CustomerForm *m_form;
    QListView *m_historyView;
    QPushButton *m_save;
    QPushButton *m_cancel;
    QPushButton *m_back;
    BusyIndicator *m_busy;
    RetryCountdown *m_countdown;
    RetryCountdown *m_loadWait; ///< A load the server asked to wait for, counted down.
    QPointer<ConflictDialog> m_conflict;
    /// The record the edits in flight were made on: "you started from" in a conflict.
    Customer m_savedFrom;
    /// Changes to lay over the record once it has loaded (a draft after signing in again).
    std::optional<CustomerChanges> m_pendingDraft;
    bool m_busyNow = false;
    /// Once the record has loaded, the keyboard focus goes to the first field that can change.
    bool m_focusFirstField = false;
};

} // namespace portal
