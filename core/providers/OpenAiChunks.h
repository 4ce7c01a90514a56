// SPDX-License-Identifier: GPL-3.0-or-later
// Maps OpenAI chat-completion JSON (stream chunks, whole responses, error bodies) to normalized events.
// Internal to core: includes nlohmann.
#pragma once

#include "common/JsonAccess.h"
#include "providers/ErrorBodies.h"
#include "streaming/StreamEvent.h"

#include <QList>
#include <QString>
#include <optional>

namespace juxta::openai {

// What a chunk sequence has told us so far.
struct ChunkState
{
    QString model;
    bool finished = false;   // a finish_reason arrived
    QList<QString> toolIds;  // for servers that omit tool_calls[].index
};

// One chat.completion.chunk (`isWholeMessage` false) or one chat.completion (true, reads choices[].message).
// Returns the error that ends the answer (finish_reason "error"); the caller reports it.
std::optional<ProviderError> decodeChunk(const json::Json& chunk, bool isWholeMessage, ChunkState& state,
                                         QList<StreamEvent>& out);

FinishReason mapFinishReason(const QString& reason);

} // namespace juxta::openai
