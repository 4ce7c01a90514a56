// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/GeminiStreamDecoder.h"

#include "providers/ErrorBodies.h"

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

using json::Json;

bool isFilterReason(const QString& reason)
{
    return reason == u"SAFETY"_s || reason == u"RECITATION"_s || reason == u"BLOCKLIST"_s
        || reason == u"PROHIBITED_CONTENT"_s || reason == u"SPII"_s || reason == u"IMAGE_SAFETY"_s
        || reason == u"IMAGE_PROHIBITED_CONTENT"_s || reason == u"IMAGE_RECITATION"_s;
}

} // namespace

void GeminiStreamDecoder::handleRecord(const Json& record, const QByteArray&, QList<StreamEvent>& out)
{
    if (failOnErrorRecord(record, out)) // e.g. {"error": …} as a record of the stream
        return;
    decodeResponse(record, out);
}

void GeminiStreamDecoder::decodeResponse(const Json& response, QList<StreamEvent>& out)
{
    noteModel(json::stringOr(response, "modelVersion"));
    const Json* candidates = json::member(response, "candidates");
    const Json* candidate = candidates && candidates->is_array() && !candidates->empty() ? &(*candidates)[0] : nullptr;
    if (candidate) {
        const Json* content = json::member(*candidate, "content");
        const Json* parts = content ? json::member(*content, "parts") : nullptr;
        if (parts && parts->is_array()) {
            for (const Json& part : *parts) {
                if (const Json* call = json::member(part, "functionCall"); call && call->is_object()) {
                    const int index = m_toolCalls++;
                    QString id = json::stringOr(*call, "id");
                    if (id.isEmpty())
                        id = u"call_%1"_s.arg(index); // Gemini omits ids; callers still need one per call
                    const Json* args = json::member(*call, "args");
                    out.append(ToolCallDelta{index, id, json::stringOr(*call, "name"),
                                             args ? json::toQString(*args) : u"{}"_s});
                    continue;
                }
                const QString text = json::stringOr(part, "text");
                if (text.isEmpty())
                    continue;
                const Json* thought = json::member(part, "thought");
                if (thought && thought->is_boolean() && thought->get<bool>())
                    out.append(ReasoningDelta{text});
                else
                    out.append(TextDelta{text});
            }
        }
    }
    // Usage arrives on every chunk, cumulative; the last one is the total.
    if (const Json* usage = json::member(response, "usageMetadata"); usage && usage->is_object()) {
        Usage u;
        u.inputTokens = json::integer(*usage, "promptTokenCount");
        u.cachedInputTokens = json::integer(*usage, "cachedContentTokenCount");
        const auto candidatesTokens = json::integer(*usage, "candidatesTokenCount");
        const auto thoughts = json::integer(*usage, "thoughtsTokenCount");
        if (candidatesTokens || thoughts)
            u.outputTokens = candidatesTokens.value_or(0) + thoughts.value_or(0); // output includes thinking
        u.reasoningTokens = thoughts;
        if (!u.isEmpty())
            out.append(UsageReport{u});
    }
    if (candidate) {
        const QString reason = json::stringOr(*candidate, "finishReason");
        if (reason == u"MALFORMED_FUNCTION_CALL"_s || reason == u"UNEXPECTED_TOOL_CALL"_s
            || reason == u"TOO_MANY_TOOL_CALLS"_s || reason == u"MISSING_THOUGHT_SIGNATURE"_s) {
            fail(ErrorClassifier::classify({0, reason, u"server_error"_s,
                                            u"Gemini ended the answer with %1: the model's tool use could not be "
                                            u"completed"_s.arg(reason)}),
                 out);
            return;
        }
        if (!reason.isEmpty() && reason != u"FINISH_REASON_UNSPECIFIED"_s) {
            m_finished = true;
            FinishReason normalized = FinishReason::Stop; // STOP, OTHER, LANGUAGE
            if (reason == u"MAX_TOKENS"_s)
                normalized = FinishReason::Length;
            else if (isFilterReason(reason))
                normalized = FinishReason::ContentFilter;
            else if (m_toolCalls > 0)
                normalized = FinishReason::ToolCalls;
            out.append(Finish{normalized, reason});
        }
    } else if (const Json* feedback = json::member(response, "promptFeedback")) {
        // The prompt itself was blocked: no candidate, no answer at all.
        if (const QString block = json::stringOr(*feedback, "blockReason"); !block.isEmpty()) {
            ProviderError e = ErrorClassifier::classify(
                {0, u"content_filter"_s, block, u"Gemini blocked the prompt (blockReason %1)"_s.arg(block)});
            e.errorClass = ErrorClass::ContentFilter;
            fail(e, out);
        }
    }
}

bool GeminiStreamDecoder::completeAtEnd(QList<StreamEvent>&)
{
    return m_finished;
}

QString GeminiStreamDecoder::missingTerminal() const
{
    return u"no finishReason"_s;
}

} // namespace juxta
