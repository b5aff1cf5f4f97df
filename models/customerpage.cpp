#include "customerpage.h"

#include <QJsonArray>
#include <QJsonObject>

namespace portal {

namespace {

/// A history value as text: strings as they are, null as empty (an unset date or name).
std::optional<QString> historyText(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QString();
    if (value.isString())
        return value.toString();
    return std::nullopt;
}

std::optional<HistoryEntry> entryFromJson(const QJsonValue &json)
{
    if (!json.isObject())
        return std::nullopt;
    const QJsonObject object = json.toObject();
    HistoryEntry entry;
    entry.at =
        QDateTime::fromString(object.value(QLatin1String("at")).toString(), Qt::ISODateWithMs);
    const QJsonValue by = object.value(QLatin1String("by"));
    const QJsonValue changes = object.value(QLatin1String("changes"));
    if (!entry.at.isValid() || !(by.isString() || by.isNull()) || !changes.isObject())
        return std::nullopt;
    entry.author = by.toString();
    const QJsonObject fields = changes.toObject();
    for (CustomerField field : editableFields()) { // The form's order, whatever the server's.
        const QJsonValue pair = fields.value(wireName(field));
        if (pair.isUndefined())
            continue;
        const QJsonArray values = pair.toArray();
        const std::optional<QString> before = historyText(values.at(0));
        const std::optional<QString> after = historyText(values.at(1));
        if (!pair.isArray() || values.size() != 2 || !before || !after)
            return std::nullopt;
        entry.changes.append({field, *before, *after});
    }
    return entry;
}

} // namespace

std::optional<CustomerPage> CustomerPage::fromJson(const QJsonValue &json)
{
    const QJsonObject object = json.toObject();
    const QJsonValue count = object.value(QLatin1String("count"));
    const QJsonValue next = object.value(QLatin1String("next"));
    const QJsonValue results = object.value(QLatin1String("results"));
    if (!json.isObject() || !count.isDouble() || count.toInteger(-1) < 0 || !results.isArray() ||
        !(next.isNull() || next.isUndefined() || next.isString()))
        return std::nullopt;
    CustomerPage page;
    page.count = count.toInteger();
    page.hasNext = next.isString() && !next.toString().isEmpty();
    for (const QJsonValue &item : results.toArray()) {
        const std::optional<Customer> customer = Customer::fromJson(item.toObject());
        if (!item.isObject() || !customer)
            return std::nullopt;
        page.results.append(*customer);
    }
    if (page.results.size() > page.count)
        return std::nullopt;
    return page;
}

std::optional<QList<HistoryEntry>> HistoryEntry::listFromJson(const QJsonValue &json)
{
    if (!json.isArray())
        return std::nullopt;
    QList<HistoryEntry> entries;
    for (const QJsonValue &item : json.toArray()) {
        const std::optional<HistoryEntry> entry = entryFromJson(item);
        if (!entry)
            return std::nullopt;
        entries.append(*entry);
    }
    return entries;
}

} // namespace portal
