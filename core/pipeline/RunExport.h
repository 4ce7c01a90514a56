// SPDX-License-Identifier: GPL-3.0-or-later
// A stored pipeline run as documents: the run record as JSON (what `juxta run --json` printed, rebuilt from the
// history), and a Markdown summary (outputs, totals, every node's figures).
#pragma once

#include "storage/RunStore.h"

#include <QJsonObject>

namespace juxta {

QJsonObject storedRunJson(const PipelineRunRow& run, const QList<NodeRunRow>& nodes);
QString runMarkdown(const QJsonObject& record);

} // namespace juxta
