#pragma once

#include "apierror.h"
#include "apirequest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace portal {

/**
 * What authenticated requests carry, one implementation per authentication scheme (DRF token,
 * JWT). ApiClient holds one and asks it, in one place, what header to attach, which secrets must
 * never reach a log line, what a failure means, how to renew and how to sign out.
 */
class Credentials
{
public:
    Credentials() = default;
    virtual ~Credentials();
    Credentials(const Credentials &) = delete;
    Credentials &operator=(const Credentials &) = delete;

    /// A new, empty instance for @p mode.
    static std::unique_ptr<Credentials> create(AuthMode mode);

    virtual AuthMode mode() const = 0;

    /// The value of the Authorization header; empty when there is nothing to send.
    virtual QByteArray authorization() const = 0;
    /// Every secret held (tokens), for redaction.
    virtual QStringList secrets() const = 0;
    /// Forgets every secret.
    virtual void clear() = 0;

    /// The secret that outlives the run (kept in the keychain): the token, or the refresh token.
    virtual QString storedSecret() const = 0;
    /// Takes the secret kept in the keychain (see storedSecret()).
    virtual void restore(const QString &storedSecret) = 0;
    /// Takes the credentials of a sign-in answer; false (and nothing held) when it has none.
    virtual bool adopt(const QJsonObject &signInAnswer) = 0;

    /// True when @p error, a failure of a request that carried these credentials, can be cured
    /// by renewing them (an expired JWT access token).
    virtual bool canRenew(const ApiError &error) const;
    /// True when nothing can be sent before a renewal (a restored refresh token, no access yet).
    virtual bool needsRenewal() const;
    /// The renewal request (only asked when canRenew() or needsRenewal()).
    virtual ApiRequest renewal(const ApiEndpoints &endpoints) const;
    /**
     * Takes a renewal's answer; false when it is not one. @p storedSecretChanged says whether the
     * kept secret was replaced (a rotated refresh token).
     */
    virtual bool applyRenewal(const QJsonObject &answer, bool *storedSecretChanged);

    /// The request that ends the session on the server (its answer does not matter).
    virtual ApiRequest signOut(const ApiEndpoints &endpoints) const = 0;

    bool isSet() const { return !secrets().isEmpty(); }
};

/// DRF TokenAuthentication: "Token <key>" (the keyword is configurable, e.g. "Bearer").
class TokenCredentials final : public Credentials
{
public:
    void setKeyword(const QString &keyword);
    QString keyword() const;
    void setToken(const QString &token);

    AuthMode mode() const override { return AuthMode::Token; }
    QByteArray authorization() const override;
    QStringList secrets() const override;
    void clear() override;
    QString storedSecret() const override;
    void restore(const QString &storedSecret) override;
    bool adopt(const QJsonObject &signInAnswer) override;
    ApiRequest signOut(const ApiEndpoints &endpoints) const override;

private:
    QString m_keyword = QStringLiteral("Token");
    QString m_token;
};

/**
 * simplejwt: "Bearer <access>". The access token lives in memory only; the refresh token is the
 * stored secret. A 401 whose body says "token_not_valid" is cured by one refresh.
 */
class JwtCredentials final : public Credentials
{
public:
    AuthMode mode() const override { return AuthMode::Jwt; }
    QByteArray authorization() const override;
    QStringList secrets() const override;
    void clear() override;
    QString storedSecret() const override;
    void restore(const QString &storedSecret) override;
    bool adopt(const QJsonObject &signInAnswer) override;
    bool canRenew(const ApiError &error) const override;
    bool needsRenewal() const override;
    ApiRequest renewal(const ApiEndpoints &endpoints) const override;
    bool applyRenewal(const QJsonObject &answer, bool *storedSecretChanged) override;
    ApiRequest signOut(const ApiEndpoints &endpoints) const override;

private:
    QString m_access;
    QString m_refresh;
};

} // namespace portal
