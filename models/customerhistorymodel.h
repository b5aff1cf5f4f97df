#pragma once

#include "apierror.h"
#include "customerpage.h"

#include <QAbstractListModel>
#include <QPointer>

namespace portal {

class ApiCall;
class ApiClient;

/**
 * The staff edit history of one customer, newest first: one row per edit, shown as its time,
 * author and "field: old → new" for each changed field.
 */
class CustomerHistoryModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerHistoryModel)

public:
    enum Role
    {
        EntryRole = Qt::UserRole + 1, ///< The row's HistoryEntry.
    };

    explicit CustomerHistoryModel(ApiClient *api, QObject *parent = nullptr);
    ~CustomerHistoryModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// True while a load is on its way.
    bool isLoading() const;

    /// The label of an editable field, as the form shows it ("First name").
    static QString fieldLabel(CustomerField field);
    /// "First name: Ann → Anna" lines of @p entry, one per change.
    static QStringList describeChanges(const HistoryEntry &entry);

public Q_SLOTS:
    /// Loads the history of customer @p id (replacing the rows when it arrives).
    void load(qint64 customerId);
    /// Aborts any load and empties the model.
    void clear();

Q_SIGNALS:
    void loaded();
    void loadFailed(const portal::ApiError &error);

private:
    void abortCall();

    ApiClient *m_api;
    QList<HistoryEntry> m_entries;
    QPointer<ApiCall> m_call;
};

} // namespace portal
