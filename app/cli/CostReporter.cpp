// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CostReporter.h"

#include "cli/Workspace.h"

using namespace Qt::StringLiterals;

namespace juxta::cli {

std::optional<double> CostFields::usd() const
{
    if (billed)
        return billed->billedUsd;
    if (computed && computed->currency == u"USD"_s)
        return computed->total;
    return std::nullopt;
}

CostReporter::CostReporter(Workspace* workspace, const ChatRequest& request, const QList<Target>& targets)
    : m_workspace(workspace)
    , m_request(request)
    , m_targets(targets)
{
}

std::optional<CostEstimate> CostReporter::estimateFor(const Target& target) const
{
    if (!m_workspace)
        return std::nullopt;
    const CatalogEntry entry = m_workspace->entryFor(target);
    if (!entry.price)
        return std::nullopt;
    QList<QString> texts{m_request.systemPrompt};
    for (const ChatMessage& m : m_request.messages)
        texts.append(m.content);
    const ChatRequest applied = target.apply(m_request);
    std::optional<qint64> maxOutput = applied.maxTokens ? std::optional<qint64>(*applied.maxTokens)
                                                        : entry.maxOutputTokens;
    return estimateCost(*entry.price, estimatePromptTokens(texts), maxOutput);
}

BudgetVerdict CostReporter::checkBudget() const
{
    if (!m_workspace || m_targets.isEmpty())
        return {};
    const SpendLedger ledger;
    return juxta::checkBudget(m_workspace->config().budget, estimateFor(m_targets.first()),
                              ledger.spentOn(QDate::currentDate()));
}

CostFields CostReporter::report(const RoutedOutcome& routed) const
{
    CostFields fields;
    int index = routed.servedBy;
    if (index < 0 && !routed.attempts.isEmpty())
        index = routed.attempts.last().targetIndex; // a partial answer still costs money
    const Usage& usage = routed.outcome.usage;
    if (m_workspace && index >= 0 && index < m_targets.size()) {
        const CatalogEntry entry = m_workspace->entryFor(m_targets[index]);
        fields.source = entry.priceSource;
        fields.priceAsOf = entry.priceAsOf;
        if (entry.price)
            fields.computed = computeCost(*entry.price, usage);
        fields.estimate = estimateFor(m_targets[index]);
    }
    fields.billed = checkBilledCost(usage, fields.computed);
    return fields;
}

void CostReporter::record(const RoutedOutcome& routed) const
{
    if (const auto usd = report(routed).usd(); usd && *usd > 0)
        SpendLedger().record(*usd);
}

} // namespace juxta::cli
