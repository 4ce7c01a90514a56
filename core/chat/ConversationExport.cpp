// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ConversationExport.h"

#include "chat/MarkdownBlocks.h"

#include "answer/ChatSettings.h"
#include "chat/ConversationTree.h"
#include "pricing/CostCalculator.h"
#include "report/FigureFormat.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr QLatin1StringView kFormat = "juxta.conversation"_L1;
constexpr int kVersion = 1;

QString isoUtc(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QJsonValue& value)
{
    if (!value.isString())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QString stringOr(const QJsonObject& o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? v.toString() : QString();
}

std::optional<qint64> integerOr(const QJsonObject& o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (std::floor(d) != d || std::abs(d) >= 9.2e18)
        return std::nullopt;
    return v.toInteger(static_cast<qint64>(d));
}

QJsonObject messageToJson(const MessageRecord& m)
{
    QJsonObject o;
    o.insert("id"_L1, m.id);
    o.insert("parent_id"_L1, m.parentId);
    o.insert("role"_L1, messageRoleName(m.role));
    o.insert("content"_L1, m.content);
    if (!m.reasoning.isEmpty())
        o.insert("reasoning"_L1, m.reasoning);
    if (!m.toolCallsJson.isEmpty()) {
        const QJsonDocument calls = QJsonDocument::fromJson(m.toolCallsJson.toUtf8());
        // Kept as text when it is not an array, rather than lost.
        o.insert("tool_calls"_L1, calls.isArray() ? QJsonValue(calls.array()) : QJsonValue(m.toolCallsJson));
    }
    o.insert("state"_L1, messageStateName(m.state));
    if (m.createdAt.isValid())
        o.insert("created_at"_L1, isoUtc(m.createdAt));
    const QJsonObject stats = answerStatsToJson(m.stats);
    if (!stats.isEmpty())
        o.insert("stats"_L1, stats);
    return o;
}

// Null with `why` set when the message cannot be used. Ids are still the file's.
std::optional<MessageRecord> messageFromJson(const QJsonValue& value, const QDateTime& now, QString& why)
{
    if (!value.isObject()) {
        why = u"not a JSON object"_s;
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    MessageRecord m;
    m.id = stringOr(o, "id"_L1);
    if (m.id.isEmpty()) {
        why = u"no id"_s;
        return std::nullopt;
    }
    const QJsonValue parent = o.value("parent_id"_L1);
    if (!parent.isUndefined() && !parent.isNull() && !parent.isString()) {
        why = u"parent_id is not a string"_s;
        return std::nullopt;
    }
    m.parentId = parent.toString();
    const auto role = messageRoleFromName(stringOr(o, "role"_L1));
    if (!role) {
        why = u"unknown role"_s;
        return std::nullopt;
    }
    m.role = *role;
    const QJsonValue content = o.value("content"_L1);
    if (!content.isString()) {
        why = u"content is not text"_s;
        return std::nullopt;
    }
    m.content = content.toString();
    m.reasoning = stringOr(o, "reasoning"_L1);

    const QJsonValue toolCalls = o.value("tool_calls"_L1);
    if (toolCalls.isArray() && !toolCalls.toArray().isEmpty())
        m.toolCallsJson = QString::fromUtf8(QJsonDocument(toolCalls.toArray()).toJson(QJsonDocument::Compact));
    else if (toolCalls.isString())
        m.toolCallsJson = toolCalls.toString();

    const QJsonValue state = o.value("state"_L1);
    if (state.isUndefined()) {
        m.state = MessageState::Complete;
    } else {
        const auto parsed = messageStateFromName(state.toString());
        if (!parsed) {
            why = u"unknown state"_s;
            return std::nullopt;
        }
        // Nothing is streaming into an imported message: what the file has is all there is.
        m.state = *parsed == MessageState::Streaming ? MessageState::Interrupted : *parsed;
    }

    m.createdAt = parseTime(o.value("created_at"_L1));
    if (!m.createdAt.isValid())
        m.createdAt = now;
    m.stats = answerStatsFromJson(o.value("stats"_L1).toObject());
    return m;
}

// A fence longer than any backtick run in `text`, so the text cannot close it.
QString fenceFor(QStringView text)
{
    qsizetype longest = 0;
    qsizetype run = 0;
    for (QChar c : text) {
        run = c == u'`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return QString(std::max<qsizetype>(3, longest + 1), u'`');
}

QString incompleteLine(const MessageRecord& m)
{
    QString detail = messageStateName(m.state);
    // QStringBuilder: each branch is made a QString, or the two would have different types.
    const QString error = m.stats.errorClass.isEmpty() || m.stats.errorMessage.isEmpty()
                              ? QString(m.stats.errorClass + m.stats.errorMessage)
                              : QString(m.stats.errorClass + u": "_s + m.stats.errorMessage);
    if (!error.isEmpty())
        detail += u" ("_s + error + u')';
    return u"*Incomplete: "_s + detail + u'*';
}

} // namespace

QByteArray exportConversationJson(const Conversation& conversation)
{
    const ConversationRecord& r = conversation.record;
    QJsonObject root;
    root.insert("format"_L1, kFormat);
    root.insert("version"_L1, kVersion);
    root.insert("title"_L1, r.title);
    if (r.createdAt.isValid())
        root.insert("created_at"_L1, isoUtc(r.createdAt));
    if (r.updatedAt.isValid())
        root.insert("updated_at"_L1, isoUtc(r.updatedAt));
    root.insert("pinned"_L1, r.pinned);
    root.insert("current_leaf"_L1, r.currentLeafId);
    root.insert("settings"_L1, QJsonDocument::fromJson(r.settingsJson).object());
    QJsonArray messages;
    for (const MessageRecord& m : conversation.messages)
        messages.append(messageToJson(m));
    root.insert("messages"_L1, messages);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

ImportedConversation importConversationJson(const QByteArray& json)
{
    ImportedConversation result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = u"The file is not valid JSON: %1 (at byte %2)."_s.arg(parseError.errorString())
                           .arg(parseError.offset);
        return result;
    }
    if (!doc.isObject()) {
        result.error = u"The file is not a Juxta conversation: it is not a JSON object."_s;
        return result;
    }
    const QJsonObject root = doc.object();
    if (root.value("format"_L1).toString() != kFormat) {
        result.error = u"The file is not a Juxta conversation: its format is \"%1\", not \"%2\"."_s
                           .arg(root.value("format"_L1).toString(), QString(kFormat));
        return result;
    }
    const std::optional<qint64> version = integerOr(root, "version"_L1);
    if (!version || *version < 1) {
        result.error = u"The conversation file has no valid format version."_s;
        return result;
    }
    if (*version > kVersion) {
        result.error = u"The conversation file was made by a newer Juxta (format version %1; this version reads "
                       u"up to %2). Update Juxta to open it."_s.arg(*version).arg(kVersion);
        return result;
    }
    const QJsonValue messagesValue = root.value("messages"_L1);
    if (!messagesValue.isArray()) {
        result.error = u"The conversation file has no message list."_s;
        return result;
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    Conversation c;
    ConversationRecord& r = c.record;
    r.id = newRecordId();
    r.title = stringOr(root, "title"_L1);
    r.createdAt = parseTime(root.value("created_at"_L1));
    if (!r.createdAt.isValid())
        r.createdAt = now;
    r.updatedAt = parseTime(root.value("updated_at"_L1));
    if (!r.updatedAt.isValid())
        r.updatedAt = r.createdAt;
    r.pinned = root.value("pinned"_L1).toBool(false);
    r.settingsJson = QJsonDocument(root.value("settings"_L1).toObject()).toJson(QJsonDocument::Compact);

    // Pass 1: each message on its own. `number` is its 1-based position in the file, for warnings.
    struct Parsed
    {
        MessageRecord message;
        qsizetype number = 0;
    };
    QList<Parsed> parsed;
    QHash<QString, qsizetype> byOldId;
    const QJsonArray array = messagesValue.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString why;
        std::optional<MessageRecord> m = messageFromJson(array.at(i), now, why);
        if (m && byOldId.contains(m->id)) {
            m.reset();
            why = u"its id is used twice"_s;
        }
        if (!m) {
            result.warnings.append(u"Message %1 was skipped: %2."_s.arg(i + 1).arg(why));
            continue;
        }
        byOldId.insert(m->id, parsed.size());
        parsed.append({std::move(*m), i + 1});
    }

    // Pass 2: a message is kept only when its chain of parents reaches a root through kept messages. Each
    // message is walked once: a chain stops at the first message already decided.
    enum class Status : char { Unknown, Visiting, Kept, Dropped };
    QList<Status> status(parsed.size(), Status::Unknown);
    QList<qsizetype> chain;
    for (qsizetype start = 0; start < parsed.size(); ++start) {
        chain.clear();
        Status outcome = Status::Dropped;
        qsizetype current = start;
        for (;;) {
            if (status[current] != Status::Unknown) {
                outcome = status[current] == Status::Kept ? Status::Kept : Status::Dropped; // Visiting: a cycle
                break;
            }
            status[current] = Status::Visiting;
            chain.append(current);
            const QString& parent = parsed[current].message.parentId;
            if (parent.isEmpty()) {
                outcome = Status::Kept;
                break;
            }
            const auto it = byOldId.constFind(parent);
            if (it == byOldId.cend()) {
                outcome = Status::Dropped;
                break;
            }
            current = *it;
        }
        for (qsizetype i : chain)
            status[i] = outcome;
    }

    QHash<QString, QString> newIds;
    for (qsizetype i = 0; i < parsed.size(); ++i) {
        if (status[i] == Status::Kept)
            newIds.insert(parsed[i].message.id, newRecordId());
        else
            result.warnings.append(u"Message %1 was skipped: its parent message is missing or was skipped."_s
                                       .arg(parsed[i].number));
    }
    for (qsizetype i = 0; i < parsed.size(); ++i) {
        if (status[i] != Status::Kept)
            continue;
        MessageRecord m = std::move(parsed[i].message);
        m.id = newIds.value(m.id);
        m.parentId = m.parentId.isEmpty() ? QString() : newIds.value(m.parentId);
        m.conversationId = r.id;
        if (m.stats.costUsd)
            r.totalCostUsd += *m.stats.costUsd;
        c.messages.append(std::move(m));
    }

    const QString oldLeaf = stringOr(root, "current_leaf"_L1);
    r.currentLeafId = newIds.value(oldLeaf);
    if (r.currentLeafId.isEmpty()) {
        if (!oldLeaf.isEmpty())
            result.warnings.append(u"The current branch was skipped; the latest branch is shown instead."_s);
        r.currentLeafId = ConversationTree(c.messages).latestLeaf();
    }

    result.conversation = std::move(c);
    return result;
}

QString exportConversationMarkdown(const Conversation& conversation, const QString& leafId)
{
    const ConversationRecord& r = conversation.record;
    QString md;
    const QString title = r.title.simplified(); // a heading is one line
    md += u"# "_s + (title.isEmpty() ? u"Untitled conversation"_s : title) + u"\n\n"_s;

    const ChatSettings settings = ChatSettings::fromJson(r.settingsJson);
    if (!settings.model.isEmpty())
        md += u"Model: `"_s + settings.model + u"`\n\n"_s;
    if (!settings.systemPrompt.isEmpty()) {
        md += u"## System prompt\n\n"_s;
        const QStringList lines = settings.systemPrompt.split(u'\n');
        for (const QString& line : lines)
            md += (line.isEmpty() ? u">"_s : QString(u"> "_s + line)) + u'\n';
        md += u'\n';
    }

    for (const MessageRecord& m : ConversationTree(conversation.messages).pathTo(leafId)) {
        switch (m.role) {
        case MessageRole::User:
            md += u"## You\n\n"_s;
            break;
        case MessageRole::System:
            md += u"## System\n\n"_s;
            break;
        case MessageRole::Assistant: {
            const QString model = !m.stats.servedBy.isEmpty() ? m.stats.servedBy : m.stats.requestedModel;
            const QString offline = m.stats.offline ? u" · offline"_s : QString();
            md += model.isEmpty() ? u"## Assistant\n\n"_s : QString(u"## Assistant ("_s + model + offline + u")\n\n"_s);
            break;
        }
        }
        if (!m.reasoning.isEmpty())
            md += u"<details><summary>Reasoning</summary>\n\n"_s + m.reasoning + u"\n\n</details>\n\n"_s;
        if (!m.content.isEmpty()) {
            md += m.content;
            if (const QString fence = unclosedFence(m.content); !fence.isEmpty())
                md += (m.content.endsWith(u'\n') ? QString() : u"\n"_s) + fence; // stopped inside a code block
            md += u"\n\n"_s;
        }
        if (!m.toolCallsJson.isEmpty()) {
            const QJsonDocument calls = QJsonDocument::fromJson(m.toolCallsJson.toUtf8());
            const QString body = calls.isNull() ? m.toolCallsJson
                                          : QString::fromUtf8(calls.toJson(QJsonDocument::Indented)).trimmed();
            const QString fence = fenceFor(body);
            md += fence + u"json\n"_s + body + u'\n' + fence + u"\n\n"_s;
        }
        if (m.role == MessageRole::Assistant) {
            const QString line = answerFiguresLine(m.stats);
            if (!line.isEmpty())
                md += u"*"_s + line + u"*\n\n"_s;
        }
        if (isIncomplete(m.state))
            md += incompleteLine(m) + u"\n\n"_s;
    }

    while (md.endsWith(u"\n\n"_s))
        md.chop(1);
    return md;
}

} // namespace juxta
