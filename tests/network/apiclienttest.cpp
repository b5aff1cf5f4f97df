#include "apiclienttest.h"

namespace portal::test {

std::shared_ptr<Outcome> watch(ApiCall *call)
{
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(call, &ApiCall::finished, call, [outcome](const ApiResult &result) {
        ++outcome->count;
        outcome->result = result;
    });
    return outcome;
}

QString kindName(ErrorKind kind)
{
    return errorKindName(kind);
}

QUrl withPath(const QUrl &base, const QString &path)
{
    QUrl url = base;
    url.setPath(path);
    return url;
}

int headerCount(const FaultServer::Request &request, const QByteArray &name)
{
    int count = 0;
    for (const auto &header : request.headers)
        count += header.first.compare(name, Qt::CaseInsensitive) == 0 ? 1 : 0;
    return count;
}

} // namespace portal::test
