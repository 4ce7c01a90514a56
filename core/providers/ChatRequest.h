// SPDX-License-Identifier: GPL-3.0-or-later
// What the user asks a model: a provider-neutral value type that every provider turns into its own JSON.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace juxta {

struct ChatMessage
{
    enum class Role { User, Assistant, System };
    Role role = Role::User;
    QString content;
};

struct ChatRequest
{
    QString model;
    QString systemPrompt;
    QList<ChatMessage> messages;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> maxTokens;
    std::optional<qint64> seed;
    QString reasoningEffort; // "low", "medium", "high" for reasoning models; empty: the provider's default
    QStringList stop;
    QByteArray toolsJson; // OpenAI-style "tools" array as JSON text; empty for none
    // Structured output: any JSON object, or one that fits `responseSchema` (a JSON Schema as JSON text). Each
    // provider asks its own API's way; one without a JSON mode gets an instruction, and the caller checks.
    enum class ResponseFormat { Text, JsonObject, JsonSchema };
    ResponseFormat responseFormat = ResponseFormat::Text;
    QByteArray responseSchema;
};

// "Answer with one JSON object and nothing else" (with the schema when there is one): for APIs without a JSON mode,
// and for OpenAI's JSON mode, which refuses a request whose messages never mention JSON.
QString jsonInstruction(const ChatRequest& request);

} // namespace juxta
