// SPDX-License-Identifier: GPL-3.0-or-later
// One place a request can be served: a provider profile, its key, a model, and optional parameter overrides.
#pragma once

#include "providers/ApiKey.h"
#include "providers/ChatRequest.h"
#include "providers/ProviderProfile.h"

#include <optional>

namespace juxta {

struct Target
{
    ProviderProfile profile;
    ApiKey key;
    QString model;
    std::optional<double> temperature;       // overrides for this target only
    std::optional<double> topP;
    std::optional<int> maxTokens;
    std::optional<qint64> contextWindow;     // tokens, when known: context_length failures skip smaller windows

    // "api.openai.com/gpt-4o-mini": stable, human-readable, used for records, statistics and breakers.
    QString label() const { return (profile.id.isEmpty() ? profile.baseUrl.host() : profile.id) + u'/' + model; }

    // The shared request with this target's model and overrides applied.
    ChatRequest apply(ChatRequest request) const
    {
        request.model = model;
        if (temperature)
            request.temperature = temperature;
        if (topP)
            request.topP = topP;
        if (maxTokens)
            request.maxTokens = maxTokens;
        return request;
    }
};

} // namespace juxta
