// SPDX-License-Identifier: GPL-3.0-or-later
// A stored pipeline run as documents: the run record as JSON (what `juxta run --json` printed, rebuilt from the
// history). Its Markdown is the run's report (core/report).
#pragma once

#include "storage/RunStore.h"

#include <QJsonObject>

namespace juxta {

QJsonObject storedRunJson(const PipelineRunRow& run, const QList<NodeRunRow>& nodes);

} // namespace juxta
