#pragma once

// Internal to ApiClient: the steps of one HTTP exchange that need no client state, so that
// apiclient.cpp keeps only the orchestration (credentials, attempts, results).

#include "apiclient.h"
#include "responseparser.h"

#include <QNetworkRequest>
#include <QString>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace portal::transport {

/// host[:port] as a person would type it, for "Can't reach the server at %1."
QString serverLabel(const QUrl &url);
/// The URL without its query (search terms typed by a person stay out of logs).
QString logUrl(const QUrl &url);

/// Plain http only to this computer, checked before any lookup or connection (API.md).
std::optional<ApiError> refuseTransport(const QUrl &url);

/// Everything of a request but the Authorization header: JSON, timeout, same-origin redirects,
/// no cookies, and the caller's extra headers (never an Authorization of its own).
QNetworkRequest buildRequest(const QUrl &url, const ApiRequest &request, int timeoutMs);
/// Sends @p request as @p apiRequest's method with its JSON body.
QNetworkReply *start(QNetworkAccessManager *manager, const QNetworkRequest &request,
                     const ApiRequest &apiRequest);
/// What the parser needs of a finished reply, copied out so parsing stays pure.
RawResponse rawResponseOf(QNetworkReply *reply, const QString &server);

/// Aborts @p reply as soon as its body is known to pass @p maxBytes (announced or received).
void limitBody(QNetworkReply *reply, qint64 maxBytes);

/// Notes what is wrong with the server's certificate, should the handshake report it; nothing
/// is ever ignored, so the reply then fails.
void noteTlsProblems(QNetworkReply *reply);

} // namespace portal::transport
