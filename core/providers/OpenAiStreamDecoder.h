// SPDX-License-Identifier: GPL-3.0-or-later
// SSE stream of chat.completion.chunk objects → normalized events, with OpenAI's end-of-stream rules.
#pragma once

#include "providers/Provider.h"
#include "streaming/SseParser.h"

namespace juxta {

namespace openai {
struct ChunkState;
}

class OpenAiStreamDecoder final : public StreamDecoder
{
public:
    OpenAiStreamDecoder();
    ~OpenAiStreamDecoder() override;

    void feed(QByteArrayView bytes, QList<StreamEvent>& out) override;
    void finish(QList<StreamEvent>& out) override;
    QString servedModel() const override;

private:
    void handleEvent(const SseEvent& event, bool truncatedTail, QList<StreamEvent>& out);
    void fail(ProviderError error, QList<StreamEvent>& out);

    SseParser m_sse;
    QList<SseEvent> m_events; // reused between feeds
    std::unique_ptr<openai::ChunkState> m_state;
    qint64 m_eventCount = 0;
    bool m_sawDone = false;
    bool m_failed = false;
};

} // namespace juxta
