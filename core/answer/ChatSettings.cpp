// SPDX-License-Identifier: GPL-3.0-or-later
#include "answer/ChatSettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace juxta {

QByteArray ChatSettings::toJson() const
{
    // Unset values are left out so a default added later applies to old conversations too.
    QJsonObject o;
    if (!model.isEmpty())
        o.insert(u"model"_s, model);
    if (!systemPrompt.isEmpty())
        o.insert(u"system_prompt"_s, systemPrompt);
    if (temperature)
        o.insert(u"temperature"_s, *temperature);
    if (topP)
        o.insert(u"top_p"_s, *topP);
    if (maxTokens)
        o.insert(u"max_tokens"_s, *maxTokens);
    if (seed)
        o.insert(u"seed"_s, *seed);
    if (!reasoningEffort.isEmpty())
        o.insert(u"reasoning_effort"_s, reasoningEffort);
    if (!fallbacks.isEmpty())
        o.insert(u"fallbacks"_s, QJsonArray::fromStringList(fallbacks));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

ChatSettings ChatSettings::fromJson(const QByteArray& json)
{
    ChatSettings s;
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return s;
    const QJsonObject o = doc.object();

    const auto text = [&o](QLatin1StringView key) {
        const QJsonValue v = o.value(key);
        return v.isString() ? v.toString() : QString();
    };
    const auto finite = [&o](QLatin1StringView key) -> std::optional<double> {
        const QJsonValue v = o.value(key);
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            return std::nullopt;
        return v.toDouble();
    };

    s.model = text("model"_L1);
    s.systemPrompt = text("system_prompt"_L1);
    s.reasoningEffort = text("reasoning_effort"_L1);
    s.temperature = finite("temperature"_L1);
    s.topP = finite("top_p"_L1);

    const QJsonValue maxTokens = o.value("max_tokens"_L1);
    if (maxTokens.isDouble()) {
        // toInteger() refuses fractions; the range check keeps the narrowing to int honest.
        const qint64 n = maxTokens.toInteger(-1);
        if (n >= 0 && n <= std::numeric_limits<int>::max() && static_cast<double>(n) == maxTokens.toDouble())
            s.maxTokens = static_cast<int>(n);
    }
    const QJsonValue seed = o.value("seed"_L1);
    if (seed.isDouble()) {
        // Integers are kept exactly by QJsonValue; a double is accepted when whole and within qint64.
        const double d = seed.toDouble();
        if (std::floor(d) == d && std::abs(d) < 9.2e18)
            s.seed = seed.toInteger(static_cast<qint64>(d));
    }

    const QJsonValue fallbacks = o.value("fallbacks"_L1);
    if (fallbacks.isArray()) {
        for (const QJsonValue& v : fallbacks.toArray()) {
            if (v.isString() && !v.toString().isEmpty())
                s.fallbacks.append(v.toString());
        }
    }
    return s;
}

} // namespace juxta
