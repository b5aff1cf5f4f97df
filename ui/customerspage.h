#pragma once

#include "apierror.h"
#include "customer.h"
#include "page.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace portal {

class BusyIndicator;
class CustomerListModel;
class RetryCountdown;

/**
 * Support staff's list of every customer: a debounced server-side search, a count, a table that
 * pages in as it scrolls and sorts on the server, and Open (Enter, double-click) for the editor.
 * Loading, empty and error states say what happened; an error offers Retry.
 */
class CustomersPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomersPage)

public:
    /// How long typing must pause before the search goes to the server.
    static constexpr int kSearchDelayMs = 250;

    explicit CustomersPage(CustomerListModel *model, QWidget *parent = nullptr);

    QLineEdit *searchEdit() const { return m_search; }
    QTableView *table() const { return m_table; }
    QLabel *countLabel() const { return m_count; }
    QLabel *stateLabel() const { return m_stateText; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *retryButton() const { return m_retry; }
    CustomerListModel *model() const { return m_model; }

    /// The customer of the current row, if any row is current.
    std::optional<Customer> currentCustomer() const;

public Q_SLOTS:
    /// Loads the list if nothing was asked yet (the page is shown for the first time).
    void activate();
    /// Sends the typed search now, without waiting for the pause.
    void searchNow();
    /// Forgets the typed search (someone else is signing in); the list loads on activate().
    void reset();
    /// The session ended: the search stays (the same person may sign in again), but what was
    /// typed before it is no longer in the field's undo history (customers' names, kept all day).
    void forgetTyping();
    /// Opens the current row's customer (openRequested()).
    void openCurrent();

Q_SIGNALS:
    void openRequested(const portal::Customer &customer);

protected:
    bool submitFromKeyboard() override;

private:
    void buildTable();
    void buildStatePanel(QWidget *panel);
    void updateState();
    /// Repeats the load that failed.
    void retry();
    void onPageLoaded(int firstRow);
    void updateCount();

    CustomerListModel *m_model;
    QLineEdit *m_search;
    QLabel *m_count;
    QStackedWidget *m_stack;
    QTableView *m_table;
    BusyIndicator *m_busy;
    QLabel *m_stateText;
    QPushButton *m_retry;
    QPushButton *m_open;
    QTimer *m_debounce;
    RetryCountdown *m_wait; ///< A load the server asked to wait for, counted down.
    /// The table (or Retry) had the keyboard focus when the rows went away for a reload.
    bool m_focusRowsWhenLoaded = false;
};

} // namespace portal
