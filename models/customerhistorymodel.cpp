#include "customerhistorymodel.h"

#include "apiclient.h"

#include <QLocale>

namespace portal {

CustomerHistoryModel::CustomerHistoryModel(ApiClient *api, QObject *parent)
    : QAbstractListModel(parent)
    , m_api(api)
{}

CustomerHistoryModel::~CustomerHistoryModel()
{
    abortCall();
}

int CustomerHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant CustomerHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry &entry = m_entries.at(index.row());
    if (role == EntryRole)
        return QVariant::fromValue(entry);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    const QString when = QLocale().toString(entry.at.toLocalTime(), QLocale::ShortFormat);
    const QString changes = describeChanges(entry).join(QLatin1Char('\n'));
    if (entry.author.isEmpty())
        //: %1 is a date and time, %2 one line per changed field; the author's account is gone.
        return tr("%1 by a deleted account\n%2").arg(when, changes);
    //: %1 is a date and time, %2 the staff member's username, %3 one line per changed field.
    return tr("%1 by %2\n%3").arg(when, entry.author, changes);
}

bool CustomerHistoryModel::isLoading() const
{
    return !m_call.isNull();
}

QString CustomerHistoryModel::fieldLabel(CustomerField field)
{
    switch (field) {
    case CustomerField::Email:
        return tr("Email");
    case CustomerField::FirstName:
        return tr("First name");
    case CustomerField::LastName:
        return tr("Last name");
    case CustomerField::BirthDate:
        return tr("Birth date");
    }
    return {};
}

QStringList CustomerHistoryModel::describeChanges(const HistoryEntry &entry)
{
    QStringList lines;
    for (const HistoryEntry::Change &change : entry.changes) {
        const QString before = change.before.isEmpty() ? tr("(empty)") : change.before;
        const QString after = change.after.isEmpty() ? tr("(empty)") : change.after;
        //: A changed field: %1 its label, %2 the old value, %3 the new value.
        lines.append(tr("%1: %2 → %3").arg(fieldLabel(change.field), before, after));
    }
    return lines;
}

void CustomerHistoryModel::load(qint64 customerId)
{
    abortCall();
    ApiCall *call = m_api->fetchCustomerHistory(customerId);
    m_call = call;
    connect(call, &ApiCall::finished, this, [this](const ApiResult &result) {
        m_call.clear();
        std::optional<QList<HistoryEntry>> entries;
        if (result.ok())
            entries = HistoryEntry::listFromJson(result.value().json);
        if (!entries) {
            const ApiError error =
                result.ok() ? m_api->badResponse(QStringLiteral("not a history")) : result.error();
            if (error.kind != ErrorKind::Cancelled)
                Q_EMIT loadFailed(error);
            return;
        }
        beginResetModel();
        m_entries = *entries;
        endResetModel();
        Q_EMIT loaded();
    });
}

void CustomerHistoryModel::clear()
{
    abortCall();
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void CustomerHistoryModel::abortCall()
{
    if (ApiCall *call = m_call) {
        m_call.clear();
        QObject::disconnect(call, nullptr, this, nullptr);
        call->abort();
    }
}

} // namespace portal
