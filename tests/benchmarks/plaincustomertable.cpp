#include "plaincustomertable.h"

#include "customerlistmodel.h"
#include "serverurl.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardItemModel>

namespace portal::bench {

namespace {

constexpr int kPageSize = 100;

/// A row as CustomerListModel shows it, in its column order.
QList<QStandardItem *> rowOf(const QJsonObject &customer, const QLocale &locale)
{
    const QString name = customer.value(QLatin1String("first_name")).toString() + QLatin1Char(' ') +
                         customer.value(QLatin1String("last_name")).toString();
    const QDate birth =
        QDate::fromString(customer.value(QLatin1String("birth_date")).toString(), Qt::ISODate);
    const QDateTime joined = QDateTime::fromString(
        customer.value(QLatin1String("date_joined")).toString(), Qt::ISODateWithMs);
    auto *id = new QStandardItem;
    id->setData(customer.value(QLatin1String("id")).toInteger(), Qt::DisplayRole);
    return {id,
            new QStandardItem(customer.value(QLatin1String("username")).toString()),
            new QStandardItem(name.trimmed()),
            new QStandardItem(customer.value(QLatin1String("email")).toString()),
            new QStandardItem(birth.isValid() ? locale.toString(birth, QLocale::ShortFormat)
                                              : QString()),
            new QStandardItem(joined.isValid() ? locale.toString(joined.toLocalTime().date(),
                                                                 QLocale::ShortFormat)
                                               : QString())};
}

} // namespace

PlainCustomerTable::PlainCustomerTable(const QUrl &server, const QString &token, QWidget *parent)
    : QTableView(parent)
    , m_manager(new QNetworkAccessManager(this))
    , m_model(new QStandardItemModel(0, CustomerListModel::ColumnCount, this))
    , m_server(server)
    , m_authorization("Token " + token.toLatin1())
{
    setModel(m_model);
    setUpLikeCustomersPage(this);
    connect(m_manager, &QNetworkAccessManager::finished, this, &PlainCustomerTable::onFinished);
}

void PlainCustomerTable::setUpLikeCustomersPage(QTableView *table)
{
    // A copy of CustomersPage::buildTable(): the same view, so only the model differs.
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSortIndicator(CustomerListModel::IdColumn, Qt::AscendingOrder);
    table->setSortingEnabled(true);
    const int em = table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    table->setColumnWidth(CustomerListModel::IdColumn, em * 5);
    table->setColumnWidth(CustomerListModel::UsernameColumn, em * 10);
    table->setColumnWidth(CustomerListModel::NameColumn, em * 12);
    table->setColumnWidth(CustomerListModel::EmailColumn, em * 15);
    table->setColumnWidth(CustomerListModel::BirthDateColumn, em * 7);
}

void PlainCustomerTable::reload()
{
    m_model->setRowCount(0);
    request(1);
}

bool PlainCustomerTable::loadMore()
{
    if (!m_loaded || !m_hasNext)
        return false;
    request(m_page + 1);
    return true;
}

void PlainCustomerTable::request(int page)
{
    // The query CustomerListModel sends for its default order, so both get the same bytes.
    QUrl url = joinUrl(m_server, QStringLiteral("/api/customers/"));
    url.setQuery(QStringLiteral("ordering=id&page=%1&page_size=%2").arg(page).arg(kPageSize));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", m_authorization);
    request.setRawHeader("Accept", "application/json");
    m_page = page;
    m_loaded = false;
    m_failed = false;
    m_manager->get(request);
}

void PlainCustomerTable::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    Q_EMIT replyArrived();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_failed =
        reply->error() != QNetworkReply::NoError || status != 200 || !appendRows(reply->readAll());
    m_loaded = true;
}

bool PlainCustomerTable::appendRows(const QByteArray &body)
{
    const QJsonObject page = QJsonDocument::fromJson(body).object();
    m_hasNext = page.value(QLatin1String("next")).isString();
    const QLocale locale;
    const QJsonArray results = page.value(QLatin1String("results")).toArray();
    for (const QJsonValue &customer : results)
        m_model->appendRow(rowOf(customer.toObject(), locale));
    return !results.isEmpty();
}

} // namespace portal::bench
