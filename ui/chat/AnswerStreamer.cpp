// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/AnswerStreamer.h"

#include "answer/AnswerRun.h"
#include "chat/TranscriptView.h"
#include "common/FrameTicker.h"

namespace juxta {

AnswerStreamer::AnswerStreamer(AnswerRun& run, TranscriptView& view, FrameTicker& ticker, QObject* parent)
    : QObject(parent)
    , m_run(&run)
    , m_view(view)
    , m_ticker(ticker)
    , m_answerId(run.answerId())
{
    connect(&run, &AnswerRun::grew, this, [this] {
        m_dirty = true;
        m_ticker.request(); // painted on the next frame, with whatever else arrived by then
    });
    connect(&m_ticker, &FrameTicker::tick, this, &AnswerStreamer::flush);
    connect(&run, &AnswerRun::restarted, this, [this] {
        // A fallback after partial output: the earlier text was abandoned (it is in the request log).
        m_flushed = m_reasoningFlushed = m_toolCallsFlushed = 0;
        m_dirty = false;
        const int index = viewIndex();
        if (index >= 0) {
            MessageRecord fresh = m_view.message(index);
            fresh.content.clear();
            fresh.reasoning.clear();
            fresh.toolCallsJson.clear();
            m_view.replaceMessage(index, fresh, m_view.branch(index));
        }
    });
    connect(&run, &AnswerRun::finished, this, [this] {
        // The final text replaces the streamed one; a frame still pending must not append its tail again.
        m_dirty = false;
        disconnect(&m_ticker, &FrameTicker::tick, this, &AnswerStreamer::flush);
    });
}

AnswerRun* AnswerStreamer::run() const
{
    return m_run;
}

int AnswerStreamer::viewIndex()
{
    // The user may have switched conversations: then there is nothing to paint, the run still records.
    if (m_index >= 0 && m_index < m_view.count() && m_view.message(m_index).id == m_answerId)
        return m_index;
    m_index = m_view.indexOf(m_answerId);
    return m_index;
}

void AnswerStreamer::flush()
{
    if (!m_dirty || !m_run)
        return;
    m_dirty = false;
    const int index = viewIndex();
    if (index < 0)
        return;
    const Transcript& t = m_run->transcript();
    // Tool calls grow by their arguments: their total size tells whether there is anything new to show.
    qsizetype toolCallChars = 0;
    for (const ToolCall& call : t.toolCalls())
        toolCallChars += call.name.size() + call.arguments.size() + 1;
    if (t.reasoning().size() != m_reasoningFlushed || toolCallChars != m_toolCallsFlushed) {
        m_reasoningFlushed = t.reasoning().size();
        m_toolCallsFlushed = toolCallChars;
        m_view.setLiveExtras(index, t.reasoning(), toolCallsToJson(t.toolCalls()));
    }
    const QStringView fresh = t.textFrom(m_flushed);
    m_flushed = t.length();
    m_view.appendText(index, fresh);
}

} // namespace juxta
