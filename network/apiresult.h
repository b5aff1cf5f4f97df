#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QJsonValue>

#include <variant>

namespace portal {

/// A successful HTTP exchange: the status, the parsed JSON body (Null for an empty body) and ETag.
struct ApiResponse
{
    int httpStatus = 0;
    QJsonValue json;
    QByteArray etag;
};

/// Exactly one of a response or an error.
class ApiResult
{
public:
    ApiResult(ApiResponse response); // NOLINT(google-explicit-constructor): a result is either
    ApiResult(ApiError error);       // NOLINT(google-explicit-constructor)

    bool ok() const;
    /// Precondition: ok().
    const ApiResponse &value() const;
    /// Precondition: !ok().
    const ApiError &error() const;

private:
    std::variant<ApiResponse, ApiError> m_data;
};

} // namespace portal
