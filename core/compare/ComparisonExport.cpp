// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/ComparisonExport.h"

#include "chat/ConversationExport.h"
#include "chat/ConversationTree.h"
#include "compare/CompareSetup.h"
#include "pricing/CostCalculator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QString cell(const std::optional<double>& ms)
{
    return ms ? QString::number(*ms, 'f', 0) : u"–"_s;
}

QString tableText(QString text)
{
    return text.replace(u'|', u"\\|"_s).replace(u'\n', u' ');
}

// The branch each column shows: its current leaf, else its newest.
QList<MessageRecord> shownPath(const Conversation& column)
{
    const ConversationTree tree(column.messages);
    const QString leaf = tree.leafOrLatest(column.record.currentLeafId);
    return leaf.isEmpty() ? QList<MessageRecord>() : tree.pathTo(leaf);
}

} // namespace

QString exportComparisonMarkdown(const SavedComparison& comparison)
{
    const CompareSetup setup = CompareSetup::fromJson(comparison.record.setupJson);
    QString md = u"# "_s + (comparison.record.title.isEmpty() ? u"Comparison"_s : comparison.record.title) + u"\n\n"_s;
    md += u"Exported from Juxta. %1 models, %2 run(s) each, started %3.\n\n"_s.arg(comparison.columns.size())
              .arg(setup.repeat).arg(comparison.record.createdAt.toString(Qt::ISODate));
    if (!setup.shared.systemPrompt.isEmpty())
        md += u"**System prompt:** "_s + setup.shared.systemPrompt + u"\n\n"_s;

    md += u"| Model | Served by | TTFT ms | Total ms | tok/s | Tokens in | Tokens out | Cost | Finish |\n"_s
          u"|---|---|---:|---:|---:|---:|---:|---:|---|\n"_s;
    QList<QList<MessageRecord>> paths;
    QList<bool> offlineColumns; // answered by a built-in offline provider: said in the table and the heading
    for (int i = 0; i < comparison.columns.size(); ++i) {
        paths.append(shownPath(comparison.columns.at(i)));
        const QString label = i < setup.columns.size() ? setup.columnLabel(i) : comparison.columns.at(i).record.title;
        const MessageRecord* answer = nullptr;
        for (const MessageRecord& m : paths.last())
            answer = m.role == MessageRole::Assistant ? &m : answer;
        offlineColumns.append(answer && answer->stats.offline);
        if (!answer) {
            md += u"| %1 | – | – | – | – | – | – | – | – |\n"_s.arg(tableText(label));
            continue;
        }
        const AnswerStats& s = answer->stats;
        const QString offline = s.offline ? u" · offline"_s : QString();
        md += u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 |\n"_s.arg(
            tableText(label + offline), tableText(s.servedBy.isEmpty() ? u"–"_s : s.servedBy + offline), cell(s.ttftMs),
            cell(s.totalMs),
            s.tokensPerSecond ? QString::number(*s.tokensPerSecond, 'f', 1) : u"–"_s,
            s.inputTokens ? QString::number(*s.inputTokens) : u"–"_s,
            s.outputTokens ? QString::number(*s.outputTokens) : u"–"_s,
            s.costUsd ? formatMoney(*s.costUsd, u"USD"_s) + (s.offline ? u" (offline)"_s : QString()) : u"unknown"_s,
            tableText(answer->state == MessageState::Complete ? s.finishReason
                                                              : messageStateName(answer->state) + u' ' + s.errorClass));
    }
    for (int i = 0; i < comparison.columns.size(); ++i) {
        const QString label = i < setup.columns.size() ? setup.columnLabel(i) : comparison.columns.at(i).record.title;
        md += u"\n## "_s + label + (offlineColumns.at(i) ? u" · offline"_s : QString()) + u"\n\n"_s;
        for (const MessageRecord& m : paths.at(i)) {
            if (m.role == MessageRole::User) {
                md += u"**Prompt:**\n\n"_s + m.content + u"\n\n"_s;
            } else {
                md += m.content.isEmpty() ? u"*(no text)*"_s : m.content;
                if (m.state != MessageState::Complete)
                    md += u"\n\n*(incomplete: %1)*"_s.arg(messageStateName(m.state));
                md += u"\n\n"_s;
            }
        }
    }
    return md;
}

QByteArray exportComparisonJson(const SavedComparison& comparison)
{
    QJsonArray columns;
    for (const Conversation& column : comparison.columns)
        columns.append(QJsonDocument::fromJson(exportConversationJson(column)).object());
    const QJsonObject o{{u"format"_s, u"juxta-comparison"_s},
                        {u"version"_s, 1},
                        {u"id"_s, comparison.record.id},
                        {u"title"_s, comparison.record.title},
                        {u"created_at"_s, comparison.record.createdAt.toString(Qt::ISODateWithMs)},
                        {u"setup"_s, QJsonDocument::fromJson(comparison.record.setupJson).object()},
                        {u"columns"_s, columns}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

} // namespace juxta
