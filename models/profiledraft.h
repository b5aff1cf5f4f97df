#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace portal {

/**
 * Unsaved profile edits kept in memory (never on disk) across a session expiry, scoped to one
 * server origin and one customer id. Taking the draft for anyone else discards it unseen.
 */
class ProfileDraft
{
public:
    /// Replaces any draft held. @p changes are editable fields in wire names.
    void keep(const QString &origin, qint64 customerId, const QJsonObject &changes);
    /// The draft for exactly this origin and customer, if any. Always empties the store.
    std::optional<QJsonObject> take(const QString &origin, qint64 customerId);
    /// Discards any draft held.
    void clear();
    /// True when no draft is held.
    bool isEmpty() const;

private:
    QString m_origin;
    qint64 m_customerId = 0;
    QJsonObject m_changes;
    bool m_held = false;
};

} // namespace portal
