#pragma once

#include "apiresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QNetworkReply>
#include <QString>

namespace portal {

/// Why a request is made: decides how a 400/401/403 is read.
enum class RequestRole
{
    Credentials,  ///< login: a 401, or a 400 with only non-field errors, means wrong credentials.
    Registration, ///< register: a 401 means wrong credentials; a 400 is always Validation.
    Logout,       ///< a 401 here means "already signed out", never "session expired".
    ProfileRead,  ///< GET profile: a 403 can only mean a dead token on a 403-first server.
    Staff,        ///< a support-staff endpoint: a 403 means the user is not (or no longer) staff.
    Renewal,      ///< JWT refresh: a 400, 401 or 403 means the refresh token is dead.
    Authenticated ///< any other authenticated request.
};

/// Everything the parser needs from a finished reply, copied out so parsing stays pure.
struct RawResponse
{
    int httpStatus = 0; ///< 0 when no HTTP response arrived.
    QByteArray body;
    /// The Content-Length of a body sent as is (-1: none, or encoded so sizes differ). Qt reports
    /// a body cut off by a reset as complete at times; a shorter body is caught by this.
    qint64 declaredLength = -1;
    QByteArray contentType;
    QByteArray etag;
    QByteArray retryAfter;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorString; ///< QNetworkReply::errorString(), for logs.
    bool timedOut = false;      ///< The transfer timeout fired.
    bool tooLarge = false;      ///< The body passed the client's limit and was cut off unread.
    /// The first certificate problem reported during the handshake (None when none).
    TlsProblem tlsProblem = TlsProblem::None;
    QString server;         ///< host[:port] for user messages.
    QString redirectTarget; ///< Where a blocked redirect pointed ("scheme://host[:port]").
};

/// Turns a finished exchange into a value or an error. Pure: no network, no globals.
ApiResult interpretResponse(const RawResponse &raw, RequestRole role, const QDateTime &now);

/**
 * Reads an error body of any shape in API.md (DRF detail, serializer errors, {"error": "..."},
 * the seed's envelope, simplejwt, or non-JSON) into @p error's message fields.
 */
void readErrorBody(const QByteArray &body, ApiError &error);

/// Retry-After as seconds from @p now (delta-seconds or an HTTP date); -1 when absent or invalid.
int parseRetryAfter(const QByteArray &value, const QDateTime &now);

/// True when this error must end the signed-in session (the rules in API.md and the issue).
bool endsSession(const ApiError &error, RequestRole role);

} // namespace portal
