// SPDX-License-Identifier: GPL-3.0-or-later
// A saved comparison as a file: Markdown for people (the prompt, a table of each column's figures, every answer)
// and JSON for tools and re-import (the setup and each column's conversation in the chat export's format).
#pragma once

#include "storage/ComparisonStore.h"

namespace juxta {

QString exportComparisonMarkdown(const SavedComparison& comparison);
QByteArray exportComparisonJson(const SavedComparison& comparison);

} // namespace juxta
