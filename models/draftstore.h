#pragma once

#include "customerchanges.h"

#include <QHash>
#include <QString>

#include <optional>

namespace portal {

/**
 * Unsaved edits kept in memory (never on disk) across a session expiry: per record (a customer
 * id: one's own profile, or a customer a staff user was editing), and all of them owned by one
 * signed-in user on one server origin. Only that user on that server ever gets them back; taking
 * a draft as anyone else discards every draft held, unseen.
 */
class DraftStore
{
public:
    /// Keeps @p changes for @p recordId. Drafts of another owner (origin, user) are discarded.
    void keep(const QString &origin, qint64 ownerId, qint64 recordId,
              const CustomerChanges &changes);
    /// The draft for exactly this owner and record, if any, removed from the store. Drafts of
    /// any other owner are discarded; this owner's drafts of other records stay.
    std::optional<CustomerChanges> take(const QString &origin, qint64 ownerId, qint64 recordId);
    /// Discards every draft held.
    void clear();
    /// True when no draft is held.
    bool isEmpty() const;
    /// True when this owner has a draft of @p recordId (nothing is taken or discarded).
    bool has(const QString &origin, qint64 ownerId, qint64 recordId) const;

private:
    bool ownedBy(const QString &origin, qint64 ownerId) const;

    QString m_origin;
    qint64 m_ownerId = 0;
    QHash<qint64, CustomerChanges> m_drafts;
};

} // namespace portal
