// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/HistoryRecords.h"

#include <QJsonArray>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace juxta {

QString messageRoleName(MessageRole role)
{
    switch (role) {
    case MessageRole::User: return u"user"_s;
    case MessageRole::Assistant: return u"assistant"_s;
    case MessageRole::System: return u"system"_s;
    }
    return u"user"_s;
}

std::optional<MessageRole> messageRoleFromName(const QString& name)
{
    for (MessageRole role : {MessageRole::User, MessageRole::Assistant, MessageRole::System}) {
        if (messageRoleName(role) == name)
            return role;
    }
    return std::nullopt;
}

QString messageStateName(MessageState state)
{
    switch (state) {
    case MessageState::Complete: return u"complete"_s;
    case MessageState::Streaming: return u"streaming"_s;
    case MessageState::Interrupted: return u"interrupted"_s;
    case MessageState::Stopped: return u"stopped"_s;
    case MessageState::Failed: return u"failed"_s;
    }
    return u"complete"_s;
}

std::optional<MessageState> messageStateFromName(const QString& name)
{
    for (MessageState state : {MessageState::Complete, MessageState::Streaming, MessageState::Interrupted,
                               MessageState::Stopped, MessageState::Failed}) {
        if (messageStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

} // namespace juxta

namespace juxta {
namespace {

template <typename T>
void putOptional(QJsonObject& json, const QString& key, const std::optional<T>& value)
{
    if (value)
        json.insert(key, double(*value));
}

std::optional<double> readDouble(const QJsonObject& json, const QString& key)
{
    const QJsonValue value = json.value(key);
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

std::optional<qint64> readInteger(const QJsonObject& json, const QString& key)
{
    const std::optional<double> value = readDouble(json, key);
    return value && *value >= 0 && *value < 9.0e15 ? std::optional<qint64>(qint64(*value)) : std::nullopt;
}

void putText(QJsonObject& json, const QString& key, const QString& value)
{
    if (!value.isEmpty())
        json.insert(key, value);
}

} // namespace

QJsonObject answerStatsToJson(const AnswerStats& stats)
{
    QJsonObject json;
    putText(json, u"requested_model"_s, stats.requestedModel);
    putText(json, u"served_by"_s, stats.servedBy);
    putText(json, u"served_model"_s, stats.servedModel);
    if (!stats.fallbackNotes.isEmpty())
        json.insert(u"fallback_notes"_s, QJsonArray::fromStringList(stats.fallbackNotes));
    putOptional(json, u"ttft_ms"_s, stats.ttftMs);
    putOptional(json, u"total_ms"_s, stats.totalMs);
    putOptional(json, u"tokens_per_second"_s, stats.tokensPerSecond);
    putOptional(json, u"input_tokens"_s, stats.inputTokens);
    putOptional(json, u"output_tokens"_s, stats.outputTokens);
    putOptional(json, u"cost_usd"_s, stats.costUsd);
    if (stats.costIsEstimate)
        json.insert(u"cost_is_estimate"_s, true);
    putText(json, u"finish_reason"_s, stats.finishReason);
    putText(json, u"error_class"_s, stats.errorClass);
    putText(json, u"error_message"_s, stats.errorMessage);
    if (stats.offline)
        json.insert(u"offline"_s, true);
    return json;
}

AnswerStats answerStatsFromJson(const QJsonObject& json)
{
    AnswerStats stats;
    stats.requestedModel = json.value(u"requested_model"_s).toString();
    stats.servedBy = json.value(u"served_by"_s).toString();
    stats.servedModel = json.value(u"served_model"_s).toString();
    stats.offline = json.value(u"offline"_s).toBool();
    for (const QJsonValue& note : json.value(u"fallback_notes"_s).toArray()) {
        if (note.isString())
            stats.fallbackNotes.append(note.toString());
    }
    stats.ttftMs = readDouble(json, u"ttft_ms"_s);
    stats.totalMs = readDouble(json, u"total_ms"_s);
    stats.tokensPerSecond = readDouble(json, u"tokens_per_second"_s);
    stats.inputTokens = readInteger(json, u"input_tokens"_s);
    stats.outputTokens = readInteger(json, u"output_tokens"_s);
    stats.costUsd = readDouble(json, u"cost_usd"_s);
    stats.costIsEstimate = json.value(u"cost_is_estimate"_s).toBool();
    stats.finishReason = json.value(u"finish_reason"_s).toString();
    stats.errorClass = json.value(u"error_class"_s).toString();
    stats.errorMessage = json.value(u"error_message"_s).toString();
    return stats;
}

QString newRecordId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace juxta
