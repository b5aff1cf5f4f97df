#include "sessionsettings.h"

#include <QSettings>
#include <QUrl>

namespace portal {

namespace {

const QString kUsername = QStringLiteral("username");
const QString kRestore = QStringLiteral("restore");

} // namespace

SessionSettings::SessionSettings(QSettings *settings)
    : m_settings(settings)
{}

QString SessionSettings::username(const QString &origin) const
{
    return m_settings->value(group(origin) + kUsername).toString();
}

bool SessionSettings::restore(const QString &origin) const
{
    return m_settings->value(group(origin) + kRestore, false).toBool();
}

void SessionSettings::setUsername(const QString &origin, const QString &username)
{
    m_settings->setValue(group(origin) + kUsername, username);
}

void SessionSettings::setRestore(const QString &origin, bool restore)
{
    m_settings->setValue(group(origin) + kRestore, restore);
}

QString SessionSettings::group(const QString &origin) const
{
    // An origin holds '/' and ':', which QSettings reads as group and key syntax.
    return QStringLiteral("sessions/") + QString::fromLatin1(QUrl::toPercentEncoding(origin)) +
           QLatin1Char('/');
}

} // namespace portal
