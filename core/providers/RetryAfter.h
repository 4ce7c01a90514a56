// SPDX-License-Identifier: GPL-3.0-or-later
// How long a server asked us to wait: retry-after-ms, retry-after (delta seconds or an HTTP date).
#pragma once

#include "providers/HttpHeaders.h"

#include <QDateTime>
#include <optional>

namespace juxta {

// `now` is injected so the HTTP-date form is testable. Negative waits (dates in the past) become 0.
std::optional<double> retryAfterSeconds(const HttpHeaders& headers, const QDateTime& now);

// Parses one retry-after value: "30", "1.5", or "Wed, 21 Oct 2015 07:28:00 GMT".
std::optional<double> parseRetryAfterValue(QByteArrayView value, const QDateTime& now);

} // namespace juxta
