// SPDX-License-Identifier: GPL-3.0-or-later
// The documented JSON shape of one call's outcome (`juxta ask --json`; `compare` reuses it per model).
#pragma once

#include "providers/CallOutcome.h"
#include "routing/RoutedOutcome.h"

#include <QByteArray>

namespace juxta::cli {

// The call's fields, plus "served_by" and "attempts" (target, error_class, http_status, elapsed_ms, retry,
// and partial_text where a failure came after output began).
QByteArray outcomeToJson(const RoutedOutcome& routed, bool pretty = true);

} // namespace juxta::cli
