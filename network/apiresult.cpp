#include "apiresult.h"

#include <utility>

namespace portal {

ApiResult::ApiResult(ApiResponse response)
    : m_data(std::move(response))
{}

ApiResult::ApiResult(ApiError error)
    : m_data(std::move(error))
{}

bool ApiResult::ok() const
{
    return std::holds_alternative<ApiResponse>(m_data);
}

const ApiResponse &ApiResult::value() const
{
    Q_ASSERT(ok());
    return std::get<ApiResponse>(m_data);
}

const ApiError &ApiResult::error() const
{
    Q_ASSERT(!ok());
    return std::get<ApiError>(m_data);
}

} // namespace portal
