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
};

} // namespace juxta
