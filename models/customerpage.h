#pragma once

#include "customer.h"
#include "customerchanges.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace portal {

/// One page of the staff customer list, as the server answered it (DRF's page shape).
struct CustomerPage
{
    qint64 count = 0;     ///< Every customer matching the search, on all pages.
    bool hasNext = false; ///< The server named a next page.
    QList<Customer> results;

    /**
     * Reads {count, next, previous, results}. Nothing when the shape is wrong, a result is not a
     * customer, or the figures contradict each other (more results than count).
     */
    static std::optional<CustomerPage> fromJson(const QJsonValue &json);
};

/// One staff edit of a customer: when, by whom, and each field's old and new value.
struct HistoryEntry
{
    struct Change
    {
        CustomerField field;
        QString before; ///< As fieldText() shows it (a date as YYYY-MM-DD, empty when not set).
        QString after;
    };

    QDateTime at;
    QString author; ///< The staff user's username; empty when the account is gone.
    QList<Change> changes;

    /// Reads [{at, by, changes: {field: [old, new]}}], keeping the server's order (newest
    /// first). Unknown fields in changes are skipped; nothing when the shape is wrong.
    static std::optional<QList<HistoryEntry>> listFromJson(const QJsonValue &json);
};

} // namespace portal
