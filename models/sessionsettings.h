#pragma once

#include <QString>

class QSettings;

namespace portal {

/**
 * Internal to AuthStateManager: what QSettings remembers per server origin about the last session,
 * the username (for prefill and restoring) and whether to restore it. Never a secret.
 */
class SessionSettings final
{
public:
    /// @p settings is not owned and must outlive this object.
    explicit SessionSettings(QSettings *settings);

    QString username(const QString &origin) const;
    bool restore(const QString &origin) const;

    void setUsername(const QString &origin, const QString &username);
    void setRestore(const QString &origin, bool restore);

private:
    QString group(const QString &origin) const;

    QSettings *m_settings;
};

} // namespace portal
