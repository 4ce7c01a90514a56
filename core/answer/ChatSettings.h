// SPDX-License-Identifier: GPL-3.0-or-later
// A conversation's settings: model, system prompt, sampling parameters and fallbacks. Stored with the conversation
// as JSON, so a conversation reopens with the settings it was having.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace juxta {

struct ChatSettings
{
    QString model;            // "profile/model"
    QString systemPrompt;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> maxTokens;
    std::optional<qint64> seed;
    QString reasoningEffort;  // "", "low", "medium", "high"
    QStringList fallbacks;    // "profile/model" references tried in order after `model`

    bool operator==(const ChatSettings&) const = default;

    QByteArray toJson() const;
    // Unknown or malformed fields are ignored: old and new versions read each other's settings.
    static ChatSettings fromJson(const QByteArray& json);
};

} // namespace juxta
