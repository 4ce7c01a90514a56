// SPDX-License-Identifier: GPL-3.0-or-later
// SSE stream of chat.completion.chunk objects → normalized events, with OpenAI's end-of-stream rules.
#pragma once

#include "providers/JsonStreamDecoder.h"
#include "providers/OpenAiChunks.h"

namespace juxta {

class OpenAiStreamDecoder final : public JsonStreamDecoder
{
public:
    OpenAiStreamDecoder() : JsonStreamDecoder(Framing::Sse) {}

protected:
    void handleRecord(const json::Json& record, const QByteArray& eventType, QList<StreamEvent>& out) override;
    bool handleNonJson(QByteArrayView data, const QByteArray& eventType, QList<StreamEvent>& out) override;
    bool completeAtEnd(QList<StreamEvent>& out) override;
    QString missingTerminal() const override;

private:
    openai::ChunkState m_state;
    bool m_sawDone = false;
};

} // namespace juxta
