#pragma once

#include <QNetworkRequest>
#include <QTableView>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QStandardItemModel;

namespace portal::bench {

/**
 * The baseline of the customer list: what a plain Qt program does with no model class of its own.
 * It GETs a page with QNetworkAccessManager and a hand-set token, parses it with QJsonDocument and
 * appends one QStandardItem per cell, each holding the text CustomerListModel shows, to a
 * QStandardItemModel in this view, which is set up exactly like CustomersPage's table.
 */
class PlainCustomerTable final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlainCustomerTable)

public:
    /// Pages of @p server's customer list, ordered by id like CustomerListModel's default.
    PlainCustomerTable(const QUrl &server, const QString &token, QWidget *parent = nullptr);

    /// The settings CustomersPage gives its table, so that two views can be identical.
    static void setUpLikeCustomersPage(QTableView *table);

    QNetworkAccessManager *manager() const { return m_manager; }
    QStandardItemModel *itemModel() const { return m_model; }
    /// The last page asked for has arrived (and its rows were appended, unless it failed).
    bool isLoaded() const { return m_loaded; }
    /// The last page asked for was not a 200 with a page of customers.
    bool hasFailed() const { return m_failed; }

    /// Empties the table, then asks for page 1 (as CustomerListModel::reload() does).
    void reload();
    /// Asks for the next page, appended when it arrives; false when the server named none.
    bool loadMore();

Q_SIGNALS:
    /// A reply's body is available; emitted before the rows are appended.
    void replyArrived();

private:
    void request(int page);
    void onFinished(QNetworkReply *reply);
    bool appendRows(const QByteArray &body);

    QNetworkAccessManager *m_manager;
    QStandardItemModel *m_model;
    QUrl m_server;
    QByteArray m_authorization;
    int m_page = 0;
    bool m_hasNext = false;
    bool m_loaded = false;
    bool m_failed = false;
};

} // namespace portal::bench
