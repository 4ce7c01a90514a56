// SPDX-License-Identifier: GPL-3.0-or-later
// The documented JSON shape of one call's outcome (`juxta ask --json`; `compare` reuses it per model).
#pragma once

#include "providers/CallOutcome.h"

#include <QByteArray>

namespace juxta::cli {

QByteArray outcomeToJson(const CallOutcome& outcome, bool pretty = true);

} // namespace juxta::cli
