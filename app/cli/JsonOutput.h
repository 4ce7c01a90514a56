// SPDX-License-Identifier: GPL-3.0-or-later
// The documented JSON shape of one call's outcome (`juxta ask --json`; `compare` reuses it per model).
#pragma once

#include "cli/CostReporter.h"
#include "providers/CallOutcome.h"
#include "routing/RoutedOutcome.h"

#include <QByteArray>

namespace juxta::cli {

// The call's fields, plus "served_by" and "attempts" (target, error_class, http_status, elapsed_ms, retry,
// and partial_text where a failure came after output began).
// "cost_usd" is the provider's bill when it sends one (OpenRouter), else ours from the catalog price; null when
// unknown, never 0 for "we do not know". "cost" holds the parts: computed, billed, source and date of the price.
QByteArray outcomeToJson(const RoutedOutcome& routed, const CostFields& cost, bool pretty = true);

} // namespace juxta::cli
