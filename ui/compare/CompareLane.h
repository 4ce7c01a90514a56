// SPDX-License-Identifier: GPL-3.0-or-later
// What drives one compare column: its conversation (a normal conversation that belongs to the comparison), the
// next turn's question, its answers (one per repeat, as versions of the same turn, sequential or at once), the
// live figures while they stream and the repeat statistics when they end. Answers go through AnswerStreamer, so
// they are saved, logged and costed exactly as in the chat.
#pragma once

#include "chat/ChatSettings.h"
#include "chat/ConversationTree.h"
#include "compare/CompareFigures.h"
#include "routing/ResilientCall.h"
#include "storage/HistoryRecords.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

namespace juxta {

class AnswerStreamer;
class CatalogService;
class CompareColumn;
class ConfigStore;
class FrameTicker;
class HistoryService;
class SecretStore;

struct CompareServices
{
    ConfigStore& config;
    SecretStore& secrets;
    CatalogService& catalog;
    HistoryService& history;
    FrameTicker& ticker;
    ResilienceServices resilience;
};

class CompareLane final : public QObject
{
    Q_OBJECT

public:
    CompareLane(CompareServices services, CompareColumn& column, Conversation conversation, ChatSettings settings,
                QObject* parent = nullptr);
    ~CompareLane() override;

    // The next turn: `prompt` after the branch shown, answered `repeat` times.
    void ask(const QString& prompt, int repeat, bool concurrent);
    void stop();
    bool isBusy() const { return m_resolving || !m_streamers.isEmpty() || m_queued > 0; }
    // Shows another version (repeat run or regeneration) of an answer.
    void stepBranch(const QString& messageId, int step);
    // Another version of an answer, from the same question.
    void regenerate(const QString& answerId);

    CompareColumn& column() const { return m_column; }
    const ChatSettings& settings() const { return m_settings; }
    const ConversationRecord& conversation() const { return m_conversation; }
    QList<MessageRecord> shownPath() const;
    const MessageRecord* shownAnswer() const; // the last answer on the branch shown, if any
    ColumnFigures figures() const;            // of the answer shown
    RepeatStats repeatStats() const;          // over the answers of the last turn
    const ThroughputTrace& trace() const { return m_trace; }
    QString label() const { return m_label; }
    void setLabel(const QString& label) { m_label = label; }
    // Blind mode: answers show `name` ("Model B") and nothing that names the model; empty shows everything.
    void setAnonymous(const QString& name);

signals:
    void turnStarted();
    void turnFinished(); // every run of the turn ended
    void progressed();   // new live figures (once per frame at most)

private:
    void resolveAndRun(const QString& questionId, int repeat, bool concurrent);
    void startRun(bool show);
    void onRunFinished(AnswerStreamer* streamer, const MessageRecord& answer);
    void failWithoutCall(const QString& why);
    void showPath(const QString& leafId);
    void updateLive();
    void showFinalFigures();

    CompareServices m_services;
    CompareColumn& m_column;
    ConversationRecord m_conversation;
    ConversationTree m_tree;
    ChatSettings m_settings;
    QString m_label;
    QString m_leafId;
    QString m_anonymous;

    // The turn being answered.
    QString m_questionId;
    ChatRequest m_request;
    QList<Target> m_targets;
    QList<AnswerStreamer*> m_streamers;
    QPointer<AnswerStreamer> m_shown; // the run whose text and figures are live in the column
    QStringList m_turnAnswers;        // ids of this turn's answers, in start order
    int m_queued = 0;                 // sequential runs still to start
    bool m_resolving = false;
    bool m_stopped = false;
    quint64 m_generation = 0;

    QElapsedTimer m_liveClock;
    QString m_liveTarget; // the target being tried now, when it is not the column's own model (a fallback)
    std::optional<double> m_liveTtftMs;
    qsizetype m_tokensSeenChars = 0;
    double m_liveTokens = 0;
    ThroughputTrace m_trace;
};

} // namespace juxta
