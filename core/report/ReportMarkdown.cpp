// SPDX-License-Identifier: GPL-3.0-or-later
// The Markdown report: tables and the answers' own code blocks kept, for pull requests and wikis.
#include "report/ReportWriters.h"

#include "common/Plurals.h"
#include "compare/WordDiff.h"
#include "report/FigureFormat.h"
#include "report/MarkupText.h"
#include "report/ReportTables.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QString tr(const char* text, int n = -1)
{
    return translated("Report", text, n);
}

QString cell(QString text)
{
    text = visibleControls(text).replace(u'\\', u"\\\\"_s).replace(u'|', u"\\|"_s).replace(u'&', u"&amp;"_s)
               .replace(u'<', u"&lt;"_s).replace(u'\n', u' ').replace(u'\r', u' ');
    return text.replace(u"!["_s, u"!\\["_s).replace(u"]("_s, u"]\\("_s); // no image, no link: model text may be here
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

// Links and images whose target could run or fetch something lose their syntax (the text stays): "](" becomes
// "]\(" and "![" becomes "!\[" — a bracket and a parenthesis, not a link. CommonMark drops a backslash before the
// colon and lets the target start on the next line, so both are matched.
QString withoutActiveLinks(QString text)
{
    static const QRegularExpression scriptLink(u"\\]\\((\\s*(?:javascript|vbscript|data|file)\\s*\\\\?:)"_s,
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression scriptReference(
        u"^( {0,3})\\[([^\\]\\n]*)\\]:(\\s*(?:javascript|vbscript|data|file)\\s*\\\\?:)"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    text.replace(u"!["_s, u"!\\["_s);
    text.replace(scriptLink, u"]\\(\\1"_s);
    text.replace(scriptReference, u"\\1\\\\[\\2]:\\3"_s);
    return text;
}

// Model output as Markdown that renders as its author wrote it, minus what could act when the page is viewed. The
// answer's code blocks are found here and written again with a fence of our own, longer than any run of backticks
// inside, so a renderer sees exactly the blocks this function saw; everything else has its raw HTML escaped and
// its script links and images made text. The characters are all still there to read.
QString inertMarkdown(const QString& answer)
{
    QString text = visibleControls(answer);
    text.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n'); // a lone CR ends a line for a renderer too
    QString out;
    QString prose; // consecutive lines outside code, escaped together (a link may span lines)
    const auto flushProse = [&] {
        if (prose.isEmpty())
            return;
        prose.replace(u'&', u"&amp;"_s).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s);
        static const QRegularExpression quote(u"^( {0,3})&gt;"_s, QRegularExpression::MultilineOption);
        prose.replace(quote, u"\\1>"_s); // a quote stays a quote
        out += withoutActiveLinks(prose);
        prose.clear();
    };
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        const QString trimmed = line.trimmed();
        const qsizetype indent = line.indexOf(trimmed.isEmpty() ? QString() : trimmed.left(1));
        const QChar fenceChar = trimmed.isEmpty() ? QChar() : trimmed.front();
        qsizetype run = 0;
        while (run < trimmed.size() && trimmed.at(run) == fenceChar)
            ++run;
        const bool opens = indent <= 3 && (fenceChar == u'`' || fenceChar == u'~') && run >= 3
                           && !(fenceChar == u'`' && trimmed.mid(run).contains(u'`'));
        if (!opens) {
            prose += line + u'\n';
            continue;
        }
        // The block runs to a line of at least as many of the same character, or to the end of the answer.
        QStringList body;
        qsizetype j = i + 1;
        for (; j < lines.size(); ++j) {
            const QString t = lines.at(j).trimmed();
            qsizetype closing = 0;
            while (closing < t.size() && t.at(closing) == fenceChar)
                ++closing;
            if (closing >= run && closing == t.size())
                break;
            body.append(lines.at(j));
        }
        flushProse();
        const QString code = body.join(u'\n');
        const QString fence = fenceFor(code);
        const QString info = trimmed.mid(run).trimmed().section(u' ', 0, 0).remove(u'`');
        out += fence + info + u'\n' + code + (code.isEmpty() ? QString() : u"\n"_s) + fence + u'\n';
        i = j; // the closing line (or the end)
    }
    flushProse();
    if (out.endsWith(u'\n'))
        out.chop(1);
    return out;
}

// Text shown as it is, in a code block whose fence nothing inside can close (line ends made LF).
QString quoteBlock(const QString& raw)
{
    QString text = visibleControls(raw);
    text.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
    const QString fence = fenceFor(text);
    return fence + u"text\n"_s + text + (text.endsWith(u'\n') ? QString() : u"\n"_s) + fence + u"\n\n"_s;
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
                t.rows.append({it.key(), it.value().isString() ? it.value().toString()
                                         : it.value().isObject() || it.value().isArray()
                                             ? QString::fromUtf8(QJsonDocument(QJsonObject{{u"v"_s, it.value()}}).toJson(QJsonDocument::Compact)).mid(5).chopped(1)
                                             : it.value().toVariant().toString()});
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
                md += u"!["_s + cell(c.title) + u"](<"_s + chartStem + u'.' + c.id + u".svg>)\n\n"_s;
            else if (!c.note.isEmpty())
                md += u"*"_s + cell(c.title) + u": "_s + cell(c.note) + u"*\n\n"_s;
        }
    }
    if (!r.leaderboard.isEmpty())
        md += u"## "_s + tr("Votes") + u"\n\n"_s + tableMd(leaderboardTable(r));
    if (const ReportTable attempts = attemptsTable(r); !attempts.rows.isEmpty())
        md += u"## "_s + tr("Fallbacks and retries") + u"\n\n"_s + tableMd(attempts);
    if (r.options.diff && r.kind == ReportKind::Comparison) {
        if (const auto [first, second] = diffPair(r); first && second) {
            // wdiff's notation in a code block: readable as plain text, inert whatever the answers hold.
            const WordDiff diff = diffWords(first->content, second->content);
            QString text;
            for (const DiffSpan& span : diff.spans)
                text += span.kind == DiffSpan::Kind::Same      ? span.text
                        : span.kind == DiffSpan::Kind::Removed ? u"[-"_s + span.text + u"-]"_s
                                                               : u"{+"_s + span.text + u"+}"_s;
            md += u"## "_s + tr("Word diff of the first two answers") + u"\n\n"_s
                  + cell(tr("[-removed from %1-] {+added in %2+}").arg(first->model, second->model)) + u"\n\n"_s
                  + quoteBlock(text);
        }
    }
    if (r.options.answers && !r.batch) {
        md += u"## "_s + (r.kind == ReportKind::PipelineRun ? tr("Nodes' output") : tr("Answers")) + u"\n\n"_s;
        if (r.kind == ReportKind::PipelineRun) {
            for (const NodeRun& n : r.nodes) {
                if (n.state == NodeState::Waiting || n.state == NodeState::Skipped)
                    continue;
                md += u"### "_s + cell(n.node) + u"\n\n"_s;
                if (!n.input.asText().isEmpty() && n.kind != u"input"_s)
                    md += u"<details><summary>"_s + tr("Input") + u"</summary>\n\n"_s + quoteBlock(n.input.asText())
                          + u"</details>\n\n"_s;
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
