// SPDX-License-Identifier: GPL-3.0-or-later
// Shows one lane of a comparison (core's ComparisonLane) in its column: the branch shown, the running answer
// appended frame by frame, the live figures while it streams and the answer's figures and repeat statistics when
// it ends. Gestures in the column (step versions, regenerate) go to the lane. Nothing here runs or records.
#pragma once

#include "answer/ChatSettings.h"
#include "compare/CompareFigures.h"
#include "storage/HistoryRecords.h"

#include <QObject>
#include <QPointer>

namespace juxta {

class AnswerRun;
class AnswerStreamer;
class CompareColumn;
class ComparisonLane;
class FrameTicker;

class CompareLane final : public QObject
{
    Q_OBJECT

public:
    CompareLane(ComparisonLane& lane, CompareColumn& column, FrameTicker& ticker, QObject* parent = nullptr);

    void clearMarks(); // before a new turn: marks, the "best" choice, ratings and votes were the last turn's
    void stop();
    bool isBusy() const;
    void stepBranch(const QString& messageId, int step);
    void regenerate(const QString& answerId);

    ComparisonLane& lane() const { return m_lane; }
    CompareColumn& column() const { return m_column; }
    const ChatSettings& settings() const;
    const ConversationRecord& conversation() const;
    QList<MessageRecord> shownPath() const;
    const MessageRecord* shownAnswer() const;
    ColumnFigures figures() const; // of the answer shown, labelled
    RepeatStats repeatStats() const;
    QString label() const { return m_label; }
    void setLabel(const QString& label) { m_label = label; }
    // Blind mode: answers show `name` ("Model B") and nothing that names the model; empty shows everything.
    void setAnonymous(const QString& name);

signals:
    void turnStarted();
    void turnFinished(); // every run of the turn ended
    void progressed();   // new live figures (once per frame at most)

private:
    void showPath();
    void onRunStarted(AnswerRun* run, bool shown);
    void onRunFinished(const MessageRecord& answer);
    void onTurnFinished();
    void updateLive();
    void showFinalFigures();

    ComparisonLane& m_lane;
    CompareColumn& m_column;
    FrameTicker& m_ticker;
    QString m_label;
    QString m_anonymous;
    QPointer<AnswerStreamer> m_streamer; // paints the run shown
    double m_tokensSeen = -1;
};

} // namespace juxta
