#include "icons.h"

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
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(fileName(which)));
}

} // namespace portal
