// SPDX-License-Identifier: GPL-3.0-or-later
// What running a pipeline may cost, before it runs: per model node and in all, min–max. Sizes flow through the
// graph as token ranges (known text exactly, a model's answer up to its max tokens, a split's pieces by their
// count); "unknown" where no bound can be given (no price, no max tokens, a script's output).
#pragma once

#include "pipeline/Pipeline.h"
#include "pricing/CostCalculator.h"

#include <QHash>

namespace juxta {

struct AppConfig;
class ModelCatalog;

struct NodeEstimate
{
    QString node;
    qint64 callsMin = 1;            // answers it asks for (a map: one per item)
    std::optional<qint64> callsMax; // nullopt: not known before the list is
    bool priceKnown = false;
    double min = 0;                 // USD
    std::optional<double> max;      // nullopt: no upper bound
};

struct PipelineEstimate
{
    QList<NodeEstimate> models;     // the model nodes, in the order they can run
    std::optional<CostEstimate> total; // nullopt when some model's price is unknown; max unset when unbounded
};

// In words, for people (the CLI's --estimate and the editor): "3 calls", "$0.0012 – $0.0040", "price unknown".
QString estimateCallsText(const NodeEstimate& node);
QString estimateCostText(const NodeEstimate& node);
QString estimateTotalText(const PipelineEstimate& estimate); // "$0.01 – $0.02", "from $0.01, no upper bound"

PipelineEstimate estimatePipeline(const Pipeline& pipeline, const QHash<QString, QString>& variables,
                                  const AppConfig& config, const ModelCatalog& catalog, const QString& baseDir);

} // namespace juxta
