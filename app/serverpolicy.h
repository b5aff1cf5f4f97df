#pragma once

#include "apirequest.h"

#include <QUrl>

#include <optional>

class QSettings;

namespace portal {

/**
 * What an operator's system-wide configuration says about the server: the keys server/url,
 * server/auth, server/api and server/locked of QSettings' system scope (/etc/xdg/CustomerPortal/
 * CustomerPortal.conf on Linux, HKEY_LOCAL_MACHINE on Windows, /Library/Preferences on macOS).
 * Read once at start; the user's own settings are not part of it.
 */
struct ServerPolicy
{
    /// server/url, checked and normalised (checkServerUrl); empty when unset or unusable.
    QUrl server;
    /// server/auth ("token" or "jwt"); nothing when unset or unknown.
    std::optional<AuthMode> auth;
    /// server/api ("seed" or "djoser"); nothing when unset or unknown.
    std::optional<ApiFlavour> api;
    /// server/locked=true with a usable server/url: that server is the only one. A lock without
    /// a usable address is ignored (with a warning): there is no server it could keep.
    bool locked = false;

    /// From @p system, which holds the operator's settings only (no user scope above them).
    static ServerPolicy fromSettings(const QSettings &system);
    /// From the application's own system scope (the organisation and application names must be
    /// set already).
    static ServerPolicy fromSystemScope();

    /// Whether @p url may be used: any server without a lock, only the locked server's origin
    /// with one.
    bool allows(const QUrl &url) const;
};

} // namespace portal
