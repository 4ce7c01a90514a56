// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/MarkdownImport.h"

#include "answer/ChatSettings.h"
#include "chat/MarkdownBlocks.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

struct Section
{
    QString heading; // "You", "System", "System prompt", "Assistant", "Assistant (model)"
    QStringList lines;
};

// Removes what the exporter adds around an answer's text: the reasoning block before it, and the italic figures
// line and "*Incomplete: …*" line after it.
void takeDecorations(QString& text, QString& reasoning, bool& incomplete)
{
    static const QRegularExpression details(u"^<details><summary>Reasoning</summary>\\n\\n(.*?)\\n\\n</details>\\n*"_s,
                                            QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = details.match(text);
    if (m.hasMatch()) {
        reasoning = m.captured(1);
        text.remove(0, m.capturedLength());
    }
    for (int pass = 0; pass < 2; ++pass) {
        text = text.trimmed();
        const qsizetype lastBreak = text.lastIndexOf(u"\n\n"_s);
        const QString last = text.mid(lastBreak < 0 ? 0 : lastBreak + 2);
        if (last.startsWith(u"*Incomplete:"_s) && last.endsWith(u'*')) {
            incomplete = true;
            text.truncate(lastBreak < 0 ? 0 : lastBreak);
        } else if (last.size() > 2 && last.startsWith(u'*') && last.endsWith(u'*') && !last.startsWith(u"**"_s)
                   && !last.contains(u'\n') && last.contains(u" · "_s)) {
            text.truncate(lastBreak < 0 ? 0 : lastBreak);
        }
    }
}

// Only the headings the exporter writes start a message; any other "## …" is part of the text (answers have them).
bool isRoleHeading(const QString& line)
{
    static const QRegularExpression role(u"^## (You|System|System prompt|Assistant|Assistant \\(.+\\))\\s*$"_s);
    return role.match(line).hasMatch();
}

} // namespace

ImportedConversation importConversationMarkdown(const QString& markdown)
{
    ImportedConversation result;
    Conversation conversation;
    ChatSettings settings;
    QList<Section> sections;
    FenceTracker fences;
    for (const QString& rawLine : markdown.split(u'\n')) {
        QString line = rawLine;
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QString trimmed = line.trimmed();
        const bool inFence = fences.insideCode();
        fences.feedLine(line);
        if (!inFence && line.startsWith(u"# "_s) && sections.isEmpty() && conversation.record.title.isEmpty()) {
            conversation.record.title = line.mid(2).trimmed();
            continue;
        }
        if (!inFence && isRoleHeading(line)) {
            sections.append({line.mid(3).trimmed(), {}});
            continue;
        }
        if (sections.isEmpty()) {
            static const QRegularExpression modelLine(u"^Model: `([^`]+)`$"_s);
            if (const QRegularExpressionMatch m = modelLine.match(trimmed); m.hasMatch())
                settings.model = m.captured(1);
            continue;
        }
        sections.last().lines.append(line);
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString parent;
    int order = 0;
    for (const Section& section : std::as_const(sections)) {
        QString text = section.lines.join(u'\n').trimmed();
        if (section.heading == u"System prompt"_s) {
            QStringList prompt;
            for (const QString& line : section.lines) {
                if (line.startsWith(u'>'))
                    prompt.append(line.mid(line.startsWith(u"> "_s) ? 2 : 1));
            }
            settings.systemPrompt = prompt.join(u'\n').trimmed();
            continue;
        }
        MessageRecord m;
        if (section.heading == u"You"_s) {
            m.role = MessageRole::User;
        } else if (section.heading == u"System"_s) {
            m.role = MessageRole::System;
        } else if (section.heading.startsWith(u"Assistant"_s)) {
            m.role = MessageRole::Assistant;
            static const QRegularExpression model(u"^Assistant \\((.+)\\)$"_s);
            if (const QRegularExpressionMatch match = model.match(section.heading); match.hasMatch())
                m.stats.requestedModel = match.captured(1);
            bool incomplete = false;
            takeDecorations(text, m.reasoning, incomplete);
            if (incomplete)
                m.state = MessageState::Stopped;
        } else {
            continue; // not reached: only role headings start sections
        }
        m.id = newRecordId();
        m.parentId = parent;
        m.content = text;
        m.createdAt = now.addMSecs(order++); // keeps the order of the document
        parent = m.id;
        conversation.messages.append(m);
    }
    if (conversation.messages.isEmpty()) {
        result.error = u"no \"## You\" or \"## Assistant\" sections: not a conversation Juxta can read"_s;
        return result;
    }
    conversation.record.id = newRecordId();
    if (conversation.record.title.isEmpty())
        conversation.record.title = u"Imported conversation"_s;
    conversation.record.createdAt = now;
    conversation.record.updatedAt = now;
    conversation.record.currentLeafId = parent;
    conversation.record.settingsJson = settings.toJson();
    for (MessageRecord& m : conversation.messages)
        m.conversationId = conversation.record.id;
    result.conversation = conversation;
    return result;
}

} // namespace juxta
