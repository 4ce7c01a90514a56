// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/OpenAiChunks.h"

using namespace Qt::StringLiterals;

namespace juxta::openai {
namespace {

using json::Json;

// content as a string, or as an array of typed parts (Mistral's thinking models send
// [{"type":"thinking","thinking":[{"type":"text","text":…}]}, {"type":"text","text":…}]).
void decodeContent(const Json& content, QList<StreamEvent>& out, bool asReasoning = false)
{
    if (content.is_string()) {
        appendText(out, json::toQString(content), asReasoning);
        return;
    }
    if (!content.is_array())
        return;
    for (const Json& part : content) {
        const QString type = json::stringOr(part, "type");
        if (type == u"thinking"_s) {
            if (const Json* thinking = json::member(part, "thinking"))
                decodeContent(*thinking, out, true);
        } else if (type.isEmpty() || type == u"text"_s) {
            appendText(out, json::stringOr(part, "text"), asReasoning);
        }
    }
}

void decodeToolCalls(const Json& calls, ChunkState& state, QList<StreamEvent>& out)
{
    if (!calls.is_array())
        return;
    int position = 0;
    for (const Json& call : calls) {
        ToolCallDelta delta;
        delta.id = json::stringOr(call, "id");
        if (const Json* function = json::member(call, "function")) {
            delta.name = json::stringOr(*function, "name");
            if (const Json* args = json::member(*function, "arguments"); args && !args->is_null())
                delta.argumentsFragment = json::toQString(*args); // some servers send an object, not text
        }
        if (auto index = json::integer(call, "index"); index && *index >= 0 && *index < 4096) {
            delta.index = int(*index);
        } else if (!delta.id.isEmpty()) {
            qsizetype known = state.toolIds.indexOf(delta.id);
            if (known < 0) {
                state.toolIds.append(delta.id);
                known = state.toolIds.size() - 1;
            }
            delta.index = int(known);
        } else {
            delta.index = state.toolIds.isEmpty() ? position : int(state.toolIds.size() - 1);
        }
        if (!delta.id.isEmpty() && !state.toolIds.contains(delta.id))
            state.toolIds.append(delta.id);
        out.append(delta);
        ++position;
    }
}

Usage decodeUsage(const Json& usage)
{
    Usage u;
    u.inputTokens = json::integer(usage, "prompt_tokens");
    u.outputTokens = json::integer(usage, "completion_tokens");
    if (const Json* details = json::member(usage, "prompt_tokens_details"))
        u.cachedInputTokens = json::integer(*details, "cached_tokens");
    if (!u.cachedInputTokens)
        u.cachedInputTokens = json::integer(usage, "prompt_cache_hit_tokens"); // DeepSeek
    if (const Json* details = json::member(usage, "completion_tokens_details"))
        u.reasoningTokens = json::integer(*details, "reasoning_tokens");
    if (const auto cost = json::number(usage, "cost"); cost && *cost >= 0)
        u.billedCostUsd = cost; // OpenRouter bills in USD credits and says so per call
    return u;
}

} // namespace

FinishReason mapFinishReason(const QString& reason)
{
    if (reason == u"length"_s || reason == u"max_tokens"_s || reason == u"model_length"_s)
        return FinishReason::Length;
    if (reason == u"tool_calls"_s || reason == u"function_call"_s || reason == u"tool_use"_s)
        return FinishReason::ToolCalls;
    if (reason == u"content_filter"_s || reason == u"safety"_s || reason == u"recitation"_s)
        return FinishReason::ContentFilter;
    if (reason == u"error"_s)
        return FinishReason::Error;
    return FinishReason::Stop; // "stop", "eos", "end_turn", "stop_sequence" and unknown words
}

std::optional<ProviderError> decodeChunk(const Json& chunk, bool isWholeMessage, ChunkState& state,
                                         QList<StreamEvent>& out)
{
    if (state.model.isEmpty())
        state.model = json::stringOr(chunk, "model");

    std::optional<Finish> finish;
    if (const Json* choices = json::member(chunk, "choices"); choices && choices->is_array()) {
        for (const Json& choice : *choices) {
            // Juxta asks for one choice; extra ones (n > 1 set by a proxy) are not mixed into the answer.
            if (auto index = json::integer(choice, "index"); index && *index != 0)
                continue;
            const Json* delta = json::member(choice, isWholeMessage ? "message" : "delta");
            if (delta && delta->is_object()) {
                // DeepSeek and vLLM say reasoning_content, OpenRouter and Ollama say reasoning.
                if (const Json* r = json::member(*delta, "reasoning_content"); r && r->is_string())
                    appendText(out, json::toQString(*r), true);
                else if (const Json* r2 = json::member(*delta, "reasoning"); r2 && r2->is_string())
                    appendText(out, json::toQString(*r2), true);
                if (const Json* content = json::member(*delta, "content"))
                    decodeContent(*content, out);
                if (const Json* refusal = json::member(*delta, "refusal"); refusal && refusal->is_string())
                    appendText(out, json::toQString(*refusal), false);
                if (const Json* calls = json::member(*delta, "tool_calls"))
                    decodeToolCalls(*calls, state, out);
                if (const Json* legacy = json::member(*delta, "function_call"); legacy && legacy->is_object()) {
                    ToolCallDelta d;
                    d.name = json::stringOr(*legacy, "name");
                    d.argumentsFragment = json::stringOr(*legacy, "arguments");
                    out.append(d);
                }
            }
            if (auto reason = json::string(choice, "finish_reason"); reason && !reason->isEmpty())
                finish = Finish{mapFinishReason(*reason), *reason};
        }
    }
    std::optional<ProviderError> failure;
    if (finish) {
        if (finish->reason == FinishReason::Error) {
            failure = ErrorClassifier::classify(
                {0, {}, u"server_error"_s, u"The provider ended the answer with finish_reason \"error\""_s});
        } else {
            state.finished = true;
            out.append(*finish);
        }
    }
    const Json* usage = json::member(chunk, "usage");
    if (!usage || !usage->is_object()) {
        if (const Json* groq = json::member(chunk, "x_groq")) // Groq reports usage here when streaming
            usage = json::member(*groq, "usage");
    }
    if (usage && usage->is_object()) {
        Usage u = decodeUsage(*usage);
        if (!u.isEmpty())
            out.append(UsageReport{u});
    }
    return failure;
}

} // namespace juxta::openai
