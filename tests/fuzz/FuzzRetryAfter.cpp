// SPDX-License-Identifier: GPL-3.0-or-later
// Retry-After values (seconds, HTTP dates, garbage): a wait is never negative or NaN.
#include "FuzzInput.h"
#include "providers/RetryAfter.h"
#include <cmath>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const QDateTime now = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
    const QByteArray value = juxta::fuzz::bytes(data, size);
    if (const auto seconds = juxta::parseRetryAfterValue(value, now))
        if (std::isnan(*seconds) || *seconds < 0)
            std::abort();
    return 0;
}
