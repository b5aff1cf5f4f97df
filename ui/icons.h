#pragma once

#include <QIcon>

namespace portal {

/// The application's own SVG icons (resources/icons), compiled into portal_ui.
enum class Icon
{
    App,
    Calendar,
    Cancel,
    CreateAccount,
    Customers,
    Edit,
    Error,
    Info,
    Refresh,
    Save,
    Server,
    SignIn,
    SignOut,
    Success,
    User,
};

QIcon icon(Icon which);

} // namespace portal
