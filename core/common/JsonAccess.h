// SPDX-License-Identifier: GPL-3.0-or-later
// Non-throwing access to nlohmann::json values from remote input. Internal to core: never in public headers.
#pragma once

#include "common/JsonNesting.h"

#include <nlohmann/json.hpp>

#include <QByteArrayView>
#include <QString>
#include <optional>

namespace juxta::json {

using Json = nlohmann::json;

// How deep remote JSON may nest. Real records nest a dozen levels; code that walks a value recursively (error
// messages, schemas, dump()) can rely on this bound instead of each counting for itself.
constexpr int kMaxParseDepth = 256;

// Parses without exceptions; a discarded value means the text was not valid JSON (or not valid UTF-8), or nested
// deeper than kMaxParseDepth.
inline Json parse(QByteArrayView bytes)
{
    if (jsonNesting(bytes, kMaxParseDepth) > kMaxParseDepth)
        return Json(Json::value_t::discarded);
    return Json::parse(bytes.begin(), bytes.end(), nullptr, /*allow_exceptions=*/false);
}

inline const Json* member(const Json& object, const char* key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

inline std::optional<QString> string(const Json& object, const char* key)
{
    const Json* value = member(object, key);
    if (!value || !value->is_string())
        return std::nullopt;
    const auto& s = value->get_ref<const std::string&>();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

inline QString stringOr(const Json& object, const char* key, const QString& fallback = {})
{
    return string(object, key).value_or(fallback);
}

inline std::optional<qint64> integer(const Json& object, const char* key)
{
    const Json* value = member(object, key);
    if (!value)
        return std::nullopt;
    if (value->is_number_integer())
        return value->get<qint64>();
    if (value->is_number_float()) {
        const double d = value->get<double>();
        if (d >= -9.0e18 && d <= 9.0e18)
            return qint64(d);
    }
    return std::nullopt;
}

inline std::optional<double> number(const Json& object, const char* key)
{
    const Json* value = member(object, key);
    if (!value || !value->is_number())
        return std::nullopt;
    return value->get<double>();
}

// True when `value` nests deeper than `limit` levels. Recursion is bounded by `limit` itself.
inline bool nestsDeeperThan(const Json& value, int limit)
{
    if (!value.is_structured())
        return false;
    if (limit <= 0)
        return true;
    for (const Json& child : value) {
        if (nestsDeeperThan(child, limit - 1))
            return true;
    }
    return false;
}

// Strings as they are; other values as compact JSON. dump() recurses, so hostile nesting is refused first.
inline QString toQString(const Json& value)
{
    if (value.is_string()) {
        const auto& s = value.get_ref<const std::string&>();
        return QString::fromUtf8(s.data(), qsizetype(s.size()));
    }
    if (nestsDeeperThan(value, 128))
        return QStringLiteral("[value nested too deeply to show]");
    const std::string dumped = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    return QString::fromUtf8(dumped.data(), qsizetype(dumped.size()));
}

inline std::string toStd(const QString& text)
{
    return text.toStdString();
}

} // namespace juxta::json
