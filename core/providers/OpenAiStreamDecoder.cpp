// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/OpenAiStreamDecoder.h"

#include "providers/ErrorBodies.h"

using namespace Qt::StringLiterals;

namespace juxta {

bool OpenAiStreamDecoder::handleNonJson(QByteArrayView data, const QByteArray&, QList<StreamEvent>&)
{
    if (data != "[DONE]")
        return false;
    m_sawDone = true;
    stopReading(); // nothing after [DONE] belongs to this answer
    return true;
}

void OpenAiStreamDecoder::handleRecord(const json::Json& chunk, const QByteArray& eventType, QList<StreamEvent>& out)
{
    if (eventType == "error" && !errorDetails(chunk)) {
        fail(ErrorClassifier::classify({0, {}, u"server_error"_s, preview(json::toQString(chunk).toUtf8())}), out);
        return;
    }
    if (failOnErrorRecord(chunk, out)) // OpenRouter, LiteLLM, vLLM send errors inside the 200 stream
        return;
    const std::optional<ProviderError> failure = openai::decodeChunk(chunk, false, m_state, out);
    noteModel(m_state.model);
    if (failure)
        fail(*failure, out);
}

bool OpenAiStreamDecoder::completeAtEnd(QList<StreamEvent>& out)
{
    if (!m_sawDone && !m_state.finished)
        return false;
    if (!m_state.finished)
        out.append(Finish{FinishReason::Stop, {}}); // [DONE] alone ends a stream normally
    return true;
}

QString OpenAiStreamDecoder::missingTerminal() const
{
    return u"no finish_reason and no [DONE]"_s;
}

} // namespace juxta
