// SPDX-License-Identifier: GPL-3.0-or-later
// One column of a comparison, without its widgets: its conversation (a normal conversation that belongs to the
// comparison), the next turn's question, its answers (one per repeat, as versions of the same turn, one after
// another or at once), the answer shown and its figures, and the token-arrival trace of the run shown. Answers go
// through the answer engine, so they are saved, logged and costed exactly as in the chat.
#pragma once

#include "answer/ChatSettings.h"
#include "chat/ConversationTree.h"
#include "compare/CompareFigures.h"
#include "routing/RoutedOutcome.h"
#include "storage/HistoryRecords.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <memory>

class QNetworkAccessManager;

namespace juxta {

class AnswerEngine;
class AnswerRun;
struct PreparedAnswer;

class ComparisonLane final : public QObject
{
    Q_OBJECT

public:
    // `network` is the lane's own (see Comparison); `seedBase` keeps split routing of lanes apart.
    ComparisonLane(AnswerEngine& engine, QNetworkAccessManager& network, Conversation conversation,
                   ChatSettings settings, quint32 seedBase, QObject* parent = nullptr);
    ~ComparisonLane() override; // running answers are saved as stopped, with what arrived

    // The next turn: `prompt` after the branch shown, answered `repeat` times.
    void ask(const QString& prompt, int repeat, bool concurrent);
    // Another version of an answer, from the same question.
    void regenerate(const QString& answerId);
    void stop();
    bool isBusy() const { return m_resolving || !m_runs.isEmpty() || m_queued > 0; }
    // Shows another version (repeat run or regeneration) of a message; saved as the branch shown.
    bool stepBranch(const QString& messageId, int step);

    const ConversationRecord& conversation() const { return m_conversation; }
    const ConversationTree& tree() const { return m_tree; }
    const ChatSettings& settings() const { return m_settings; }
    const QString& leafId() const { return m_leafId; }
    QList<MessageRecord> shownPath() const;
    const MessageRecord* shownAnswer() const; // the last answer on the branch shown, if any
    AnswerRun* shownRun() const; // the run whose text is live in the column
    bool stoppedBeforeSending() const { return m_stoppedBeforeSending; }
    ColumnFigures figures() const;   // of the answer shown (label left to the caller)
    RepeatStats repeatStats() const; // over the answers of the last turn (or the versions of the answer shown)
    QList<QPointF> trace() const;    // tokens over time of the answer shown: live, or as the history kept it
    // The runs of the last turn, in the order they started: the answers (final records) and how they went.
    const QList<MessageRecord>& turnAnswers() const { return m_turnRecords; }
    const QList<RoutedOutcome>& turnOutcomes() const { return m_turnOutcomes; }
    void setSavedTraces(const QHash<QString, QByteArray>& traces); // by message id, from the history

signals:
    void turnStarted();
    void pathChanged();                          // the branch shown changed: show shownPath() again
    void runStarted(juxta::AnswerRun* run, bool shown);
    void runFinished(const juxta::MessageRecord& answer);
    void turnFinished();                         // every run of the turn ended (or it was stopped before sending)

private:
    void resolveAndRun(const QString& questionId, int repeat, bool concurrent);
    void startRun(bool show);
    void onRunFinished(AnswerRun* run, const MessageRecord& answer, const RoutedOutcome& outcome);
    void endTurn();
    enum class Leaf { Show, Save, ShowAndSave }; // pathChanged() and/or the history's current branch
    void setLeaf(const QString& leafId, Leaf how);

    AnswerEngine& m_engine;
    QNetworkAccessManager& m_network;
    ConversationRecord m_conversation;
    ConversationTree m_tree;
    ChatSettings m_settings;
    quint32 m_seedBase;
    QString m_leafId;

    // The turn being answered.
    QString m_questionId;
    std::unique_ptr<PreparedAnswer> m_prepared; // targets and request of the turn
    QList<AnswerRun*> m_runs;         // running now
    QPointer<AnswerRun> m_shown;
    QStringList m_turnAnswerIds;      // this turn's answers, in start order
    QList<MessageRecord> m_turnRecords;
    QList<RoutedOutcome> m_turnOutcomes;
    int m_queued = 0;                 // sequential runs still to start
    int m_started = 0;                // runs started this turn (seeds)
    bool m_resolving = false;
    bool m_launching = false;
    bool m_stopped = false;
    bool m_stoppedBeforeSending = false;
    quint64 m_generation = 0;
    QHash<QString, QList<QPointF>> m_traces; // finished answers' traces, by message id
};

} // namespace juxta
