// The account self-service calls of ApiClient (Djoser's endpoints; see ApiEndpoints).

#include "apiclient.h"

#include <QJsonObject>

namespace portal {

namespace {

ApiRequest post(const QString &path, const QJsonObject &body, bool authenticated)
{
    ApiRequest request;
    request.method = "POST";
    request.path = path;
    request.body = body;
    request.authenticated = authenticated;
    return request;
}

} // namespace

ApiCall *ApiClient::changePassword(const QString &currentPassword, const QString &newPassword)
{
    return send(post(endpoints().setPasswordPath,
                     {{QStringLiteral("current_password"), currentPassword},
                      {QStringLiteral("new_password"), newPassword}},
                     true));
}

ApiCall *ApiClient::requestPasswordReset(const QString &email)
{
    return send(post(endpoints().resetPasswordPath, {{QStringLiteral("email"), email}}, false));
}

ApiCall *ApiClient::confirmPasswordReset(const QString &uid, const QString &token,
                                         const QString &newPassword)
{
    return send(post(endpoints().resetPasswordConfirmPath,
                     {{QStringLiteral("uid"), uid},
                      {QStringLiteral("token"), token},
                      {QStringLiteral("new_password"), newPassword}},
                     false));
}

ApiCall *ApiClient::deleteAccount(const QString &currentPassword)
{
    ApiRequest request;
    request.method = "DELETE";
    request.path = endpoints().accountPath;
    request.body = {{QStringLiteral("current_password"), currentPassword}};
    return send(request);
}

} // namespace portal
