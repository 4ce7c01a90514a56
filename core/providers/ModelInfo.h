// SPDX-License-Identifier: GPL-3.0-or-later
// One model a provider offers, as its model list reports it.
#pragma once

#include <QString>
#include <optional>

namespace juxta {

struct ModelInfo
{
    QString id;
    QString ownedBy;
    std::optional<qint64> contextWindow; // when the list reports it (OpenRouter, vLLM's max_model_len)
};

} // namespace juxta
