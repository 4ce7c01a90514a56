// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/RetryPolicy.h"

#include <cmath>

namespace juxta {

std::optional<int> RetryPolicy::delayBeforeRetryMs(const ProviderError& error, int retryIndex, bool outputBegan,
                                                   QRandomGenerator& random) const
{
    // Re-sending after output began would silently duplicate (and re-bill) an answer: the fallback policy
    // decides instead, visibly.
    if (outputBegan || retryIndex >= maxRetries || !isTransient(error.errorClass))
        return std::nullopt;
    if (error.retryAfterSeconds) {
        if (*error.retryAfterSeconds > maxRetryAfterS)
            return std::nullopt;
        return int(std::lround(*error.retryAfterSeconds * 1000.0));
    }
    // Full jitter (uniform in [0, ceiling]) spreads retries from many clients instead of synchronising them.
    const double ceiling = std::min<double>(maxDelayMs, baseDelayMs * std::pow(2.0, retryIndex));
    return int(random.bounded(ceiling + 1.0));
}

} // namespace juxta
