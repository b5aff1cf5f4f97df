#include "credentials.h"

namespace portal {

Credentials::~Credentials() = default;

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

} // namespace portal
