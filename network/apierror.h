#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace portal {

/// What went wrong with a request, in the terms the user interface cares about.
enum class ErrorKind
{
    InvalidCredentials, ///< Login or register refused the username/password.
    Unauthorized,       ///< 401 on an authenticated request: the token is not (or no longer) valid.
    Forbidden,          ///< 403 that does not end the session: the user may not do this.
    Validation,         ///< 400 with per-field and/or non-field messages.
    NotFound,           ///< 404.
    Conflict,           ///< 412: someone changed the record first (body: their version).
    PreconditionRequired, ///< 428: the server wants If-Match and the request had none.
    RateLimited,          ///< 429; see ApiError::retryAfterSeconds.
    Server,               ///< 5xx or another unexpected status.
    Network,              ///< No whole HTTP answer: refused, reset (even mid-body), DNS, TLS...
    Timeout,              ///< The transfer timeout elapsed.
    InsecureTransport,    ///< Plain http to a non-loopback host: refused before sending anything.
    RedirectBlocked,      ///< The server redirected to another origin; nothing was sent there.
    BadResponse,          ///< A success status with a body that is not what the contract says.
    Cancelled,            ///< The request was aborted by the client (sign-out, shutdown).
    ResponseTooLarge,     ///< The answer was bigger than the client reads; cut off unread.
    ProxyAuthenticationRequired, ///< The network's proxy wants credentials (407).
    TlsFailure, ///< The server's certificate was refused; ApiError::tlsProblem says why.
    /// Signing in: the server accepted the password, then refused the credentials it had just
    /// issued (a misconfigured server); signing in again cannot help.
    IssuedSessionRejected,
};

/// Why a server's certificate was refused (never ignored).
enum class TlsProblem
{
    None,
    Untrusted,    ///< Not signed by a trusted authority (self-signed, unknown company CA).
    NameMismatch, ///< Issued for another host name.
    Expired,      ///< Expired, or not valid yet.
    Other         ///< Revoked, malformed, handshake failed...
};

/**
 * A failed request: the kind, the HTTP status (0 when no HTTP answer arrived) and everything the
 * server said that the user interface can show. All server text is plain text, never markup.
 */
struct ApiError
{
    ErrorKind kind = ErrorKind::BadResponse;
    int httpStatus = 0;
    /// The server's own sentence ("detail", "error", "message"...), if it sent one.
    QString serverMessage;
    /// Serializer errors by wire field name ("email", "birth_date"...).
    QHash<QString, QStringList> fieldErrors;
    /// "non_field_errors" and similar form-level messages.
    QStringList nonFieldErrors;
    /// RateLimited: seconds to wait from Retry-After (seconds or HTTP date); -1 when unknown.
    int retryAfterSeconds = -1;
    /// The JSON object body, when there was one (a 412 carries the current resource here).
    QJsonObject body;
    /// The ETag header of the error response, if any (412 sends the current one).
    QByteArray etag;
    /// The server's host (and port) for messages such as "Can't reach the server at %1."
    QString server;
    /// RedirectBlocked: the address ("scheme://host[:port]") the server tried to redirect to.
    QString redirectTarget;
    /// TlsFailure: what was wrong with the certificate.
    TlsProblem tlsProblem = TlsProblem::None;
    /// Set by ApiClient: the operator fixed the server address, so a message must not send the
    /// person to Settings to change it (ApiClient::setServerAddressFixed()).
    bool serverAddressFixed = false;
    /**
     * Set by ApiClient: this failure proved the session's credentials dead (the session-expiry
     * rule, applied in the network layer only). ApiClient::sessionExpired() follows once per
     * token; a caller only needs to stop what it was doing.
     */
    bool endsSession = false;
    /// Technical detail for logs (never shown as the main message; never contains secrets).
    QString technicalDetail;

    /// The sentence to show the user: one tr() switch over the kind (see errormessages.cpp).
    QString userMessage() const;
};

/// A stable English name of the kind, for logs and test output.
QString errorKindName(ErrorKind kind);

} // namespace portal
