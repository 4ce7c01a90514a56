// SPDX-License-Identifier: GPL-3.0-or-later
// OpenAI-style streamed answers built from text pieces, byte for byte as the API frames them: one SSE event per
// chunk, the usage chunk when asked for, "data: [DONE]". For tests that need answers of a chosen shape and pace.
#pragma once

#include "ScriptedResponse.h"

#include <QStringList>

namespace juxta::test {

struct StreamScript
{
    QStringList pieces;          // one content delta each
    QString reasoningBefore;     // sent as reasoning_content deltas (DeepSeek style) before the text, when set
    QString model = QStringLiteral("gpt-4o-mini-2024-07-18");
    int delayMs = 0;             // before every event after the first
    int promptTokens = 12;
    bool usage = true;           // the final usage chunk (stream_options.include_usage)
    QString finishReason = QStringLiteral("stop");
    bool cutBeforeFinish = false; // the connection drops after the last piece: no finish, no [DONE]
};

ScriptedResponse openAiStream(const StreamScript& script);
// For streams written write by write (endless ones, floods): a 200 event-stream head with no body yet, and one
// chunk event whose delta sets `field` ("content", "reasoning_content") to `text` (JSON-safe ASCII).
ScriptedResponse openAiStreamHead();
QByteArray openAiDeltaEvent(const char* field, const QByteArray& text);
// `count` pieces of ordinary Markdown-ish prose ("word word word.\n\n" every so often), deterministic.
QStringList proseTokens(int count);

} // namespace juxta::test
