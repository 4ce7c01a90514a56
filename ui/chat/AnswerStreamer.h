// SPDX-License-Identifier: GPL-3.0-or-later
// Shows one running answer in a transcript: on each frame tick it appends only the text that arrived since the
// last one. The answer itself runs and records itself in core (AnswerRun); this only paints it.
#pragma once

#include <QObject>
#include <QPointer>

namespace juxta {

class AnswerRun;
class FrameTicker;
class TranscriptView;

class AnswerStreamer final : public QObject
{
    Q_OBJECT

public:
    AnswerStreamer(AnswerRun& run, TranscriptView& view, FrameTicker& ticker, QObject* parent = nullptr);

    AnswerRun* run() const;

private:
    void flush();
    int viewIndex();

    QPointer<AnswerRun> m_run;
    TranscriptView& m_view;
    FrameTicker& m_ticker;
    QString m_answerId;
    qsizetype m_flushed = 0;
    qsizetype m_reasoningFlushed = 0;
    qsizetype m_toolCallsFlushed = 0;
    int m_index = -1;
    bool m_dirty = false;
};

} // namespace juxta
