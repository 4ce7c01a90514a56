// SPDX-License-Identifier: GPL-3.0-or-later
// The CSV report: one row per answer (a pipeline run: per node; a batch: per input row per node), through the one CSV
// module. Numbers are written in
// the C locale; the answer, the verdict and the flags each have a column of their own, never mixed. A text cell that
// begins with =, +, - or @ is prefixed with ' so a spreadsheet shows it instead of running it as a formula.
#include "report/ReportWriters.h"

#include "common/Csv.h"
#include "report/FigureFormat.h"
#include "report/ReportTables.h"

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QString text(const QString& value)
{
    if (!value.isEmpty() && (value.front() == u'=' || value.front() == u'+' || value.front() == u'-' || value.front() == u'@'))
        return u'\'' + value;
    return value;
}

QString number(std::optional<double> v)
{
    return v ? QString::number(*v, 'g', 10) : QString();
}

QString integer(std::optional<qint64> v)
{
    return v ? QString::number(*v) : QString();
}

QString claimsAbout(const Report& r, const QString& model)
{
    QStringList kinds;
    for (const ReportClaim& c : r.verdict)
        if (!c.subject.isEmpty() && c.subject == model)
            kinds.append(c.kind);
    return kinds.join(u';');
}

const QStringList kHeader{u"kind"_s, u"report_id"_s, u"row"_s, u"prompt"_s, u"repeat"_s, u"node"_s, u"model"_s,
                          u"served_by"_s, u"served_model"_s, u"state"_s, u"ttft_ms"_s, u"total_ms"_s,
                          u"input_tokens"_s, u"output_tokens"_s, u"tokens_per_second"_s, u"cost_usd"_s,
                          u"cost_estimated"_s, u"finish"_s, u"rating"_s, u"error_class"_s, u"error"_s,
                          u"failed_attempts"_s, u"verdict"_s, u"flags"_s, u"answer"_s};

} // namespace

QByteArray reportCsv(const Report& r)
{
    QByteArray out = csvRecord(kHeader);
    const QString kind = reportKindName(r.kind);
    const auto nodeRecord = [&](const QString& row, const NodeRun& n) {
        QStringList flags;
        if (n.state == NodeState::Cached)
            flags.append(u"cached"_s);
        if (n.attempts > std::max(1, n.items))
            flags.append(u"retried"_s);
        const bool model = n.kind == u"model"_s;
        return csvRecord({kind, text(r.id), row, QString(), QString(), text(n.node), QString(), text(n.servedBy.join(u';')),
                          QString(), nodeStateName(n.state), number(n.ttftMs), number(n.totalMs()),
                          integer(n.inputTokens), integer(n.outputTokens), QString(),
                          model ? number(n.state == NodeState::Cached ? std::optional<double>(0) : n.costUsd) : QString(),
                          QString(), QString(), QString(), text(n.errorClass), text(n.error),
                          QString::number(std::max(0, n.attempts - std::max(1, n.items))), text(claimsAbout(r, n.node)),
                          flags.join(u';'), r.options.answers ? text(n.output.asText()) : QString()});
    };
    if (r.batch) { // one record per input row per node; `row` counts from 1 as a spreadsheet does
        for (const ReportBatchRow& row : r.batchRows)
            for (const NodeRun& n : row.nodes)
                out += nodeRecord(QString::number(row.row + 1), n);
        return out;
    }
    if (r.kind == ReportKind::PipelineRun) {
        for (const NodeRun& n : r.nodes)
            out += nodeRecord(QString(), n);
        return out;
    }
    for (const ReportAnswer& a : r.answers) {
        const AnswerStats& s = a.stats;
        QStringList flags;
        if (s.offline)
            flags.append(u"offline"_s);
        if (!s.fallbackNotes.isEmpty())
            flags.append(u"fallback"_s);
        if (a.state != MessageState::Complete)
            flags.append(u"incomplete"_s);
        out += csvRecord({kind, text(r.id), QString(), QString::number(a.prompt), QString::number(a.repeat), QString(), text(a.model),
                          text(s.servedBy), text(s.servedModel), messageStateName(a.state), number(s.ttftMs),
                          number(s.totalMs), integer(s.inputTokens), integer(s.outputTokens),
                          number(honestTokensPerSecond(s)), number(s.offline ? std::optional<double>(0) : s.costUsd),
                          s.costIsEstimate ? u"true"_s : u"false"_s, text(s.finishReason),
                          a.rating ? QString::number(*a.rating) : QString(), text(s.errorClass), text(s.errorMessage),
                          QString::number(s.fallbackNotes.size()), text(claimsAbout(r, a.model)), flags.join(u';'),
                          r.options.answers ? text(a.content) : QString()});
    }
    return out;
}

} // namespace juxta
