// SPDX-License-Identifier: GPL-3.0-or-later
// Ollama /api/chat NDJSON records → normalized events; the record with "done": true ends the answer.
#pragma once

#include "providers/JsonStreamDecoder.h"

namespace juxta {

class OllamaStreamDecoder final : public JsonStreamDecoder
{
public:
    OllamaStreamDecoder() : JsonStreamDecoder(Framing::Ndjson) {}

protected:
    void handleRecord(const json::Json& record, const QByteArray& eventType, QList<StreamEvent>& out) override;
    bool completeAtEnd(QList<StreamEvent>& out) override;
    QString missingTerminal() const override;

private:
    int m_toolCalls = 0;
    bool m_done = false;
};

} // namespace juxta
