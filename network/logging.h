#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

namespace portal {

/// "portal.network": each request and its outcome (method, URL without its query, status, kind).
Q_DECLARE_LOGGING_CATEGORY(lcNetwork)
/// "portal.auth": sign-in state changes and why a session ended. Never a token or a password.
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
/// "portal.keychain": keychain operations by key ("<origin> <username>"), never the secret.
Q_DECLARE_LOGGING_CATEGORY(lcKeychain)
/// "portal.ui": page changes and other user-interface events.
Q_DECLARE_LOGGING_CATEGORY(lcUi)

/// "Token abcd…" -> "Token <redacted>": the only form in which an Authorization value may be
/// logged.
QByteArray redactAuthorization(const QByteArray &headerValue);

/// @p text with every occurrence of @p secret (if non-empty) replaced by "<redacted>".
QString redactSecret(QString text, const QString &secret);

/**
 * @p error with every secret in @p secrets replaced by "<redacted>" in each of its texts: what the
 * server said (message, field and form messages), the technical detail, the redirect target. The
 * API client passes every error it returns through this, so no secret reaches a screen or a log.
 */
ApiError redacted(ApiError error, const QStringList &secrets);

} // namespace portal
