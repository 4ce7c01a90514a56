// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/AnswerStreamer.h"

#include "chat/TranscriptView.h"
#include "common/FrameTicker.h"

using namespace Qt::StringLiterals;

namespace juxta {

AnswerStreamer::AnswerStreamer(ResilienceServices services, HistoryService& history, TranscriptView& view,
                               FrameTicker& ticker, MessageRecord answer, ChatRequest request, QList<Target> targets,
                               AnswerRecorder::PriceFor priceFor, QObject* parent)
    : QObject(parent)
    , m_view(view)
    , m_ticker(ticker)
    , m_answerId(answer.id)
{
    RetryPolicy retry;
    m_call = std::make_unique<ResilientCall>(services, request, targets, retry, FallbackPolicy{}, CallOptions{},
                                             quint32(QDateTime::currentMSecsSinceEpoch()));
    m_recorder = std::make_unique<AnswerRecorder>(history, std::move(answer), std::move(request), std::move(targets),
                                                  std::move(priceFor));
    connect(m_recorder.get(), &AnswerRecorder::grew, this, [this] {
        m_dirty = true;
        m_ticker.request(); // painted on the next frame, with whatever else arrived by then
    });
    connect(&m_ticker, &FrameTicker::tick, this, &AnswerStreamer::flush);
    connect(m_recorder.get(), &AnswerRecorder::restarted, this, [this] {
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
    connect(m_recorder.get(), &AnswerRecorder::finished, this, [this](const MessageRecord& record, const RoutedOutcome&) {
        // The final text replaces the streamed one; a frame still pending must not append its tail again.
        m_dirty = false;
        disconnect(&m_ticker, &FrameTicker::tick, this, &AnswerStreamer::flush);
        emit finished(record);
    });
}

AnswerStreamer::~AnswerStreamer()
{
    m_recorder.reset(); // before the call it watches
}

void AnswerStreamer::start()
{
    m_recorder->watch(*m_call);
    m_call->start();
}

void AnswerStreamer::stop()
{
    m_call->cancel();
}

int AnswerStreamer::viewIndex()
{
    // The user may have switched conversations: then there is nothing to paint, the recorder still saves.
    if (m_index >= 0 && m_index < m_view.count() && m_view.message(m_index).id == m_answerId)
        return m_index;
    m_index = m_view.indexOf(m_answerId);
    return m_index;
}

void AnswerStreamer::flush()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    const int index = viewIndex();
    if (index < 0)
        return;
    const Transcript& t = m_recorder->transcript();
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
