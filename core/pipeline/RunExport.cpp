// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/RunExport.h"

#include "pricing/CostCalculator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QString cell(const QJsonValue& v, int decimals = 0)
{
    return v.isDouble() ? QLocale::c().toString(v.toDouble(), 'f', decimals) : u"–"_s;
}

QString text(const QJsonValue& v)
{
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue& item : v.toArray())
            items.append(u"- "_s + item.toString().replace(u'\n', u' '));
        return items.join(u'\n');
    }
    return v.toString();
}

} // namespace

QJsonObject storedRunJson(const PipelineRunRow& run, const QList<NodeRunRow>& nodes)
{
    QJsonObject json = QJsonDocument::fromJson(run.summaryJson).object();
    // A run that never finished (killed) has no summary yet: what the row knows.
    json.insert(u"id"_s, run.id);
    json.insert(u"pipeline"_s, run.name);
    json.insert(u"file"_s, run.file);
    json.insert(u"state"_s, run.state == u"running"_s ? u"interrupted"_s : run.state);
    json.insert(u"started_at"_s, run.startedAt.toString(Qt::ISODateWithMs));
    if (!json.contains(u"variables"_s))
        json.insert(u"variables"_s, QJsonDocument::fromJson(run.variablesJson).object());
    QJsonArray list;
    for (const NodeRunRow& n : nodes)
        list.append(QJsonDocument::fromJson(n.recordJson).object());
    json.insert(u"nodes"_s, list);
    return json;
}

QString runMarkdown(const QJsonObject& r)
{
    QString md = u"# %1\n\nPipeline run %2, %3, %4"_s.arg(r.value(u"pipeline"_s).toString(), r.value(u"id"_s).toString(),
                                                          r.value(u"started_at"_s).toString(), r.value(u"state"_s).toString());
    const QJsonObject totals = r.value(u"totals"_s).toObject();
    if (!totals.isEmpty()) {
        const QJsonValue cost = totals.value(u"cost_usd"_s);
        md += u": %1 s, %2 tokens in, %3 out, %4"_s.arg(cell(r.value(u"wall_ms"_s).toDouble() / 1000.0, 2),
                                                       cell(totals.value(u"input_tokens"_s)),
                                                       cell(totals.value(u"output_tokens"_s)),
                                                       cost.isDouble() ? formatMoney(cost.toDouble(), u"USD"_s)
                                                                       : u"cost unknown"_s);
    }
    md += u".\n\n"_s;
    const QJsonObject outputs = r.value(u"outputs"_s).toObject();
    for (auto it = outputs.begin(); it != outputs.end(); ++it)
        md += u"## %1\n\n%2\n\n"_s.arg(it.key(), text(it.value()));
    md += u"| Node | Kind | State | ms | TTFT ms | Tokens in | Tokens out | Cost | Served by |\n"
          "|---|---|---|---:|---:|---:|---:|---:|---|\n"_s;
    for (const QJsonValue& v : r.value(u"nodes"_s).toArray()) {
        const QJsonObject n = v.toObject();
        const QJsonValue cost = n.value(u"cost_usd"_s);
        md += u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 |\n"_s.arg(
            n.value(u"name"_s).toString(), n.value(u"kind"_s).toString(),
            n.value(u"state"_s).toString() + (n.value(u"branch"_s).isString() ? u" (%1)"_s.arg(n.value(u"branch"_s).toString()) : QString()),
            cell(n.value(u"total_ms"_s)), cell(n.value(u"ttft_ms"_s)), cell(n.value(u"input_tokens"_s)),
            cell(n.value(u"output_tokens"_s)), cost.isDouble() ? formatMoney(cost.toDouble(), u"USD"_s) : u"–"_s,
            n.value(u"served_by"_s).toVariant().toStringList().join(u", "_s));
    }
    for (const QJsonValue& v : r.value(u"nodes"_s).toArray()) {
        const QJsonObject n = v.toObject();
        if (n.value(u"error"_s).isString())
            md += u"\n**%1 failed:** %2\n"_s.arg(n.value(u"name"_s).toString(), n.value(u"error"_s).toString());
    }
    return md;
}

} // namespace juxta
