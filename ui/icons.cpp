#include "icons.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace portal {

namespace {

QString fileName(Icon which)
{
    switch (which) {
    case Icon::App:
        return QStringLiteral("app");
    case Icon::Calendar:
        return QStringLiteral("calendar");
    case Icon::Cancel:
        return QStringLiteral("cancel");
    case Icon::CreateAccount:
        return QStringLiteral("create-account");
    case Icon::Customers:
        return QStringLiteral("customers");
    case Icon::Edit:
        return QStringLiteral("edit");
    case Icon::Error:
        return QStringLiteral("error");
    case Icon::Info:
        return QStringLiteral("info");
    case Icon::Refresh:
        return QStringLiteral("refresh");
    case Icon::Save:
        return QStringLiteral("save");
    case Icon::Server:
        return QStringLiteral("server");
    case Icon::SignIn:
        return QStringLiteral("sign-in");
    case Icon::SignOut:
        return QStringLiteral("sign-out");
    case Icon::Success:
        return QStringLiteral("success");
    case Icon::User:
        return QStringLiteral("user");
    }
    return {};
}

} // namespace

QIcon icon(Icon which)
{
    // One QIcon per file for the application's life. Each QIcon renders into Qt's pixmap cache
    // under a key of its own, so a new one per call left a new pixmap there every time (a banner
    // shown a thousand times kept a thousand copies of its icon).
    static QHash<Icon, QIcon> icons;
    static bool dropScheduled = false;
    if (!dropScheduled) {
        // Dropped before the application object (and the icon engine plugin) goes, not after;
        // Qt runs a post routine once, so a later application object schedules it again.
        qAddPostRoutine([] {
            icons.clear();
            dropScheduled = false;
        });
        dropScheduled = true;
    }
    auto it = icons.find(which);
    if (it == icons.end())
        it = icons.insert(which, QIcon(QStringLiteral(":/icons/%1.svg").arg(fileName(which))));
    return *it;
}

} // namespace portal
