#include "customerlistmodel.h"

#include "apiclient.h"
#include "customerpage.h"
#include "logging.h"

#include <QLocale>

namespace portal {

namespace {

/// The locale's short date with a four-digit year: "12.04.1990", never "12.04.90".
QString shortDate(const QDate &date)
{
    if (!date.isValid())
        return {};
    const QLocale locale;
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return locale.toString(date, format);
}

} // namespace

CustomerListModel::CustomerListModel(ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
{}

CustomerListModel::~CustomerListModel()
{
    abortCall();
}

int CustomerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CustomerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Customer &customer = m_rows.at(index.row());
    if (role == CustomerRole)
        return QVariant::fromValue(customer);
    if (role == IdRole)
        return customer.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return role == Qt::DisplayRole ? QVariant(customer.id)
                                       : QVariant(QString::number(customer.id));
    case UsernameColumn:
        return customer.username;
    case NameColumn:
        return QStringList{customer.firstName, customer.lastName}.join(QLatin1Char(' ')).trimmed();
    case EmailColumn:
        return customer.email;
    case BirthDateColumn:
        return shortDate(customer.birthDate);
    case JoinedColumn:
        return shortDate(customer.dateJoined.toLocalTime().date());
    default:
        return {};
    }
}

QVariant CustomerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && !isSortable(section))
        return tr("The server cannot sort by this column.");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("ID");
    case UsernameColumn:
        return tr("Username");
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("Email");
    case BirthDateColumn:
        return tr("Birth date");
    case JoinedColumn:
        //: Column header: the date the customer's account was created.
        return tr("Joined");
    default:
        return {};
    }
}

bool CustomerListModel::canFetchMore(const QModelIndex &parent) const
{
    // Only after a first page, while the server says there is more, one request at a time.
    return !parent.isValid() && m_pagesLoaded > 0 && m_hasNext && !m_call;
}

void CustomerListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    request(m_pagesLoaded + 1);
}

bool CustomerListModel::isSortable(int column)
{
    return column >= 0 && column < ColumnCount && column != BirthDateColumn;
}

void CustomerListModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column) || (column == m_sortColumn && order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

void CustomerListModel::setRequestedPageSize(int size)
{
    m_requestedPageSize = qMax(1, size);
}

int CustomerListModel::requestedPageSize() const
{
    return m_requestedPageSize;
}

QString CustomerListModel::search() const
{
    return m_search;
}

int CustomerListModel::sortColumn() const
{
    return m_sortColumn;
}

Qt::SortOrder CustomerListModel::sortOrder() const
{
    return m_sortOrder;
}

CustomerListModel::Status CustomerListModel::status() const
{
    return m_status;
}

bool CustomerListModel::isLoading() const
{
    return !m_call.isNull();
}

qint64 CustomerListModel::totalCount() const
{
    return m_total;
}

ApiError CustomerListModel::lastError() const
{
    return m_lastError;
}

Customer CustomerListModel::customerAt(int row) const
{
    return m_rows.value(row);
}

int CustomerListModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

void CustomerListModel::setSearch(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search && m_status != Status::Idle)
        return;
    m_search = trimmed;
    reload();
}

void CustomerListModel::reload()
{
    // The rows on screen stay until the new query's first page replaces them (no blank flash),
    // but nothing more of the old query is ever fetched or applied.
    ++m_generation;
    abortCall();
    m_pagesLoaded = 0;
    m_hasNext = false;
    setTotalCount(-1);
    request(1);
}

void CustomerListModel::updateCustomer(const Customer &customer)
{
    const int row = rowOf(customer.id);
    if (row < 0)
        return;
    m_rows[row] = customer;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void CustomerListModel::clear()
{
    forgetRows();
    m_search.clear();
    setTotalCount(-1);
    setStatus(Status::Idle);
}

void CustomerListModel::forgetRows()
{
    // The paging state goes first: a view answers a reset by asking for more at once, and it
    // must find nothing to fetch rather than the old query's next page.
    ++m_generation;
    abortCall();
    m_pagesLoaded = 0;
    m_hasNext = false;
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
}

void CustomerListModel::request(int page)
{
    abortCall(); // One request at a time, whoever asked.
    CustomerPageQuery query;
    query.search = m_search;
    query.ordering = ordering();
    query.page = page;
    query.pageSize = m_requestedPageSize;
    ApiCall *call = m_api->fetchCustomerPage(query);
    m_call = call;
    const int generation = m_generation;
    connect(call, &ApiCall::finished, this, [this, page, generation](const ApiResult &result) {
        if (generation != m_generation) // An older query's answer: never shown.
            return;
        m_call.clear();
        onPage(page, result);
    });
    connect(call, &ApiCall::waiting, this, &CustomerListModel::loadWaiting);
    if (page == 1)
        setStatus(Status::Loading);
    Q_EMIT loadStarted(page);
}

void CustomerListModel::onPage(int page, const ApiResult &result)
{
    std::optional<CustomerPage> answer;
    if (result.ok())
        answer = CustomerPage::fromJson(result.value().json);
    if (answer) {
        applyPage(page, *answer);
        return;
    }
    m_lastError = result.ok() ? m_api->badResponse(QStringLiteral("not a page of customers"))
                              : result.error();
    if (m_lastError.kind == ErrorKind::Cancelled)
        return;
    qCInfo(lcNetwork) << "customer page" << page << "failed:" << errorKindName(m_lastError.kind);
    if (page == 1) // The old query's rows must not pass for the new one's.
        forgetRows();
    setStatus(Status::Failed);
    Q_EMIT loadFailed(m_lastError);
}

void CustomerListModel::applyPage(int page, const CustomerPage &answer)
{
    if (page != m_pagesLoaded + 1) { // Pages are appended strictly in order.
        qCWarning(lcNetwork) << "customer page" << page << "arrived out of turn; dropped";
        return;
    }
    // The server's figures decide: an empty page ends the list even if it names a next one.
    m_hasNext = answer.hasNext && !answer.results.isEmpty();
    m_pagesLoaded = page;
    const int first = page == 1 ? 0 : int(m_rows.size());
    if (page == 1) { // A new query's first page replaces whatever was shown.
        beginResetModel();
        m_rows = answer.results;
        endResetModel();
    } else if (!answer.results.isEmpty()) {
        beginInsertRows({}, first, first + int(answer.results.size()) - 1);
        m_rows.append(answer.results);
        endInsertRows();
    }
    setTotalCount(answer.count);
    setStatus(Status::Ready);
    Q_EMIT pageLoaded(first, int(answer.results.size()));
}

void CustomerListModel::abortCall()
{
    if (ApiCall *call = m_call) {
        m_call.clear();
        QObject::disconnect(call, nullptr, this, nullptr);
        call->abort();
    }
}

void CustomerListModel::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

void CustomerListModel::setTotalCount(qint64 count)
{
    if (m_total == count)
        return;
    m_total = count;
    Q_EMIT totalCountChanged(count);
}

QString CustomerListModel::ordering() const
{
    QString fields;
    switch (m_sortColumn) {
    case UsernameColumn:
        fields = QStringLiteral("username");
        break;
    case NameColumn:
        fields = QStringLiteral("last_name,first_name");
        break;
    case EmailColumn:
        fields = QStringLiteral("email");
        break;
    case JoinedColumn:
        fields = QStringLiteral("date_joined");
        break;
    default:
        fields = QStringLiteral("id");
        break;
    }
    if (m_sortOrder == Qt::DescendingOrder)
        fields = QLatin1Char('-') + fields.replace(QLatin1Char(','), QStringLiteral(",-"));
    // A tie-breaker keeps pages stable when many rows share a value (a last name, a date).
    if (m_sortColumn != IdColumn)
        fields +=
            m_sortOrder == Qt::DescendingOrder ? QStringLiteral(",-id") : QStringLiteral(",id");
    return fields;
}

} // namespace portal
