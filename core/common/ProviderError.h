// SPDX-License-Identifier: GPL-3.0-or-later
// A classified failure: what went wrong, the HTTP status, how long to wait, and the provider's own words.
#pragma once

#include "common/ErrorClass.h"

#include <QString>
#include <optional>

namespace juxta {

struct ProviderError
{
    ErrorClass errorClass = ErrorClass::Server;
    int httpStatus = 0;                       // 0 when no HTTP status applies (mid-stream, network)
    std::optional<double> retryAfterSeconds;  // from retry-after / retry-after-ms / an HTTP date
    QString message;                          // human-readable; the provider's own message when it sent one
    QString providerCode;                     // provider's type/code ("insufficient_quota"), may be empty

    // One line for people: "rate_limited (HTTP 429): Rate limit reached …".
    QString summary() const;
};

} // namespace juxta
