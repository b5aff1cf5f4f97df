#include "serverurl.h"
#include "transport_p.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>

namespace portal::transport {

namespace {

const char *const kTooLarge = "portal.tooLarge";
const char *const kTlsProblem = "portal.tlsProblem";

TlsProblem problemOf(const QSslError &error)
{
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return TlsProblem::Untrusted;
    case QSslError::HostNameMismatch:
        return TlsProblem::NameMismatch;
    case QSslError::CertificateExpired:
    case QSslError::CertificateNotYetValid:
        return TlsProblem::Expired;
    default:
        return TlsProblem::Other;
    }
}

/// Writes always carry a JSON body; a DELETE only when it has one (Djoser's {current_password}).
bool sendsBody(const ApiRequest &request)
{
    const QByteArray method = request.method.toUpper();
    return method == "POST" || method == "PUT" || method == "PATCH" ||
           (method == "DELETE" && !request.body.isEmpty());
}

QString displayOrigin(const QUrl &url)
{
    return url
        .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                  QUrl::RemoveUserInfo)
        .toDisplayString();
}

ApiError transportRefusal(const QUrl &url)
{
    ApiError error;
    error.server = serverLabel(url);
    if (url.host().isEmpty()) {
        error.kind = ErrorKind::Network;
        error.technicalDetail = QStringLiteral("no usable server address: %1").arg(logUrl(url));
    } else {
        error.kind = ErrorKind::InsecureTransport;
        error.technicalDetail =
            QStringLiteral("only https, or http to a loopback host, is allowed; not %1://%2")
                .arg(url.scheme(), url.host());
    }
    return error;
}

} // namespace

QString serverLabel(const QUrl &url)
{
    QString host = url.host();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return url.port() == -1 ? host : host + QLatin1Char(':') + QString::number(url.port());
}

QString logUrl(const QUrl &url)
{
    const QString bare =
        url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    return url.hasQuery() ? bare + QStringLiteral("?\u2026") : bare;
}

std::optional<ApiError> refuseTransport(const QUrl &url)
{
    if (url.isValid() && !url.host().isEmpty()) {
        if (url.scheme() == QLatin1String("https"))
            return std::nullopt;
        if (url.scheme() == QLatin1String("http") && isLoopbackHost(url.host()))
            return std::nullopt;
    }
    return transportRefusal(url);
}

QNetworkRequest buildRequest(const QUrl &url, const ApiRequest &request, int timeoutMs)
{
    QNetworkRequest netRequest(url);
    // Qt's default policy follows redirects to other origins with the Authorization header.
    netRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                            QNetworkRequest::SameOriginRedirectPolicy);
    netRequest.setTransferTimeout(request.timeoutMs > 0 ? request.timeoutMs : timeoutMs);
    // Token authentication only: no cookie (such as a Django session) rides along or is kept.
    netRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    netRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    netRequest.setRawHeader("Accept", "application/json");
    netRequest.setHeader(QNetworkRequest::UserAgentHeader,
                         QByteArrayLiteral("CustomerPortal/" PORTAL_VERSION));
    if (sendsBody(request))
        netRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                             QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : request.headers) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
            continue; // Only the client's credentials decide where an Authorization goes.
        netRequest.setRawHeader(name, value);
    }
    return netRequest;
}

QNetworkReply *start(QNetworkAccessManager *manager, const QNetworkRequest &request,
                     const ApiRequest &apiRequest)
{
    const QByteArray method = apiRequest.method.toUpper();
    if (method == "GET")
        return manager->get(request);
    if (method == "HEAD")
        return manager->head(request);
    const QByteArray body = sendsBody(apiRequest)
                                ? QJsonDocument(apiRequest.body).toJson(QJsonDocument::Compact)
                                : QByteArray();
    return manager->sendCustomRequest(request, method, body);
}

RawResponse rawResponseOf(QNetworkReply *reply, const QString &server)
{
    RawResponse raw;
    raw.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen()) // An aborted (timed-out) reply is closed.
        raw.body = reply->readAll();
    const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
    const QVariant declared = reply->header(QNetworkRequest::ContentLengthHeader);
    if (declared.isValid() && (encoding.isEmpty() || encoding == "identity") &&
        reply->operation() != QNetworkAccessManager::HeadOperation)
        raw.declaredLength = declared.toLongLong();
    raw.contentType = reply->rawHeader("Content-Type");
    raw.etag = reply->rawHeader("ETag");
    raw.retryAfter = reply->rawHeader("Retry-After");
    raw.networkError = reply->error();
    raw.networkErrorString = reply->errorString();
    // The client never aborts a reply it still listens to (ApiCall::abort disconnects first), so a
    // cancelled reply here was cancelled by the transfer timeout.
    raw.tooLarge = reply->property(kTooLarge).toBool();
    raw.tlsProblem = TlsProblem(reply->property(kTlsProblem).toInt());
    raw.timedOut = !raw.tooLarge && raw.networkError == QNetworkReply::OperationCanceledError;
    raw.server = server;
    if (raw.networkError == QNetworkReply::InsecureRedirectError) {
        const QUrl location = QUrl::fromEncoded(reply->rawHeader("Location"));
        if (location.isValid())
            raw.redirectTarget = displayOrigin(reply->url().resolved(location));
    }
    return raw;
}

void limitBody(QNetworkReply *reply, qint64 maxBytes)
{
    // A proxy's 20 MB page or a hostile server's endless body is never read whole.
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                     [reply, maxBytes](qint64 received, qint64 total) {
                         if (received <= maxBytes && total <= maxBytes)
                             return;
                         reply->setProperty(kTooLarge, true);
                         reply->abort();
                     });
}

void noteTlsProblems(QNetworkReply *reply)
{
    QObject::connect(
        reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
            if (errors.isEmpty() || reply->property(kTlsProblem).isValid())
                return;
            // The most telling problem first: an untrusted chain usually also
            // fails the name check of a test certificate, and the chain is the news.
            TlsProblem problem = TlsProblem::Other;
            for (const QSslError &error : errors) {
                const TlsProblem found = problemOf(error);
                if (found != TlsProblem::Other && (problem == TlsProblem::Other || found < problem))
                    problem = found;
            }
            reply->setProperty(kTlsProblem, int(problem));
        });
}

} // namespace portal::transport
