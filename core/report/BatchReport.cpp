// SPDX-License-Identifier: GPL-3.0-or-later
// A pipeline batch as a report: the rows, the aggregates per node and model, and the one savings figure a report
// may claim, because here it is measured — two model nodes that answered the same prompt on the same rows.
#include "report/ReportBuilder.h"

#include "common/Plurals.h"
#include "report/FigureFormat.h"
#include "report/ReportCharts.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QMap>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QString tr(const char* text, int n = -1)
{
    return translated("Report", text, n);
}

bool finished(const NodeRun& n)
{
    return n.state == NodeState::Done || n.state == NodeState::Cached;
}

// Model nodes that answer the same question: the same prompt and system text, fed by the same nodes.
QList<QStringList> siblingGroups(const Pipeline& p)
{
    QMap<QString, QStringList> groups;
    for (const Node& n : p.nodes) {
        if (n.kind != NodeKind::Model)
            continue;
        QStringList sources;
        for (const Edge& e : p.edgesInto(n.name))
            sources.append(e.from + u'/' + e.branch + u'/' + e.port);
        sources.sort();
        groups[n.system + u'\x1f' + n.prompt + u'\x1f' + sources.join(u',')].append(n.name);
    }
    QList<QStringList> out;
    for (const QStringList& g : std::as_const(groups))
        if (g.size() >= 2)
            out.append(g);
    return out;
}

// "Routing these 200 rows to B would have cost $0.41 instead of $1.20": over the rows where every sibling finished
// with a known price, the cheapest sibling against the dearest.
std::optional<ReportClaim> savingsClaim(const QList<ReportBatchRow>& rows, const QStringList& siblings,
                                        const QHash<QString, QString>& modelOf)
{
    QHash<QString, double> total;
    int counted = 0;
    for (const ReportBatchRow& row : rows) {
        QHash<QString, double> cost;
        for (const NodeRun& n : row.nodes)
            if (siblings.contains(n.node) && n.state == NodeState::Done && n.costUsd) // a cached one was not measured
                cost.insert(n.node, *n.costUsd);
        if (cost.size() != siblings.size())
            continue; // measured only where all of them answered
        ++counted;
        for (auto it = cost.cbegin(); it != cost.cend(); ++it)
            total[it.key()] += it.value();
    }
    if (counted == 0)
        return std::nullopt;
    const auto [cheap, dear] = std::minmax_element(siblings.cbegin(), siblings.cend(), [&](const QString& a, const QString& b) {
        return total.value(a) < total.value(b);
    });
    if (total.value(*dear) <= total.value(*cheap))
        return std::nullopt;
    const auto name = [&](const QString& node) {
        return modelOf.value(node).isEmpty() ? node : u"%1 (%2)"_s.arg(node, modelOf.value(node));
    };
    return ReportClaim{u"savings"_s, *cheap,
                       tr("Savings: routing these %n row(s) to %1 would have cost %2 instead of %3 for %4 (measured: "
                          "each of them answered every one of these rows).", counted)
                           .arg(name(*cheap), formatCost(total.value(*cheap)), formatCost(total.value(*dear)), name(*dear)),
                       counted};
}

} // namespace

Report batchReport(const BatchRow& batch, const QHash<qint64, QByteArray>& rows, const RunStore& runs,
                   const ReportOptions& options)
{
    Report r = startedReport(ReportKind::PipelineRun, options);
    r.batch = true;
    r.id = batch.id;
    r.title = batch.name;
    r.createdAt = batch.startedAt;
    r.runState = batch.state == u"running"_s ? u"interrupted"_s : batch.state;
    r.batchTotalRows = batch.totalRows;
    if (batch.finishedAt.isValid() && batch.startedAt.isValid())
        r.wallMs = double(batch.startedAt.msecsTo(batch.finishedAt));

    const std::optional<Pipeline> pipeline = addGraph(r, batch.pipelineJson);
    QHash<QString, QString> modelOf;
    for (const ReportGraphNode& n : std::as_const(r.graphNodes))
        modelOf.insert(n.name, n.model);

    QList<qint64> order = rows.keys();
    std::sort(order.begin(), order.end());
    // Per node and the model that served it: the aggregates' key, in the order nodes first appear.
    QStringList keys;
    QHash<QString, QList<const NodeRun*>> byKey;
    for (qint64 index : order) {
        const QJsonObject json = QJsonDocument::fromJson(rows.value(index)).object();
        ReportBatchRow row;
        row.row = index;
        row.state = json.value(u"status"_s).toString();
        row.variables = json.value(u"variables"_s).toObject();
        row.outputs = json.value(u"outputs"_s).toObject();
        row.timeMs = json.value(u"time_ms"_s).toDouble();
        row.inputTokens = json.value(u"input_tokens"_s).toInteger();
        row.outputTokens = json.value(u"output_tokens"_s).toInteger();
        if (json.value(u"cost_usd"_s).isDouble())
            row.costUsd = json.value(u"cost_usd"_s).toDouble();
        row.error = json.value(u"error"_s).toString();
        row.runId = json.value(u"run_id"_s).toString();
        for (const NodeRunRow& n : runs.nodesOf(row.runId))
            row.nodes.append(nodeRunForReport(n.recordJson, n.node));
        r.batchRows.append(row);
    }
    for (const ReportBatchRow& row : std::as_const(r.batchRows)) {
        for (const NodeRun& n : row.nodes) {
            if (n.kind != u"model"_s || n.state == NodeState::Skipped || n.state == NodeState::Waiting)
                continue; // a branch not taken is not a step
            const QString key = n.servedBy.isEmpty() ? n.node : n.node + u" · "_s + n.servedBy.join(u", "_s);
            if (!byKey.contains(key))
                keys.append(key);
            byKey[key].append(&n);
        }
    }
    for (const QString& key : std::as_const(keys)) {
        ReportModelFigures m;
        m.model = key;
        QList<double> ttft, total;
        double cost = 0;
        for (const NodeRun* n : byKey.value(key)) {
            ++m.answers;
            m.inputTokens += n->inputTokens.value_or(0);
            m.outputTokens += n->outputTokens.value_or(0);
            if (n->state == NodeState::Cached)
                ; // served from the cache: cost nothing this time
            else if (n->costUsd)
                cost += *n->costUsd;
            else if (finished(*n) || n->inputTokens.value_or(0) > 0 || n->outputTokens.value_or(0) > 0)
                ++m.unpricedAnswers; // billed, at a price we do not know
            if (!finished(*n))
                continue;
            ++m.succeeded;
            if (n->ttftMs)
                ttft.append(*n->ttftMs);
            if (n->totalMs() > 0)
                total.append(n->totalMs());
        }
        m.ttftMs = distributionOf(ttft);
        m.totalMs = distributionOf(total);
        m.costUsd = m.unpricedAnswers > 0 ? std::nullopt : std::optional<double>(cost);
        r.models.append(m);
    }
    double cost = 0;
    bool known = true;
    int done = 0;
    for (const ReportBatchRow& row : std::as_const(r.batchRows)) {
        r.totalInputTokens += row.inputTokens;
        r.totalOutputTokens += row.outputTokens;
        done += row.state == u"done"_s;
        if (row.costUsd)
            cost += *row.costUsd;
        else
            known = false;
    }
    if (known)
        r.totalCostUsd = cost;
    for (const ReportModelFigures& m : std::as_const(r.models))
        if (!m.costUsd)
            r.unpricedModels.append(m.model);

    r.verdict.append({u"outcome"_s, QString(),
                      tr("Batch %1: %2 of %n row(s) done, %3 failed.", int(r.batchRows.size()))
                          .arg(r.runState)
                          .arg(done)
                          .arg(r.batchRows.size() - done),
                      int(r.batchRows.size())});
    if (pipeline)
        for (const QStringList& siblings : siblingGroups(*pipeline))
            if (const std::optional<ReportClaim> claim = savingsClaim(r.batchRows, siblings, modelOf))
                r.verdict.append(*claim);
    if (options.charts && !r.models.isEmpty())
        r.charts = batchCharts(r);
    return r;
}

} // namespace juxta
