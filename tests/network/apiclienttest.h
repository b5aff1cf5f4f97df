#pragma once

#include "apiclient.h"
#include "faultserver.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QTest>
#include <QUrl>

#include <memory>
#include <optional>

Q_DECLARE_METATYPE(portal::ErrorKind)

// Shared by the ApiClient tests: tst_apiclient (reference server, lifetimes), tst_apiclient_wire
// (what goes on the wire, redirects) and tst_apiclient_faults (refusals and faults).

namespace portal::test {

inline constexpr int kWaitMs = 20000;

/// What an ApiCall reported; connected right after the call is made, so a call that finished
/// synchronously (which it must never do) would be missed and the test would fail.
struct Outcome
{
    int count = 0;
    std::optional<ApiResult> result;

    bool done() const { return result.has_value(); }
    bool ok() const { return result && result->ok(); }
    ApiError error() const { return result && !result->ok() ? result->error() : ApiError{}; }
    QJsonObject json() const { return ok() ? result->value().json.toObject() : QJsonObject{}; }
    QString kind() const { return ok() ? QStringLiteral("ok") : errorKindName(error().kind); }
};

/// Records every finished() of @p call.
std::shared_ptr<Outcome> watch(ApiCall *call);

/// errorKindName(), so that a failed comparison prints a name rather than a number.
QString kindName(ErrorKind kind);

/// @p base with its path replaced by @p path.
QUrl withPath(const QUrl &base, const QString &path);

/// How many times @p request carried the header @p name (case-insensitive).
int headerCount(const FaultServer::Request &request, const QByteArray &name);

} // namespace portal::test

#define WAIT_DONE(outcome) QTRY_VERIFY_WITH_TIMEOUT((outcome)->done(), portal::test::kWaitMs)
