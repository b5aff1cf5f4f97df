#include "profiledraft.h"

namespace portal {

void ProfileDraft::keep(const QString &origin, qint64 customerId, const QJsonObject &changes)
{
    m_origin = origin;
    m_customerId = customerId;
    m_changes = changes;
    m_held = true;
}

std::optional<QJsonObject> ProfileDraft::take(const QString &origin, qint64 customerId)
{
    const bool matches = m_held && m_origin == origin && m_customerId == customerId;
    const QJsonObject changes = m_changes;
    clear();
    if (!matches)
        return std::nullopt;
    return changes;
}

void ProfileDraft::clear()
{
    m_origin.clear();
    m_customerId = 0;
    m_changes = QJsonObject();
    m_held = false;
}

bool ProfileDraft::isEmpty() const
{
    return !m_held;
}

} // namespace portal
