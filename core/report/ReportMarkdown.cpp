// SPDX-License-Identifier: GPL-3.0-or-later
// The Markdown report: tables and the answers' own code blocks kept, for pull requests and wikis.
#include "report/ReportWriters.h"

#include "report/FigureFormat.h"
#include "report/MarkupText.h"
#include "report/ReportTables.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Report", text);
}

QString cell(QString text)
{
    return visibleControls(text).replace(u'\\', u"\\\\"_s).replace(u'|', u"\\|"_s).replace(u'<', u"&lt;"_s)
        .replace(u'\n', u' ').replace(u'\r', u' ');
}

QString tableMd(const ReportTable& t)
{
    QString md = u"|"_s;
    for (const QString& h : t.headers)
        md += u' ' + cell(h) + u" |"_s;
    md += u"\n|"_s;
    for (int i = 0; i < t.headers.size(); ++i)
        md += t.numeric.value(i) ? u"---:|"_s : u"---|"_s;
    md += u'\n';
    const auto row = [&](const QStringList& cells, bool bold) {
        md += u'|';
        for (const QString& c : cells)
            md += u' ' + (bold && !c.isEmpty() ? u"**"_s + cell(c) + u"**"_s : cell(c)) + u" |"_s;
        md += u'\n';
    };
    for (const QStringList& r : t.rows)
        row(r, false);
    if (!t.totals.isEmpty())
        row(t.totals, true);
    return md + u'\n';
}

// A fence longer than any run of backticks in the text.
QString fenceFor(const QString& text)
{
    int longest = 0, run = 0;
    for (QChar c : text) {
        run = c == u'`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return QString(std::max(3, longest + 1), u'`');
}

// Model output as Markdown that renders as its author wrote it, minus what could act when the page is viewed:
// raw HTML is escaped (outside code, where it is inert anyway), images become text, and links to script or data
// lose their link syntax. The characters are all still there to read.
QString inertMarkdown(const QString& text)
{
    static const QRegularExpression scriptLink(u"\\]\\((\\s*(?:javascript|vbscript|data|file):)"_s,
                                               QRegularExpression::CaseInsensitiveOption);
    QString out;
    bool inFence = false;
    QString fence;
    for (const QString& line : visibleControls(text).split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (!inFence && (trimmed.startsWith(u"```"_s) || trimmed.startsWith(u"~~~"_s))) {
            inFence = true;
            fence = trimmed.left(3);
            out += line + u'\n';
            continue;
        }
        if (inFence) {
            if (trimmed.startsWith(fence))
                inFence = false;
            out += line + u'\n';
            continue;
        }
        QString safe = line;
        safe.replace(u'&', u"&amp;"_s).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s);
        if (trimmed.startsWith(u'>')) // a quote stays a quote
            safe.replace(safe.indexOf(u"&gt;"_s), 4, u">"_s);
        safe.replace(u"!["_s, u"!\\["_s);
        safe.replace(scriptLink, u"]\\(\\1"_s); // "]\(" is a bracket and a parenthesis, not a link
        out += safe + u'\n';
    }
    if (inFence)
        out += fence + u'\n'; // an answer cut inside a code block: the rest of the report is not swallowed
    out.chop(1);
    return out;
}

QString quoteBlock(const QString& text)
{
    const QString fence = fenceFor(text);
    return fence + u"text\n"_s + visibleControls(text) + (text.endsWith(u'\n') ? QString() : u"\n"_s) + fence + u"\n\n"_s;
}

QString answerMd(const Report& r, const ReportAnswer& a)
{
    QString md = u"### "_s + cell(answerHeading(r, a)) + u"\n\n*"_s + cell(answerFiguresLine(a.stats));
    if (a.rating)
        md += *a.rating > 0 ? tr("  ·  rated 👍") : tr("  ·  rated 👎");
    md += u"*\n\n"_s;
    if (a.state != MessageState::Complete)
        md += u"**"_s + stateText(a.state) + u"**\n\n"_s;
    if (r.options.reasoning && !a.reasoning.isEmpty())
        md += u"<details><summary>"_s + tr("Reasoning") + u"</summary>\n\n"_s + quoteBlock(a.reasoning) + u"</details>\n\n"_s;
    md += (a.content.isEmpty() ? tr("*(no text)*") : inertMarkdown(a.content)) + u"\n\n"_s;
    return md;
}

} // namespace

QString reportMarkdown(const Report& r, const QString& chartStem)
{
    QString md = u"# "_s + cell(r.title.isEmpty() ? reportKindTitle(r.kind) : r.title) + u"\n\n"_s;
    md += tr("*%1 from Juxta %2 · id %3 · started %4 · total cost %5*")
              .arg(reportKindTitle(r.kind), r.appVersion, r.id, r.createdAt.toString(Qt::ISODate),
                   formatCost(r.totalCostUsd))
          + u"\n\n"_s;
    if (!r.verdict.isEmpty()) {
        md += u"## "_s + tr("Verdict") + u"\n\n"_s;
        for (const ReportClaim& c : r.verdict)
            md += u"- "_s + cell(c.text) + u'\n';
        md += u'\n';
    }
    if (r.kind == ReportKind::Comparison) {
        md += u"## "_s + tr("Prompt") + u"\n\n"_s;
        for (const ReportPrompt& p : r.prompts)
            md += (r.prompts.size() > 1 ? u"**"_s + tr("Prompt %1").arg(p.number) + u"**\n\n"_s : QString()) + quoteBlock(p.text);
    }
    if (r.options.parameters) {
        if (!r.systemPrompt.isEmpty())
            md += u"**"_s + tr("System prompt") + u"**\n\n"_s + quoteBlock(r.systemPrompt);
        if (!r.parameters.isEmpty()) {
            md += u"**"_s + (r.kind == ReportKind::PipelineRun ? tr("Variables") : tr("Parameters")) + u"**\n\n"_s;
            ReportTable t{{tr("Name"), tr("Value")}, {false, false}, {}, {}};
            for (auto it = r.parameters.constBegin(); it != r.parameters.constEnd(); ++it)
                t.rows.append({it.key(), it.value().isString() ? it.value().toString() : it.value().toVariant().toString()});
            md += tableMd(t);
        }
    }
    if (r.batch) {
        md += u"## "_s + tr("Per node and model") + u"\n\n"_s + tableMd(modelFiguresTable(r));
        md += u"## "_s + tr("Rows") + u"\n\n"_s + tableMd(batchRowsTable(r, kBatchRowsShown));
        if (r.batchRows.size() > kBatchRowsShown)
            md += tr("*The first %1 of %2 rows; the CSV and JSON reports have every one.*")
                      .arg(kBatchRowsShown).arg(r.batchRows.size()) + u"\n\n"_s;
    } else if (r.kind == ReportKind::PipelineRun) {
        md += u"## "_s + tr("Nodes") + u"\n\n"_s + tableMd(nodeTable(r));
    } else if (!r.models.isEmpty()) {
        md += u"## "_s + tr("Figures") + u"\n\n"_s + tableMd(modelFiguresTable(r));
    }
    if (!chartStem.isEmpty()) {
        for (const ChartSpec& c : r.charts) {
            if (!c.empty())
                md += u"!["_s + cell(c.title) + u"]("_s + chartStem + u'.' + c.id + u".svg)\n\n"_s;
            else if (!c.note.isEmpty())
                md += u"*"_s + cell(c.title) + u": "_s + cell(c.note) + u"*\n\n"_s;
        }
    }
    if (!r.leaderboard.isEmpty())
        md += u"## "_s + tr("Votes") + u"\n\n"_s + tableMd(leaderboardTable(r));
    if (const ReportTable attempts = attemptsTable(r); !attempts.rows.isEmpty())
        md += u"## "_s + tr("Fallbacks and retries") + u"\n\n"_s + tableMd(attempts);
    if (r.options.answers && !r.batch) {
        md += u"## "_s + (r.kind == ReportKind::PipelineRun ? tr("Nodes' output") : tr("Answers")) + u"\n\n"_s;
        if (r.kind == ReportKind::PipelineRun) {
            for (const NodeRun& n : r.nodes) {
                if (n.state == NodeState::Waiting || n.state == NodeState::Skipped)
                    continue;
                md += u"### "_s + cell(n.node) + u"\n\n"_s;
                if (!n.error.isEmpty())
                    md += u"**"_s + cell(n.error) + u"**\n\n"_s;
                md += inertMarkdown(n.output.asText()) + u"\n\n"_s;
            }
        } else if (r.kind == ReportKind::Conversation) {
            int answerIndex = 0;
            for (const ReportMessage& m : r.messages) {
                if (m.role == MessageRole::Assistant && answerIndex < r.answers.size())
                    md += answerMd(r, r.answers.at(answerIndex++));
                else
                    md += u"### "_s + (m.role == MessageRole::User ? tr("You") : tr("System")) + u"\n\n"_s
                          + inertMarkdown(m.content) + u"\n\n"_s;
            }
        } else {
            for (const ReportAnswer& a : r.answers)
                md += answerMd(r, a);
        }
    }
    while (md.endsWith(u"\n\n"_s))
        md.chop(1);
    return md;
}

} // namespace juxta
