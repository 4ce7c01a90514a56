// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/AnthropicStreamDecoder.h"

#include "providers/ErrorBodies.h"

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

using json::Json;

FinishReason mapStopReason(const QString& reason)
{
    if (reason == u"max_tokens"_s || reason == u"model_context_window_exceeded"_s)
        return FinishReason::Length;
    if (reason == u"tool_use"_s)
        return FinishReason::ToolCalls;
    if (reason == u"refusal"_s)
        return FinishReason::ContentFilter;
    return FinishReason::Stop; // end_turn, stop_sequence, pause_turn
}

} // namespace

int AnthropicStreamDecoder::toolIndexFor(qint64 blockIndex)
{
    auto it = m_toolIndexByBlock.find(blockIndex);
    if (it == m_toolIndexByBlock.end())
        it = m_toolIndexByBlock.insert(blockIndex, int(m_toolIndexByBlock.size()));
    return *it;
}

void AnthropicStreamDecoder::takeUsage(const Json& usage, QList<StreamEvent>& out)
{
    // Anthropic's input_tokens excludes cache reads and writes; normalized input includes them.
    if (auto v = json::integer(usage, "input_tokens"))
        m_input = *v;
    if (auto v = json::integer(usage, "cache_read_input_tokens"))
        m_cacheRead = *v;
    if (auto v = json::integer(usage, "cache_creation_input_tokens"))
        m_cacheWrite = *v;
    if (auto v = json::integer(usage, "output_tokens"))
        m_output = *v;
    Usage u;
    if (m_input >= 0)
        u.inputTokens = m_input + std::max<qint64>(m_cacheRead, 0) + std::max<qint64>(m_cacheWrite, 0);
    if (m_cacheRead >= 0)
        u.cachedInputTokens = m_cacheRead;
    if (m_cacheWrite >= 0)
        u.cacheWriteTokens = m_cacheWrite;
    if (m_output >= 0)
        u.outputTokens = m_output;
    if (!u.isEmpty())
        out.append(UsageReport{u});
}

void AnthropicStreamDecoder::handleRecord(const Json& record, const QByteArray& eventType, QList<StreamEvent>& out)
{
    const QString type = json::stringOr(record, "type", QString::fromLatin1(eventType));
    if (type == u"error"_s || (json::member(record, "error") && type != u"message_delta"_s)) {
        // Mid-stream errors (overloaded_error, api_error) end the answer exactly like HTTP errors.
        auto details = errorDetails(record);
        fail(ErrorClassifier::classify(
                 details.value_or(ErrorDetails{0, {}, u"api_error"_s, u"The provider reported an error"_s})),
             out);
        return;
    }
    if (type == u"message_start"_s) {
        if (const Json* message = json::member(record, "message")) {
            noteModel(json::stringOr(*message, "model"));
            if (const Json* usage = json::member(*message, "usage"))
                takeUsage(*usage, out);
        }
    } else if (type == u"content_block_start"_s) {
        const Json* block = json::member(record, "content_block");
        const qint64 index = json::integer(record, "index").value_or(0);
        if (!block)
            return;
        const QString blockType = json::stringOr(*block, "type");
        if (blockType == u"text"_s) {
            appendText(out, json::stringOr(*block, "text"), false);
        } else if (blockType == u"thinking"_s) {
            appendText(out, json::stringOr(*block, "thinking"), true);
        } else if (blockType == u"tool_use"_s) {
            ToolCallDelta d{toolIndexFor(index), json::stringOr(*block, "id"), json::stringOr(*block, "name"), {}};
            // The input normally streams as input_json_delta; a non-empty object here is the whole input.
            if (const Json* input = json::member(*block, "input"); input && input->is_object() && !input->empty())
                d.argumentsFragment = json::toQString(*input);
            m_toolHasInput[index] = !d.argumentsFragment.isEmpty();
            out.append(d);
        }
    } else if (type == u"content_block_delta"_s) {
        const Json* delta = json::member(record, "delta");
        if (!delta)
            return;
        const QString deltaType = json::stringOr(*delta, "type");
        if (deltaType == u"text_delta"_s)
            appendText(out, json::stringOr(*delta, "text"), false);
        else if (deltaType == u"thinking_delta"_s)
            appendText(out, json::stringOr(*delta, "thinking"), true);
        else if (deltaType == u"input_json_delta"_s) {
            const qint64 index = json::integer(record, "index").value_or(0);
            const QString fragment = json::stringOr(*delta, "partial_json");
            if (!fragment.isEmpty())
                m_toolHasInput[index] = true;
            out.append(ToolCallDelta{toolIndexFor(index), {}, {}, fragment});
        }
        // signature_delta and citations_delta carry nothing to show.
    } else if (type == u"message_delta"_s) {
        if (const Json* delta = json::member(record, "delta")) {
            if (auto reason = json::string(*delta, "stop_reason"); reason && !reason->isEmpty()) {
                m_sawStopReason = true;
                out.append(Finish{mapStopReason(*reason), *reason});
            }
        }
        if (const Json* usage = json::member(record, "usage"))
            takeUsage(*usage, out);
    } else if (type == u"content_block_stop"_s) {
        // A tool without parameters streams no input at all; its arguments are still a JSON object.
        const qint64 index = json::integer(record, "index").value_or(0);
        if (auto it = m_toolHasInput.find(index); it != m_toolHasInput.end() && !*it) {
            *it = true;
            out.append(ToolCallDelta{toolIndexFor(index), {}, {}, u"{}"_s});
        }
    } else if (type == u"message_stop"_s) {
        m_sawMessageStop = true;
        stopReading();
    }
    // ping and event types added later are ignored.
}

bool AnthropicStreamDecoder::completeAtEnd(QList<StreamEvent>& out)
{
    if (!m_sawStopReason && !m_sawMessageStop)
        return false;
    if (!m_sawStopReason)
        out.append(Finish{FinishReason::Stop, {}});
    return true;
}

QString AnthropicStreamDecoder::missingTerminal() const
{
    return u"no stop_reason and no message_stop event"_s;
}

void AnthropicStreamDecoder::decodeMessage(const Json& message, QList<StreamEvent>& out)
{
    if (const Json* content = json::member(message, "content"); content && content->is_array()) {
        int tool = 0;
        for (const Json& block : *content) {
            const QString type = json::stringOr(block, "type");
            if (type == u"text"_s)
                appendText(out, json::stringOr(block, "text"), false);
            else if (type == u"thinking"_s)
                appendText(out, json::stringOr(block, "thinking"), true);
            else if (type == u"tool_use"_s)
                out.append(ToolCallDelta{tool++, json::stringOr(block, "id"), json::stringOr(block, "name"),
                                         json::member(block, "input") ? json::toQString(*json::member(block, "input"))
                                                                      : QString()});
        }
    }
    const QString reason = json::stringOr(message, "stop_reason");
    out.append(Finish{mapStopReason(reason), reason});
    if (const Json* usage = json::member(message, "usage")) {
        AnthropicStreamDecoder scratch;
        scratch.takeUsage(*usage, out);
    }
}

} // namespace juxta
