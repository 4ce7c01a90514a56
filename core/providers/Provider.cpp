// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/Provider.h"

#include "providers/OpenAiCompatibleProvider.h"

namespace juxta {

const Provider* providerFor(ApiDialect dialect)
{
    static const OpenAiCompatibleProvider openAi;
    switch (dialect) {
    case ApiDialect::OpenAi:
        return &openAi;
    case ApiDialect::Anthropic:
    case ApiDialect::Gemini:
    case ApiDialect::Ollama:
        break; // their native providers are not part of this build yet
    }
    return nullptr;
}

} // namespace juxta
