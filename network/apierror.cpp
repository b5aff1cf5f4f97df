#include "apierror.h"

namespace portal {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidCredentials:
        return QStringLiteral("InvalidCredentials");
    case ErrorKind::Unauthorized:
        return QStringLiteral("Unauthorized");
    case ErrorKind::Forbidden:
        return QStringLiteral("Forbidden");
    case ErrorKind::Validation:
        return QStringLiteral("Validation");
    case ErrorKind::NotFound:
        return QStringLiteral("NotFound");
    case ErrorKind::Conflict:
        return QStringLiteral("Conflict");
    case ErrorKind::PreconditionRequired:
        return QStringLiteral("PreconditionRequired");
    case ErrorKind::RateLimited:
        return QStringLiteral("RateLimited");
    case ErrorKind::Server:
        return QStringLiteral("Server");
    case ErrorKind::Network:
        return QStringLiteral("Network");
    case ErrorKind::Timeout:
        return QStringLiteral("Timeout");
    case ErrorKind::InsecureTransport:
        return QStringLiteral("InsecureTransport");
    case ErrorKind::RedirectBlocked:
        return QStringLiteral("RedirectBlocked");
    case ErrorKind::BadResponse:
        return QStringLiteral("BadResponse");
    case ErrorKind::Cancelled:
        return QStringLiteral("Cancelled");
    case ErrorKind::ResponseTooLarge:
        return QStringLiteral("ResponseTooLarge");
    case ErrorKind::ProxyAuthenticationRequired:
        return QStringLiteral("ProxyAuthenticationRequired");
    case ErrorKind::TlsFailure:
        return QStringLiteral("TlsFailure");
    case ErrorKind::IssuedSessionRejected:
        return QStringLiteral("IssuedSessionRejected");
    }
    return QStringLiteral("Unknown");
}

} // namespace portal
