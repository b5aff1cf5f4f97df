#pragma once

#include "apierror.h"
#include "customer.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QString>

namespace portal {

class ApiCall;
class ApiClient;
class ApiResult;
struct CustomerPage;

/**
 * The support staff's customer list: server-side search and ordering, pages appended as the view
 * scrolls (canFetchMore()/fetchMore()), never the whole list. It asks for a page size but obeys
 * what the server answers (count, next, the length of results).
 *
 * A new search or ordering aborts the request in flight, and any answer of an older query is
 * dropped, so rows never arrive out of order. The rows shown stay until the new query's first page
 * replaces them (a model reset), so a search does not blank the view.
 */
class CustomerListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerListModel)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(qint64 totalCount READ totalCount NOTIFY totalCountChanged)

public:
    enum Column
    {
        IdColumn,
        UsernameColumn,
        NameColumn,
        EmailColumn,
        BirthDateColumn,
        JoinedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        CustomerRole = Qt::UserRole + 1, ///< The row's Customer.
        IdRole,                          ///< The row's customer id (qint64).
    };

    enum class Status
    {
        Idle,    ///< Nothing asked yet.
        Loading, ///< The first page of a query is on its way (the previous rows stay until then).
        Ready,   ///< Rows shown; more may follow with fetchMore().
        Failed   ///< The last request failed: lastError(); reload() or fetchMore() tries again.
    };
    Q_ENUM(Status)

    explicit CustomerListModel(ApiClient *api, QObject *parent = nullptr);
    ~CustomerListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    /// Server-side: reloads from the first page. Columns the server cannot order by are ignored.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    /// True for columns sort() can order by.
    static bool isSortable(int column);

    /// The page size asked for (100 by default); the server may answer with fewer rows.
    void setRequestedPageSize(int size);
    int requestedPageSize() const;

    QString search() const;
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;
    Status status() const;
    /// True while a page (the first or a further one) is on its way.
    bool isLoading() const;
    /// Customers matching the search on the server (-1 until the first page arrived).
    qint64 totalCount() const;
    /// Why the last request failed (meaningful while status() is Failed).
    ApiError lastError() const;
    /// The customer of @p row (a default Customer when out of range).
    Customer customerAt(int row) const;
    /// The row of customer @p id among the loaded rows, or -1.
    int rowOf(qint64 id) const;

public Q_SLOTS:
    /// Server-side search: reloads from the first page (an empty text lists everyone).
    void setSearch(const QString &text);
    /// Loads the first page of the current query again (also Retry after a failure).
    void reload();
    /// Replaces the loaded row of @p customer (after an edit), if it is loaded.
    void updateCustomer(const portal::Customer &customer);
    /// Aborts what is in flight and empties the model (a session ended).
    void clear();

Q_SIGNALS:
    void statusChanged(portal::CustomerListModel::Status status);
    void totalCountChanged(qint64 count);
    /// A page could not be loaded (also reflected by status()).
    void loadFailed(const portal::ApiError &error);
    /// A page waits for the wait the server asked for (@p error.retryAfterSeconds) and is then
    /// asked for again by itself; pageLoaded() or loadFailed() follows.
    void loadWaiting(const portal::ApiError &error);
    /// A page was asked for (a new query's first, or a further one); one waited for before is
    /// no longer wanted.
    void loadStarted(int page);
    /// A page was appended (or the first page replaced the rows).
    void pageLoaded(int firstRow, int rowCount);

private:
    void request(int page);
    void onPage(int page, const ApiResult &result);
    void applyPage(int page, const CustomerPage &answer);
    void abortCall();
    void forgetRows();
    void setStatus(Status status);
    void setTotalCount(qint64 count);
    QString ordering() const;

    ApiClient *m_api;
    QList<Customer> m_rows;
    QString m_search;
    int m_sortColumn = IdColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_requestedPageSize = 100;
    int m_pagesLoaded = 0;
    bool m_hasNext = false;
    qint64 m_total = -1;
    Status m_status = Status::Idle;
    ApiError m_lastError;
    QPointer<ApiCall> m_call;
    /// Bumped by every new query: an answer to an older one is dropped.
    int m_generation = 0;
};

} // namespace portal
