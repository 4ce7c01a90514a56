// SPDX-License-Identifier: GPL-3.0-or-later
// Small helpers the dialects share when they write request JSON. Internal to core.
#pragma once

#include <nlohmann/json.hpp>

#include "providers/ChatRequest.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace juxta::requestjson {

using Json = nlohmann::ordered_json;

inline std::string utf8(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    return std::string(bytes.constData(), size_t(bytes.size()));
}

inline QByteArray dump(const Json& body)
{
    const std::string text = body.dump(-1, ' ', false, Json::error_handler_t::replace);
    return QByteArray(text.data(), qsizetype(text.size()));
}

inline Json stringArray(const QStringList& values)
{
    Json array = Json::array();
    for (const QString& v : values)
        array.push_back(utf8(v));
    return array;
}

// OpenAI-style role names, also used by Ollama.
inline const char* roleName(ChatMessage::Role role)
{
    switch (role) {
    case ChatMessage::Role::System:
        return "system";
    case ChatMessage::Role::Assistant:
        return "assistant";
    case ChatMessage::Role::User:
        break;
    }
    return "user";
}

// The request's OpenAI-style "tools" JSON, or a discarded value when there is none or it is not valid JSON.
inline Json parseTools(const QByteArray& toolsJson)
{
    if (toolsJson.isEmpty())
        return Json(Json::value_t::discarded);
    return Json::parse(toolsJson.begin(), toolsJson.end(), nullptr, false);
}

} // namespace juxta::requestjson
