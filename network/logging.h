#pragma once

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>

namespace portal {

Q_DECLARE_LOGGING_CATEGORY(lcNetwork) // "portal.network"
Q_DECLARE_LOGGING_CATEGORY(lcAuth)    // "portal.auth"
Q_DECLARE_LOGGING_CATEGORY(lcKeychain) // "portal.keychain"
Q_DECLARE_LOGGING_CATEGORY(lcUi)      // "portal.ui"

/// "Token abcd…" -> "Token <redacted>": what every log line shows of an Authorization value.
QByteArray redactAuthorization(const QByteArray &headerValue);

/// @p text with every occurrence of @p secret (if non-empty) replaced by "<redacted>".
QString redactSecret(QString text, const QString &secret);

} // namespace portal
