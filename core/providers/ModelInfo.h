// SPDX-License-Identifier: GPL-3.0-or-later
// One model a provider offers, as its model list reports it. Fields a list does not report stay empty.
#pragma once

#include "pricing/ModelPrice.h"

#include <QString>
#include <optional>

namespace juxta {

struct ModelInfo
{
    QString id;
    QString displayName;
    QString ownedBy;
    std::optional<qint64> contextWindow;   // OpenRouter, Gemini, LM Studio, vLLM's max_model_len
    std::optional<qint64> maxOutputTokens; // Gemini's outputTokenLimit, OpenRouter's top_provider
    std::optional<bool> reasoning;         // the list says the model thinks (Gemini "thinking", OpenRouter params)
    std::optional<bool> vision;            // the list says it accepts images
    std::optional<ModelPrice> price;       // OpenRouter publishes per-token prices in its list
};

} // namespace juxta
