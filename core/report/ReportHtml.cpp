// SPDX-License-Identifier: GPL-3.0-or-later
// The HTML report: the same content as the Markdown one, laid out to be read on a phone, printed, or forwarded.
#include "report/ReportWriters.h"

#include "common/Plurals.h"
#include "compare/WordDiff.h"
#include "report/FigureFormat.h"
#include "report/MarkupText.h"
#include "report/ReportTables.h"
#include "report/SvgChart.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QString tr(const char* text, int n = -1)
{
    return translated("Report", text, n);
}

constexpr qsizetype kFoldChars = 1500; // longer answers are folded: the figures stay in view
constexpr int kFoldLines = 24;

const QString kCss = u""
    ":root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#ffffff;--panel:#f6f8fa;--line:#d1d9e0;"
    "--accent:#0969da;--good:#1a7f37;--bad:#cf222e;--add:#dafbe1;--del:#ffebe9}"
    "@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;"
    "--line:#3d444d;--accent:#4493f8;--good:#3fb950;--bad:#f85149;--add:#12261e;--del:#25171c}}"
    "*{box-sizing:border-box}"
    "body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,"
    "'Noto Sans',Cantarell,'Helvetica Neue',sans-serif}"
    "main{max-width:980px;margin:0 auto;padding:28px 20px 48px}"
    "h1{font-size:1.7em;margin:.1em 0 .2em;line-height:1.25}h2{font-size:1.25em;margin:2em 0 .6em;padding-bottom:.3em;"
    "border-bottom:1px solid var(--line)}h3{font-size:1.05em;margin:1.5em 0 .4em}h4{margin:0;font-size:1em}"
    ".kind{text-transform:uppercase;letter-spacing:.08em;font-size:.75em;color:var(--muted);margin:0}"
    ".meta,.note,figcaption{color:var(--muted);font-size:.9em}"
    ".verdict{list-style:none;padding:0;margin:0;display:grid;gap:8px}"
    ".verdict li{background:var(--panel);border:1px solid var(--line);border-left:4px solid var(--accent);"
    "border-radius:6px;padding:10px 14px}.verdict li.none{border-left-color:var(--muted)}"
    ".table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}"
    "table{border-collapse:collapse;width:100%;font-size:.9em;font-variant-numeric:tabular-nums}"
    "th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}"
    "th{background:var(--panel);font-weight:600}td.n,th.n{text-align:right}td.n{white-space:pre}"
    "tr.total td{font-weight:600;border-top:2px solid var(--line)}"
    "figure{margin:18px 0;padding:12px;border:1px solid var(--line);border-radius:8px;background:var(--bg)}"
    "figure svg{display:block;height:auto}"
    "article{border:1px solid var(--line);border-radius:8px;margin:12px 0;overflow:hidden}"
    "article>header{background:var(--panel);padding:8px 14px;border-bottom:1px solid var(--line)}"
    ".fig{color:var(--muted);font-size:.85em;margin:2px 0 0}"
    ".text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;padding:12px 14px;font:inherit}"
    ".prompt{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--panel);border-radius:6px;padding:10px 14px;margin:0}"
    "pre.code,.mono{font-family:ui-monospace,'SFMono-Regular','DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:.88em}"
    "details>summary{cursor:pointer;padding:8px 14px;color:var(--accent)}"
    ".incomplete{color:var(--bad);font-weight:600}.good{color:var(--good)}"
    ".diff ins{background:var(--add);text-decoration:none}.diff del{background:var(--del)}"
    "nav.toc{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:8px 16px;margin:16px 0}"
    "nav.toc ol{margin:.3em 0;padding-left:1.3em}a{color:var(--accent)}"
    "footer{margin-top:3em;color:var(--muted);font-size:.82em;border-top:1px solid var(--line);padding-top:1em}"
    "@media print{body{font-size:11pt}main{max-width:none;padding:0}nav.toc{display:none}"
    "article,figure,tr{break-inside:avoid}details>summary{display:none}}"
    "@media (max-width:600px){main{padding:16px 12px}body{font-size:14px}}"_s;

QString esc(const QString& s)
{
    return xmlText(s);
}

QString tableHtml(const ReportTable& t)
{
    QString h = u"<div class=\"table-wrap\"><table><thead><tr>"_s;
    for (int i = 0; i < t.headers.size(); ++i)
        h += (t.numeric.value(i) ? u"<th class=\"n\">"_s : u"<th>"_s) + esc(t.headers.at(i)) + u"</th>"_s;
    h += u"</tr></thead><tbody>"_s;
    const auto row = [&](const QStringList& cells, const QString& cls) {
        h += cls.isEmpty() ? u"<tr>"_s : u"<tr class=\""_s + cls + u"\">"_s;
        for (int i = 0; i < cells.size(); ++i)
            h += (t.numeric.value(i) ? u"<td class=\"n\">"_s : u"<td>"_s) + esc(cells.at(i)) + u"</td>"_s;
        h += u"</tr>"_s;
    };
    for (const QStringList& cells : t.rows)
        row(cells, {});
    if (!t.totals.isEmpty())
        row(t.totals, u"total"_s);
    return h + u"</tbody></table></div>"_s;
}

// Long text folded behind a summary: readable without script, whole when opened.
QString textBlock(const QString& text)
{
    const QString body = u"<div class=\"text\">"_s + esc(text) + u"</div>"_s;
    if (text.size() <= kFoldChars && text.count(u'\n') < kFoldLines)
        return body;
    return u"<div class=\"text\">"_s + esc(text.left(600)) + u"…</div><details><summary>"_s
           + esc(tr("Show the whole answer (%1 characters)").arg(QLocale().toString(text.size())))
           + u"</summary>"_s + body + u"</details>"_s;
}

QString answerHtml(const Report& r, const ReportAnswer& a)
{
    QString h = u"<article><header><h4>"_s + esc(answerHeading(r, a)) + u"</h4><p class=\"fig\">"_s
                + esc(answerFiguresLine(a.stats));
    if (a.rating)
        h += esc(*a.rating > 0 ? tr("  ·  rated 👍") : tr("  ·  rated 👎"));
    h += u"</p>"_s;
    if (a.state != MessageState::Complete)
        h += u"<p class=\"fig incomplete\">"_s + esc(stateText(a.state)) + u"</p>"_s;
    h += u"</header>"_s;
    if (r.options.reasoning && !a.reasoning.isEmpty())
        h += u"<details><summary>"_s + esc(tr("Reasoning")) + u"</summary>"_s + u"<div class=\"text\">"_s
             + esc(a.reasoning) + u"</div></details>"_s;
    h += a.content.isEmpty() ? u"<div class=\"text note\">"_s + esc(tr("(no text)")) + u"</div>"_s : textBlock(a.content);
    return h + u"</article>"_s;
}

QString diffHtml(const Report& r)
{
    const auto [first, second] = diffPair(r);
    if (!first || !second)
        return {};
    const WordDiff diff = diffWords(first->content, second->content);
    QString note = tr("Removed from %1 / added in %2.").arg(first->model, second->model);
    if (diff.approximate)
        note += tr(" The answers differ too much for an exact word diff: the differing middle is shown as one removal "
                   "and one addition.");
    QString h = u"<p class=\"note\">"_s + esc(note) + u"</p><div class=\"text diff\">"_s;
    for (const DiffSpan& s : diff.spans) {
        if (s.kind == DiffSpan::Kind::Same)
            h += esc(s.text);
        else
            h += (s.kind == DiffSpan::Kind::Added ? u"<ins>"_s : u"<del>"_s) + esc(s.text)
                 + (s.kind == DiffSpan::Kind::Added ? u"</ins>"_s : u"</del>"_s);
    }
    return h + u"</div>"_s;
}

QString parametersHtml(const Report& r)
{
    QString h;
    if (!r.systemPrompt.isEmpty())
        h += u"<h3>"_s + esc(tr("System prompt")) + u"</h3><div class=\"prompt\">"_s + esc(r.systemPrompt) + u"</div>"_s;
    if (!r.parameters.isEmpty()) {
        ReportTable t{{r.kind == ReportKind::PipelineRun ? tr("Variable") : tr("Parameter"), tr("Value")}, {false, false}, {}, {}};
        for (auto it = r.parameters.constBegin(); it != r.parameters.constEnd(); ++it) {
            const QJsonValue v = it.value();
            t.rows.append({it.key(), v.isString() ? v.toString()
                                     : v.isDouble() ? QLocale::c().toString(v.toDouble(), 'g', 12)
                                     : v.isBool() ? (v.toBool() ? u"true"_s : u"false"_s)
                                                  : QString::fromUtf8(QJsonDocument(QJsonObject{{u"v"_s, v}}).toJson(QJsonDocument::Compact))});
        }
        h += u"<h3>"_s + esc(r.kind == ReportKind::PipelineRun ? tr("Variables") : tr("Parameters")) + u"</h3>"_s + tableHtml(t);
    }
    return h;
}

QString metaLine(const Report& r)
{
    QStringList parts;
    if (r.kind == ReportKind::Comparison)
        parts << tr("%n model(s)", int(r.models.size())) << tr("%n prompt(s)", int(r.prompts.size()))
              << tr("%n run(s) each", r.repeat);
    if (r.batch)
        parts << tr("%1 of %2 rows finished").arg(r.batchRows.size()).arg(r.batchTotalRows);
    else if (r.kind == ReportKind::PipelineRun)
        parts << tr("%n node(s)", int(r.nodes.size())) << tr("wall time %1").arg(formatDuration(r.wallMs));
    if (r.kind == ReportKind::Conversation)
        parts << tr("%1 messages").arg(r.messages.size());
    parts << tr("total cost %1").arg(formatCost(r.totalCostUsd));
    parts << tr("started %1").arg(QLocale().toString(r.createdAt.toLocalTime(), QLocale::ShortFormat));
    return parts.join(u" · "_s);
}

} // namespace

QByteArray reportHtml(const Report& r)
{
    const QString title = r.title.isEmpty() ? reportKindTitle(r.kind) : r.title;
    QList<std::pair<QString, QString>> toc; // (anchor, heading)
    QString body;
    const auto section = [&](const QString& id, const QString& heading, const QString& content) {
        if (content.isEmpty())
            return;
        toc.append({id, heading});
        body += u"<section id=\""_s + id + u"\"><h2>"_s + esc(heading) + u"</h2>"_s + content + u"</section>"_s;
    };

    QString verdict;
    for (const ReportClaim& c : r.verdict)
        verdict += (c.subject.isEmpty() && c.kind != u"outcome"_s ? u"<li class=\"none\">"_s : u"<li>"_s) + esc(c.text) + u"</li>"_s;
    section(u"verdict"_s, tr("Verdict"), verdict.isEmpty() ? QString() : u"<ul class=\"verdict\">"_s + verdict + u"</ul>"_s);

    QString setup;
    if (r.kind == ReportKind::Comparison) {
        for (const ReportPrompt& p : r.prompts)
            setup += (r.prompts.size() > 1 ? u"<h3>"_s + esc(tr("Prompt %1").arg(p.number)) + u"</h3>"_s : QString())
                     + u"<div class=\"prompt\">"_s + esc(p.text) + u"</div>"_s;
    }
    if (r.kind == ReportKind::PipelineRun && !r.description.isEmpty())
        setup += u"<p>"_s + esc(r.description) + u"</p>"_s;
    if (r.options.parameters)
        setup += parametersHtml(r);
    section(u"setup"_s, r.kind == ReportKind::Comparison ? tr("Prompt and settings") : tr("Settings"), setup);

    if (r.kind == ReportKind::PipelineRun) {
        section(u"graph"_s, tr("Pipeline"), u"<figure>"_s + pipelineGraphSvg(r) + u"</figure>"_s);
        if (r.batch)
            section(u"figures"_s, tr("Per node and model"), tableHtml(modelFiguresTable(r)));
        else
            section(u"figures"_s, tr("Nodes"), tableHtml(nodeTable(r)));
    } else if (!r.models.isEmpty()) {
        QString figures = tableHtml(modelFiguresTable(r));
        if (!r.unpricedModels.isEmpty())
            figures += u"<p class=\"note\">"_s + esc(tr("Price unknown for: %1.").arg(r.unpricedModels.join(u", "_s))) + u"</p>"_s;
        section(u"figures"_s, tr("Figures"), figures);
    }

    QString charts;
    for (const ChartSpec& c : r.charts) {
        if (c.empty() && c.note.isEmpty())
            continue;
        charts += u"<figure id=\"chart-"_s + c.id + u"\">"_s
                  + (c.empty() ? u"<p class=\"note\"><strong>"_s + esc(c.title) + u"</strong> — "_s + esc(c.note) + u"</p>"_s
                               : chartSvg(c))
                  + u"</figure>"_s;
    }
    section(u"charts"_s, tr("Charts"), charts);

    if (!r.leaderboard.isEmpty())
        section(u"votes"_s, tr("Votes"),
                u"<p class=\"note\">"_s + esc(tr("%n vote(s) cast in this comparison.", r.voteCount)) + u"</p>"_s
                    + tableHtml(leaderboardTable(r)));
    if (const ReportTable attempts = attemptsTable(r); !attempts.rows.isEmpty())
        section(u"attempts"_s, tr("Fallbacks and retries"), tableHtml(attempts));

    if (r.batch) {
        QString rows = tableHtml(batchRowsTable(r, kBatchRowsShown));
        if (r.batchRows.size() > kBatchRowsShown)
            rows += u"<p class=\"note\">"_s
                    + esc(tr("The first %1 of %2 rows; the CSV and JSON reports have every one.")
                              .arg(kBatchRowsShown).arg(r.batchRows.size()))
                    + u"</p>"_s;
        section(u"rows"_s, tr("Rows"), rows);
    }
    if (r.options.answers && !r.batch) {
        QString answers;
        if (r.kind == ReportKind::Conversation) {
            int answerIndex = 0;
            for (const ReportMessage& m : r.messages) {
                if (m.role == MessageRole::Assistant && answerIndex < r.answers.size()) {
                    answers += answerHtml(r, r.answers.at(answerIndex++));
                    continue;
                }
                answers += u"<article><header><h4>"_s + esc(m.role == MessageRole::User ? tr("You") : tr("System"))
                           + u"</h4></header>"_s + textBlock(m.content) + u"</article>"_s;
            }
        } else if (r.kind == ReportKind::PipelineRun) {
            for (const NodeRun& n : r.nodes) {
                if (n.state == NodeState::Waiting || n.state == NodeState::Skipped)
                    continue;
                answers += u"<article><header><h4>"_s + esc(n.node) + u"</h4><p class=\"fig\">"_s
                           + esc(QString(n.kind + u" · "_s + nodeStateName(n.state) + u" · "_s + formatDuration(n.totalMs())))
                           + u"</p></header>"_s;
                if (!n.input.asText().isEmpty() && n.kind != u"input"_s)
                    answers += u"<details><summary>"_s + esc(tr("Input")) + u"</summary><div class=\"text\">"_s
                               + esc(n.input.asText()) + u"</div></details>"_s;
                if (!n.error.isEmpty())
                    answers += u"<p class=\"text incomplete\">"_s + esc(n.error) + u"</p>"_s;
                answers += textBlock(n.output.asText()) + u"</article>"_s;
            }
        } else {
            for (const ReportPrompt& p : r.prompts) {
                if (r.prompts.size() > 1)
                    answers += u"<h3>"_s + esc(tr("Prompt %1").arg(p.number)) + u"</h3>"_s;
                for (const ReportAnswer& a : r.answers)
                    if (a.prompt == p.number)
                        answers += answerHtml(r, a);
            }
        }
        section(u"answers"_s, r.kind == ReportKind::PipelineRun ? tr("Nodes' input and output") : tr("Answers"), answers);
    }
    if (r.options.diff && r.kind == ReportKind::Comparison)
        section(u"diff"_s, tr("Word diff of the first two answers"), diffHtml(r));

    QString nav;
    if (toc.size() > 3) {
        nav = u"<nav class=\"toc\" aria-label=\"Contents\"><ol>"_s;
        for (const auto& [id, heading] : toc)
            nav += u"<li><a href=\"#"_s + id + u"\">"_s + esc(heading) + u"</a></li>"_s;
        nav += u"</ol></nav>"_s;
    }
    const QString footer = tr("Made with Juxta %1 on %2 from the history (%3 %4). Fastest = lowest median total time; "
                              "cheapest = lowest total cost among answers with a known price; best rated = most "
                              "“★ Best” votes, only with at least 5 votes. Speeds are shown only for generations of "
                              "at least 100 ms.")
                               .arg(r.appVersion, r.generatedAt.toString(Qt::ISODate), reportKindName(r.kind), r.id);

    const QString html = u"<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>"
                         "<meta charset=\"utf-8\"/>"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                         // Belt and braces: even markup that escaped could fetch nothing and run nothing.
                         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                         "style-src 'unsafe-inline'; img-src data:\"/>"
                         "<meta name=\"color-scheme\" content=\"light dark\"/>"
                         "<meta name=\"generator\" content=\"Juxta\"/><title>"_s
                         + esc(title) + u"</title><style>"_s + kCss + u"</style></head>\n<body><main><header><p class=\"kind\">"_s
                         + esc(reportKindTitle(r.kind)) + u"</p><h1>"_s + esc(title) + u"</h1><p class=\"meta\">"_s
                         + esc(metaLine(r)) + u"</p></header>"_s + nav + body + u"<footer>"_s + esc(footer)
                         + u"</footer></main></body></html>\n"_s;
    return html.toUtf8();
}

} // namespace juxta
