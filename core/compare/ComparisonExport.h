// SPDX-License-Identifier: GPL-3.0-or-later
// A saved comparison as a lossless file: JSON for tools and re-import (the setup and each column's conversation in
// the chat export's format). For people, a report (core/report) says it better.
#pragma once

#include "storage/ComparisonStore.h"

namespace juxta {

QByteArray exportComparisonJson(const SavedComparison& comparison);

} // namespace juxta
