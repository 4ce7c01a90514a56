// SPDX-License-Identifier: GPL-3.0-or-later
// Gemini's SSE stream of GenerateContentResponse objects → normalized events. There is no [DONE]: the
// candidate's finishReason ends the answer.
#pragma once

#include "providers/JsonStreamDecoder.h"

namespace juxta {

class GeminiStreamDecoder final : public JsonStreamDecoder
{
public:
    GeminiStreamDecoder() : JsonStreamDecoder(Framing::Sse) {}

    // One response object (streamed chunk or the whole non-streamed answer) → events.
    void decodeResponse(const json::Json& response, QList<StreamEvent>& out);
    bool sawFinishReason() const { return m_finished; }

protected:
    void handleRecord(const json::Json& record, const QByteArray& eventType, QList<StreamEvent>& out) override;
    bool completeAtEnd(QList<StreamEvent>& out) override;
    QString missingTerminal() const override;

private:
    int m_toolCalls = 0;
    bool m_finished = false;
};

} // namespace juxta
