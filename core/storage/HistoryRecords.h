// SPDX-License-Identifier: GPL-3.0-or-later
// The rows of the history database as plain values: conversations, messages (a tree: edits and regenerations
// branch) and the request log (one row per provider attempt).
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace juxta {

enum class MessageRole { User, Assistant, System };
QString messageRoleName(MessageRole role); // "user", "assistant", "system"
std::optional<MessageRole> messageRoleFromName(const QString& name);

enum class MessageState {
    Complete,    // the answer ended normally
    Streaming,   // being written by this process right now
    Interrupted, // was streaming when the app or the machine stopped: the text is what was saved, maybe less
    Stopped,     // the user stopped it
    Failed,      // the provider failed; `errorClass`/`errorMessage` say how
};
QString messageStateName(MessageState state);
std::optional<MessageState> messageStateFromName(const QString& name);
inline bool isIncomplete(MessageState state) { return state != MessageState::Complete; }

// What is shown under an answer.
struct AnswerStats
{
    QString requestedModel;   // "profile/model"
    QString servedBy;         // the target that answered ("openai/gpt-4o-mini"), empty when none did
    QString servedModel;      // the model id the provider reported
    QStringList fallbackNotes; // "openai/gpt-4o: rate limited (HTTP 429)" per failed attempt before the answer
    std::optional<double> ttftMs;
    std::optional<double> totalMs;
    std::optional<double> tokensPerSecond;
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    std::optional<double> costUsd;
    bool costIsEstimate = false;
    QString finishReason;     // "stop", "length", …
    QString errorClass;       // errorClassName(), empty without an error
    QString errorMessage;
    bool offline = false;     // a built-in offline provider answered (or was asked): labelled, $0 by definition

    bool operator==(const AnswerStats&) const = default;
};
// {"requested_model", "served_by", "ttft_ms", "cost_usd", …}: only the fields that are set. Used by the
// database and by conversation export, so both speak the same names.
QJsonObject answerStatsToJson(const AnswerStats& stats);
AnswerStats answerStatsFromJson(const QJsonObject& json);

struct MessageRecord
{
    QString id;               // a UUID, made by the writer so nothing waits for the database
    QString conversationId;
    QString parentId;         // empty for the first message of a conversation
    MessageRole role = MessageRole::User;
    QString content;
    QString reasoning;
    QString toolCallsJson;    // [{"id","name","arguments"}], empty for none
    MessageState state = MessageState::Complete;
    AnswerStats stats;        // assistant messages
    QDateTime createdAt;

    bool operator==(const MessageRecord&) const = default;
};

struct ConversationRecord
{
    QString id;
    QString title;
    QDateTime createdAt;
    QDateTime updatedAt;
    bool pinned = false;
    QString currentLeafId;    // the branch being shown: its last message
    QByteArray settingsJson;  // ChatSettings::toJson()
    double totalCostUsd = 0;  // sum over its answers, for the sidebar and the running total

    bool operator==(const ConversationRecord&) const = default;
};

struct Conversation
{
    ConversationRecord record;
    QList<MessageRecord> messages; // every branch, oldest first
};

// One provider attempt, as the request log keeps it.
struct AttemptLogRow
{
    QString messageId;
    QString conversationId;
    int attempt = 0;          // order within the answer
    QString target;           // "profile/model"
    QString parametersJson;   // temperature, top_p, max tokens, seed, … (never a key)
    QDateTime startedAt;
    std::optional<double> ttftMs;
    std::optional<double> totalMs;
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    std::optional<qint64> reasoningTokens;
    std::optional<qint64> cachedInputTokens;
    std::optional<double> costUsd;
    QString errorClass;       // empty: this attempt served the answer
    int httpStatus = 0;
    QString errorMessage;
    QString servedModel;
};

// A fresh id for a conversation or message (a UUID without braces): made by the writer, so nothing waits.
QString newRecordId();

} // namespace juxta

Q_DECLARE_METATYPE(juxta::Conversation)
