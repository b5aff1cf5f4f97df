#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace portal {

/**
 * What authenticated requests carry. One implementation per authentication scheme (DRF token
 * today); ApiClient holds one and asks it, in one place, for the header to attach and for every
 * secret that must never reach a log line.
 */
class Credentials
{
public:
    Credentials() = default;
    virtual ~Credentials();
    Credentials(const Credentials &) = delete;
    Credentials &operator=(const Credentials &) = delete;

    /// The value of the Authorization header; empty when there is nothing to send.
    virtual QByteArray authorization() const = 0;
    /// Every secret held (tokens), for redaction.
    virtual QStringList secrets() const = 0;
    /// Forgets every secret.
    virtual void clear() = 0;

    bool isSet() const { return !authorization().isEmpty(); }
};

/// DRF TokenAuthentication: "Token <key>" (the keyword is configurable, e.g. "Bearer").
class TokenCredentials final : public Credentials
{
public:
    void setKeyword(const QString &keyword);
    QString keyword() const;
    void setToken(const QString &token);

    QByteArray authorization() const override;
    QStringList secrets() const override;
    void clear() override;

private:
    QString m_keyword = QStringLiteral("Token");
    QString m_token;
};

} // namespace portal
