// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CostReporter.h"

#include "cli/Workspace.h"

#include <nlohmann/json.hpp>

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
    QList<QString> texts;
    if (!m_request.systemPrompt.isEmpty())
        texts.append(m_request.systemPrompt);
    for (const ChatMessage& m : m_request.messages)
        texts.append(m.content);
    const ChatRequest applied = target.apply(m_request);
    std::optional<qint64> maxOutput = applied.maxTokens ? std::optional<qint64>(*applied.maxTokens)
                                                        : entry.maxOutputTokens;
    return estimateCost(*entry.price, estimatePromptTokens(texts), maxOutput);
}

std::optional<CostEstimate> CostReporter::worstCase() const
{
    QList<std::optional<CostEstimate>> estimates;
    for (const Target& t : m_targets)
        estimates.append(estimateFor(t)); // any of them may end up serving the request
    return worstEstimate(estimates);
}

BudgetVerdict CostReporter::checkBudget() const
{
    if (!m_workspace || m_targets.isEmpty())
        return {};
    const SpendLedger ledger;
    return juxta::checkBudget(m_workspace->config().budget, worstCase(), ledger.spentToday());
}

BudgetVerdict CostReporter::checkTogether(const QList<CostReporter>& requests, int times)
{
    if (requests.isEmpty() || !requests.constFirst().m_workspace)
        return {};
    QList<std::optional<CostEstimate>> estimates;
    for (const CostReporter& r : requests)
        estimates.append(r.worstCase());
    const SpendLedger ledger;
    return juxta::checkBudget(requests.constFirst().m_workspace->config().budget, totalEstimate(estimates, times),
                              ledger.spentToday());
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

void CostReporter::record(const CostFields& cost)
{
    if (const auto usd = cost.usd(); usd && *usd > 0)
        SpendLedger().record(*usd);
}

QString estimatesToText(const CostReporter& costs, const QList<Target>& targets)
{
    QString out;
    for (const Target& t : targets) {
        const auto e = costs.estimateFor(t);
        if (!e) {
            out += u"%1  price unknown\n"_s.arg(t.label());
            continue;
        }
        out += u"%1  ~%2–%3 input tokens  %4 – %5%6  (estimate)\n"_s.arg(t.label())
                   .arg(e->inputTokensLow)
                   .arg(e->inputTokensHigh)
                   .arg(formatMoney(e->min, e->currency),
                        e->max ? formatMoney(*e->max, e->currency) : u"no upper bound"_s,
                        e->maxOutputTokens ? u" for up to %1 output tokens"_s.arg(*e->maxOutputTokens)
                                           : u" (set --max-tokens to bound it)"_s);
    }
    const BudgetVerdict verdict = costs.checkBudget();
    if (verdict.kind != BudgetVerdict::Kind::Allow)
        out += (verdict.kind == BudgetVerdict::Kind::Block ? u"blocked: "_s : u"warning: "_s) + verdict.message + u'\n';
    return out;
}

QByteArray estimatesToJson(const CostReporter& costs, const QList<Target>& targets)
{
    using Json = nlohmann::ordered_json;
    Json list = Json::array();
    for (const Target& t : targets) {
        const auto e = costs.estimateFor(t);
        Json entry{{"target", t.label().toStdString()}};
        entry["currency"] = e ? Json(e->currency.toStdString()) : Json(nullptr);
        entry["input_tokens_low"] = e ? Json(e->inputTokensLow) : Json(nullptr);
        entry["input_tokens_high"] = e ? Json(e->inputTokensHigh) : Json(nullptr);
        entry["max_output_tokens"] = e && e->maxOutputTokens ? Json(*e->maxOutputTokens) : Json(nullptr);
        entry["min"] = e ? Json(e->min) : Json(nullptr);
        entry["max"] = e && e->max ? Json(*e->max) : Json(nullptr);
        list.push_back(std::move(entry));
    }
    const BudgetVerdict verdict = costs.checkBudget();
    const char* kind = verdict.kind == BudgetVerdict::Kind::Allow ? "allow"
                       : verdict.kind == BudgetVerdict::Kind::Warn ? "warn"
                                                                    : "block";
    const Json root{{"estimates", list}, {"budget", {{"verdict", kind}, {"message", verdict.message.toStdString()}}}};
    const std::string text = root.dump(2);
    return QByteArray(text.data(), qsizetype(text.size())) + '\n';
}

} // namespace juxta::cli
