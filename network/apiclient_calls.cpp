// The typed requests of the API (API.md): each builds an ApiRequest and hands it to send().

#include "apiclient.h"

#include <QStringList>

namespace portal {

ApiCall *ApiClient::login(const QString &username, const QString &password)
{
    ApiRequest request;
    request.method = "POST";
    request.path = authMode() == AuthMode::Jwt ? endpoints().jwtObtainPath : endpoints().loginPath;
    request.body =
        QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    request.authenticated = false;
    request.role = RequestRole::Credentials;
    return send(request);
}

ApiCall *ApiClient::registerAccount(const QJsonObject &fields)
{
    ApiRequest request;
    request.method = "POST";
    request.path = endpoints().registerPath;
    request.body = fields;
    request.authenticated = false;
    request.role = RequestRole::Registration;
    return send(request);
}

ApiCall *ApiClient::fetchProfile(bool fresh)
{
    ApiRequest request;
    request.path = endpoints().profilePath;
    request.role = RequestRole::ProfileRead;
    request.allowCached = !fresh;
    return send(request);
}

ApiCall *ApiClient::updateProfile(const QJsonObject &changes, const QByteArray &ifMatch,
                                  bool replace)
{
    ApiRequest request;
    request.method = replace ? "PUT" : "PATCH";
    request.path = endpoints().profilePath;
    request.body = changes;
    if (!ifMatch.isEmpty())
        request.headers.append({QByteArrayLiteral("If-Match"), ifMatch});
    return send(request);
}

ApiCall *ApiClient::fetchCustomerPage(const CustomerPageQuery &query)
{
    // Percent-encoded by hand: QUrlQuery leaves '+' as it is, which Django reads as a space.
    QStringList params;
    const auto add = [&params](const char *name, const QString &value) {
        params.append(QLatin1String(name) + QLatin1Char('=') +
                      QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    if (!query.search.isEmpty())
        add("search", query.search);
    if (!query.ordering.isEmpty())
        add("ordering", query.ordering);
    add("page", QString::number(qMax(1, query.page)));
    add("page_size", QString::number(qMax(1, query.pageSize)));
    ApiRequest request;
    request.path = endpoints().customersPath + QLatin1Char('?') + params.join(QLatin1Char('&'));
    request.role = RequestRole::Staff;
    return send(request);
}

ApiCall *ApiClient::fetchCustomer(qint64 id, bool fresh)
{
    ApiRequest request;
    request.path = endpoints().customersPath + QString::number(id) + QLatin1Char('/');
    request.role = RequestRole::Staff;
    request.allowCached = !fresh;
    return send(request);
}

ApiCall *ApiClient::updateCustomer(qint64 id, const QJsonObject &changes, const QByteArray &ifMatch)
{
    ApiRequest request;
    request.method = "PATCH";
    request.path = endpoints().customersPath + QString::number(id) + QLatin1Char('/');
    request.body = changes;
    request.role = RequestRole::Staff;
    if (!ifMatch.isEmpty())
        request.headers.append({QByteArrayLiteral("If-Match"), ifMatch});
    return send(request);
}

ApiCall *ApiClient::fetchCustomerHistory(qint64 id)
{
    ApiRequest request;
    request.path = endpoints().customersPath + QString::number(id) + QStringLiteral("/history/");
    request.role = RequestRole::Staff;
    return send(request);
}

} // namespace portal
