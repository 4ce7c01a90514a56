// SPDX-License-Identifier: GPL-3.0-or-later
// The closed set of failure classes every provider error is mapped to, and their stable wire names.
#pragma once

#include <QString>
#include <optional>

namespace juxta {

enum class ErrorClass {
    Auth,
    Quota,
    RateLimited,
    ContextLength,
    ContentFilter,
    BadRequest,
    NotFound,
    Overloaded,
    Server,
    Timeout,
    Network,
    Malformed,
    Cancelled,
    LimitReached, // the answer passed a size, duration or spending limit the user set: kept, never retried
};

// Stable snake_case name used in JSON output, logs and the database ("rate_limited").
QString errorClassName(ErrorClass cls);
std::optional<ErrorClass> errorClassFromName(const QString& name);

// Classes a retry or a fallback may help with (the resilience engine builds on this).
bool isTransient(ErrorClass cls);

} // namespace juxta
