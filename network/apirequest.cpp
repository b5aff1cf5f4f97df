#include "apirequest.h"

namespace portal {

ApiEndpoints ApiEndpoints::forFlavour(ApiFlavour flavour)
{
    ApiEndpoints endpoints;
    endpoints.flavour = flavour;
    if (flavour == ApiFlavour::Djoser) {
        // Djoser mounted under /auth/ (its authtoken and jwt URL sets). The staff endpoints are
        // the server's own; Djoser has none, nor a JWT blacklist (a 404 there is fine).
        endpoints.registerPath = QStringLiteral("/auth/users/");
        endpoints.loginPath = QStringLiteral("/auth/token/login/");
        endpoints.logoutPath = QStringLiteral("/auth/token/logout/");
        endpoints.profilePath = QStringLiteral("/auth/users/me/");
        endpoints.jwtObtainPath = QStringLiteral("/auth/jwt/create/");
        endpoints.jwtRefreshPath = QStringLiteral("/auth/jwt/refresh/");
    }
    return endpoints;
}

} // namespace portal
