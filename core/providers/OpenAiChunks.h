// SPDX-License-Identifier: GPL-3.0-or-later
// Maps OpenAI chat-completion JSON (stream chunks, whole responses, error bodies) to normalized events.
// Internal to core: includes nlohmann.
#pragma once

#include "common/JsonAccess.h"
#include "providers/ErrorClassifier.h"
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
void decodeChunk(const json::Json& chunk, bool isWholeMessage, ChunkState& state, QList<StreamEvent>& out);

// The error a JSON value describes, if it is one: {"error":{…}}, {"error":"…"}, {"object":"error",…},
// {"detail":…} (FastAPI servers) or a one-element array of those (Gemini's OpenAI endpoint).
std::optional<ErrorDetails> errorDetails(const json::Json& value);

FinishReason mapFinishReason(const QString& reason);

} // namespace juxta::openai
