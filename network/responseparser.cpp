#include "responseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <limits>

namespace portal {

namespace {

// Server text is shown as plain text; a proxy's 2 MB page must still not become a dialog.
constexpr qsizetype kMaxMessageLength = 500;

QString cleanMessage(const QString &text)
{
    QString cleaned = text.simplified();
    if (cleaned.size() > kMaxMessageLength) {
        qsizetype cut = kMaxMessageLength - 1;
        if (cleaned.at(cut - 1).isHighSurrogate()) // Never half of an emoji: invalid text.
            --cut;
        cleaned = cleaned.left(cut) + QChar(0x2026);
    }
    return cleaned;
}

// Every string inside @p value, depth first: DRF nests messages in lists and objects.
void collectStrings(const QJsonValue &value, QStringList &out)
{
    if (value.isString()) {
        if (const QString text = cleanMessage(value.toString()); !text.isEmpty())
            out.append(text);
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectStrings(item, out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectStrings(it.value(), out);
    }
}

QString firstString(const QJsonValue &value)
{
    QStringList strings;
    collectStrings(value, strings);
    return strings.value(0);
}

bool isNonFieldKey(const QString &key)
{
    return key == QLatin1String("non_field_errors") || key == QLatin1String("__all__");
}

// Shape 2: {"field": [...] | "..." | {nested}, "non_field_errors": [...]}. Nested serializer
// errors are flattened to dotted names ("address.city"), lists of objects keep their parent name.
void readFieldErrors(const QJsonObject &object, const QString &prefix, ApiError &error)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString name = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        const QJsonValue value = it.value();
        if (prefix.isEmpty() && isNonFieldKey(it.key())) {
            collectStrings(value, error.nonFieldErrors);
        } else if (value.isObject()) {
            readFieldErrors(value.toObject(), name, error);
        } else {
            QStringList messages;
            collectStrings(value, messages);
            if (!messages.isEmpty())
                error.fieldErrors[name] += messages;
        }
    }
}

void readErrorValue(const QJsonValue &value, ApiError &error);

// Shape 4: the seed's envelope. "message" is generic ("An error occurred"), so it is only used when
// "details" says nothing.
void readEnvelope(const QJsonObject &object, ApiError &error)
{
    readErrorValue(object.value(QLatin1String("details")), error);
    if (error.serverMessage.isEmpty() && error.fieldErrors.isEmpty() &&
        error.nonFieldErrors.isEmpty())
        error.serverMessage = firstString(object.value(QLatin1String("message")));
}

void readErrorObject(const QJsonObject &object, ApiError &error)
{
    const QJsonValue errorValue = object.value(QLatin1String("error"));
    const bool envelope = errorValue.isBool() || (object.contains(QLatin1String("details")) &&
                                                  object.contains(QLatin1String("status_code")));
    if (envelope) {
        readEnvelope(object, error);
    } else if (object.contains(QLatin1String("detail"))) {
        // Shapes 1 and 5 (simplejwt adds "code" and "messages", which add nothing for a person).
        error.serverMessage = firstString(object.value(QLatin1String("detail")));
    } else if (!errorValue.isUndefined()) {
        error.serverMessage = firstString(errorValue); // Shape 3.
    } else if (object.size() == 1 && object.contains(QLatin1String("message"))) {
        error.serverMessage = firstString(object.value(QLatin1String("message")));
    } else {
        readFieldErrors(object, QString(), error);
    }
}

void readErrorValue(const QJsonValue &value, ApiError &error)
{
    if (value.isObject())
        readErrorObject(value.toObject(), error);
    else if (value.isArray()) // DRF's ValidationError raised in a view: ["message", ...].
        collectStrings(value, error.nonFieldErrors);
    else if (value.isString())
        error.serverMessage = cleanMessage(value.toString());
}

ApiError errorOf(ErrorKind kind, const RawResponse &raw, const QString &detail)
{
    ApiError error;
    error.kind = kind;
    error.httpStatus = raw.httpStatus;
    error.server = raw.server;
    error.etag = raw.etag;
    error.technicalDetail = detail;
    return error;
}

QString describeBody(const RawResponse &raw)
{
    return QStringLiteral("%1 bytes of %2")
        .arg(raw.body.size())
        .arg(raw.contentType.isEmpty() ? QStringLiteral("unknown type")
                                       : QString::fromLatin1(raw.contentType));
}

ErrorKind kindForStatus(int status, RequestRole role, const ApiError &parsed)
{
    // A refresh token that is expired, blacklisted, malformed or missing: the session is over.
    if (role == RequestRole::Renewal && (status == 400 || status == 401 || status == 403))
        return ErrorKind::Unauthorized;
    switch (status) {
    case 400:
        // Login answers bad credentials with non-field errors. Register's non-field errors
        // ("that name and email are taken") are about the form, never a wrong password.
        if (role == RequestRole::Credentials && parsed.fieldErrors.isEmpty())
            return ErrorKind::InvalidCredentials;
        return ErrorKind::Validation;
    case 401:
        return role == RequestRole::Credentials || role == RequestRole::Registration
                   ? ErrorKind::InvalidCredentials
                   : ErrorKind::Unauthorized;
    case 403:
        // A 403-first server (SessionAuthentication first) answers a dead token with 403, and
        // reading one's own profile is never forbidden otherwise.
        return role == RequestRole::ProfileRead ? ErrorKind::Unauthorized : ErrorKind::Forbidden;
    case 404:
        return ErrorKind::NotFound;
    case 412:
        return ErrorKind::Conflict;
    case 428:
        return ErrorKind::PreconditionRequired;
    case 429:
        return ErrorKind::RateLimited;
    default:
        return ErrorKind::Server;
    }
}

ApiResult interpretHttpError(const RawResponse &raw, RequestRole role, const QDateTime &now)
{
    ApiError error =
        errorOf(ErrorKind::Server, raw,
                QStringLiteral("HTTP %1 (%2)").arg(raw.httpStatus).arg(describeBody(raw)));
    readErrorBody(raw.body, error);
    const QJsonDocument document = QJsonDocument::fromJson(raw.body);
    if (document.isObject())
        error.body = document.object();
    error.kind = kindForStatus(raw.httpStatus, role, error);
    if (error.kind == ErrorKind::RateLimited)
        error.retryAfterSeconds = parseRetryAfter(raw.retryAfter, now);
    return error;
}

// The contract's success bodies per role; anything else is BadResponse.
bool bodyFitsRole(const QJsonValue &json, RequestRole role)
{
    switch (role) {
    case RequestRole::Credentials: {
        // The seed's {token, customer}, Djoser's {auth_token} or simplejwt's {access, refresh}.
        const QJsonObject object = json.toObject();
        for (const char *name : {"token", "auth_token", "access"}) {
            const QJsonValue token = object.value(QLatin1String(name));
            if (token.isString() && !token.toString().isEmpty())
                return true;
        }
        return false;
    }
    case RequestRole::Registration:
        // {token, customer}, or (Djoser) the new user without a token: signing in comes next.
        return json.isObject();
    case RequestRole::ProfileRead:
        return json.isObject();
    case RequestRole::Renewal: {
        const QJsonValue access = json.toObject().value(QLatin1String("access"));
        return access.isString() && !access.toString().isEmpty();
    }
    case RequestRole::Logout:
        return true;
    case RequestRole::Staff:
    case RequestRole::Authenticated:
        return json.isObject() || json.isArray() || json.isNull();
    }
    return false;
}

ApiResult interpretSuccess(const RawResponse &raw, RequestRole role)
{
    // The answer broke off (a reset, or a close before Content-Length): the connection failed,
    // not the server's contract, so it is a Network failure (a read may pass next time).
    if (raw.networkError != QNetworkReply::NoError)
        return errorOf(
            ErrorKind::Network, raw,
            QStringLiteral("HTTP %1 cut off: %2").arg(raw.httpStatus).arg(raw.networkErrorString));
    if (raw.declaredLength >= 0 && raw.body.size() < raw.declaredLength)
        return errorOf(ErrorKind::Network, raw,
                       QStringLiteral("HTTP %1 cut off: %2 of %3 bytes")
                           .arg(raw.httpStatus)
                           .arg(raw.body.size())
                           .arg(raw.declaredLength));
    QJsonValue json;
    if (!raw.body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(raw.body, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return errorOf(ErrorKind::BadResponse, raw,
                           QStringLiteral("HTTP %1: not JSON (%2, %3)")
                               .arg(raw.httpStatus)
                               .arg(describeBody(raw), parseError.errorString()));
        if (!document.isObject() && !document.isArray())
            return errorOf(
                ErrorKind::BadResponse, raw,
                QStringLiteral("HTTP %1: JSON is neither object nor array").arg(raw.httpStatus));
        json = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    } else if (raw.httpStatus != 204 && role != RequestRole::Logout) {
        return errorOf(ErrorKind::BadResponse, raw,
                       QStringLiteral("HTTP %1 with an empty body").arg(raw.httpStatus));
    }
    if (!bodyFitsRole(json, role))
        return errorOf(ErrorKind::BadResponse, raw,
                       QStringLiteral("HTTP %1: unexpected JSON (%2)")
                           .arg(raw.httpStatus)
                           .arg(describeBody(raw)));
    return ApiResponse{raw.httpStatus, json, raw.etag};
}

ApiResult interpretTransportError(const RawResponse &raw)
{
    const QString detail = raw.networkErrorString.isEmpty()
                               ? QStringLiteral("network error %1").arg(int(raw.networkError))
                               : raw.networkErrorString;
    if (raw.tooLarge)
        return errorOf(ErrorKind::ResponseTooLarge, raw, QStringLiteral("body over the limit"));
    if (raw.timedOut)
        return errorOf(ErrorKind::Timeout, raw, detail);
    if (raw.networkError == QNetworkReply::ProxyAuthenticationRequiredError)
        return errorOf(ErrorKind::ProxyAuthenticationRequired, raw, detail);
    if (raw.tlsProblem != TlsProblem::None ||
        raw.networkError == QNetworkReply::SslHandshakeFailedError) {
        ApiError error = errorOf(ErrorKind::TlsFailure, raw, detail);
        error.tlsProblem = raw.tlsProblem == TlsProblem::None ? TlsProblem::Other : raw.tlsProblem;
        return error;
    }
    if (raw.networkError == QNetworkReply::OperationCanceledError)
        return errorOf(ErrorKind::Cancelled, raw, detail);
    if (raw.networkError == QNetworkReply::InsecureRedirectError) {
        ApiError error = errorOf(ErrorKind::RedirectBlocked, raw, detail);
        error.redirectTarget = raw.redirectTarget;
        return error;
    }
    return errorOf(ErrorKind::Network, raw, detail);
}

} // namespace

ApiResult interpretResponse(const RawResponse &raw, RequestRole role, const QDateTime &now)
{
    // A blocked redirect still carries its 3xx status, so transport errors are looked at first.
    const bool blockedRedirect = raw.networkError == QNetworkReply::InsecureRedirectError;
    const bool proxyWantsCredentials =
        raw.networkError == QNetworkReply::ProxyAuthenticationRequiredError;
    const bool tls = raw.tlsProblem != TlsProblem::None;
    if (raw.timedOut || raw.tooLarge || blockedRedirect || proxyWantsCredentials || tls ||
        raw.httpStatus <= 0)
        return interpretTransportError(raw);
    if (raw.httpStatus >= 200 && raw.httpStatus < 300)
        return interpretSuccess(raw, role);
    return interpretHttpError(raw, role, now);
}

void readErrorBody(const QByteArray &body, ApiError &error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    // Non-JSON (a proxy's HTML page, a truncated body) carries nothing a person should read.
    if (parseError.error != QJsonParseError::NoError)
        return;
    if (document.isObject())
        readErrorObject(document.object(), error);
    else if (document.isArray())
        readErrorValue(document.array(), error);
}

int parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool isNumber = false;
    const qlonglong delta = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return delta < 0 ? -1 : int(qMin(delta, qlonglong(std::numeric_limits<int>::max())));
    // An HTTP date (RFC 9110 IMF-fixdate: English names, always GMT).
    const QString text = QString::fromLatin1(trimmed);
    QDateTime date =
        QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (date.isValid())
        date = QDateTime(date.date(), date.time(), Qt::UTC);
    else
        date = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!date.isValid())
        return -1;
    const qint64 seconds = now.secsTo(date);
    return int(qBound(qint64(0), seconds, qint64(std::numeric_limits<int>::max())));
}

bool endsSession(const ApiError &error, RequestRole role)
{
    if (role != RequestRole::Authenticated && role != RequestRole::ProfileRead &&
        role != RequestRole::Staff && role != RequestRole::Renewal)
        return false;
    return error.kind == ErrorKind::Unauthorized;
}

} // namespace portal
