#include "serverurl.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace portal {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(ServerUrl)
};

int defaultPort(const QString &scheme)
{
    if (scheme == QLatin1String("https"))
        return 443;
    if (scheme == QLatin1String("http"))
        return 80;
    return -1;
}

int effectivePort(const QUrl &url)
{
    return url.port(defaultPort(url.scheme()));
}

bool hasScheme(const QString &text)
{
    // "127.0.0.1:8000" or "localhost:8000" would otherwise parse as a URL with an odd scheme.
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    return scheme.match(text).hasMatch();
}

// Why @p url cannot be a server address, or an empty string when it can.
QString problemWith(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return Text::tr("Use an address starting with https://.");
    if (url.host().isEmpty())
        return Text::tr("The address has no server name. Enter one such as "
                        "https://portal.example.com.");
    if (!url.userInfo().isEmpty())
        return Text::tr("Leave the user name and password out of the address.");
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return Text::tr("Plain http is allowed only to this computer; use https.");
    return {};
}

QUrl normalised(QUrl url)
{
    url.setScheme(url.scheme().toLower());
    url.setHost(url.host().toLower());
    url.setQuery(QString());
    url.setFragment(QString());
    if (url.port() == defaultPort(url.scheme()))
        url.setPort(-1);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

} // namespace

ServerUrlCheck checkServerUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {{}, Text::tr("Enter the server address, such as https://portal.example.com.")};
    if (!hasScheme(trimmed))
        return {{}, Text::tr("Enter a full address starting with https://")};
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return {{}, Text::tr("This is not a valid address. Check it for typing mistakes.")};
    if (const QString problem = problemWith(url); !problem.isEmpty())
        return {{}, problem};
    return {normalised(url), {}};
}

bool isLoopbackHost(const QString &host)
{
    QString name = host.trimmed().toLower();
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
        name = name.mid(1, name.size() - 2);
    if (name == QLatin1String("localhost"))
        return true;
    // Only literal addresses count: a name is never looked up, so "localhost.evil.com" is not
    // loopback however it resolves.
    QHostAddress address;
    if (!address.setAddress(name))
        return false;
    return address.isLoopback();
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    if (!a.isValid() || !b.isValid() || a.host().isEmpty())
        return false;
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           effectivePort(a) == effectivePort(b);
}

QString originOf(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    QString host = url.host().toLower();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return url.scheme().toLower() + QLatin1String("://") + host + QLatin1Char(':') +
           QString::number(effectivePort(url));
}

QUrl joinUrl(const QUrl &base, const QString &path)
{
    QString relative = path;
    QString query;
    if (const qsizetype mark = relative.indexOf(QLatin1Char('?')); mark >= 0) {
        query = relative.mid(mark + 1);
        relative.truncate(mark);
    }
    // The base may carry a prefix (https://host/portal): endpoint paths are appended to it, never
    // resolved against it, so a leading "/" in the endpoint cannot drop the prefix.
    QString basePath = base.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    while (relative.startsWith(QLatin1Char('/')))
        relative.remove(0, 1);
    QUrl url = base;
    url.setPath(basePath + QLatin1Char('/') + relative);
    url.setQuery(query.isEmpty() ? QString() : query);
    url.setFragment(QString());
    return url;
}

} // namespace portal
