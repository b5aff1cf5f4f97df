#include "draftstore.h"

namespace portal {

bool DraftStore::ownedBy(const QString &origin, qint64 ownerId) const
{
    return ownerId > 0 && m_origin == origin && m_ownerId == ownerId;
}

void DraftStore::keep(const QString &origin, qint64 ownerId, qint64 recordId,
                      const CustomerChanges &changes)
{
    if (!ownedBy(origin, ownerId))
        clear();
    m_origin = origin;
    m_ownerId = ownerId;
    m_drafts.insert(recordId, changes);
}

std::optional<CustomerChanges> DraftStore::take(const QString &origin, qint64 ownerId,
                                                qint64 recordId)
{
    if (!ownedBy(origin, ownerId)) {
        clear();
        return std::nullopt;
    }
    const auto it = m_drafts.constFind(recordId);
    if (it == m_drafts.constEnd())
        return std::nullopt;
    const CustomerChanges changes = it.value();
    m_drafts.erase(it);
    return changes;
}

void DraftStore::clear()
{
    m_origin.clear();
    m_ownerId = 0;
    m_drafts.clear();
}

bool DraftStore::isEmpty() const
{
    return m_drafts.isEmpty();
}

bool DraftStore::has(const QString &origin, qint64 ownerId, qint64 recordId) const
{
    return ownedBy(origin, ownerId) && m_drafts.contains(recordId);
}

} // namespace portal
