// SPDX-License-Identifier: GPL-3.0-or-later
// The model reference used everywhere: "profile/model", e.g. "openrouter/anthropic/claude-sonnet-4". The profile
// is everything before the first '/', the model id everything after it (model ids may contain '/' and ':').
#pragma once

#include <QString>
#include <optional>

namespace juxta {

struct ModelRef
{
    QString profileId;
    QString modelId;

    QString toString() const { return profileId + u'/' + modelId; }
    bool operator==(const ModelRef&) const = default;

    // nullopt for text without a '/' or with an empty part.
    static std::optional<ModelRef> parse(const QString& text);
};

} // namespace juxta
