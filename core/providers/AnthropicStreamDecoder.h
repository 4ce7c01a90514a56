// SPDX-License-Identifier: GPL-3.0-or-later
// Anthropic Messages stream (message_start … message_stop) → normalized events.
#pragma once

#include "providers/JsonStreamDecoder.h"

#include <QHash>

namespace juxta {

class AnthropicStreamDecoder final : public JsonStreamDecoder
{
public:
    AnthropicStreamDecoder() : JsonStreamDecoder(Framing::Sse) {}

    // One Messages API object (the whole non-streamed answer) → events, reusing the same mapping.
    static void decodeMessage(const json::Json& message, QList<StreamEvent>& out);

protected:
    void handleRecord(const json::Json& record, const QByteArray& eventType, QList<StreamEvent>& out) override;
    bool completeAtEnd(QList<StreamEvent>& out) override;
    QString missingTerminal() const override;

private:
    void takeUsage(const json::Json& usage, QList<StreamEvent>& out);
    int toolIndexFor(qint64 blockIndex);

    QHash<qint64, int> m_toolIndexByBlock; // content-block index → tool-call index
    QHash<qint64, bool> m_toolHasInput;     // tool blocks that received any input JSON
    qint64 m_input = -1, m_cacheRead = -1, m_cacheWrite = -1, m_output = -1;
    bool m_sawStopReason = false;
    bool m_sawMessageStop = false;
};

} // namespace juxta
