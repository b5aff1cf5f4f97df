#include "credentials.h"

#include <QJsonValue>

namespace portal {

namespace {

/// A non-empty string member of @p object, or an empty string.
QString stringMember(const QJsonObject &object, const char *name)
{
    const QJsonValue value = object.value(QLatin1String(name));
    return value.isString() ? value.toString() : QString();
}

} // namespace

Credentials::~Credentials() = default;

std::unique_ptr<Credentials> Credentials::create(AuthMode mode)
{
    if (mode == AuthMode::Jwt)
        return std::make_unique<JwtCredentials>();
    return std::make_unique<TokenCredentials>();
}

bool Credentials::canRenew(const ApiError &) const
{
    return false;
}

bool Credentials::needsRenewal() const
{
    return false;
}

ApiRequest Credentials::renewal(const ApiEndpoints &) const
{
    return {};
}

bool Credentials::applyRenewal(const QJsonObject &, bool *storedSecretChanged)
{
    if (storedSecretChanged)
        *storedSecretChanged = false;
    return false;
}

// ---------------------------------------------------------------------------------------------

void TokenCredentials::setKeyword(const QString &keyword)
{
    m_keyword = keyword;
}

QString TokenCredentials::keyword() const
{
    return m_keyword;
}

void TokenCredentials::setToken(const QString &token)
{
    m_token = token;
}

QByteArray TokenCredentials::authorization() const
{
    if (m_token.isEmpty())
        return {};
    return m_keyword.toUtf8() + ' ' + m_token.toUtf8();
}

QStringList TokenCredentials::secrets() const
{
    return m_token.isEmpty() ? QStringList() : QStringList{m_token};
}

void TokenCredentials::clear()
{
    m_token.clear();
}

QString TokenCredentials::storedSecret() const
{
    return m_token;
}

void TokenCredentials::restore(const QString &storedSecret)
{
    m_token = storedSecret;
}

bool TokenCredentials::adopt(const QJsonObject &signInAnswer)
{
    // The seed's {token, customer}, or Djoser's {auth_token}.
    m_token = stringMember(signInAnswer, "token");
    if (m_token.isEmpty())
        m_token = stringMember(signInAnswer, "auth_token");
    return !m_token.isEmpty();
}

ApiRequest TokenCredentials::signOut(const ApiEndpoints &endpoints) const
{
    ApiRequest request;
    request.method = "POST";
    request.path = endpoints.logoutPath;
    request.role = RequestRole::Logout;
    return request;
}

// ---------------------------------------------------------------------------------------------

QByteArray JwtCredentials::authorization() const
{
    if (m_access.isEmpty())
        return {};
    return QByteArrayLiteral("Bearer ") + m_access.toUtf8();
}

QStringList JwtCredentials::secrets() const
{
    QStringList held;
    if (!m_access.isEmpty())
        held.append(m_access);
    if (!m_refresh.isEmpty())
        held.append(m_refresh);
    return held;
}

void JwtCredentials::clear()
{
    m_access.clear();
    m_refresh.clear();
}

QString JwtCredentials::storedSecret() const
{
    return m_refresh;
}

void JwtCredentials::restore(const QString &storedSecret)
{
    m_access.clear();
    m_refresh = storedSecret;
}

bool JwtCredentials::adopt(const QJsonObject &signInAnswer)
{
    m_access = stringMember(signInAnswer, "access");
    m_refresh = stringMember(signInAnswer, "refresh");
    if (m_access.isEmpty() || m_refresh.isEmpty()) {
        clear();
        return false;
    }
    return true;
}

bool JwtCredentials::canRenew(const ApiError &error) const
{
    // simplejwt answers an expired (or otherwise unusable) access token with this code; any
    // other 401 ("not authenticated", a user that is gone) is not cured by a refresh.
    return !m_refresh.isEmpty() && error.kind == ErrorKind::Unauthorized &&
           error.body.value(QLatin1String("code")).toString() == QLatin1String("token_not_valid");
}

bool JwtCredentials::needsRenewal() const
{
    return m_access.isEmpty() && !m_refresh.isEmpty();
}

ApiRequest JwtCredentials::renewal(const ApiEndpoints &endpoints) const
{
    ApiRequest request;
    request.method = "POST";
    request.path = endpoints.jwtRefreshPath;
    request.body = QJsonObject{{QStringLiteral("refresh"), m_refresh}};
    request.authenticated = false;
    request.role = RequestRole::Renewal;
    return request;
}

bool JwtCredentials::applyRenewal(const QJsonObject &answer, bool *storedSecretChanged)
{
    const QString access = stringMember(answer, "access");
    const QString refresh = stringMember(answer, "refresh");
    if (storedSecretChanged)
        *storedSecretChanged = !refresh.isEmpty() && refresh != m_refresh;
    if (access.isEmpty())
        return false;
    m_access = access;
    if (!refresh.isEmpty()) // Rotation: the old refresh token is blacklisted now.
        m_refresh = refresh;
    return true;
}

ApiRequest JwtCredentials::signOut(const ApiEndpoints &endpoints) const
{
    ApiRequest request;
    request.method = "POST";
    request.path = endpoints.jwtBlacklistPath;
    request.body = QJsonObject{{QStringLiteral("refresh"), m_refresh}};
    request.authenticated = false;
    request.role = RequestRole::Logout;
    return request;
}

} // namespace portal
