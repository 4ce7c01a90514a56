// SPDX-License-Identifier: GPL-3.0-or-later
// What `juxta compare` prints when the comparison ends: the JSON object (one entry per model, each with the fields
// of `ask --json`, its runs and repeat statistics) and the plain table with each model's answer above it.
#pragma once

#include "cli/CostReporter.h"
#include "compare/Comparison.h"

#include <QJsonObject>

namespace juxta::cli {

struct CompareResults
{
    QJsonObject json;   // {"prompt", "repeat", "comparison_id" (when saved), "results": [...]}
    QString text;       // each model's last answer, then the table
    bool allAnswered = true;
};

// `labels` and `costs` in lane order; `offline` marks lanes served inside Juxta.
CompareResults compareResults(const Comparison& comparison, const QString& prompt, const QStringList& labels,
                              const QList<CostReporter>& costs, const QList<bool>& offline, bool saved);

} // namespace juxta::cli
