#pragma once

#include "responseparser.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace portal {

/// Which API a server speaks (QSettings key server/api, --api): it sets the default endpoint paths
/// (every one stays overridable); the client reads either flavour's answers.
enum class ApiFlavour
{
    Seed,  ///< The seed's hand-written views under /api/ (the default).
    Djoser ///< Djoser under /auth/: login gives {auth_token}, registration gives no token.
};

/// Endpoint paths relative to the base URL; a deployment may mount them elsewhere.
struct ApiEndpoints
{
    /// The default paths of @p flavour.
    static ApiEndpoints forFlavour(ApiFlavour flavour);

    /// The flavour whose defaults these paths started from.
    ApiFlavour flavour = ApiFlavour::Seed;

    QString registerPath = QStringLiteral("/api/register/");
    QString loginPath = QStringLiteral("/api/login/");
    QString logoutPath = QStringLiteral("/api/logout/");
    QString profilePath = QStringLiteral("/api/profile/");
    QString customersPath = QStringLiteral("/api/customers/");
    /// JWT (simplejwt): sign in with {username, password} for {access, refresh}.
    QString jwtObtainPath = QStringLiteral("/api/token/");
    /// JWT: {refresh} for a new {access} (and a new refresh when the server rotates them).
    QString jwtRefreshPath = QStringLiteral("/api/token/refresh/");
    /// JWT: {refresh} is blacklisted at sign-out, where the server has the endpoint.
    QString jwtBlacklistPath = QStringLiteral("/api/token/blacklist/");
    // Account self-service: Djoser's paths in both flavours (a seed server without them answers
    // 404, and the client hides the feature for that server).
    /// POST {current_password, new_password}.
    QString setPasswordPath = QStringLiteral("/auth/users/set_password/");
    /// POST {email}, without credentials: 204 whether or not the address is known.
    QString resetPasswordPath = QStringLiteral("/auth/users/reset_password/");
    /// POST {uid, token, new_password}, without credentials.
    QString resetPasswordConfirmPath = QStringLiteral("/auth/users/reset_password_confirm/");
    /// DELETE {current_password}: the signed-in account.
    QString accountPath = QStringLiteral("/auth/users/me/");
};

/// How the server authenticates requests (QSettings key server/auth, --auth).
enum class AuthMode
{
    Token, ///< DRF TokenAuthentication: one long-lived token ("Token <key>").
    Jwt    ///< simplejwt: a short-lived access token, renewed with a refresh token.
};

/// One request as the API client sends it.
struct ApiRequest
{
    QByteArray method = "GET";
    QString path;              ///< Relative to the base URL; may carry a query.
    QJsonObject body;          ///< Sent as JSON when the method has a body.
    bool authenticated = true; ///< Attach the token (never for login/register).
    RequestRole role = RequestRole::Authenticated;
    QList<QPair<QByteArray, QByteArray>> headers; ///< Extra headers, e.g. If-Match.
    int timeoutMs = -1;                           ///< -1: the client's transfer timeout.
    /// A GET may be answered from the client's short-lived cache (false: a person asked for the
    /// latest, e.g. Refresh).
    bool allowCached = true;
};

} // namespace portal
