// SPDX-License-Identifier: GPL-3.0-or-later
// When to try the same target again and how long to wait: exponential backoff with full jitter, retry-after
// honoured up to a cap. Pure, so it is tested without sockets or clocks.
#pragma once

#include "common/ProviderError.h"

#include <QRandomGenerator>
#include <optional>

namespace juxta {

struct RetryPolicy
{
    int maxRetries = 2;           // retries per target, after the first attempt
    int baseDelayMs = 500;        // backoff ceiling for the first retry; doubles each time
    int maxDelayMs = 20'000;      // backoff ceiling
    double maxRetryAfterS = 10.0; // a server asking for a longer wait is left for the next target instead

    // The wait before retry number `retryIndex` (0-based) after `error`, or nullopt when this target should
    // not be retried: the class is not transient, output had already begun, retries are used up, or the
    // server asked for a wait longer than the cap.
    std::optional<int> delayBeforeRetryMs(const ProviderError& error, int retryIndex, bool outputBegan,
                                          QRandomGenerator& random) const;
};

} // namespace juxta
