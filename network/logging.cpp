#include "logging.h"

namespace portal {

// Debug output is off unless enabled with QT_LOGGING_RULES (the tests turn it on).
Q_LOGGING_CATEGORY(lcNetwork, "portal.network", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "portal.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "portal.keychain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "portal.ui", QtInfoMsg)

QByteArray redactAuthorization(const QByteArray &headerValue)
{
    if (headerValue.isEmpty())
        return {};
    const QByteArray redacted = QByteArrayLiteral("<redacted>");
    // Keep the scheme ("Token", "Bearer"): it helps debugging and is not a secret.
    const qsizetype space = headerValue.indexOf(' ');
    if (space <= 0)
        return redacted;
    return headerValue.left(space + 1) + redacted;
}

QString redactSecret(QString text, const QString &secret)
{
    if (!secret.isEmpty())
        text.replace(secret, QStringLiteral("<redacted>"));
    return text;
}

ApiError redacted(ApiError error, const QStringList &secrets)
{
    const auto clean = [&secrets](QString text) {
        for (const QString &secret : secrets)
            text = redactSecret(std::move(text), secret);
        return text;
    };
    error.serverMessage = clean(error.serverMessage);
    error.technicalDetail = clean(error.technicalDetail);
    error.redirectTarget = clean(error.redirectTarget);
    for (QString &message : error.nonFieldErrors)
        message = clean(message);
    for (QStringList &messages : error.fieldErrors) {
        for (QString &message : messages)
            message = clean(message);
    }
    return error;
}

} // namespace portal
