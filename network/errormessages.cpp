// The one place where an error kind becomes a sentence for the user (STYLE.md: one tr() switch).

#include "apierror.h"

#include <QCoreApplication>

namespace portal {

namespace {

// Gives lupdate a literal context for the sentences below.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)
};

// Appends what the server said, quoted, when it said something: it often names the real reason
// ("You do not have permission to perform this action.").
QString withServerSaid(const QString &sentence, const QString &serverMessage)
{
    if (serverMessage.isEmpty())
        return sentence;
    //: %1 is one of the sentences here, %2 is the server's own message (plain text).
    return Text::tr("%1 The server said: \u201c%2\u201d").arg(sentence, serverMessage);
}

QString validationMessage(const ApiError &error)
{
    if (!error.nonFieldErrors.isEmpty())
        return error.nonFieldErrors.join(QLatin1Char(' '));
    if (error.fieldErrors.isEmpty() && !error.serverMessage.isEmpty())
        return error.serverMessage;
    return Text::tr("Please correct the highlighted fields.");
}

QString rateLimitedMessage(const ApiError &error)
{
    if (error.retryAfterSeconds <= 0)
        return Text::tr("Too many attempts. Wait a moment, then try again.");
    return Text::tr("Too many attempts. Try again in %n seconds.", nullptr,
                    error.retryAfterSeconds);
}

QString tlsMessage(const ApiError &error)
{
    switch (error.tlsProblem) {
    case TlsProblem::Untrusted:
        //: %1 is the server's host name and port.
        return Text::tr("The certificate of %1 is not from an authority this computer trusts, so "
                        "the connection was stopped. If your company uses its own, its "
                        "administrator can add it (network/caCertificates).")
            .arg(error.server);
    case TlsProblem::NameMismatch:
        return Text::tr("The certificate of %1 was issued for another name, so the connection was "
                        "stopped. Check the server address.")
            .arg(error.server);
    case TlsProblem::Expired:
        return Text::tr("The certificate of %1 has expired (or is not valid yet), so the "
                        "connection was stopped. Check this computer's date, or tell the "
                        "server's administrator.")
            .arg(error.server);
    case TlsProblem::None:
    case TlsProblem::Other:
        break;
    }
    return Text::tr("The secure connection to %1 failed, so nothing was sent.").arg(error.server);
}

QString redirectMessage(const ApiError &error)
{
    if (error.redirectTarget.isEmpty())
        return Text::tr(
            "The server tried to send you to another address; the request was stopped to "
            "keep your sign-in safe.");
    //: %1 is the other address, such as https://elsewhere.example.
    return Text::tr(
               "The server tried to send you to another address (%1); the request was stopped to "
               "keep your sign-in safe.")
        .arg(error.redirectTarget);
}

} // namespace

QString ApiError::userMessage() const
{
    switch (kind) {
    case ErrorKind::InvalidCredentials:
        return Text::tr("Wrong username or password.");
    case ErrorKind::Unauthorized:
        return Text::tr("Your session has expired. Please sign in again.");
    case ErrorKind::IssuedSessionRejected:
        return Text::tr("The server accepted your password but rejected the session it issued. "
                        "Contact the server's administrator.");
    case ErrorKind::Forbidden:
        return withServerSaid(Text::tr("You are not allowed to do this."), serverMessage);
    case ErrorKind::Validation:
        return validationMessage(*this);
    case ErrorKind::NotFound:
        return withServerSaid(
            Text::tr("The server could not find what was asked for. It may have been "
                     "removed, or the server address may be wrong."),
            serverMessage);
    case ErrorKind::Conflict:
        return Text::tr("Someone else changed this first. Review the current values, then make "
                        "your changes again.");
    case ErrorKind::PreconditionRequired:
        return Text::tr(
            "The server needs the latest version of this record before saving. Reload it and "
            "try again.");
    case ErrorKind::RateLimited:
        return rateLimitedMessage(*this);
    case ErrorKind::Server:
        return withServerSaid(
            //: %1 is the HTTP status code, such as 503.
            Text::tr("The server had a problem (HTTP %1). Try again later.").arg(httpStatus),
            serverMessage);
    case ErrorKind::Network:
        // The answer began (its status came) and then the connection broke: the server is there.
        if (httpStatus > 0)
            //: %1 is the server's host name and port, such as portal.example.com:8443.
            return Text::tr("The connection to the server at %1 broke off before its answer was "
                            "complete. Check your connection and try again.")
                .arg(server);
        if (serverAddressFixed)
            //: %1 is the server's host name and port, such as portal.example.com:8443. The
            //: administrator set the address; the person cannot change it in the app.
            return Text::tr("Can't reach the server at %1. Check your connection and try again; "
                            "if it goes on, tell your administrator.")
                .arg(server);
        //: %1 is the server's host name and port, such as portal.example.com:8443. "Settings ▸
        //: Server address…" is the menu path: the Settings menu and its Server address… item.
        return Text::tr("Can't reach the server at %1. Check your connection, or the server "
                        "address (Settings \u25b8 Server address\u2026).")
            .arg(server);
    case ErrorKind::Timeout:
        return Text::tr("The server took too long to answer. Try again.");
    case ErrorKind::InsecureTransport:
        return Text::tr("Plain http is allowed only to this computer; use https.");
    case ErrorKind::RedirectBlocked:
        return redirectMessage(*this);
    case ErrorKind::BadResponse:
        return Text::tr(
            "The server sent an answer this app does not understand. Check that the server "
            "address is right.");
    case ErrorKind::Cancelled:
        return Text::tr("The request was cancelled.");
    case ErrorKind::ResponseTooLarge:
        return Text::tr("The server sent a far bigger answer than expected, so it was not read. "
                        "Check that the server address is right.");
    case ErrorKind::TlsFailure:
        return tlsMessage(*this);
    case ErrorKind::ProxyAuthenticationRequired:
        return Text::tr("Your network's proxy server asks for a sign-in, which this app does not "
                        "support. Ask your administrator for a connection without one.");
    }
    return Text::tr("Something went wrong.");
}

} // namespace portal
