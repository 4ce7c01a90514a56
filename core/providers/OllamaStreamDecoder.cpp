// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/OllamaStreamDecoder.h"

#include "providers/ErrorBodies.h"

using namespace Qt::StringLiterals;

namespace juxta {

void OllamaStreamDecoder::handleRecord(const json::Json& record, const QByteArray&, QList<StreamEvent>& out)
{
    if (failOnErrorRecord(record, out)) // e.g. {"error": …} as a record of the stream
        return;
    noteModel(json::stringOr(record, "model"));
    if (const json::Json* message = json::member(record, "message")) {
        if (const QString thinking = json::stringOr(*message, "thinking"); !thinking.isEmpty())
            out.append(ReasoningDelta{thinking});
        if (const QString content = json::stringOr(*message, "content"); !content.isEmpty())
            out.append(TextDelta{content});
        if (const json::Json* calls = json::member(*message, "tool_calls"); calls && calls->is_array()) {
            for (const json::Json& call : *calls) {
                const json::Json* function = json::member(call, "function");
                if (!function)
                    continue;
                const int index = m_toolCalls++;
                QString id = json::stringOr(call, "id");
                if (id.isEmpty())
                    id = u"call_%1"_s.arg(index);
                const json::Json* args = json::member(*function, "arguments");
                out.append(ToolCallDelta{index, id, json::stringOr(*function, "name"),
                                         args ? json::toQString(*args) : u"{}"_s});
            }
        }
    }
    const json::Json* done = json::member(record, "done");
    if (!done || !done->is_boolean() || !done->get<bool>())
        return;
    m_done = true;
    stopReading();
    const QString reason = json::stringOr(record, "done_reason", u"stop"_s);
    FinishReason normalized = FinishReason::Stop;
    if (reason == u"length"_s)
        normalized = FinishReason::Length;
    else if (m_toolCalls > 0)
        normalized = FinishReason::ToolCalls;
    out.append(Finish{normalized, reason});

    UsageReport report;
    report.usage.inputTokens = json::integer(record, "prompt_eval_count");
    report.usage.outputTokens = json::integer(record, "eval_count");
    const auto evalDurationNs = json::integer(record, "eval_duration");
    if (report.usage.outputTokens && evalDurationNs && *evalDurationNs > 0)
        report.serverOutputTokensPerSecond = double(*report.usage.outputTokens) / (double(*evalDurationNs) / 1e9);
    if (!report.usage.isEmpty() || report.serverOutputTokensPerSecond)
        out.append(report);
}

bool OllamaStreamDecoder::completeAtEnd(QList<StreamEvent>&)
{
    return m_done;
}

QString OllamaStreamDecoder::missingTerminal() const
{
    return u"no final record with \"done\": true"_s;
}

} // namespace juxta
