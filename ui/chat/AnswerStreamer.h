// SPDX-License-Identifier: GPL-3.0-or-later
// One answer on its way into the transcript: runs the resilient call, lets AnswerRecorder keep it safe, and on
// each frame tick appends only the text that arrived since the last one.
#pragma once

#include "chat/AnswerRecorder.h"

#include <QObject>
#include <memory>

namespace juxta {

class FrameTicker;
class TranscriptView;

class AnswerStreamer final : public QObject
{
    Q_OBJECT

public:
    AnswerStreamer(ResilienceServices services, HistoryService& history, TranscriptView& view, FrameTicker& ticker,
                   MessageRecord answer, ChatRequest request, QList<Target> targets, AnswerRecorder::PriceFor priceFor,
                   QObject* parent = nullptr);
    ~AnswerStreamer() override;

    void start();
    void stop();
    const QString& messageId() const { return m_answerId; }
    const AnswerRecorder& recorder() const { return *m_recorder; }

signals:
    void finished(const juxta::MessageRecord& answer);

private:
    void flush();
    int viewIndex();

    TranscriptView& m_view;
    FrameTicker& m_ticker;
    QString m_answerId;
    std::unique_ptr<ResilientCall> m_call;
    std::unique_ptr<AnswerRecorder> m_recorder;
    qsizetype m_flushed = 0;
    qsizetype m_reasoningFlushed = 0;
    qsizetype m_toolCallsFlushed = 0;
    int m_index = -1;
    bool m_dirty = false;
};

} // namespace juxta
