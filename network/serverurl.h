#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace portal {

/// The outcome of checking a server address typed by a person or given on the command line.
struct ServerUrlCheck
{
    QUrl url; ///< Normalised (scheme and host lower-case, no trailing slash, no query/fragment).
    QString error; ///< Empty when the address is usable; otherwise a translated sentence.
    bool ok() const { return error.isEmpty(); }
};

/**
 * Parses and checks a base URL: http or https only, a host is required, and plain http only to a
 * loopback host (127.0.0.0/8, ::1, localhost). The error says to use https where that is the fix.
 */
ServerUrlCheck checkServerUrl(const QString &text);

/// True for 127.0.0.0/8, ::1 and "localhost" (no lookup is made).
bool isLoopbackHost(const QString &host);

/// True when @p a and @p b have the same scheme, host and (effective) port.
bool sameOrigin(const QUrl &a, const QUrl &b);

/**
 * The URL of endpoint @p path (which may carry a "?query") under @p base. The base's own path is
 * kept as a prefix: joinUrl("https://host/portal", "/api/login/") is
 * https://host/portal/api/login/.
 */
QUrl joinUrl(const QUrl &base, const QString &path);

/// "scheme://host:port" of @p url (the port always given, default or not), used to scope stored
/// secrets and drafts to a server. Empty for a URL without a host.
QString originOf(const QUrl &url);

} // namespace portal
