// SPDX-License-Identifier: GPL-3.0-or-later
// The money side of one headless call: the estimate and budget check before sending, the cost afterwards
// (ours from the catalog's price, and the provider's own bill where it sends one), and the day's ledger.
#pragma once

#include "pricing/BudgetGuard.h"
#include "providers/ChatRequest.h"
#include "routing/RoutedOutcome.h"
#include "routing/Target.h"

namespace juxta::cli {

class Workspace;

struct CostFields
{
    std::optional<CostBreakdown> computed;
    std::optional<BilledCostCheck> billed;
    PriceSource source = PriceSource::Unknown;
    QString priceAsOf;
    std::optional<CostEstimate> estimate; // for the target that served

    // The provider's bill when it sent one, else ours when in USD; nullopt means unknown, never 0.
    std::optional<double> usd() const;
};

class CostReporter
{
public:
    // `workspace` may be null (--base-url mode): only a provider-reported bill is known then.
    CostReporter(Workspace* workspace, const ChatRequest& request, const QList<Target>& targets);

    std::optional<CostEstimate> estimateFor(const Target& target) const;
    std::optional<CostEstimate> worstCase() const; // over every target
    BudgetVerdict checkBudget() const;             // the worst case against the configured limits
    // Requests sent together (`times` over each), as one sum against the limits: a comparison.
    static BudgetVerdict checkTogether(const QList<CostReporter>& requests, int times);
    CostFields report(const RoutedOutcome& routed) const;
    static void record(const CostFields& cost); // adds the call's cost to today's spending

private:
    Workspace* m_workspace;
    ChatRequest m_request;
    QList<Target> m_targets;
};

// `juxta ask --estimate`: one line (or JSON entry) per target, then the budget verdict.
QString estimatesToText(const CostReporter& costs, const QList<Target>& targets);
QByteArray estimatesToJson(const CostReporter& costs, const QList<Target>& targets);

} // namespace juxta::cli
